// Child process of `npm run bench` (run by scripts/bench/floor.ts through tsx with
// scripts/bench/server-only-hook.mjs): the data-access functions of every page, in process,
// without HTTP or React.
//   1. each page's calls once, capturing every SQL statement with its parameters (drizzle logger);
//   2. the floor: each page's calls in a loop → time per page-equivalent;
//   3. EXPLAIN (ANALYZE, BUFFERS) of every captured statement; Seq Scans on the big tables flagged.
// Input: JSON in BENCH_FLOOR_INPUT. Output: JSON written to BENCH_FLOOR_OUTPUT.
import fs from 'node:fs';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from '@/db/schema';
import { ADMIN_EMAIL, CLIENT_EMAIL, CLIENT_SEARCH, HEAVY_TICKET } from './pages';

type Input = { databaseUrl: string; cursor: string; seconds: number; maxIterations: number; plans: boolean; floor: boolean };
const input = JSON.parse(process.env.BENCH_FLOOR_INPUT ?? '{}') as Input;

type Captured = { sql: string; params: unknown[] };
let capture: Captured[] | null = null;

// The app's `db` (db/index.ts) is a lazy proxy over globalThis.__portalDb: put a node-postgres
// handle there before any query runs, with a logger that records statements while capturing.
// jit=off, as db/index.ts sets it on the app's pool.
const pool = new pg.Pool({ connectionString: input.databaseUrl, max: 10, options: '-c jit=off' });
const logger = {
  logQuery(query: string, params: unknown[]) {
    capture?.push({ sql: query, params });
  },
};
(globalThis as unknown as { __portalDb?: unknown }).__portalDb = {
  db: drizzle({ client: pool, schema, logger }),
  driver: 'pg',
  close: () => pool.end(),
};

const { loadSessionUser } = await import('@/db/queries/accounts');
const { listTickets, ticketStatusCounts, getTicketByNumber, listComments } = await import('@/db/queries/tickets');
const { clientDashboard } = await import('@/db/queries/dashboard');
const { getDashboardStats } = await import('@/db/queries/stats');
const { listClients } = await import('@/db/queries/clients');
const { invalidate } = await import('@/lib/ttl-cache');

async function viewerOf(email: string) {
  const { rows } = await pool.query<{ id: string }>('select id from users where email = $1', [email]);
  if (!rows[0]) throw new Error(`no bench user ${email}`);
  const row = await loadSessionUser(rows[0].id);
  if (!row) throw new Error(`no session row for ${email}`);
  return { id: row.id, email: row.email, name: row.name, company: row.company, role: row.role, emailVerified: row.emailVerified };
}

// The collaboration modules (notifications, activity) may be absent from an older tree: their
// calls are made when the functions exist, as the pages of that tree make them.
type AnyFn = (...args: unknown[]) => Promise<unknown>;
async function optional(module: string): Promise<Record<string, AnyFn | undefined>> {
  try {
    return (await import(/* @vite-ignore */ module)) as Record<string, AnyFn | undefined>;
  } catch {
    return {};
  }
}
const notifications = await optional('@/db/queries/notifications');
const activity = await optional('@/db/queries/activity');
const tickets = await optional('@/db/queries/tickets');
// listClientOptions (the menu of every client) exists only in trees older than the client search fields.
const clients = await optional('@/db/queries/clients');
const call = (fn: AnyFn | undefined, ...args: unknown[]) => (fn ? fn(...args) : Promise.resolve(null));

const client = await viewerOf(CLIENT_EMAIL);
const admin = await viewerOf(ADMIN_EMAIL);

type V = typeof client;
/** The layout: requireUser (one user row, cached per request) and the header's notification bell. */
const layout = (viewer: V) =>
  Promise.all([
    loadSessionUser(viewer.id),
    ...(notifications.notificationBell
      ? [call(notifications.notificationBell, viewer, 8)]
      : [call(notifications.unreadNotificationCount, viewer), call(notifications.listNotifications, viewer, { limit: 8 })]),
  ]);

// Each page: its layout and its own calls, concurrently as React renders them.
const pages: Record<string, () => Promise<unknown>> = {
  'client /dashboard': () => Promise.all([layout(client), clientDashboard(client), call(activity.serviceReport, client)]),
  'client /tickets': () =>
    Promise.all([layout(client), listTickets(client, { sort: 'last_reply' }), ticketStatusCounts(client)]),
  'client /tickets deep': () =>
    Promise.all([layout(client), listTickets(client, { sort: 'last_reply', cursor: input.cursor }), ticketStatusCounts(client)]),
  'client ticket (500 comments)': () =>
    Promise.all([
      layout(client),
      (async () => {
        const ticket = await getTicketByNumber(client, HEAVY_TICKET);
        // The page's calls: one window of the thread and one statement for timeline + waiting
        // (the older tree's calls when those functions do not exist).
        if (tickets.listThread && activity.ticketActivity) {
          return Promise.all([tickets.listThread(client, ticket.id), activity.ticketActivity(client, ticket.id)]);
        }
        return Promise.all([
          listComments(client, ticket.id),
          call(activity.entityTimeline, client, 'ticket', ticket.id),
          call(activity.ticketWaiting, client, ticket.id),
        ]);
      })(),
    ]),
  'admin /admin': () =>
    Promise.all([layout(admin), getDashboardStats(admin), call(activity.serviceReport, admin), call(activity.staffServiceReport, admin)]),
  // The queue's tabs count through ticketQueueCounts (bounded) and its client filter is a search
  // field (no list of every client; unused at ?status=OPEN) where that function exists; the older
  // tree's calls otherwise (exact counts and the menu of every client).
  'admin /admin/tickets OPEN': () =>
    tickets.ticketQueueCounts
      ? Promise.all([layout(admin), listTickets(admin, { status: ['OPEN'], sort: 'last_reply' }), tickets.ticketQueueCounts(admin, {})])
      : Promise.all([
          layout(admin),
          listTickets(admin, { status: ['OPEN'], sort: 'last_reply' }),
          ticketStatusCounts(admin, {}),
          call(clients.listClientOptions, admin),
        ]),
  'admin /admin/clients search': () => Promise.all([layout(admin), listClients(admin, { q: CLIENT_SEARCH })]),
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

type PlanReport = {
  sql: string;
  params: unknown[];
  executionMs: number | null;
  seqScans: string[];
  plan: string;
};
type PageReport = {
  queries: number;
  floor?: { iterations: number; p50: number; p95: number; mean: number };
  plans?: PlanReport[];
  error?: string;
};
const out: Record<string, PageReport> = {};

const BIG = ['projects', 'support_tickets', 'ticket_comments'];
// One session for the plans, so a SET applies to the statements explained after it.
const explainer = await pool.connect();

for (const [name, run] of Object.entries(pages)) {
  const report: PageReport = { queries: 0 };
  out[name] = report;
  try {
    await run(); // warm: prepared code paths, buffers
    // The captured run starts with an empty shared cache (lib/ttl-cache.ts), so the queries
    // counted and explained are those of a request that computes the agency-wide figures (the
    // most a request makes); the floor loop below then mostly answers from the cache, as the
    // page does within DASHBOARD_CACHE_SECONDS.
    invalidate('');
    capture = [];
    await run();
    const captured = capture;
    capture = null;
    report.queries = captured.length;

    if (input.floor) {
      const times: number[] = [];
      const deadline = performance.now() + input.seconds * 1000;
      while (times.length < input.maxIterations && (performance.now() < deadline || times.length < 5)) {
        const t0 = performance.now();
        await run();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      report.floor = {
        iterations: times.length,
        p50: round(percentile(times, 50)),
        p95: round(percentile(times, 95)),
        mean: round(times.reduce((a, b) => a + b, 0) / times.length),
      };
    }

    if (input.plans) {
      report.plans = [];
      for (const q of captured) {
        // Transaction control is not explainable; a SET LOCAL is applied to the explaining
        // session so the plan is the one the statement really gets.
        if (/^\s*(begin|commit|rollback|start transaction)\b/i.test(q.sql)) continue;
        if (/^\s*set\s+local\s+/i.test(q.sql)) {
          await explainer.query(q.sql.replace(/^\s*set\s+local\s+/i, 'set '));
          continue;
        }
        const { rows } = await explainer.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${q.sql}`, q.params as unknown[]);
        const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
        const seqScans = [...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]).filter((t) => BIG.includes(t));
        const exec = /Execution Time: ([\d.]+) ms/.exec(plan);
        report.plans.push({
          sql: q.sql,
          params: q.params,
          executionMs: exec ? Number(exec[1]) : null,
          seqScans: [...new Set(seqScans)],
          plan,
        });
      }
    }
  } catch (error) {
    report.error = (error as Error).stack ?? String(error);
  } finally {
    if (input.plans) await explainer.query('reset all');
  }
  process.stderr.write(`[floor] ${name}: ${report.error ? 'ERROR' : `${report.queries} queries${report.floor ? `, floor p50 ${report.floor.p50} ms` : ''}`}\n`);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

fs.writeFileSync(process.env.BENCH_FLOOR_OUTPUT!, JSON.stringify(out, null, 2));
explainer.release();
await pool.end();
process.exit(0);
