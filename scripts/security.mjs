// npm run test:security — the security and reliability suite (security/*.spec.ts) on the
// production build, then a summary table of what it measured (checks, inputs, requests, faults)
// and what it found. Needs a PostgreSQL server for the database comparisons: TEST_DATABASE_URL,
// or else the throwaway one of scripts/pg-server.sh (started here and stopped afterwards).
// Arguments go to Playwright (e.g. `npm run test:security -- security/headers.spec.ts`).
// SKIP_BUILD=1 reuses an existing .next build (scripts/test-all.mjs does so right after e2e).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const OUT = path.join(root, 'test-results/security');
const FIGURES = path.join(OUT, 'figures.jsonl');
const REPORT = path.join(root, 'test-results/security.json');

function pgServer(command) {
  const result = spawnSync('bash', ['scripts/pg-server.sh', command], { encoding: 'utf8' });
  return { ok: result.status === 0, out: (result.stdout ?? '').trim(), err: (result.stderr ?? '').trim() };
}

const env = { ...process.env };
for (const name of ['DATABASE_URL', 'DATABASE_DRIVER', 'NEON_WS_PROXY', 'PGLITE_DIR']) delete env[name];
let startedServer = false;
if (!env.TEST_DATABASE_URL?.trim()) {
  if (!pgServer('status').ok) {
    console.log('security: starting a throwaway PostgreSQL server (scripts/pg-server.sh)');
    const started = pgServer('start');
    if (!started.ok) {
      console.error(`security: cannot start PostgreSQL: ${started.err}\n(bash scripts/test.sh installs it)`);
      process.exit(1);
    }
    startedServer = true;
  }
  env.TEST_DATABASE_URL = pgServer('url').out;
}

fs.mkdirSync(OUT, { recursive: true });
fs.rmSync(FIGURES, { force: true });
fs.rmSync(REPORT, { force: true });

const args = ['test', '-c', 'playwright.security.config.ts', ...process.argv.slice(2)];
const child = spawn(path.join(root, 'node_modules/.bin/playwright'), args, { env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
const code = await new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? (s ? 128 : 1))));
if (startedServer) pgServer('stop');

// ── Summary ─────────────────────────────────────────────────────────────────────────────────
const figures = fs.existsSync(FIGURES)
  ? fs
      .readFileSync(FIGURES, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
let tests = { passed: 0, failed: 0, skipped: 0 };
try {
  const s = JSON.parse(fs.readFileSync(REPORT, 'utf8')).stats;
  tests = { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 };
} catch {
  // no report: Playwright did not run (the server did not start); the exit code says so
}

const rows = figures.map((f) => [f.area, f.label, String(f.value), String(f.failures ?? 0), f.note ?? '']);
const header = ['Area', 'Measured', 'Count', 'Failures', 'Note'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
console.log(`\n═══ Security and reliability summary ${'═'.repeat(44)}\n`);
if (rows.length) {
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
} else console.log('(no figures recorded)');
const failures = figures.reduce((n, f) => n + (f.failures ?? 0), 0);
fs.writeFileSync(path.join(OUT, 'summary.json'), JSON.stringify({ tests, failures, figures }, null, 2));
console.log(`\n${tests.passed} passed, ${tests.failed} failed; ${failures} failures in the figures`);
process.exit(code === 0 && failures === 0 ? 0 : code || 1);
