// Bad URL params and path segments never fail a page. Every page of the access matrix (security/access/table.ts,
// which must match app/) is requested by a visitor it admits, with each search param the pages
// read set to values a pasted, truncated or tampered link can hold: too long, a NUL byte, broken
// percent-encoding, repeated. The answer must be what the page answers anyway (its list with that
// filter dropped, its newest window, its own 404), never a 5xx or the error boundary: a NUL byte
// or an overlong value used to reach a zod .parse() that threw, or PostgreSQL, which refuses NUL.
import { expect, test } from '@playwright/test';
import { DEMO } from '../e2e/helpers/accounts';
import { activityFiltersSchema } from '../lib/validation/collab';
import { clientListSchema, projectListSchema, ticketQueueSchema, userListSchema } from '../lib/validation/admin';
import { threadParamsSchema } from '../lib/validation/tickets';
import { anonymous, closeDatabase, record, signIn, sql, type Visitor } from './harness';
import { PAGES, type PageCells, type VisitorKey } from './access/table';

test.describe.configure({ mode: 'serial' });
test.afterAll(closeDatabase);

/** Every param a page reads: the staff lists' URL schemas, and those the other pages read by name. */
const PARAMS = [
  ...new Set([
    ...Object.keys(clientListSchema.shape),
    ...Object.keys(projectListSchema.shape),
    ...Object.keys(ticketQueueSchema.shape),
    ...Object.keys(userListSchema.shape),
    ...Object.keys(activityFiltersSchema.shape),
    ...Object.keys(threadParamsSchema.shape),
    // client lists (/tickets, /projects), /tickets/new, the token pages and /login
    'status', 'q', 'sort', 'cursor', 'projectId', 'token', 'callbackUrl', 'error',
  ]),
];

/** Values as they reach the server (already percent-encoded where needed). */
const BAD_VALUES: Record<string, string> = {
  'too long': 'x'.repeat(3000),
  'a NUL byte': 'a%00b',
  'only a NUL byte': '%00',
  'broken percent-encoding': '%E0%A4%A',
  'far-off dates and numbers': '99999-99-99T99%3A99',
  'emoji, many': '%F0%9F%98%80'.repeat(60),
};

type Target = { path: string; who: 'anonymous' | 'clientA' | 'superAdmin' };

test('bad search params and path segments never fail a page: no 5xx, no error boundary', async () => {
  test.setTimeout(600_000);
  const visitors: Record<Target['who'], Visitor> = {
    anonymous: anonymous('page-params'),
    clientA: await signIn(DEMO.client1.email, DEMO.password, 'page-params client'),
    superAdmin: await signIn(DEMO.superAdmin.email, DEMO.password, 'page-params super admin'),
  };
  // The dynamic routes get ids the visitor may open (client1's own ticket and project).
  const [own] = await sql<{ user_id: string; ticket_number: string | null; project_id: string | null }>(
    `select u.id as user_id,
            (select t.ticket_number from support_tickets t where t.client_id = u.id order by t.created_at limit 1) as ticket_number,
            (select p.id from projects p where p.client_id = u.id order by p.created_at limit 1) as project_id
       from users u where u.email = $1`,
    [DEMO.client1.email],
  );
  expect(own.ticket_number, 'the demo data gives client1 a ticket').toBeTruthy();
  expect(own.project_id, 'the demo data gives client1 a project').toBeTruthy();
  const fill = (route: string) =>
    route
      .replace('/admin/clients/[id]', `/admin/clients/${own.user_id}`)
      .replace('[id]', own.project_id!)
      .replace('[ticketNumber]', own.ticket_number!);
  // Each page as the first of these visitors it answers 200.
  const preference: VisitorKey[] = ['clientA', 'superAdmin', 'anonymous'];
  const targets: Target[] = PAGES.flatMap((row) => {
    const cells: PageCells = row.cells;
    const who = preference.find((v) => cells[v] === 200) as Target['who'] | undefined;
    return who ? [{ path: fill(row.route), who }] : [];
  });
  // Every page with a 200 cell is covered (a page only some visitor can open is still a page).
  expect(targets.length).toBeGreaterThanOrEqual(PAGES.filter((r) => Object.values(r.cells).includes(200)).length);

  const failures: string[] = [];
  let requests = 0;
  const check = async (t: Target, query: string, label: string) => {
    const url = `${t.path}?${query}`;
    const res = await visitors[t.who].fetch(url);
    requests++;
    // An error boundary renders 200 in a streamed page; its text is ours (app/**/error.tsx).
    const boundary = res.status === 200 && /Something went wrong/.test(res.text);
    if (res.status >= 500 || boundary) failures.push(`${t.who} ${t.path} ${label}: ${res.status}${boundary ? ' (error boundary)' : ''}`);
  };

  // A small pool: four requests in flight, as a few browser tabs would send.
  const jobs: (() => Promise<void>)[] = [];
  for (const t of targets) {
    for (const name of PARAMS) {
      for (const [label, value] of Object.entries(BAD_VALUES)) jobs.push(() => check(t, `${name}=${value}`, `${name}: ${label}`));
      jobs.push(() => check(t, `${name}=a&${name}=b`, `${name}: repeated`));
    }
  }
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let job = jobs.shift(); job; job = jobs.shift()) await job();
    }),
  );

  // The dynamic segments themselves: a value that cannot name a row is the page's 404, a broken
  // percent-escape the proxy's 400 (Next.js's own answer to it is a bare 500).
  const SEGMENTS: Record<string, number> = {
    '%00': 404,
    'a%00b': 404,
    [`${'x'.repeat(3000)}`]: 404,
    '%25': 404,
    '%20': 404,
    '%E0%A4%A': 400,
    '%': 400,
  };
  for (const row of PAGES.filter((r) => r.route.includes('['))) {
    const who = preference.find((v) => row.cells[v] === 200) as Target['who'];
    for (const [segment, expected] of Object.entries(SEGMENTS)) {
      const url = row.route.replace(/\[[^\]]+\]/, segment);
      const res = await visitors[who].fetch(url);
      requests++;
      if (res.status !== expected) failures.push(`${who} ${url.slice(0, 60)}: ${res.status}, expected ${expected}`);
    }
  }
  const broken = await visitors.clientA.fetch('/tickets/%E0%A4%A');
  if (!/This address is not valid/.test(broken.text)) failures.push(`/tickets/%E0%A4%A: not the proxy's page: ${broken.text.slice(0, 80)}`);

  record({ area: 'Page params', label: 'requests', value: requests, failures: failures.length });
  expect(failures, failures.join('\n')).toEqual([]);
});
