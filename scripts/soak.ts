// npm run soak — a soak test of the production build (issue 6, item 8; not run in CI).
//
//   1. a server of its own: scripts/e2e-server.mjs on port 3206 (SOAK_PORT), a fresh seeded
//      database on TEST_DATABASE_URL's server (or the throwaway one of scripts/pg-server.sh,
//      started here and stopped afterwards), SKIP_BUILD when .next holds a build;
//   2. SOAK_SECONDS (default 180) of mixed traffic on loopback with SOAK_CONCURRENCY (default 4)
//      workers: signed-in page views (clients and staff), client and staff replies (each with a
//      unique marker and an idempotency key, as the form sends) and sign-ins;
//   3. a report: requests by kind with p50/p95 latency, 5xx and network errors, every posted reply
//      looked up in the database by its marker, RSS of the `next start` process at start and end.
// Exits non-zero on any 5xx, network error, missing reply or refused reply, or if the server died.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { DEMO } from '../e2e/helpers/accounts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const PORT = Number(process.env.SOAK_PORT ?? 3206);
const BASE = `http://localhost:${PORT}`;
const SECONDS = Number(process.env.SOAK_SECONDS ?? 180);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 4);
const STATE_FILE = path.join(ROOT, `test-results/soak/state-${PORT}.json`);
const REPORT_FILE = path.join(ROOT, 'test-results/soak/report.json');

const log = (message: string) => console.log(`[soak ${((performance.now() - t0) / 1000).toFixed(1)}s] ${message}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const t0 = performance.now();

// The security suite's HTTP tools (cookie jar, server actions by build id), pointed at this
// server through its state file before the module reads it.
process.env.SECURITY_PORT = String(PORT);
process.env.SECURITY_STATE_FILE = STATE_FILE;
const h = await import('../security/harness');

function pgServer(command: string): { ok: boolean; out: string; err: string } {
  const r = spawnSync('bash', ['scripts/pg-server.sh', command], { cwd: ROOT, encoding: 'utf8' });
  return { ok: r.status === 0, out: (r.stdout ?? '').trim(), err: (r.stderr ?? '').trim() };
}

// ── Memory of the `next start` process ────────────────────────────────────────────────────────

function procs(): { pid: number; ppid: number; cmd: string }[] {
  const out: { pid: number; ppid: number; cmd: string }[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      out.push({ pid: Number(entry), ppid, cmd });
    } catch {
      // ended meanwhile
    }
  }
  return out;
}

/** The `next start` process under the e2e server (the deepest descendant running next). */
function nextPid(root: number): number | null {
  const all = procs();
  let found: number | null = null;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    for (const p of all.filter((q) => q.ppid === pid)) {
      if (/next[-/ ]/.test(p.cmd) || p.cmd.includes('next-server')) found = p.pid;
      stack.push(p.pid);
    }
  }
  return found;
}

function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

// ── Traffic ───────────────────────────────────────────────────────────────────────────────────

type Kind = 'page' | 'reply' | 'staff-reply' | 'sign-in';
type Sample = { kind: Kind; what: string; status: number; ms: number; error?: string };
const samples: Sample[] = [];
const posted: { marker: string; ticketNumber: string }[] = [];
const refused: string[] = [];

async function timed(kind: Kind, what: string, run: () => Promise<{ status: number; ok?: boolean; error?: string }>) {
  const started = performance.now();
  try {
    const r = await run();
    samples.push({ kind, what, status: r.status, ms: performance.now() - started, error: r.ok === false ? r.error : undefined });
    return r;
  } catch (error) {
    samples.push({ kind, what, status: 0, ms: performance.now() - started, error: (error as Error).message });
    return { status: 0 };
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<number> {
  // 1. The server.
  let startedPg = false;
  let databaseServer = process.env.TEST_DATABASE_URL?.trim();
  if (!databaseServer) {
    if (!pgServer('status').ok) {
      log('starting a throwaway PostgreSQL server (scripts/pg-server.sh)');
      const started = pgServer('start');
      if (!started.ok) throw new Error(`cannot start PostgreSQL: ${started.err}`);
      startedPg = true;
    }
    databaseServer = pgServer('url').out;
  }
  const skipBuild = fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'));
  log(`server on ${BASE} (database on ${new URL(databaseServer).host}${skipBuild ? ', existing build' : ', building first'})`);
  fs.rmSync(STATE_FILE, { force: true });
  let serverLog = '';
  const server: ChildProcess = spawn('node', ['scripts/e2e-server.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      E2E_PORT: String(PORT),
      E2E_MAILBOX_DIR: `.data/soak-mailbox-${PORT}`,
      E2E_STATE_FILE: STATE_FILE,
      TEST_DATABASE_URL: databaseServer,
      SKIP_BUILD: skipBuild ? '1' : '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (c: Buffer) => {
    serverLog = (serverLog + c.toString('utf8')).slice(-100_000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);

  let pool: pg.Pool | null = null;
  try {
    const ready = Date.now() + (skipBuild ? 180_000 : 900_000);
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the server exited:\n${serverLog.slice(-3000)}`);
      const r = await h.request(`${BASE}/api/health`, { timeoutMs: 5000 }).catch(() => null);
      if (r?.status === 200) break;
      if (Date.now() > ready) throw new Error(`the server did not start:\n${serverLog.slice(-3000)}`);
      await sleep(1000);
    }
    const state = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as { databaseUrl: string };
    pool = new pg.Pool({ connectionString: state.databaseUrl, max: 2 });

    // 2. Sessions and targets.
    const clients = await Promise.all(DEMO.clients.map((c) => h.signIn(c.email, DEMO.password)));
    const staff = await h.signIn(DEMO.admin.email, DEMO.password);
    const tickets = new Map<string, string[]>();
    for (const c of DEMO.clients) {
      const rows = await pool.query<{ ticket_number: string }>(
        `select t.ticket_number from support_tickets t join users u on u.id = t.client_id
          where u.email = $1 and t.status <> 'CLOSED' order by t.created_at limit 3`,
        [c.email],
      );
      tickets.set(c.email, rows.rows.map((r) => r.ticket_number));
    }
    const allTickets = [...tickets.values()].flat();
    const clientPages = ['/dashboard', '/tickets', '/projects', '/settings', '/notifications'];
    const staffPages = ['/admin', '/admin/tickets', '/admin/clients', '/admin/projects', '/admin/tickets?status=OPEN'];

    // Warm-up, then the starting memory.
    for (const p of clientPages) await clients[0].fetch(p);
    for (const p of staffPages) await staff.fetch(p);
    const pid = nextPid(server.pid!);
    const rssStart = pid ? rssMb(pid) : null;
    let rssPeak = rssStart ?? 0;
    const command = pid ? fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim() : '?';
    log(`next start: pid ${pid ?? '?'} (${command}), RSS ${rssStart?.toFixed(0) ?? '?'} MB; ${SECONDS} s of traffic, ${CONCURRENCY} workers`);

    const run = randomUUID().slice(0, 8);
    let n = 0;
    const deadline = Date.now() + SECONDS * 1000;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];

    const worker = async () => {
      while (Date.now() < deadline) {
        const roll = Math.random();
        const i = Math.floor(Math.random() * clients.length);
        const client = clients[i];
        const email = DEMO.clients[i].email;
        if (roll < 0.55) {
          const useStaff = Math.random() < 0.3;
          const ticketPage = Math.random() < 0.3;
          const target = useStaff
            ? ticketPage
              ? `/admin/tickets/${pick(allTickets)}`
              : pick(staffPages)
            : ticketPage
              ? `/tickets/${pick(tickets.get(email)!)}`
              : pick(clientPages);
          await timed('page', target.replace(/T-\d+/, 'T-…'), () => (useStaff ? staff : client).fetch(target, { timeoutMs: 60_000 }));
        } else if (roll < 0.85) {
          const ticketNumber = pick(tickets.get(email)!);
          const marker = `soak-${run}-${++n}`;
          const r = await timed('reply', 'replyAction', async () => {
            const a = await h.postAction(client, 'replyAction', [
              ticketNumber,
              { content: `Soak reply ${marker}`, idempotencyKey: randomUUID() },
            ]);
            const result = a.result as { ok?: boolean; error?: string } | undefined;
            return { status: a.status, ok: result?.ok === true, error: result?.error ?? a.text.slice(0, 120) };
          });
          if (r.ok) posted.push({ marker, ticketNumber });
          else if (r.status !== 0 && r.status < 500) refused.push(marker);
        } else if (roll < 0.93) {
          const ticketNumber = pick(allTickets);
          const marker = `soak-${run}-${++n}`;
          const r = await timed('staff-reply', 'replyAsAgencyAction', async () => {
            const a = await h.postAction(staff, 'replyAsAgencyAction', [
              ticketNumber,
              { content: `Soak staff reply ${marker}`, idempotencyKey: randomUUID() },
            ]);
            const result = a.result as { ok?: boolean; error?: string } | undefined;
            return { status: a.status, ok: result?.ok === true, error: result?.error ?? a.text.slice(0, 120) };
          });
          if (r.ok) posted.push({ marker, ticketNumber });
          else if (r.status !== 0 && r.status < 500) refused.push(marker);
        } else {
          const account = pick(DEMO.clients);
          await timed('sign-in', 'loginAction', async () => {
            const v = new h.Visitor(`soak ${account.email}`);
            const a = await h.postAction(v, 'loginAction', [{ email: account.email, password: DEMO.password }]);
            const signedIn = [...v.cookies.keys()].some((k) => k.includes('session-token'));
            if (signedIn) clients[DEMO.clients.indexOf(account)] = v; // the newest session takes over
            return { status: a.status, ok: signedIn, error: signedIn ? undefined : a.text.slice(0, 120) };
          });
        }
      }
    };

    const sampler = setInterval(() => {
      const rss = pid ? rssMb(pid) : null;
      if (rss && rss > rssPeak) rssPeak = rss;
    }, 2000);
    const progress = setInterval(() => log(`${samples.length} requests, ${posted.length} replies posted`), 30_000);
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    clearInterval(sampler);
    clearInterval(progress);
    const rssEnd = pid ? rssMb(pid) : null;

    // 3. Checks.
    const found = new Set<string>();
    // One statement: the comments whose text carries this run's markers.
    const rows = await pool.query<{ marker: string; n: number }>(
      `select substring(content from 'soak-${run}-[0-9]+') as marker, count(*)::int as n
         from ticket_comments where content like $1 group by 1`,
      [`%soak-${run}-%`],
    );
    const counts = new Map(rows.rows.map((r) => [r.marker, r.n]));
    for (const p of posted) if (counts.get(p.marker) === 1) found.add(p.marker);
    const missing = posted.filter((p) => !found.has(p.marker));
    const duplicated = [...counts.values()].filter((c) => c > 1).length;

    const kinds: Kind[] = ['page', 'reply', 'staff-reply', 'sign-in'];
    const byKind = kinds.map((kind) => {
      const list = samples.filter((s) => s.kind === kind);
      return {
        kind,
        requests: list.length,
        errors5xx: list.filter((s) => s.status >= 500).length,
        network: list.filter((s) => s.status === 0).length,
        refused: list.filter((s) => s.status > 0 && s.status < 500 && s.error !== undefined).length,
        p50: Math.round(percentile(list.map((s) => s.ms), 50)),
        p95: Math.round(percentile(list.map((s) => s.ms), 95)),
      };
    });
    const total5xx = samples.filter((s) => s.status >= 500).length;
    const network = samples.filter((s) => s.status === 0).length;
    const alive = server.exitCode === null;

    console.log(`\n═══ Soak: ${SECONDS} s, ${CONCURRENCY} workers, ${samples.length} requests ${'═'.repeat(30)}\n`);
    console.log('kind          requests  5xx  network  refused  p50 ms  p95 ms');
    for (const k of byKind) {
      console.log(
        `${k.kind.padEnd(12)}  ${String(k.requests).padStart(8)}  ${String(k.errors5xx).padStart(3)}  ${String(k.network).padStart(7)}  ${String(k.refused).padStart(7)}  ${String(k.p50).padStart(6)}  ${String(k.p95).padStart(6)}`,
      );
    }
    const all = samples.map((s) => s.ms);
    console.log(`${'all'.padEnd(12)}  ${String(samples.length).padStart(8)}  ${String(total5xx).padStart(3)}  ${String(network).padStart(7)}  ${' '.repeat(7)}  ${String(Math.round(percentile(all, 50))).padStart(6)}  ${String(Math.round(percentile(all, 95))).padStart(6)}`);
    console.log(`\nreplies posted ${posted.length}, found in the database ${found.size}, missing ${missing.length}, duplicated ${duplicated}, refused ${refused.length}`);
    const growth = rssStart && rssEnd ? rssEnd - rssStart : null;
    console.log(
      `next start RSS: ${rssStart?.toFixed(0) ?? '?'} MB at start, ${rssEnd?.toFixed(0) ?? '?'} MB at the end (${growth === null ? '?' : `${growth >= 0 ? '+' : ''}${growth.toFixed(0)} MB`}), peak ${rssPeak.toFixed(0)} MB`,
    );
    for (const s of samples.filter((x) => x.status >= 500 || x.status === 0).slice(0, 10)) console.log(`  ✗ ${s.kind} ${s.what}: ${s.status} ${s.error ?? ''}`);
    for (const m of missing.slice(0, 10)) console.log(`  ✗ reply ${m.marker} on ${m.ticketNumber} not in the database`);

    const failures = total5xx + network + missing.length + duplicated + refused.length + (alive ? 0 : 1);
    fs.mkdirSync(path.dirname(REPORT_FILE), { recursive: true });
    fs.writeFileSync(
      REPORT_FILE,
      JSON.stringify(
        { at: new Date().toISOString(), seconds: SECONDS, concurrency: CONCURRENCY, byKind, total5xx, network, replies: { posted: posted.length, found: found.size, missing: missing.length, duplicated, refused: refused.length }, rssMb: { start: rssStart, end: rssEnd, peak: rssPeak }, failures },
        null,
        2,
      ),
    );
    console.log(`\n${failures === 0 ? 'soak passed' : `soak FAILED: ${failures} failure(s)`} (report: ${path.relative(ROOT, REPORT_FILE)})`);
    return failures === 0 ? 0 : 1;
  } finally {
    await pool?.end().catch(() => undefined);
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, sleep(20_000)]);
    }
    if (startedPg) pgServer('stop');
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(`[soak] ${(error as Error).message}`);
    process.exit(1);
  });
