import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { CRON_SECRET, DEMO } from '../e2e/helpers/accounts';
import { ROOT, Visitor, postAction, record, request, type HttpResponse } from './harness';

// Faults (issue 6, item 7), on a portal instance of its own over a PostgreSQL server of its own,
// so that stopping the database or breaking the mail provider touches no other spec:
//   - PostgreSQL stopped under load (signed-in page views): pages answer the friendly 503 page
//     (never a 500 or a stack trace), /api/health 503, the process stays up; PostgreSQL started
//     again: the same process serves pages again (its pool reconnects).
//   - The mail provider (a fake that speaks Resend's HTTP API) answers 500s, then hangs, then
//     recovers: the user's action succeeds at once, the outbox retries (the cron route, as a
//     scheduler calls it), and exactly one mail per message is delivered once it is back.

const PG_PORT = 54349;
const PG_DIR = '/tmp/portal-faults-pg';
const PG_URL = `postgres://portal@127.0.0.1:${PG_PORT}/portal`;
const PORTAL_PORT = 3205;
const BASE = `http://localhost:${PORTAL_PORT}`;
const RESEND_PORT = 3207;
const STATE_FILE = path.join(ROOT, `test-results/security/state-${PORTAL_PORT}.json`);
const RESEND_KEY = 're_test_fake_key'; // scripts/e2e-server.mjs sets it when E2E_RESEND_BASE_URL is given
// Real configuration values (lib/env.ts), shortened so the retries fit in a test.
const OUTBOX_BACKOFF_SECONDS = 2;
const MAIL_SEND_TIMEOUT_SECONDS = 2;

test.describe.configure({ mode: 'serial' });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pgServer(command: 'start' | 'stop' | 'halt' | 'resume'): void {
  const result = spawnSync('bash', ['scripts/pg-server.sh', command], {
    cwd: ROOT,
    env: { ...process.env, PG_TEST_PORT: String(PG_PORT), PG_TEST_DIR: PG_DIR },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`pg-server.sh ${command}: ${result.stderr}`);
}

// ── A fake Resend: POST /emails with Bearer auth, JSON answers, Idempotency-Key honoured ───────

type Mode = 'ok' | 'fail' | 'hang';
type Received = { key: string; to: string; subject: string; mode: Mode; at: number };

class FakeResend {
  mode: Mode = 'ok';
  readonly received: Received[] = [];
  /** Idempotency-Key → the email id it was first delivered as (Resend keeps keys for 24 h). */
  readonly delivered = new Map<string, { id: string; to: string; subject: string; count: number }>();
  private readonly hanging = new Set<http.ServerResponse>();
  private server: http.Server | null = null;
  private nextId = 1;

  start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    return new Promise((resolve) => this.server!.listen(RESEND_PORT, '127.0.0.1', () => resolve()));
  }

  private json(res: http.ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string): void {
    if (req.method !== 'POST' || req.url !== '/emails') {
      return this.json(res, 404, { statusCode: 404, name: 'not_found', message: 'The requested endpoint does not exist.' });
    }
    if (req.headers.authorization !== `Bearer ${RESEND_KEY}`) {
      return this.json(res, 401, { statusCode: 401, name: 'missing_api_key', message: 'Missing API key in the authorization header.' });
    }
    let body: { to?: string[] | string; subject?: string; from?: string };
    try {
      body = JSON.parse(raw);
    } catch {
      return this.json(res, 422, { statusCode: 422, name: 'validation_error', message: 'Invalid JSON' });
    }
    const key = String(req.headers['idempotency-key'] ?? '');
    const to = Array.isArray(body.to) ? body.to.join(',') : String(body.to ?? '');
    this.received.push({ key, to, subject: String(body.subject ?? ''), mode: this.mode, at: Date.now() });
    if (this.mode === 'fail') {
      return this.json(res, 500, { statusCode: 500, name: 'internal_server_error', message: 'An unexpected error occurred.' });
    }
    if (this.mode === 'hang') {
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return; // no answer: the portal's timeout must give up on it
    }
    const seen = key ? this.delivered.get(key) : undefined;
    if (seen) {
      seen.count += 1; // a repeat of a delivered key: same answer, nothing sent again
      return this.json(res, 200, { id: seen.id });
    }
    const id = `fake-${this.nextId++}`;
    if (key) this.delivered.set(key, { id, to, subject: String(body.subject ?? ''), count: 1 });
    return this.json(res, 200, { id });
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

// ── The portal instance under test ────────────────────────────────────────────────────────────

const fake = new FakeResend();
let portal: ChildProcess | null = null;
let portalLog = '';
let database: pg.Pool | null = null;

async function get(url: string, headers: Record<string, string> = {}): Promise<HttpResponse | null> {
  try {
    return await request(url, { headers, timeoutMs: 30_000 });
  } catch {
    return null; // refused or timed out: counted by the caller
  }
}

async function waitForHealth(expected: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const r = await get(`${BASE}/api/health`);
    if (r?.status === expected) return true;
    if (portal && portal.exitCode !== null) throw new Error(`the portal exited (${portal.exitCode}):\n${portalLog.slice(-3000)}`);
    await sleep(500);
  }
  return false;
}

async function signInHere(email: string): Promise<Visitor> {
  const visitor = new Visitor(email);
  await postAction(visitor, 'loginAction', [{ email, password: DEMO.password }], { path: `${BASE}/login`, origin: BASE });
  if (![...visitor.cookies.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in as ${email} failed`);
  return visitor;
}

async function cron(): Promise<void> {
  await request(`${BASE}/api/cron/cleanup`, { method: 'POST', headers: { authorization: `Bearer ${CRON_SECRET}` }, timeoutMs: 60_000 }).catch(
    () => undefined,
  );
}

test.beforeAll(async () => {
  test.setTimeout(600_000);
  await fake.start();
  pgServer('stop'); // a left-over from an interrupted run
  pgServer('start');
  fs.rmSync(STATE_FILE, { force: true });
  portal = spawn('node', ['scripts/e2e-server.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      E2E_PORT: String(PORTAL_PORT),
      E2E_MAILBOX_DIR: '.data/faults-mailbox',
      E2E_STATE_FILE: STATE_FILE,
      TEST_DATABASE_URL: PG_URL,
      SKIP_BUILD: '1',
      E2E_RESEND_BASE_URL: `http://127.0.0.1:${RESEND_PORT}`,
      OUTBOX_BACKOFF_SECONDS: String(OUTBOX_BACKOFF_SECONDS),
      MAIL_SEND_TIMEOUT_SECONDS: String(MAIL_SEND_TIMEOUT_SECONDS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    portalLog = (portalLog + chunk.toString('utf8')).slice(-200_000);
  };
  portal.stdout?.on('data', keep);
  portal.stderr?.on('data', keep);
  if (!(await waitForHealth(200, 300_000))) throw new Error(`the faults portal did not start:\n${portalLog.slice(-3000)}`);
  const state = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as { databaseUrl: string };
  database = new pg.Pool({ connectionString: state.databaseUrl, max: 2 });
  database.on('error', () => undefined); // the server is stopped on purpose below
});

test.afterAll(async () => {
  await database?.end().catch(() => undefined);
  if (portal && portal.exitCode === null) {
    const exited = new Promise((r) => portal!.once('exit', r));
    portal.kill('SIGTERM');
    await Promise.race([exited, sleep(20_000)]);
    if (portal.exitCode === null) portal.kill('SIGKILL');
  }
  await fake.stop();
  pgServer('stop');
});

// ── PostgreSQL stopped under load ─────────────────────────────────────────────────────────────

type Sample = { started: number; ended: number; path: string; status: number; text: string; retryAfter?: string; location?: string };

test('PostgreSQL stopped under load: friendly 503s, health 503, the process stays up, then it recovers by itself', async () => {
  const client1 = await signInHere(DEMO.client1.email);
  const client2 = await signInHere(DEMO.client2.email);
  const admin = await signInHere(DEMO.admin.email);
  const routes: [Visitor, string][] = [
    [client1, '/dashboard'],
    [client1, '/tickets'],
    [client2, '/projects'],
    [client2, '/dashboard'],
    [admin, '/admin'],
    [admin, '/admin/tickets'],
  ];
  for (const [v, p] of routes) expect((await v.fetch(`${BASE}${p}`)).status, `warm-up ${p}`).toBe(200);

  const samples: Sample[] = [];
  let running = true;
  const worker = async (offset: number) => {
    for (let i = offset; running; i++) {
      const [v, p] = routes[i % routes.length];
      const started = Date.now();
      let r: HttpResponse | null = null;
      try {
        r = await v.fetch(`${BASE}${p}`, { headers: { accept: 'text/html' }, timeoutMs: 30_000 });
      } catch {
        r = null;
      }
      samples.push({
        started,
        ended: Date.now(),
        path: p,
        status: r?.status ?? 0,
        text: r?.text ?? '',
        retryAfter: r?.headers['retry-after'] as string | undefined,
        location: r?.headers.location,
      });
    }
  };
  const workers = [0, 1, 2].map(worker);

  await sleep(3000);
  const haltStarted = Date.now();
  pgServer('halt');
  const haltDone = Date.now();

  await sleep(2000);
  const health = await get(`${BASE}/api/health`);
  expect(health?.status, 'health while PostgreSQL is down').toBe(503);
  await sleep(6000);
  const alive = portal?.exitCode === null;
  const healthAgain = await get(`${BASE}/api/health`);

  const resumeStarted = Date.now();
  pgServer('resume');
  const recovered = await waitForHealth(200, 60_000);
  const recoveredAt = Date.now();
  await sleep(4000);
  running = false;
  await Promise.all(workers);

  const during = samples.filter((s) => s.started >= haltDone && s.ended <= resumeStarted);
  const after = samples.filter((s) => s.started >= recoveredAt);
  // Requests in flight when PostgreSQL went away: one that was past the proxy and meets the
  // outage in any of its reads (no page has a loading boundary) is sent back to its own URL
  // (lib/outage.ts), which then answers 503.
  const inFlight = samples.filter((s) => s.started < haltDone && s.ended > haltStarted);
  const backToSelf = inFlight.filter((s) => s.status >= 300 && s.status < 400 && s.location === s.path);
  const errors = samples.filter((s) => s.status >= 500 && s.status !== 503);
  const refused = samples.filter((s) => s.status === 0);
  const unfriendly = samples.filter(
    (s) =>
      s.status === 503 &&
      (!/temporarily unavailable/i.test(s.text) || /at [\w.<>]+ \(|node_modules|Error: /.test(s.text) || !s.retryAfter),
  );
  const outageNot503 = during.filter((s) => s.status !== 503);
  const afterNot200 = after.filter((s) => s.status !== 200);

  record({ area: 'Faults', label: 'faults injected: PostgreSQL stopped', value: 1, failures: alive && recovered ? 0 : 1, note: `outage ${((resumeStarted - haltStarted) / 1000).toFixed(1)} s; portal ${alive ? 'stayed up' : 'EXITED'}` });
  record({
    area: 'Faults',
    label: 'page requests during the outage',
    value: during.length,
    failures: outageNot503.length,
    note: `all 503 with the friendly page; ${samples.length} requests in all`,
  });
  record({
    area: 'Faults',
    label: '5xx other than 503 (whole run)',
    value: errors.length + refused.length,
    failures: errors.length + refused.length + unfriendly.length,
  });
  record({
    area: 'Faults',
    label: 'requests in flight when PostgreSQL stopped',
    value: inFlight.length,
    failures: 0,
    note: `statuses ${[...new Set(inFlight.map((s) => s.status))].sort().join('/')}; ${backToSelf.length} sent back to their own URL (→ 503)`,
  });
  record({ area: 'Faults', label: 'page requests after recovery', value: after.length, failures: afterNot200.length, note: 'same process, no restart' });

  const show = (list: Sample[]) => list.slice(0, 5).map((s) => `${s.path} ${s.status} ${s.text.slice(0, 200)}`);
  expect(alive, 'the portal process stays up').toBe(true);
  expect(healthAgain?.status).toBe(503);
  expect(JSON.parse(healthAgain?.text ?? '{}')).toMatchObject({ status: 'error' });
  expect(errors.length + refused.length, `5xx/refused: ${show([...errors, ...refused]).join('\n')}`).toBe(0);
  expect(unfriendly.length, `unfriendly 503s: ${show(unfriendly).join('\n')}`).toBe(0);
  expect(during.length).toBeGreaterThan(5);
  expect(outageNot503.map((s) => `${s.path} ${s.status}`)).toEqual([]);
  expect(recovered, 'health is 200 again without a restart').toBe(true);
  expect(after.length).toBeGreaterThan(3);
  expect(afterNot200.map((s) => `${s.path} ${s.status}`)).toEqual([]);
  expect(portal?.exitCode).toBeNull();
});

// ── The mail provider failing ─────────────────────────────────────────────────────────────────

test('mail provider failing (500s, then timeouts): the action succeeds at once, the outbox retries, one mail per message', async () => {
  if (!database) throw new Error('no database');
  const since = new Date();
  const client1 = await signInHere(DEMO.client1.email);
  const [{ ticket_number: ticketNumber }] = (
    await database.query<{ ticket_number: string }>(
      `select t.ticket_number from support_tickets t join users u on u.id = t.client_id
        where u.email = $1 and t.status <> 'CLOSED' order by t.created_at limit 1`,
      [DEMO.client1.email],
    )
  ).rows;

  // 1. The provider answers 500: the user's actions still succeed.
  fake.mode = 'fail';
  const forgot = await postAction(new Visitor('anonymous'), 'forgotPasswordAction', [{ email: DEMO.client3.email }], {
    path: `${BASE}/forgot-password`,
    origin: BASE,
  });
  expect(forgot.result).toMatchObject({ ok: true });
  const reply = await postAction(client1, 'replyAction', [ticketNumber, { content: 'Faults test: a reply while mail is down.' }], {
    path: `${BASE}/tickets/${ticketNumber}`,
    origin: BASE,
  });
  expect(reply.result).toMatchObject({ ok: true });

  const outbox = async () =>
    (
      await database!.query<{ id: string; status: string; attempts: number; template: string }>(
        `select id, status::text as status, attempts, template from email_outbox where created_at >= $1 order by created_at`,
        [since],
      )
    ).rows;
  const messages = await outbox();
  expect(messages.map((m) => m.template).sort()).toEqual(expect.arrayContaining(['password-reset', 'ticket-reply']));
  const ids = new Set(messages.map((m) => m.id));

  // The first attempts (right after each answer) fail; the retry pass runs every second, as a
  // scheduler would call it, through the 500s, then through a provider that never answers, then
  // after it recovers.
  const started = Date.now();
  const phase = (ms: number, mode: Mode) => ({ until: started + ms, mode });
  const plan = [phase(4_000, 'fail'), phase(10_000, 'hang'), phase(120_000, 'ok')];
  let pending = messages.length;
  while (Date.now() < plan[plan.length - 1].until) {
    fake.mode = plan.find((p) => Date.now() < p.until)!.mode;
    await cron();
    const rows = await outbox();
    pending = rows.filter((r) => r.status !== 'SENT').length;
    if (fake.mode === 'ok' && pending === 0) break;
    await sleep(1000);
  }
  await sleep(OUTBOX_BACKOFF_SECONDS * 1000 + 1000);
  await cron(); // nothing left to send: no second delivery

  const rows = await outbox();
  const attempts = fake.received.filter((r) => ids.has(r.key));
  const failedAnswers = attempts.filter((r) => r.mode === 'fail').length;
  const hung = attempts.filter((r) => r.mode === 'hang').length;
  const deliveredKeys = [...fake.delivered.keys()].filter((k) => ids.has(k));
  const repeats = [...fake.delivered.entries()].filter(([k, d]) => ids.has(k) && d.count > 1).length;

  record({ area: 'Faults', label: 'faults injected: mail provider 500s, then hangs', value: failedAnswers + hung, failures: 0, note: `${failedAnswers} answered 500, ${hung} timed out` });
  record({
    area: 'Faults',
    label: 'mails delivered after recovery',
    value: deliveredKeys.length,
    failures: Math.abs(messages.length - deliveredKeys.length) + rows.filter((r) => r.status !== 'SENT').length,
    note: `${messages.length} messages, ${attempts.length} provider requests, ${repeats} repeated keys (answered without a new mail)`,
  });

  expect(failedAnswers, 'the provider answered 500 at least once per message').toBeGreaterThanOrEqual(messages.length);
  expect(hung, 'some attempts met a provider that never answered').toBeGreaterThan(0);
  expect(rows.map((r) => r.status)).toEqual(rows.map(() => 'SENT'));
  expect(Math.min(...rows.map((r) => r.attempts))).toBeGreaterThan(1);
  expect(deliveredKeys.sort()).toEqual([...ids].sort());
  // Resend delivers once per Idempotency-Key; the outbox also never asked twice after a success.
  expect(repeats).toBe(0);
});
