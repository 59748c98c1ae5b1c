// npm run bench -- [--scale small|large] [--smoke] …  (bench/README.md explains the method)
//
//   1. data: a PostgreSQL server (BENCH_DATABASE_URL or a throwaway one), one database per scale,
//      generated in SQL (bench/sql/generate.sql) and reused while it matches
//   2. the production build under `npm start` (one `next start` per core), signed in through the real login (server action)
//   3. autocannon on every page at each concurrency → p50/p95/p99, req/s, non-2xx
//   4. queries per request (the bench-mode counter of db/index.ts, read through /api/bench/queries)
//   5. EXPLAIN (ANALYZE, BUFFERS) of every data-access statement; Seq Scans on big tables flagged
//   6. the floor: the same data-access calls in process, page p50 ÷ floor p50
//   7. growth: large ÷ small p50, against the newest result of the other scale in bench/results
//   8. the sign-in storm: /tickets under load, quiet and with 20 concurrent sign-ins
//   9. Lighthouse on /login, client /tickets and the heavy ticket
//  10. JSON in bench/results/<date>-<scale>.json (smoke: test-results/bench-smoke.json) + a table
// --smoke (CI): tiny data, 2 s runs, no Lighthouse; exits non-zero only when the harness breaks.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { poolMax } from '@/db';
import { actionId, currentCookie, ensureBuild, queryCount, signIn, signInOrThrow, startApp, type App } from './bench/app';
import { BENCH_PASSWORD, ROOT, ensureDatabase, ensureServer, pgServerDir } from './bench/database';
import { runFloor, type FloorPage } from './bench/floor';
import { canMeasureCpu, postmasterPid } from './bench/cpu';
import { load, measureCpuOf, warm, type LoadResult } from './bench/load';
import { log, sleep, step, warn } from './bench/log';
import { parseOptions, type Options } from './bench/options';
import { ADMIN_EMAIL, CLIENT_EMAIL, DEEP_CURSOR_SQL, LIGHTHOUSE_PAGES, PAGES, REFERENCE_PAGES, ticketsCursor } from './bench/pages';
import type { LighthouseResult } from './bench/lighthouse';

const TARGETS = { p95Ms: 150, queries: 6, growth: 1.5, stormRatio: 2, lhPerformance: 95, lhAccessibility: 100, lhBestPractices: 95, ticketJsKb: 200 };
const STORM_SIGNINS = 20;
const STORM_CONNECTIONS = 8;

type PageResult = {
  name: string;
  who: string;
  path: string;
  status: number;
  bytes: number;
  queries: number | null;
  load: LoadResult[];
  floor: FloorPage['floor'] | null;
  pageOverFloor: number | null;
  seqScans: string[];
  plans: FloorPage['plans'];
  /** Large ÷ small p50 at c=1; also the ratio of CPU per response, which the machine's load does not sway. */
  growth?: { otherScale: string; otherP50: number; ratio: number; cpuRatio: number | null } | null;
  error?: string;
};

function machine() {
  const cpus = os.cpus();
  let uptime = '';
  try {
    uptime = execSync('uptime').toString().trim();
  } catch {
    uptime = `load average ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`;
  }
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    uptime,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

async function fetchPage(app: App, pagePath: string, cookie: string | null) {
  const res = await fetch(`${app.baseUrl}${pagePath}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  const body = await res.text();
  return { status: res.status, body, location: res.headers.get('location') };
}

async function main(): Promise<number> {
  const opts = parseOptions(process.argv.slice(2));
  const startedAt = new Date();
  log(`scale ${opts.scale.name}${opts.smoke ? ' (smoke)' : ''}, ${opts.duration} s per run at concurrency ${opts.concurrency.join(', ')}`);
  const before = machine();
  log(`machine: ${before.cpus} × ${before.cpuModel}, ${before.memoryGb} GB, ${before.uptime}`);

  const server = await ensureServer(opts);
  let app: App | null = null;
  const cleanup = async () => {
    if (app && !opts.keep) await app.stop();
    if (server.started && opts.stopDb) await server.stop();
    else if (server.started) log(`database server left running for the next run (--stop-db removes it)`);
  };
  process.on('SIGINT', () => void cleanup().finally(() => process.exit(130)));

  try {
    const database = await ensureDatabase(opts, server.serverUrl);
    const pgVersion = await withPg(database.url, async (c) => (await c.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0].v);

    const cursorRow = await withPg(database.url, async (c) => (await c.query<{ id: string; k: string }>(DEEP_CURSOR_SQL, [CLIENT_EMAIL, opts.scale.deepOffset])).rows[0]);
    if (!cursorRow) throw new Error('no boundary row for the deep page');
    const cursor = ticketsCursor(cursorRow);
    const pages = PAGES.filter((p) => !opts.pages || opts.pages.includes(p.name)).map((p) => ({ ...p, path: p.path.replace('{cursor}', cursor) }));

    const dir = await ensureBuild(opts);
    app = await startApp(opts, dir, database.url);
    const running = app;
    const loginId = actionId(dir, 'app/(auth)/login/actions.ts', 'loginAction');
    // CPU per request: the app's process tree, and the throwaway PostgreSQL server's (not a
    // BENCH_DATABASE_URL server, which may be elsewhere).
    if (canMeasureCpu()) {
      measureCpuOf({ app: running.child.pid ?? null, db: server.started ? postmasterPid(`${pgServerDir(opts)}/data`) : null });
    }
    const cookies: Record<string, string> = {
      client: await signInOrThrow(running, loginId, CLIENT_EMAIL, BENCH_PASSWORD),
      admin: await signInOrThrow(running, loginId, ADMIN_EMAIL, BENCH_PASSWORD),
    };

    // Correct answers and queries per request (the counter is process-wide: one request at a time).
    const results: PageResult[] = [];
    for (const page of pages) {
      const cookie = cookies[page.who];
      const first = await fetchPage(running, page.path, cookie);
      const result: PageResult = {
        name: page.name,
        who: page.who,
        path: page.path,
        status: first.status,
        bytes: first.body.length,
        queries: null,
        load: [],
        floor: null,
        pageOverFloor: null,
        seqScans: [],
        plans: [],
      };
      results.push(result);
      if (first.status !== 200 || !first.body.includes(page.expect)) {
        result.error = `GET ${page.path} → ${first.status}${first.location ? ` (to ${first.location})` : ''}, expected 200 with “${page.expect}”`;
        warn(result.error);
        continue;
      }
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) {
        const a = await queryCount(running, cookie);
        await fetchPage(running, page.path, cookie);
        const b = await queryCount(running, cookie);
        counts.push(b - a);
      }
      result.queries = Math.min(...counts);
      log(`${page.name}: 200, ${(result.bytes / 1024).toFixed(1)} kB of HTML, ${result.queries} queries per request`);
    }

    // Load.
    for (const page of pages) {
      const result = results.find((r) => r.name === page.name)!;
      if (result.error) continue;
      cookies[page.who] = await currentCookie(running, cookies[page.who]);
      for (const connections of opts.concurrency) {
        await warm(running, page.path, cookies[page.who]);
        const r = await load(running, page.path, cookies[page.who], connections, opts.duration);
        result.load.push(r);
        log(
          `load ${page.name} c=${connections}: p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, ` +
            `${r.rps} req/s, non-2xx ${r.non2xx}, errors ${r.errors}`,
        );
      }
    }

    // Reference rows (not judged): the framework's own cost per response, signed out.
    const reference: ReferenceResult[] = [];
    if (opts.reference) {
      for (const ref of REFERENCE_PAGES.filter((r) => !opts.pages || opts.pages.includes(r.name))) {
        const first = await fetchPage(running, ref.path, null);
        if (first.status !== 200 || !first.body.includes(ref.expect)) {
          warn(`reference ${ref.path} → ${first.status}, expected 200 with “${ref.expect}”; skipped`);
          continue;
        }
        const loads: LoadResult[] = [];
        for (const connections of opts.concurrency) {
          await warm(running, ref.path, null);
          loads.push(await load(running, ref.path, null, connections, opts.duration));
        }
        reference.push({ name: ref.name, path: ref.path, bytes: first.body.length, load: loads });
        log(`reference ${ref.name}: ${loads.map((l) => `c=${l.connections} p95 ${l.p95} ms, ${cpuPerRequest(l) ?? '—'} ms CPU/response`).join('; ')}`);
      }
    }

    // The sign-in storm.
    let storm: Awaited<ReturnType<typeof signInStorm>> | null = null;
    if (opts.storm && results.some((r) => r.name === 'client /tickets' && !r.error)) {
      cookies.client = await currentCookie(running, cookies.client);
      storm = await step('sign-in storm', () => signInStorm(running, loginId, database.url, cookies.client, opts));
    }

    // Lighthouse.
    const lighthouse: Record<string, LighthouseResult | { error: string }> = {};
    if (opts.lighthouse) {
      const { runLighthouseMedian } = await import('./bench/lighthouse');
      for (const p of LIGHTHOUSE_PAGES) {
        try {
          if (p.who) cookies[p.who] = await currentCookie(running, cookies[p.who]);
          lighthouse[p.name] = await runLighthouseMedian(
            running,
            p.path,
            p.who ? cookies[p.who] : null,
            {
              preset: opts.lighthousePreset,
              throttling: opts.lighthouseThrottling,
              renderDocument: opts.lighthouseRenderDocument,
              runs: opts.lighthouseRuns,
              reportDir: path.join(ROOT, 'test-results/lighthouse'),
            },
          );
        } catch (error) {
          lighthouse[p.name] = { error: (error as Error).message };
          warn(`lighthouse ${p.path}: ${(error as Error).message}`);
        }
      }
    }

    // The app is not needed any more: the floor and the plans run on a quiet machine.
    await running.stop();
    app = null;

    if (opts.floor || opts.plans) {
      const floor = await step('floor and query plans (in process)', () =>
        runFloor({
          databaseUrl: database.url,
          cursor,
          seconds: opts.smoke ? 1 : 5,
          maxIterations: opts.smoke ? 50 : 500,
          plans: opts.plans,
          floor: opts.floor,
        }),
      );
      for (const r of results) {
        const f = floor[r.name];
        if (!f) continue;
        if (f.error) {
          r.error = `${r.error ? `${r.error}; ` : ''}floor: ${f.error.split('\n')[0]}`;
          warn(`floor ${r.name}: ${f.error}`);
          continue;
        }
        r.floor = f.floor ?? null;
        r.plans = f.plans ?? [];
        r.seqScans = [...new Set((f.plans ?? []).flatMap((p) => p.seqScans))];
        const c1 = r.load.find((l) => l.connections === 1);
        if (c1 && r.floor) r.pageOverFloor = Math.round((c1.p50 / r.floor.p50) * 10) / 10;
      }
    }

    // Growth against the other scale's newest result.
    const other = opts.scale.name === 'large' ? 'small' : opts.scale.name === 'small' ? 'large' : null;
    const otherFile = other ? newestResult(other) : null;
    if (otherFile) {
      const prev = JSON.parse(fs.readFileSync(otherFile, 'utf8')) as { pages: PageResult[] };
      for (const r of results) {
        const mineRun = r.load.find((l) => l.connections === 1);
        const theirRun = prev.pages.find((p) => p.name === r.name)?.load.find((l) => l.connections === 1);
        const mine = mineRun?.p50;
        const theirs = theirRun?.p50;
        if (mine && theirs) {
          const [large, small] = opts.scale.name === 'large' ? [mine, theirs] : [theirs, mine];
          const cpuMine = cpuPerRequest(mineRun);
          const cpuTheirs = cpuPerRequest(theirRun);
          let cpuRatio: number | null = null;
          if (cpuMine && cpuTheirs) {
            const [cl, cs] = opts.scale.name === 'large' ? [cpuMine, cpuTheirs] : [cpuTheirs, cpuMine];
            cpuRatio = Math.round((cl / cs) * 100) / 100;
          }
          r.growth = { otherScale: path.basename(otherFile), otherP50: theirs, ratio: Math.round((large / small) * 100) / 100, cpuRatio };
        }
      }
    }

    const after = machine();
    const report = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      scale: opts.scale,
      smoke: opts.smoke,
      data: database.meta,
      options: { duration: opts.duration, concurrency: opts.concurrency, isolated: opts.isolated, lighthouseRuns: opts.lighthouseRuns, lighthouseThrottling: opts.lighthouseThrottling, lighthouseRenderDocument: opts.lighthouseRenderDocument },
      machine: { before, after, postgres: pgVersion, databasePoolMax: poolMax(), servers: running.servers },
      pages: results,
      reference,
      storm,
      lighthouse,
      lighthousePreset: opts.lighthousePreset,
      targets: TARGETS,
    };
    const verdicts = judge(report);
    const out =
      opts.out ??
      (opts.smoke
        ? path.join(ROOT, 'test-results/bench-smoke.json')
        : path.join(ROOT, `bench/results/${startedAt.toISOString().slice(0, 10)}-${opts.scale.name}.json`));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify({ ...report, verdicts }, null, 2)}\n`);
    printTable(report, verdicts);
    log(`results: ${path.relative(ROOT, out)}`);

    const broken = results.filter((r) => r.error || r.queries === null || r.load.length === 0);
    if (broken.length) {
      console.error(`\nThe harness could not measure: ${broken.map((b) => `${b.name} (${b.error ?? 'no load result'})`).join('; ')}`);
      return 1;
    }
    return 0;
  } finally {
    await cleanup();
  }
}

async function withPg<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * The result of `scale` that finished last, by the `finishedAt` it records (file names sort
 * partial runs such as `…-storm-lighthouse-large.json` after `…-large.json`, and a clone's file
 * times are its checkout's).
 */
function newestResult(scale: string): string | null {
  const dir = path.join(ROOT, 'bench/results');
  if (!fs.existsSync(dir)) return null;
  let newest: { file: string; at: number } | null = null;
  for (const f of fs.readdirSync(dir).filter((name) => name.endsWith(`-${scale}.json`))) {
    const file = path.join(dir, f);
    let at = NaN;
    try {
      at = Date.parse((JSON.parse(fs.readFileSync(file, 'utf8')) as { finishedAt?: string }).finishedAt ?? '');
    } catch {
      continue; // not a result file
    }
    if (Number.isFinite(at) && (!newest || at > newest.at)) newest = { file, at };
  }
  return newest?.file ?? null;
}

/** /tickets under load, quiet and then while 20 sign-ins run back to back. */
async function signInStorm(app: App, loginId: string, databaseUrl: string, clientCookie: string, opts: Options) {
  const emails = await withPg(databaseUrl, async (c) =>
    (
      await c.query<{ email: string }>(
        `select email from users where role = 'CLIENT' and active and email_verified and password_hash is not null
            and email <> $1 order by email limit $2`,
        [CLIENT_EMAIL, STORM_SIGNINS],
      )
    ).rows.map((r) => r.email),
  );
  if (!emails.length) throw new Error('no accounts for the sign-in storm');
  await warm(app, '/tickets', clientCookie);
  const quiet = await load(app, '/tickets', clientCookie, STORM_CONNECTIONS, opts.duration);
  log(`storm: quiet /tickets c=${STORM_CONNECTIONS}: p95 ${quiet.p95} ms`);
  await sleep(500);

  const signIns: number[] = [];
  let failures = 0;
  const deadline = Date.now() + opts.duration * 1000;
  const loops = Array.from({ length: STORM_SIGNINS }, async (_, i) => {
    const email = emails[i % emails.length];
    while (Date.now() < deadline) {
      const r = await signIn(app, loginId, email, BENCH_PASSWORD);
      if (r.cookie) signIns.push(r.ms);
      else failures++;
    }
  });
  const [loaded] = await Promise.all([load(app, '/tickets', clientCookie, STORM_CONNECTIONS, opts.duration), ...loops]);
  signIns.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(signIns[Math.min(signIns.length - 1, Math.ceil((p / 100) * signIns.length) - 1)] ?? NaN);
  const ratio = Math.round((loaded.p95 / quiet.p95) * 100) / 100;
  log(`storm: /tickets p95 ${loaded.p95} ms during ${signIns.length} sign-ins (${failures} failed) → ${ratio} × quiet`);
  return {
    ticketsConnections: STORM_CONNECTIONS,
    concurrentSignIns: STORM_SIGNINS,
    quiet,
    duringStorm: loaded,
    ratio,
    signIns: { completed: signIns.length, failed: failures, p50: pct(50), p95: pct(95) },
  };
}

type ReferenceResult = { name: string; path: string; bytes: number; load: LoadResult[] };

type Report = {
  scale: Options['scale'];
  smoke: boolean;
  pages: PageResult[];
  reference: ReferenceResult[];
  storm: Awaited<ReturnType<typeof signInStorm>> | null;
  lighthouse: Record<string, LighthouseResult | { error: string }>;
  lighthousePreset: string;
  options: { lighthouseRuns?: number; lighthouseThrottling?: string; lighthouseRenderDocument?: boolean };
  /** servers: `next start` processes under the launcher (absent in results before it). */
  machine: { before: ReturnType<typeof machine>; after: ReturnType<typeof machine>; postgres: string; servers?: number };
};

type Verdict = { target: string; page: string; value: string; ok: boolean };

function judge(report: Report): Verdict[] {
  const v: Verdict[] = [];
  for (const p of report.pages) {
    const c32 = p.load.find((l) => l.connections === 32);
    if (c32) {
      v.push({ target: 'p95 ≤ 150 ms at c=32', page: p.name, value: `${c32.p95} ms`, ok: c32.p95 <= TARGETS.p95Ms });
      v.push({ target: 'no errors', page: p.name, value: `${c32.non2xx + c32.errors + c32.timeouts}`, ok: c32.non2xx + c32.errors + c32.timeouts === 0 });
    }
    if (p.queries !== null) v.push({ target: '≤ 6 queries per request', page: p.name, value: String(p.queries), ok: p.queries <= TARGETS.queries });
    if (p.growth) v.push({ target: 'large ÷ small p50 ≤ 1.5', page: p.name, value: String(p.growth.ratio), ok: p.growth.ratio <= TARGETS.growth });
    // Judged at large scale only: on small tables a sequential scan is the planner's right choice.
    if (p.plans?.length && report.scale.name === 'large') {
      v.push({ target: 'no seq scan on big tables', page: p.name, value: p.seqScans.join(', ') || 'none', ok: p.seqScans.length === 0 });
    }
  }
  if (report.storm) {
    v.push({ target: 'storm p95 ≤ 2 × quiet', page: 'client /tickets', value: `${report.storm.ratio} ×`, ok: report.storm.ratio <= TARGETS.stormRatio });
  }
  for (const [name, lh] of Object.entries(report.lighthouse)) {
    if ('error' in lh) {
      v.push({ target: 'lighthouse', page: name, value: lh.error, ok: false });
      continue;
    }
    v.push({ target: 'lighthouse performance ≥ 95', page: name, value: String(lh.performance), ok: (lh.performance ?? 0) >= TARGETS.lhPerformance });
    v.push({ target: 'lighthouse accessibility 100', page: name, value: String(lh.accessibility), ok: (lh.accessibility ?? 0) >= TARGETS.lhAccessibility });
    v.push({ target: 'lighthouse best practices ≥ 95', page: name, value: String(lh.bestPractices), ok: (lh.bestPractices ?? 0) >= TARGETS.lhBestPractices });
    if (name.includes('/tickets/T-')) {
      const kb = Math.round(lh.jsTransferBytes / 102.4) / 10;
      v.push({ target: '≤ 200 kB JS (compressed)', page: name, value: `${kb} kB`, ok: kb <= TARGETS.ticketJsKb });
    }
  }
  return v;
}

/** CPU ms per response of the portal and PostgreSQL together, at one load run. */
function cpuPerRequest(l: LoadResult | undefined): number | null {
  if (!l || l.appCpuMsPerRequest === null) return null;
  return Math.round((l.appCpuMsPerRequest + (l.dbCpuMsPerRequest ?? 0)) * 10) / 10;
}

/** Responses a second two idle cores could give at that CPU cost (load generator not counted). */
function capacity(l: LoadResult | undefined): number | null {
  const cpu = cpuPerRequest(l);
  return cpu ? Math.round(2000 / cpu) : null;
}

function printTable(report: Report, verdicts: Verdict[]) {
  const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
  const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
  const f = (n: number | null | undefined) => (n === null || n === undefined || Number.isNaN(n) ? '—' : String(n));
  const servers = report.machine.servers ? `; ${report.machine.servers} server process(es)` : '';
  console.log(`\nScale ${report.scale.name}; ${report.machine.before.cpus} CPUs${servers}; ${report.machine.before.uptime}; PostgreSQL ${report.machine.postgres}`);
  console.log(
    'Times in ms. cpu/req: CPU ms the portal and PostgreSQL spent per response at the highest concurrency; idle cap: responses/s two idle cores ' +
      'could serve at that cost; growth: large ÷ small p50 at c=1 (cpu growth: the same for CPU per response, which the machine load does not sway).',
  );
  const top = Math.max(...[...report.pages, ...report.reference].flatMap((p) => p.load.map((l) => l.connections)), 1);
  const head = ['page', 'q/req', 'c1 p50', `c${top} p50`, `c${top} p95`, `c${top} p99`, `c${top} rps`, 'non2xx', 'cpu/req', 'idle cap', 'floor p50', 'page/floor', 'growth', 'cpu growth', 'seq scans'];
  const widths = [30, 5, 7, 7, 7, 7, 7, 6, 8, 8, 9, 10, 6, 10, 20];
  console.log(head.map((h, i) => (i === 0 ? pad(h, widths[i]) : lpad(h, widths[i]))).join(' '));
  for (const p of report.pages) {
    const c1 = p.load.find((l) => l.connections === 1);
    const c32 = p.load.find((l) => l.connections === top);
    const row = [
      p.name,
      f(p.queries),
      f(c1?.p50),
      f(c32?.p50),
      f(c32?.p95),
      f(c32?.p99),
      f(c32?.rps),
      f(c32 ? c32.non2xx + c32.errors : null),
      f(cpuPerRequest(c32)),
      f(capacity(c32)),
      f(p.floor?.p50),
      f(p.pageOverFloor),
      f(p.growth?.ratio),
      f(p.growth?.cpuRatio),
      p.error ? 'ERROR' : p.seqScans.join(',') || (p.plans?.length ? 'none' : '—'),
    ];
    console.log(row.map((c, i) => (i === 0 ? pad(c, widths[i]) : lpad(c, widths[i]))).join(' '));
  }
  if (report.reference.length) {
    console.log('\nReference (not judged; signed out, what the framework costs on this machine):');
    for (const r of report.reference) {
      const c1 = r.load.find((l) => l.connections === 1);
      const cTop = r.load.find((l) => l.connections === top);
      console.log(
        `  ${pad(r.name, 30)} c1 p50 ${f(c1?.p50)}, c${top} p95 ${f(cTop?.p95)}, c${top} rps ${f(cTop?.rps)}, ` +
          `cpu/req ${f(cpuPerRequest(cTop))}, idle cap ${f(capacity(cTop))}`,
      );
    }
  }
  if (report.storm) {
    const s = report.storm;
    console.log(
      `\nSign-in storm: /tickets c=${s.ticketsConnections} p95 quiet ${s.quiet.p95} ms → ${s.duringStorm.p95} ms with ${s.concurrentSignIns} concurrent sign-ins ` +
        `(${s.ratio} ×; ${s.signIns.completed} sign-ins, p50 ${s.signIns.p50} ms, p95 ${s.signIns.p95} ms, ${s.signIns.failed} failed)`,
    );
  }
  const lh = Object.entries(report.lighthouse);
  if (lh.length) {
    console.log(`\nLighthouse (${report.lighthousePreset} profile, ${report.options.lighthouseThrottling ?? 'simulate'} throttling${report.options.lighthouseRenderDocument ? ', RenderDocument on' : ''}; the median of ${report.options.lighthouseRuns ?? 1} runs per page, every run's score in brackets, @ when that load first painted, unthrottled):`);
    for (const [name, r] of lh) {
      if ('error' in r) console.log(`  ${pad(name, 30)} error: ${r.error}`);
      else
        console.log(
          `  ${pad(name, 30)} performance ${f(r.performance)}, accessibility ${f(r.accessibility)}, best practices ${f(r.bestPractices)}, ` +
            `JS ${(r.jsTransferBytes / 1024).toFixed(1)} kB, LCP ${f(r.lcpMs && Math.round(r.lcpMs))} ms, TBT ${f(r.tbtMs && Math.round(r.tbtMs))} ms, ` +
            `${r.rscRequests ?? '—'} RSC requests${r.runs ? ` [${r.runs.map((x) => `${f(x.performance)}${x.observedFcpMs != null ? `@${x.observedFcpMs}` : ''}`).join(', ')}]` : ''}`,
        );
    }
  }
  const missed = verdicts.filter((v) => !v.ok);
  console.log(`\nTargets: ${verdicts.length - missed.length} met, ${missed.length} missed${report.smoke ? ' (smoke: informative only)' : ''}`);
  for (const m of missed) console.log(`  missed: ${m.target} — ${m.page}: ${m.value}`);
}

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(`bench failed: ${(error as Error).stack ?? error}`);
    process.exit(1);
  });
