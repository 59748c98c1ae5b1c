// npm test — every test stage in order, each with a header and its time, then a summary:
//   1. tsc --noEmit
//   2. Vitest on PGlite
//   3. Vitest on TEST_DATABASE_URL's server through node-postgres      (when TEST_DATABASE_URL)
//   4. Vitest on the same server through the Neon driver and a local
//      WebSocket bridge (scripts/neon-bridge.mjs)                       (when TEST_DATABASE_URL)
//   5. Playwright: the built portal on a fresh database (that server when TEST_DATABASE_URL,
//      else PGlite) in Debian's Chromium
//   6. the security suite (scripts/security.mjs, Playwright runner)       (when TEST_DATABASE_URL)
//   7. the benchmark's smoke run (npm run bench -- --smoke; its own throwaway PostgreSQL server)
// A failed stage does not stop the next. Ends with "N passed, N failed" (tests counted from
// Vitest's and Playwright's JSON reports) and a non-zero exit code if anything failed.
// Options: --only=pglite,e2e  --skip=typecheck   (names: typecheck pglite pg neon e2e security bench)
// `bash scripts/test.sh` installs what is missing, starts a PostgreSQL server and runs this.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const REPORTS = path.join(root, 'test-results');
fs.mkdirSync(REPORTS, { recursive: true });

const option = (name) =>
  process.argv
    .find((a) => a.startsWith(`--${name}=`))
    ?.split('=')[1]
    .split(',')
    .filter(Boolean);
const only = option('only');
const skip = option('skip') ?? [];
const wanted = (key) => (!only || only.includes(key)) && !skip.includes(key);

const serverUrl = process.env.TEST_DATABASE_URL?.trim();
const baseEnv = { ...process.env };
// The stages choose the database; nothing from the caller's shell may leak into them.
for (const name of ['DATABASE_URL', 'DATABASE_DRIVER', 'NEON_WS_PROXY', 'PGLITE_DIR']) delete baseEnv[name];
delete baseEnv.TEST_DATABASE_URL;

let current = null;
const results = [];

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current && current.exitCode === null) current.kill(signal);
    process.exit(130);
  });
}

function run(command, args, env) {
  return new Promise((resolve) => {
    current = spawn(command, args, { env, stdio: 'inherit' });
    current.on('error', (error) => {
      console.error(`cannot run ${command}: ${error.message}`);
      resolve(127);
    });
    current.on('exit', (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function vitestCounts(file) {
  const report = readJson(file);
  if (!report) return null;
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

// The failed tests by name, with the first line of each message: CI keeps only the end of the
// output, so the summary has to say which test failed, not just how many.
function firstLine(text) {
  const line = String(text ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim()) ?? '';
  return line.trim().slice(0, 200);
}

function vitestFailures(file) {
  const report = readJson(file);
  const failures = [];
  for (const result of report?.testResults ?? []) {
    const where = path.relative(root, result.name ?? '');
    const failed = (result.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failed) failures.push(`${where} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
    // A file that failed outside any test (a hook, an import) has no failed assertion.
    if (result.status === 'failed' && failed.length === 0) failures.push(`${where}: ${firstLine(result.message)}`);
  }
  return failures;
}

function playwrightFailures(file) {
  const failures = [];
  const walk = (suite, titles) => {
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue;
        const error = test.results?.at(-1)?.error?.message;
        failures.push(`${[...titles, spec.title].filter(Boolean).join(' › ')}: ${firstLine(error)}`);
      }
    }
  };
  walk(readJson(file) ?? {}, []);
  return failures;
}

function playwrightCounts(file) {
  const report = readJson(file);
  if (!report?.stats) return null;
  const s = report.stats;
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 };
}

async function stage(key, title, body) {
  if (!wanted(key)) return;
  const line = '═'.repeat(Math.max(10, 78 - title.length));
  console.log(`\n═══ ${title} ${line}\n`);
  const started = Date.now();
  let outcome;
  try {
    outcome = await body();
  } catch (error) {
    console.error(`${title}: ${error.message}`);
    outcome = { code: 1, counts: null, note: error.message };
  }
  const seconds = (Date.now() - started) / 1000;
  let counts = outcome.counts;
  let note = outcome.note ?? '';
  // A stage that failed outside of any test (type errors, a crash, a server that did not start)
  // counts as one failure, so the closing line never says "0 failed" for a failed run.
  if (outcome.code !== 0 && (!counts || counts.failed === 0)) {
    counts = { passed: counts?.passed ?? 0, failed: (counts?.failed ?? 0) + 1, skipped: counts?.skipped ?? 0 };
    note ||= `exit code ${outcome.code}`;
  }
  const failures = outcome.failures ?? [];
  results.push({ title, ok: outcome.code === 0, counts, seconds, note, tests: outcome.tests !== false, failures });
  console.log(`\n─── ${title}: ${outcome.code === 0 ? 'ok' : 'FAILED'} in ${seconds.toFixed(1)} s`);
}

async function vitest(key, title, env) {
  const report = path.join(REPORTS, `vitest-${key}.json`);
  fs.rmSync(report, { force: true });
  await stage(key, title, async () => {
    const code = await run(
      bin('vitest'),
      ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
      env,
    );
    return { code, counts: vitestCounts(report), failures: vitestFailures(report) };
  });
}

function startBridge() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/neon-bridge.mjs', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const timer = setTimeout(() => reject(new Error('the Neon bridge did not start within 10 s')), 10_000);
    child.on('exit', (code) => reject(new Error(`the Neon bridge exited (${code})`)));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const match = /listening on ws:\/\/([\d.]+:\d+)/.exec(chunk);
      if (match) {
        clearTimeout(timer);
        resolve({ address: match[1], stop: () => child.kill('SIGTERM') });
      }
    });
  });
}

const totalStarted = Date.now();

await stage('typecheck', 'Type check (tsc --noEmit)', async () => ({
  code: await run(bin('tsc'), ['--noEmit'], baseEnv),
  counts: null,
  tests: false,
}));

await vitest('pglite', 'Vitest on PGlite', baseEnv);

if (serverUrl) {
  await vitest('pg', 'Vitest on PostgreSQL through node-postgres', {
    ...baseEnv,
    TEST_DATABASE_URL: serverUrl,
    DATABASE_DRIVER: 'pg',
  });

  if (wanted('neon')) {
    let bridge;
    try {
      bridge = await startBridge();
    } catch (error) {
      await stage('neon', 'Vitest on PostgreSQL through the Neon driver (WebSocket bridge)', async () => {
        throw error;
      });
    }
    if (bridge) {
      try {
        await vitest('neon', `Vitest on PostgreSQL through the Neon driver (bridge ${bridge.address})`, {
          ...baseEnv,
          TEST_DATABASE_URL: serverUrl,
          DATABASE_DRIVER: 'neon',
          NEON_WS_PROXY: bridge.address,
        });
      } finally {
        bridge.stop();
      }
    }
  }
} else if (!only) {
  console.log(
    '\n(TEST_DATABASE_URL is not set: the PostgreSQL and Neon-driver stages are skipped; bash scripts/test.sh runs them.)',
  );
}

await stage('e2e', `Playwright end-to-end on ${serverUrl ? 'PostgreSQL' : 'PGlite'} (Chromium)`, async () => {
  if (!fs.existsSync('/usr/bin/chromium')) {
    throw new Error('/usr/bin/chromium is missing: bash scripts/test.sh installs it (apt-get install chromium)');
  }
  const report = path.join(REPORTS, 'e2e.json');
  fs.rmSync(report, { force: true });
  const env = { ...baseEnv };
  if (serverUrl) env.TEST_DATABASE_URL = serverUrl;
  const code = await run(bin('playwright'), ['test'], env);
  return { code, counts: playwrightCounts(report), failures: playwrightFailures(report) };
});

// The security suite needs the database server (it compares rows before and after each attack).
if (serverUrl) {
  const report = path.join(REPORTS, 'security.json');
  await stage('security', 'Security and reliability suite (npm run test:security)', async () => {
    fs.rmSync(report, { force: true });
    // Right after a green e2e stage, .next holds the build of this very tree: reuse it.
    const built = results.find((r) => r.title.startsWith('Playwright end-to-end'))?.ok;
    const env = { ...baseEnv, TEST_DATABASE_URL: serverUrl, SKIP_BUILD: built ? '1' : '' };
    const code = await run(process.execPath, ['scripts/security.mjs'], env);
    return { code, counts: playwrightCounts(report), failures: playwrightFailures(report) };
  });
}

// The benchmark's smoke run (issue 7): tiny data, 2 s load runs, no Lighthouse. It fails only when
// the harness breaks (speed targets are never asserted here), so the benchmark cannot rot unseen.
await stage('bench', 'Benchmark smoke (npm run bench -- --smoke)', async () => ({
  code: await run(bin('tsx'), ['scripts/bench.ts', '--smoke'], baseEnv),
  counts: null,
  tests: false,
}));

// ── Summary ─────────────────────────────────────────────────────────────────────────────────
const totals = { passed: 0, failed: 0, skipped: 0 };
const rows = results.map((r) => {
  if (r.counts) for (const k of Object.keys(totals)) totals[k] += r.counts[k];
  const n = (k) => (r.counts && (r.tests || k === 'failed') ? String(r.counts[k]) : '-');
  return [r.title, r.ok ? 'ok' : 'FAILED', n('passed'), n('failed'), n('skipped'), `${r.seconds.toFixed(1)} s`, r.note];
});
const header = ['Stage', 'Result', 'Passed', 'Failed', 'Skipped', 'Time', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
const format = (row) =>
  row
    .map((cell, i) => (i >= 2 && i <= 5 ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i])))
    .join('  ')
    .trimEnd();
console.log(`\n═══ Summary ${'═'.repeat(70)}\n`);
console.log(format(header));
console.log(widths.map((w) => '─'.repeat(w)).join('  '));
for (const row of rows) console.log(format(row));
const failed = results.filter((r) => r.failures.length > 0);
if (failed.length > 0) {
  console.log('\nFailed tests:');
  for (const r of failed) {
    console.log(`  ${r.title}`);
    for (const failure of r.failures) console.log(`    ✗ ${failure}`);
  }
}
console.log(`\nTotal time ${((Date.now() - totalStarted) / 1000).toFixed(1)} s; results in test-results/.`);
if (results.length === 0) {
  console.log('No stage ran.');
  totals.failed += 1;
}
fs.writeFileSync(path.join(REPORTS, 'summary.json'), JSON.stringify({ totals, stages: results }, null, 2));
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(results.every((r) => r.ok) && results.length > 0 ? 0 : 1);
