// Issue 6, item 1: the access matrix. Every page route, route handler method and server action of
// app/ (security/access/table.ts) against seven visitors, checked on the production build:
// - the table must match app/ (a new page, handler method or action fails this spec until it has
//   a row; a row whose route or action is gone fails it too);
// - pages: status or redirect per cell; dynamic routes with A's id, B's id and a missing one; the
//   HTML and the RSC payload of every answer scanned for the other client's markers (ticket
//   subject, comment, project title, staff reply, email);
// - route handlers: status per cell;
// - server actions posted directly with B's ids by every visitor, to a neutral page and to the
//   action's own page, with and without a forged x-middleware-subrequest header: a refused call
//   changes no table (snapshot before/after), an allowed one answers ok;
// - internal notes (issue 8, item 3): a staff note on A's ticket never reaches A.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CRON_SECRET, DEMO } from '../e2e/helpers/accounts';
import {
  anonymous,
  buildActions,
  changedTables,
  closeDatabase,
  encodeArgs,
  parseActionResult,
  record,
  ROOT,
  server,
  signIn,
  snapshot,
  sql,
  type ActionResponse,
  type HttpResponse,
  type Visitor,
} from './harness';
import {
  ACTIONS,
  actionKey,
  ARCHITECTURE_ROUTES,
  HANDLERS,
  PAGES,
  VISITORS,
  type Fixtures,
  type HandlerOutcome,
  type PageOutcome,
  type Sample,
  type VisitorKey,
} from './access/table';

test.describe.configure({ mode: 'serial' });
test.afterAll(async () => {
  const leaks = failures.length;
  if (leaks) console.log(`Access matrix failures:\n  ${failures.join('\n  ')}`);
  console.log(`Access matrix: ${checks} checks, ${leaks} leaks`);
  if (soft.notFound + soft.redirect) {
    console.log(`Access matrix: ${soft.notFound} not-found and ${soft.redirect} redirect cells answered 200 after streaming (a loading.tsx above the page)`);
  }
  console.log(
    `Access matrix: ${posted.cells} action × visitor cells posted (${posted.requests} requests), ` +
      `${posted.snapshots} snapshot comparisons, ${posted.skipped.length} allowed cells not posted`,
  );
  record({ area: 'Access matrix', label: 'checks', value: checks, failures: leaks });
  record({ area: 'Access matrix', label: 'action × visitor cells posted', value: posted.cells, failures: 0 });
  record({ area: 'Access matrix', label: 'action requests', value: posted.requests, failures: 0 });
  record({ area: 'Access matrix', label: 'snapshot comparisons', value: posted.snapshots, failures: 0 });
  await closeDatabase();
});

// ── Bookkeeping ──────────────────────────────────────────────────────────────────────────────

let checks = 0;
const failures: string[] = [];
const posted = { cells: 0, requests: 0, snapshots: 0, skipped: [] as string[] };

/** One check; a failure is collected (so one run lists them all) and fails the test at its end. */
function check(ok: boolean, what: string): void {
  checks++;
  if (!ok) failures.push(what);
}

function expectNoFailures(since: number): void {
  expect(failures.slice(since), failures.slice(since).join('\n')).toEqual([]);
}

const rand = Math.random().toString(36).slice(2, 8);
const MARK = {
  A: {
    subject: `Matrix A subject ${rand}`,
    comment: `Matrix A comment ${rand}`,
    project: `Matrix A project ${rand}`,
  },
  B: {
    subject: `Matrix B subject ${rand}`,
    comment: `Matrix B comment ${rand}`,
    project: `Matrix B project ${rand}`,
    staffReply: `Matrix agency reply to B ${rand}`,
  },
};

/** What a visitor must never see: the other client's markers (staff see everything). */
function forbiddenFor(v: VisitorKey): string[] {
  const a = [...Object.values(MARK.A), DEMO.client1.email];
  const b = [...Object.values(MARK.B), DEMO.client2.email];
  if (v === 'admin' || v === 'superAdmin') return [];
  if (v === 'clientA') return b;
  if (v === 'clientB') return a;
  return [...a, ...b];
}

/** `echo`: what the request itself sent (an action may echo its own input back). */
function scan(v: VisitorKey, text: string, what: string, echo = ''): void {
  const seen = forbiddenFor(v).filter((m) => !echo.includes(m)).filter((m) => text.includes(m) || text.includes(JSON.stringify(m).slice(1, -1)));
  check(seen.length === 0, `LEAK ${what} as ${v}: ${seen.join(', ')}`);
}

// ── Visitors and fixtures ────────────────────────────────────────────────────────────────────

const visitors = {} as Record<VisitorKey, Visitor>;
/** A second stale session (a cookie from before changePasswordAction), checked on every page. */
let staleAfterChange: Visitor;
let f: Fixtures;
let counter = 0;

async function idOf(email: string): Promise<string> {
  const [row] = await sql<{ id: string }>(`select id from users where email = $1`, [email]);
  return row.id;
}

/** A fresh verified client with the demo password (its hash copied from a demo account). */
async function freshClient(label: string, verified = true): Promise<{ id: string; email: string }> {
  const email = `matrix-${label}-${rand}@example.test`;
  const [row] = await sql<{ id: string }>(
    `insert into users (email, name, company, password_hash, role, email_verified, active)
     values ($1, $2, 'Matrix Ltd', (select password_hash from users where email = $3), 'CLIENT', $4, true)
     returning id`,
    [email, `Matrix ${label}`, DEMO.client1.email, verified],
  );
  return { id: row.id, email };
}

/** Posts an action by id (two modules export a resendVerificationAction). */
async function post(
  v: Visitor,
  r: { file: string; name: string },
  args: unknown[],
  options: { path?: string; headers?: Record<string, string> } = {},
): Promise<ActionResponse> {
  const ref = actionRef(r);
  const signedIn = [...v.cookies.keys()].some((k) => k.includes('session-token'));
  const response = await v.fetch(options.path ?? (signedIn ? '/settings' : '/login'), {
    method: 'POST',
    headers: {
      'next-action': ref.id,
      'content-type': 'text/plain;charset=UTF-8',
      accept: 'text/x-component',
      origin: new URL(server().baseUrl).origin,
      ...options.headers,
    },
    body: encodeArgs(args),
  });
  const redirect = (response.headers['x-action-redirect'] as string | undefined)?.split(';')[0] ?? null;
  return { ...response, result: parseActionResult(response.text), redirect };
}

function actionRef(r: { file: string; name: string }) {
  const found = buildActions().filter((a) => a.name === r.name && normalise(a.file) === r.file);
  if (found.length !== 1) throw new Error(`${actionKey(r)}: ${found.length} matches in the build`);
  return found[0];
}

/** The manifest's file names, as paths relative to the repository ("app/(auth)/login/actions.ts"). */
function normalise(file: string): string {
  const rel = file.replace(/^\[project\]\//, '').replace(/^\.\//, '');
  return path.isAbsolute(rel) ? path.relative(ROOT, rel) : rel;
}

const okResult = (r: ActionResponse) => (r.result as { ok?: unknown } | undefined)?.ok === true;

async function mailsTo(email: string): Promise<{ to: string; subject: string; text: string; html: string }[]> {
  const dir = server().mailboxDir;
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .map((n) => JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8')))
    .filter((m) => JSON.stringify(m.to).toLowerCase().includes(email.toLowerCase()));
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const [a, b, admin, superAdmin] = await Promise.all([
    signIn(DEMO.client1.email, DEMO.password, 'clientA'),
    signIn(DEMO.client2.email, DEMO.password, 'clientB'),
    signIn(DEMO.admin.email, DEMO.password, 'admin'),
    signIn(DEMO.superAdmin.email, DEMO.password, 'superAdmin'),
  ]);
  Object.assign(visitors, { anonymous: anonymous(), clientA: a, clientB: b, admin, superAdmin });
  const create = (name: string, file: string) => ({ name, file });
  const CREATE_TICKET = create('createTicketAction', 'app/(portal)/tickets/new/actions.ts');
  const REQUEST_PROJECT = create('requestProjectAction', 'app/(portal)/projects/new/actions.ts');
  const REPLY = create('replyAction', 'app/(portal)/tickets/[ticketNumber]/actions.ts');
  const AGENCY_REPLY = create('replyAsAgencyAction', 'app/admin/tickets/[ticketNumber]/actions.ts');

  // Each client's own, recognisable data: a project, a ticket on it and a comment.
  const own = async (v: Visitor, m: { subject: string; comment: string; project: string }) => {
    const p = await post(v, REQUEST_PROJECT, [
      { title: m.project, type: 'WEBSITE', description: `${m.project}: a site.`, requirements: 'Ten or more characters.' },
    ]);
    expect(p.result, `project request ${JSON.stringify(p.result)}`).toMatchObject({ ok: true });
    const project = (p.result as { data: { id: string } }).data.id;
    const t = await post(v, CREATE_TICKET, [{ subject: m.subject, description: `${m.subject}: the details.`, projectId: project }]);
    expect(t.result, `ticket ${JSON.stringify(t.result)}`).toMatchObject({ ok: true });
    const ticket = (t.result as { data: { ticketNumber: string } }).data.ticketNumber;
    expect((await post(v, REPLY, [ticket, { content: m.comment }])).result).toMatchObject({ ok: true });
    return { project, ticket };
  };
  const [ownA, ownB] = [await own(a, MARK.A), await own(b, MARK.B)];

  // An agency reply on B's ticket: B gets a notification (the id A will try to mark read).
  expect((await post(admin, AGENCY_REPLY, [ownB.ticket, { content: MARK.B.staffReply }])).result).toMatchObject({ ok: true });
  const [notification] = await sql<{ id: string }>(
    `select n.id from notifications n join users u on u.id = n.user_id where u.email = $1 and n.read_at is null
      order by n.created_at desc limit 1`,
    [DEMO.client2.email],
  );
  expect(notification, 'B has an unread notification').toBeTruthy();

  // Spare tickets and projects of B that each staff member's allowed calls may change.
  const spare = {} as Fixtures['spare'];
  for (const who of ['admin', 'superAdmin'] as const) {
    const t = await post(b, CREATE_TICKET, [{ subject: `Matrix spare for ${who}`, description: 'A ticket staff may change.', projectId: '' }]);
    const [p] = await sql<{ id: string }>(
      `insert into projects (title, status, client_id, type) values ($1, 'PENDING', $2, 'WEBSITE') returning id`,
      [`Matrix spare for ${who}`, await idOf(DEMO.client2.email)],
    );
    spare[who] = { ticket: (t.result as { data: { ticketNumber: string } }).data.ticketNumber, project: p.id };
  }

  // An invited client (for resendInvitationAction), an unverified one, one super may delete.
  const invite = await post(admin, create('inviteClientAction', 'app/admin/clients/actions.ts'), [
    { email: `matrix-invited-${rand}@example.test`, name: 'Matrix Invited' },
  ]);
  expect(invite.result).toMatchObject({ ok: true });

  // The deactivated visitor: signed in while active, then deactivated by staff (the cookie it
  // holds was valid once). The snapshot shows the allowed call changed the users table.
  const deactivated = await freshClient('deactivated');
  visitors.deactivated = await signIn(deactivated.email, DEMO.password, 'deactivated');
  const beforeDeactivation = await snapshot();
  const off = await post(admin, create('setClientActiveAction', 'app/admin/clients/[id]/actions.ts'), [
    { userId: deactivated.id, active: false },
  ]);
  expect(off.result).toMatchObject({ ok: true });
  const afterDeactivation = await snapshot();
  posted.snapshots++;
  check(changedTables(beforeDeactivation, afterDeactivation).includes('users'), 'detector: deactivation changed users');

  // The stale visitor: a copy of a cookie taken before the password was reset through the
  // forgot-password mail.
  const stale = await freshClient('stale');
  const holder = await signIn(stale.email, DEMO.password, 'stale (holder)');
  visitors.stale = holder.clone('stale');
  const forgot = await post(anonymous(), create('forgotPasswordAction', 'app/(auth)/forgot-password/actions.ts'), [{ email: stale.email }]);
  expect(forgot.result).toMatchObject({ ok: true });
  await snapshot(); // settles the outbox
  let token: string | undefined;
  for (let i = 0; i < 50 && !token; i++) {
    const mail = (await mailsTo(stale.email)).find((m) => /reset-password\?token=/.test(m.text));
    token = mail ? /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] : undefined;
    if (!token) await new Promise((r) => setTimeout(r, 200));
  }
  expect(token, 'reset mail').toBeTruthy();
  const newPassword = 'Matrix-reset-passphrase-77';
  const reset = await post(anonymous(), create('resetPasswordAction', 'app/(auth)/reset-password/actions.ts'), [
    { token, password: newPassword, confirmPassword: newPassword },
  ]);
  expect(reset.redirect ?? '', 'reset done').toContain('/login');
  // The new password works; the copy taken before does not (checked cell by cell below).
  await signIn(stale.email, newPassword, 'stale (after reset)');

  // The other way to a stale session: a password change (changePasswordAction, allowed for the
  // signed-in user) ends every other session; this browser's own is re-issued and goes on.
  const changer = await freshClient('changer');
  const changing = await signIn(changer.email, DEMO.password, 'changer');
  staleAfterChange = changing.clone('stale (after a password change)');
  const changed = await post(changing, create('changePasswordAction', 'app/(portal)/settings/actions.ts'), [
    { currentPassword: DEMO.password, newPassword, confirmPassword: newPassword },
  ]);
  expect(changed.result, `password change ${JSON.stringify(changed.result)}`).toMatchObject({ ok: true });
  const goesOn = await changing.fetch('/dashboard');
  check(goesOn.status === 200, `the changer's own session goes on after the change (${goesOn.status})`);

  const doomed = await freshClient('doomed');
  const victim = await freshClient('victim');
  const unverified = await freshClient('unverified', false);
  const [bRow] = await sql<{ name: string; company: string | null }>(`select name, company from users where email = $1`, [
    DEMO.client2.email,
  ]);
  const [projectRow] = await sql<Fixtures['B']['projectRow']>(
    `select title, type::text, description, requirements, budget::text,
            to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate"
       from projects where id = $1`,
    [ownB.project],
  );
  const profile: Fixtures['profile'] = {};
  for (const [v, email] of [
    ['clientA', DEMO.client1.email],
    ['clientB', DEMO.client2.email],
    ['admin', DEMO.admin.email],
    ['superAdmin', DEMO.superAdmin.email],
  ] as const) {
    const [p] = await sql<{ name: string; company: string | null }>(`select name, company from users where email = $1`, [email]);
    profile[v] = { name: p.name, company: p.company ?? '' };
  }

  f = {
    A: { id: await idOf(DEMO.client1.email), email: DEMO.client1.email, ticket: ownA.ticket, project: ownA.project },
    B: {
      id: await idOf(DEMO.client2.email),
      email: DEMO.client2.email,
      name: bRow.name,
      company: bRow.company,
      ticket: ownB.ticket,
      project: ownB.project,
      projectRow,
      notification: notification.id,
    },
    admin: { id: await idOf(DEMO.admin.email) },
    superAdmin: { id: await idOf(DEMO.superAdmin.email) },
    spare,
    victim,
    doomed,
    invited: { id: (invite.result as { data: { userId: string } }).data.userId },
    unverified,
    profile,
    unique: () => `${rand}-${++counter}`,
  };
});

// ── 1. The table matches app/ ────────────────────────────────────────────────────────────────

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

/** app/(portal)/tickets/[ticketNumber]/page.tsx → /tickets/[ticketNumber] */
function routeOf(file: string): string {
  const segments = path
    .relative(path.join(ROOT, 'app'), path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join('/')}`;
}

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+([A-Z]+)\b/g)) found.add(m[1]);
  for (const m of source.matchAll(/export\s+const\s+([A-Z]+)\s*=/g)) found.add(m[1]);
  for (const m of source.matchAll(/export\s+const\s*\{([^}]*)\}\s*=/g))
    for (const name of m[1].split(',')) found.add(name.trim().split(/\s*:\s*/).pop() ?? '');
  return [...found].filter((n) => HTTP_METHODS.includes(n)).sort();
}

function serverActionsIn(file: string, source: string): string[] {
  if (!/^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*['"]use server['"]/.test(source)) return [];
  const names = [
    ...[...source.matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => m[1]),
    ...[...source.matchAll(/export\s+const\s+(\w+)\s*=\s*async\b/g)].map((m) => m[1]),
  ];
  return names.map((name) => actionKey({ file: path.relative(ROOT, file), name }));
}

test('the table lists every page, route handler method and server action of app/, and nothing else', () => {
  const since = failures.length;
  const files = ['app', 'components', 'lib'].flatMap((d) => walk(path.join(ROOT, d)));

  const pages = files.filter((p) => p.endsWith(`${path.sep}page.tsx`)).map(routeOf).sort();
  const tablePages = PAGES.map((p) => p.route).sort();
  for (const route of pages) check(tablePages.includes(route), `page ${route} (app/) is missing from the matrix`);
  for (const route of tablePages) check(pages.includes(route), `matrix page ${route} is not in app/`);
  check(new Set(tablePages).size === tablePages.length, 'a page is listed twice');
  for (const route of ARCHITECTURE_ROUTES) {
    check(tablePages.includes(route) || HANDLERS.some((h) => h.route === route), `ARCHITECTURE.md route ${route} is missing`);
  }
  // Dynamic routes must be checked with A's id, B's id and a missing one.
  for (const p of PAGES.filter((r) => r.route.includes('['))) {
    check(Boolean(p.samples?.A && p.samples.B && p.samples.missing), `${p.route}: needs A, B and missing samples`);
  }

  const handlers = files
    .filter((p) => p.endsWith(`${path.sep}route.ts`))
    .flatMap((p) => exportedMethods(fs.readFileSync(p, 'utf8')).map((m) => `${m} ${routeOf(p)}`))
    .sort();
  const tableHandlers = [...new Set(HANDLERS.map((h) => `${h.method} ${h.route}`))].sort();
  expect(handlers.length, 'route handlers found in app/').toBeGreaterThanOrEqual(6);
  for (const h of handlers) check(tableHandlers.includes(h), `route handler ${h} is missing from the matrix`);
  for (const h of tableHandlers) check(handlers.includes(h), `matrix handler ${h} is not in app/`);

  const actions = files
    .filter((p) => /\.tsx?$/.test(p))
    .flatMap((p) => serverActionsIn(p, fs.readFileSync(p, 'utf8')))
    .sort();
  const tableActions = ACTIONS.map(actionKey).sort();
  expect(actions.length, "exported functions of 'use server' files").toBeGreaterThanOrEqual(37);
  for (const a of actions) check(tableActions.includes(a), `server action ${a} is missing from the matrix`);
  for (const a of tableActions) check(actions.includes(a), `matrix action ${a} is not in the source`);
  check(new Set(tableActions).size === tableActions.length, 'an action is listed twice');
  // …and the build's manifest agrees (every action the server would run has a row).
  const built = buildActions().map((a) => actionKey({ file: normalise(a.file), name: a.name })).sort();
  for (const a of built) check(tableActions.includes(a), `built action ${a} is missing from the matrix`);
  for (const a of tableActions) check(built.includes(a), `matrix action ${a} is not in the build`);

  for (const row of ACTIONS) for (const v of VISITORS) check(Boolean(row.cells[v]), `${actionKey(row)}: no cell for ${v}`);
  console.log(`matrix: ${pages.length} pages, ${handlers.length} handler methods, ${actions.length} server actions in app/`);
  expectNoFailures(since);
});

// ── 2. Pages ─────────────────────────────────────────────────────────────────────────────────

function locationPath(r: HttpResponse): string | null {
  const loc = r.headers.location;
  if (!loc) return null;
  return new URL(loc, server().baseUrl).pathname;
}

/**
 * A page below a loading.tsx streams: the 200 and the skeleton are sent before the page runs, so a
 * notFound() or redirect() in it can no longer change the status (Next renders the not-found
 * boundary with `noindex`, or a client-side redirect). ARCHITECTURE.md wants a real 404 for a
 * foreign id, so no page has a loading boundary above it (docs/decisions/012). Such a streamed
 * answer is a failure; it is counted apart to say why.
 */
const soft = { notFound: 0, redirect: 0 };

function matches(r: HttpResponse, expected: PageOutcome | HandlerOutcome): boolean {
  if (expected === 404 && r.status === 200 && r.text.includes('NEXT_HTTP_ERROR_FALLBACK;404') && r.text.includes('name="robots" content="noindex"')) {
    soft.notFound++;
    return false;
  }
  if (typeof expected === 'number') return r.status === expected;
  const target = expected.startsWith('→') ? expected.slice(1) : expected;
  const streamed = /NEXT_REDIRECT;(?:replace|push);([^;]+);/.exec(r.text)?.[1];
  if (r.status === 200 && streamed !== undefined && r.text.includes('__next-page-redirect')) {
    soft.redirect++;
    return false;
  }
  const loc = locationPath(r);
  return r.status >= 300 && r.status < 400 && loc !== null && (loc === target || loc.startsWith(target));
}

/**
 * An RSC request as the router sends it (`RSC: 1`); Next answers the first one with a 307 to the
 * same URL plus its `_rsc` cache key, which is followed once.
 */
async function rscFetch(v: Visitor, url: string, headers: Record<string, string> = {}): Promise<HttpResponse> {
  const h = { rsc: '1', ...headers };
  const first = await v.fetch(url, { headers: h });
  const loc = first.headers.location;
  if (first.status === 307 && loc && new URL(loc, server().baseUrl).searchParams.has('_rsc')) return v.fetch(loc, { headers: h });
  return first;
}

const describe = (r: HttpResponse) => `${r.status}${r.headers.location ? ` → ${r.headers.location}` : ''}`;

/** Runs tasks a few at a time (page views do not write; the machine has 2 cores). */
async function pool<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: size }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await run(item);
  }));
}

test('pages: every route × visitor, dynamic ones with A’s, B’s and a missing id, HTML and RSC scanned for leaks', async () => {
  test.setTimeout(240_000);
  const since = failures.length;
  const idFor = (route: string, sample: Sample): string => {
    const missing = route.includes('ticketNumber') ? 'T-999999' : '00000000-0000-4000-8000-000000000000';
    if (sample === 'missing') return missing;
    const who = sample === 'A' ? f.A : f.B;
    if (route.includes('ticketNumber')) return who.ticket;
    if (route.startsWith('/admin/clients/')) return who.id;
    return who.project;
  };
  type Job = { v: VisitorKey; url: string; expected: PageOutcome; label: string; sample?: Sample; who?: Visitor };
  const jobs: Job[] = [];
  for (const row of PAGES) {
    const samples: [Sample | undefined, Record<VisitorKey, PageOutcome>][] = row.samples
      ? (Object.entries(row.samples) as [Sample, Record<VisitorKey, PageOutcome>][])
      : [[undefined, row.cells]];
    for (const [sample, cellsOf] of samples) {
      const url = (sample ? row.route.replace(/\[[^\]]+\]/, idFor(row.route, sample)) : row.route) + (row.query ?? '');
      const label = `${row.route}${sample ? ` (${sample}'s id)` : ''}`;
      for (const v of VISITORS) jobs.push({ v, url, expected: cellsOf[v], label, sample });
      // The stale column holds for the cookie from before a password change as well.
      jobs.push({ v: 'stale', url, expected: cellsOf.stale, label: `${label} [after a change]`, sample, who: staleAfterChange });
    }
  }
  await pool(jobs, 4, async (job) => {
    const who = job.who ?? visitors[job.v];
    const html = await who.clone(job.v).fetch(job.url); // the same cookie every time (a jar never drifts)
    check(matches(html, job.expected), `page ${job.label} as ${job.v}: expected ${job.expected}, got ${describe(html)}`);
    scan(job.v, html.text, `page ${job.url}`);
    const rsc = await rscFetch(who.clone(job.v), job.url);
    check(rsc.status < 500, `RSC ${job.label} as ${job.v}: ${rsc.status}`);
    if (job.expected === 200) check(rsc.status === 200 && /text\/x-component/.test(String(rsc.headers['content-type'])), `RSC ${job.label} as ${job.v}: ${describe(rsc)}`);
    scan(job.v, rsc.text, `RSC ${job.url}`);
    // The scan can fail: each client's own ticket page shows its own subject.
    if (job.expected === 200 && job.sample && job.label.startsWith('/tickets/')) {
      const mine = job.sample === 'A' ? MARK.A.subject : MARK.B.subject;
      check(html.text.includes(mine), `control: ${job.label} as ${job.v} shows the subject`);
    }
  });
  expectNoFailures(since);
});

// ── 3. Route handlers ────────────────────────────────────────────────────────────────────────

test('route handlers: every method × visitor', async () => {
  const since = failures.length;
  for (const h of HANDLERS) {
    for (const v of VISITORS) {
      const r = await visitors[v].clone(v).fetch(h.path, {
        method: h.method,
        headers: { ...(h.body ? { origin: new URL(server().baseUrl).origin } : {}), ...h.headers },
        body: h.body,
      });
      check(matches(r, h.cells[v]), `${h.method} ${h.path} as ${v}: expected ${h.cells[v]}, got ${describe(r)}`);
      if (v === 'anonymous') {
        const issued = r.setCookies.filter((c) => /session-token=[^;]+/.test(c) && !/max-age=0|expires=thu, 01 jan 1970/i.test(c));
        check(issued.length === 0, `${h.method} ${h.path}: a signed-out caller got a session cookie`);
      }
      scan(v, r.text, `${h.method} ${h.path}`);
    }
  }
  // Control: the cron route does answer its bearer.
  const cron = await anonymous().fetch('/api/cron/cleanup', { method: 'POST', headers: { authorization: `Bearer ${CRON_SECRET}` } });
  check(cron.status === 200, `control: cron with its secret: ${cron.status}`);
  expectNoFailures(since);
});

// ── 4. Server actions ────────────────────────────────────────────────────────────────────────

/** Allowed calls whose write the snapshot must show (so a silent detector would fail the spec). */
const DETECTOR: Record<string, string> = {
  'requestProjectAction as clientA': 'projects',
  'createTicketAction as clientB': 'support_tickets',
  'replyAction as clientB': 'ticket_comments',
  'markNotificationReadAction as clientB': 'notifications',
  'setTicketPriorityAction as admin': 'support_tickets',
  'inviteStaffAction as superAdmin': 'users',
  'deleteUserAction as superAdmin': 'users',
};

const FORGED = [
  undefined,
  { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
  { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
];

test('server actions: B’s ids posted by every visitor, to a neutral page and the action’s own, with and without x-middleware-subrequest', async () => {
  test.setTimeout(300_000);
  const since = failures.length;
  // Marking all read touches only the caller's rows: B's notification stays unread after A's call.
  await post(visitors.clientA.clone(), { name: 'markAllNotificationsReadAction', file: 'app/(portal)/notifications/actions.ts' }, []);
  const [bUnread] = await sql<{ read: boolean }>(`select read_at is not null as read from notifications where id = $1`, [f.B.notification]);
  check(bUnread?.read === false, 'A marking all read left B’s notification unread');
  let before = await snapshot();

  for (const row of ACTIONS) {
    for (const v of VISITORS) {
      const outcome = row.cells[v];
      const cellName = `${actionKey(row)} as ${v}`;
      if (outcome === 'allowed') {
        if (row.notPosted?.[v]) {
          posted.skipped.push(`${cellName}: ${row.notPosted[v]}`);
          continue;
        }
        const args = row.allowedCall ? row.allowedCall(f, v) : row.attack(f);
        const r = await post(visitors[v].clone(v), row, args);
        posted.cells++;
        posted.requests++;
        check(okResult(r), `${cellName}: expected allowed, got ${r.status} ${JSON.stringify(r.result) ?? r.redirect}`);
        scan(v, r.text, cellName, JSON.stringify(args));
        const after = await snapshot();
        const wrote = DETECTOR[`${row.name} as ${v}`];
        if (wrote) {
          // The detector works: these allowed calls show up in the snapshot.
          posted.snapshots++;
          check(changedTables(before, after).includes(wrote), `detector: ${cellName} changed ${wrote} (${changedTables(before, after).join(', ')})`);
        }
        before = after;
        continue;
      }
      // Refused or neutral: every variant, then the database must be as it was.
      const calls = [undefined, row.page(f)].flatMap((p) => FORGED.map((headers) => ({ path: p, headers })));
      const run = async (c: (typeof calls)[number]) => {
        const r = await post(visitors[v].clone(v), row, row.attack(f), c);
        posted.requests++;
        const where = `${cellName} → ${c.path ?? 'neutral page'}${c.headers ? ` + ${c.headers['x-middleware-subrequest']}` : ''}`;
        check(r.status < 500, `${where}: ${r.status}`);
        if (outcome === 'refused') check(!okResult(r), `${where}: expected refused, got ${JSON.stringify(r.result)}`);
        scan(v, r.text, where, JSON.stringify(row.attack(f)));
        return where;
      };
      for (const c of calls) await run(c);
      posted.cells++;
      const after = await snapshot();
      posted.snapshots++;
      const changed = changedTables(before, after);
      check(changed.length === 0, `${cellName} (${outcome}) changed ${changed.join(', ')}`);
      if (changed.length > 0) {
        // Bisect: replay each variant between snapshots to name the one that writes.
        for (const c of calls) {
          const s0 = await snapshot();
          const where = await run(c);
          const diff = changedTables(s0, await snapshot());
          if (diff.length) failures.push(`  ↳ ${where} changed ${diff.join(', ')}`);
        }
        before = await snapshot();
      } else before = after;
    }
  }

  // The allowed calls acted on the caller's own rows only.
  const [bRow] = await sql<{ name: string; role: string; active: boolean }>(`select name, role, active from users where id = $1`, [f.B.id]);
  check(bRow.name === f.B.name && bRow.role === 'CLIENT' && bRow.active, `B's account intact: ${JSON.stringify(bRow)}`);
  const [requested] = await sql<{ n: number }>(
    `select count(*)::int as n from projects where title = 'Matrix project request' and client_id = $1`,
    [f.B.id],
  );
  const [requestedByA] = await sql<{ n: number }>(
    `select count(*)::int as n from projects where title = 'Matrix project request' and client_id = $1`,
    [f.A.id],
  );
  check(requestedByA.n === 1 && requested.n === 1, `A's project request is A's own (A ${requestedByA.n}, B ${requested.n})`);
  const [forged] = await sql<{ n: number }>(`select count(*)::int as n from ticket_comments where content like 'Matrix: a forged%'`);
  check(forged.n === 1, `only B's own reply on B's ticket was saved (${forged.n} "forged" comments; B's own counts one)`);

  // signOutAction for a valid session: a separate session of A ends, A's matrix session does not.
  const extra = await signIn(DEMO.client1.email, DEMO.password, 'clientA (second session)');
  const kept = extra.clone('clientA (second session, cookie kept)');
  const out = await post(extra, { name: 'signOutAction', file: 'components/auth/sign-out-action.ts' }, []);
  posted.requests++;
  check(out.redirect?.startsWith('/login') ?? false, `signOut redirects to /login (${out.redirect})`);
  const dead = await kept.fetch('/dashboard');
  check(matches(dead, '/login'), `a signed-out cookie no longer opens /dashboard (${describe(dead)})`);
  const alive = await visitors.clientA.clone().fetch('/dashboard');
  check(alive.status === 200, `A's other session still works after a sign-out elsewhere (${alive.status})`);
  console.log(`allowed cells not posted:\n  ${posted.skipped.join('\n  ')}`);
  expectNoFailures(since);
});

// ── 5. Internal notes (issue 8, item 3) ──────────────────────────────────────────────────────

/**
 * React may stream part of a page later: `<template id="P:1">` holds its place and
 * `<div hidden id="S:1">…</div><script>$RS(…)` brings it. Puts each part back in its place, so
 * the markup of a row does not depend on how the response was chunked.
 */
function inlineStreamed(html: string): string {
  for (let i = 0; i < 50; i++) {
    const hole = /<template id="P:(\d+)"><\/template>/.exec(html);
    if (!hole) break;
    // `<script nonce=…>` since the CSP: match the tag's start only.
    const part = new RegExp(`<div hidden id="S:${hole[1]}">([\\s\\S]*?)</div><script[ >]`).exec(html);
    html = html.replace(hole[0], part?.[1] ?? '');
  }
  return html;
}

test('a staff internal note on A’s ticket never reaches A: pages, RSC, action results, counts, mail, notifications', async () => {
  const since = failures.length;
  const A = visitors.clientA;
  const note = `Matrix internal note ${rand} — staff only`;
  const listRow = (html: string): string => {
    // A's ticket in the list: its row (`data-ticket`; a card below md by CSS, or a separate `li`
    // card if the markup ever splits again), with the comment count (the cell labelled
    // "Comments") and exact last-reply time (relative text like "3 minutes ago" is left out: it
    // moves with the clock).
    html = inlineStreamed(html);
    const parts: string[] = [];
    for (const tag of ['tr', 'li']) {
      const segment = new RegExp(`<${tag}[^>]*data-ticket="${f.A.ticket}"[^>]*>([\\s\\S]*?)</${tag}>`).exec(html)?.[1] ?? '';
      parts.push(...[...segment.matchAll(/dateTime="([^"]+)"|data-label="Comments"[^>]*>(\d+)<|(\d+) comments?/g)].map((m) => m[1] ?? m[2] ?? m[3]));
    }
    return parts.join('|');
  };
  const dbRow = async () =>
    (await sql<{ last: string | null; n: number }>(
      `select t.last_replied_at::text as last,
              (select count(*)::int from ticket_comments c where c.ticket_id = t.id and not c.internal) as n
         from support_tickets t where t.ticket_number = $1`,
      [f.A.ticket],
    ))[0];
  // The row's cells may arrive split over streamed segments that this parser cannot stitch back
  // together (a suspended cell's rest of the row): take the first fully rendered answer.
  const listNow = async (): Promise<string> => {
    let row = '';
    for (let i = 0; i < 30 && row.split('|').length < 2; i++) {
      if (i) await new Promise((r) => setTimeout(r, 100)); // a moment for the server to settle
      row = listRow((await A.clone().fetch('/tickets')).text);
    }
    return row;
  };
  const listBefore = await listNow();
  const dbBefore = await dbRow();
  const notificationsBefore = await sql(`select id from notifications where user_id = $1`, [f.A.id]);
  const mailsBefore = (await mailsTo(f.A.email)).length;

  const added = await post(visitors.admin, { name: 'replyAsAgencyAction', file: 'app/admin/tickets/[ticketNumber]/actions.ts' }, [
    f.A.ticket,
    { content: note, internal: true },
  ]);
  check((added.result as { data?: { internal?: boolean } })?.data?.internal === true, `the note was added as internal: ${JSON.stringify(added.result)}`);
  await snapshot(); // lets any mail the note might (wrongly) queue go out

  // Controls: the note exists, staff see it.
  const [stored] = await sql<{ n: number }>(`select count(*)::int as n from ticket_comments where content = $1 and internal`, [note]);
  check(stored.n === 1, 'control: the note is stored, internal');
  const staffView = await visitors.admin.clone().fetch(`/admin/tickets/${f.A.ticket}`);
  check(staffView.text.includes(note), 'control: staff see the note on the ticket page');

  const never = (text: string, where: string) => check(!text.includes(note), `LEAK internal note in ${where}`);
  const listAfter = await listNow();
  check(listAfter === listBefore && listBefore.split('|').length >= 2, `A's list row unchanged by the note (${listBefore} → ${listAfter})`);
  const dbAfter = await dbRow();
  check(dbAfter.last === dbBefore.last, `last_replied_at unchanged by the note (${dbBefore.last} → ${dbAfter.last})`);
  for (const page of ['/tickets', `/tickets/${f.A.ticket}`, '/dashboard', '/notifications', '/settings', '/projects', `/projects/${f.A.project}`]) {
    never((await A.clone().fetch(page)).text, `${page} (HTML)`);
    const rsc = await rscFetch(A.clone(), page);
    check(rsc.status === 200, `control: RSC ${page} answers (${rsc.status})`);
    never(rsc.text, `${page} (RSC)`);
    never((await rscFetch(A.clone(), page, { 'next-router-prefetch': '1' })).text, `${page} (RSC prefetch)`);
  }
  never((await A.clone().fetch('/api/auth/session')).text, '/api/auth/session');
  // Action answers, posted to the ticket's own page (a revalidating action re-renders it).
  const page = `/tickets/${f.A.ticket}`;
  const REPLY = { name: 'replyAction', file: 'app/(portal)/tickets/[ticketNumber]/actions.ts' };
  const reply = await post(A.clone(), REPLY, [f.A.ticket, { content: `Matrix A follows up ${rand}` }], { path: page });
  check(okResult(reply), 'control: A can still reply');
  never(reply.text, 'replyAction answer');
  for (const [name, file, args] of [
    ['markAllNotificationsReadAction', 'app/(portal)/notifications/actions.ts', []],
    ['changeStatusAction', 'app/(portal)/tickets/[ticketNumber]/actions.ts', [f.A.ticket, 'RESOLVED']],
    ['changeStatusAction', 'app/(portal)/tickets/[ticketNumber]/actions.ts', [f.A.ticket, 'OPEN']],
  ] as [string, string, unknown[]][]) {
    never((await post(A.clone(), { name, file }, args, { path: page })).text, `${name} answer`);
  }
  await snapshot();
  // Mail and notifications: A's mailbox and notification rows never carry the note, and the note
  // itself added neither.
  for (const m of await mailsTo(f.A.email)) never(`${m.subject}\n${m.text}\n${m.html}`, `mail to A "${m.subject}"`);
  const notes = await sql<{ title: string; body: string | null }>(`select title, body from notifications where user_id = $1`, [f.A.id]);
  for (const n of notes) never(`${n.title}\n${n.body ?? ''}`, 'a notification of A');
  // The note itself added no notification and no mail for A (A's own reply and status changes
  // above add none for A either: they notify staff).
  check(notes.length === notificationsBefore.length, `A's notifications: ${notificationsBefore.length} → ${notes.length}`);
  check((await mailsTo(f.A.email)).length === mailsBefore, 'no mail to A since the note');
  const [byNote] = await sql<{ n: number }>(
    `select count(*)::int as n from notifications where body like $1 or title like $1`,
    [`%${note}%`],
  );
  check(byNote.n === 0, 'no notification anywhere carries the note');
  expectNoFailures(since);
});
