import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { DEMO } from '../e2e/helpers/accounts';
import { signIn as signInPage } from '../e2e/helpers/auth';
import {
  action,
  closeDatabase,
  encodeArgs,
  parseActionResult,
  record,
  server,
  signIn,
  sql,
  type Visitor,
} from './harness';

// Concurrency (issue 6, item 6), over HTTP against the production build: many requests at once
// through the real server actions, then the database is read back.
//   - 200 ticket creations at once, spread over 10 signed-in visitors of 5 clients → 200 distinct
//     ticket numbers, every answer a success;
//   - 50 replies at once to one ticket → 50 comments, last_replied_at = the newest client-visible
//     comment's created_at, status OPEN;
//   - the same form submission (one idempotency key) posted twice at once → one row, and both
//     answers name it (new ticket, reply, project request).

test.afterAll(closeDatabase);

type Result = { ok?: boolean; error?: string; data?: Record<string, unknown> };

/** postAction with a longer timeout (200 requests at once on a 2-core machine take a while). */
async function post(visitor: Visitor, name: string, args: unknown[]): Promise<{ status: number; result: Result | undefined }> {
  const response = await visitor.fetch('/settings', {
    method: 'POST',
    headers: {
      'next-action': action(name).id,
      'content-type': 'text/plain;charset=UTF-8',
      accept: 'text/x-component',
      origin: new URL(server().baseUrl).origin,
    },
    body: encodeArgs(args),
    timeoutMs: 300_000,
  });
  return { status: response.status, result: parseActionResult(response.text) as Result | undefined };
}

async function visitors(perClient: number): Promise<Visitor[]> {
  const out: Visitor[] = [];
  for (const client of DEMO.clients) {
    for (let i = 0; i < perClient; i++) out.push(await signIn(client.email, DEMO.password, `${client.email} #${i + 1}`));
  }
  return out;
}

test('200 concurrent ticket creations get 200 distinct numbers and no error', async () => {
  const crowd = await visitors(2);
  const run = randomUUID().slice(0, 8);
  const [{ n: before }] = await sql<{ n: number }>('select count(*)::int as n from support_tickets');

  const answers = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      post(crowd[i % crowd.length], 'createTicketAction', [
        {
          subject: `Concurrency ${run} #${i}`,
          description: `Ticket ${i} of 200 created at the same time (run ${run}).`,
          projectId: '',
          priority: 'MEDIUM',
        },
      ]),
    ),
  );

  const failed = answers.filter((a) => a.status !== 200 || a.result?.ok !== true);
  const numbers = answers.map((a) => String(a.result?.data?.ticketNumber ?? ''));
  const distinct = new Set(numbers.filter((n) => /^T-\d{6,}$/.test(n)));
  const rows = await sql<{ ticket_number: string }>(
    `select ticket_number from support_tickets where subject like $1 order by ticket_number`,
    [`Concurrency ${run} #%`],
  );
  const [{ n: after }] = await sql<{ n: number }>('select count(*)::int as n from support_tickets');

  record({
    area: 'Concurrency',
    label: 'concurrent ticket creations',
    value: answers.length,
    failures: failed.length + (200 - distinct.size),
    note: `${distinct.size} distinct numbers, ${rows.length} rows, ${crowd.length} visitors`,
  });
  expect(failed.map((f) => `${f.status} ${JSON.stringify(f.result)}`)).toEqual([]);
  expect(distinct.size).toBe(200);
  expect(rows.map((r) => r.ticket_number).sort()).toEqual([...distinct].sort());
  expect(after - before).toBe(200);
});

test('50 concurrent replies to one ticket give 50 comments and the right last_replied_at', async () => {
  const [{ ticket_number: ticketNumber, id: ticketId }] = await sql<{ ticket_number: string; id: string }>(
    `select t.ticket_number, t.id from support_tickets t join users u on u.id = t.client_id
      where u.email = $1 and t.status <> 'CLOSED' order by t.created_at limit 1`,
    [DEMO.client3.email],
  );
  // One client, several sessions (a client with a few tabs and a phone).
  const sessions: Visitor[] = [];
  for (let i = 0; i < 5; i++) sessions.push(await signIn(DEMO.client3.email, DEMO.password, `client3 #${i + 1}`));
  const run = randomUUID().slice(0, 8);
  const [{ n: before }] = await sql<{ n: number }>('select count(*)::int as n from ticket_comments where ticket_id = $1', [ticketId]);

  const answers = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      post(sessions[i % sessions.length], 'replyAction', [ticketNumber, { content: `Reply ${run} #${i}` }]),
    ),
  );

  const failed = answers.filter((a) => a.status !== 200 || a.result?.ok !== true);
  const [{ n: after }] = await sql<{ n: number }>('select count(*)::int as n from ticket_comments where ticket_id = $1', [ticketId]);
  const [{ n: mine }] = await sql<{ n: number }>(
    `select count(distinct content)::int as n from ticket_comments where ticket_id = $1 and content like $2`,
    [ticketId, `Reply ${run} #%`],
  );
  // Compared in PostgreSQL, to the microsecond.
  const [state] = await sql<{ status: string; matches: boolean; last: string; newest: string; updated_ok: boolean }>(
    `select t.status::text as status,
            t.last_replied_at = c.newest as matches,
            t.last_replied_at::text as last, c.newest::text as newest,
            t.updated_at >= c.newest as updated_ok
       from support_tickets t,
            (select max(created_at) as newest from ticket_comments where ticket_id = $1 and not internal) c
      where t.id = $1`,
    [ticketId],
  );

  const wrongState = state.matches && state.updated_ok && state.status === 'OPEN' ? 0 : 1;
  record({
    area: 'Concurrency',
    label: 'concurrent replies to one ticket',
    value: answers.length,
    failures: failed.length + (50 - mine) + wrongState,
    note: `${after - before} comments added; last_replied_at ${state.matches ? '=' : '≠'} newest comment`,
  });
  expect(failed.map((f) => `${f.status} ${JSON.stringify(f.result)}`)).toEqual([]);
  expect(after - before).toBe(50);
  expect(mine).toBe(50);
  expect(state, `last_replied_at ${state.last} vs newest comment ${state.newest}`).toMatchObject({
    status: 'OPEN',
    matches: true,
    updated_ok: true,
  });
});

test('the same submission posted twice at once (one idempotency key) creates one row', async () => {
  const client = await signIn(DEMO.client4.email, DEMO.password, 'client4');
  const tab = await signIn(DEMO.client4.email, DEMO.password, 'client4, second tab');
  const [{ ticket_number: ticketNumber, id: ticketId }] = await sql<{ ticket_number: string; id: string }>(
    `select t.ticket_number, t.id from support_tickets t join users u on u.id = t.client_id
      where u.email = $1 and t.status <> 'CLOSED' order by t.created_at limit 1`,
    [DEMO.client4.email],
  );
  const run = randomUUID().slice(0, 8);
  const count = async (text: string, params: unknown[]) => (await sql<{ n: number }>(text, params))[0].n;
  let duplicates = 0;
  let checks = 0;

  // New ticket: two requests with one key, at the same time, from two sessions of the user.
  const ticketKey = randomUUID();
  const ticketInput = {
    subject: `Idempotent ${run}`,
    description: 'The same form submission, posted twice at once.',
    projectId: '',
    priority: 'HIGH',
    idempotencyKey: ticketKey,
  };
  const [t1, t2] = await Promise.all([
    post(client, 'createTicketAction', [ticketInput]),
    post(tab, 'createTicketAction', [ticketInput]),
  ]);
  const t3 = await post(client, 'createTicketAction', [ticketInput]); // and once more afterwards
  const tickets = await count(`select count(*)::int as n from support_tickets where subject = $1`, [ticketInput.subject]);
  checks++;
  if (tickets !== 1) duplicates += tickets - 1;
  expect([t1, t2, t3].map((a) => a.result?.ok)).toEqual([true, true, true]);
  expect(t2.result?.data?.ticketNumber).toBe(t1.result?.data?.ticketNumber);
  expect(t3.result?.data?.ticketNumber).toBe(t1.result?.data?.ticketNumber);
  expect(tickets).toBe(1);

  // Reply.
  const replyKey = randomUUID();
  const reply = { content: `Idempotent reply ${run}`, idempotencyKey: replyKey };
  const [r1, r2] = await Promise.all([
    post(client, 'replyAction', [ticketNumber, reply]),
    post(tab, 'replyAction', [ticketNumber, reply]),
  ]);
  const replies = await count(`select count(*)::int as n from ticket_comments where ticket_id = $1 and content = $2`, [
    ticketId,
    reply.content,
  ]);
  checks++;
  if (replies !== 1) duplicates += replies - 1;
  expect([r1.result?.ok, r2.result?.ok]).toEqual([true, true]);
  expect(replies).toBe(1);

  // Project request.
  const project = {
    title: `Idempotent project ${run}`,
    type: 'WEBSITE',
    description: 'The same request, posted twice at once.',
    requirements: 'Exactly one project row must come of it.',
    budget: '',
    startDate: '',
    endDate: '',
    idempotencyKey: randomUUID(),
  };
  const [p1, p2] = await Promise.all([
    post(client, 'requestProjectAction', [project]),
    post(tab, 'requestProjectAction', [project]),
  ]);
  const projects = await count(`select count(*)::int as n from projects where title = $1`, [project.title]);
  checks++;
  if (projects !== 1) duplicates += projects - 1;
  expect([p1.result?.ok, p2.result?.ok]).toEqual([true, true]);
  expect(p2.result?.data?.id).toBe(p1.result?.data?.id);
  expect(projects).toBe(1);

  // The detector can fail: without a key, the same two posts make two rows.
  const plain = { ...ticketInput, subject: `Not idempotent ${run}`, idempotencyKey: undefined };
  await Promise.all([post(client, 'createTicketAction', [plain]), post(tab, 'createTicketAction', [plain])]);
  expect(await count(`select count(*)::int as n from support_tickets where subject = $1`, [plain.subject])).toBe(2);

  record({
    area: 'Concurrency',
    label: 'double submissions (one key, posted at once)',
    value: checks,
    failures: duplicates,
    note: 'new ticket, reply, project request → one row each',
  });
});

test('the real reply form sends a key, one per submission (renewed after a success)', async ({ page }) => {
  const [{ ticket_number: ticketNumber, id: ticketId, user_id: userId }] = await sql<{ ticket_number: string; id: string; user_id: string }>(
    `select t.ticket_number, t.id, u.id as user_id from support_tickets t join users u on u.id = t.client_id
      where u.email = $1 and t.status <> 'CLOSED' order by t.created_at limit 1`,
    [DEMO.client5.email],
  );
  await signInPage(page, DEMO.client5.email, DEMO.password);
  await page.goto(`/tickets/${ticketNumber}`);
  const run = randomUUID().slice(0, 8);
  for (const n of [1, 2]) {
    await page.getByRole('textbox', { name: 'Your reply' }).fill(`Browser reply ${run} #${n}`);
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect(page.getByText(`Browser reply ${run} #${n}`).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send reply' })).toBeEnabled();
  }
  const keys = await sql<{ key: string; entity_id: string }>(
    `select s.key, s.entity_id from form_submissions s join ticket_comments c on c.id = s.entity_id
      where s.user_id = $1 and s.entity_type = 'comment' and c.ticket_id = $2 and c.content like $3 order by c.created_at`,
    [userId, ticketId, `Browser reply ${run} #%`],
  );
  expect(keys).toHaveLength(2);
  expect(keys[0].key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(keys[1].key).not.toBe(keys[0].key);
  record({ area: 'Concurrency', label: 'browser form submissions carrying a key', value: 2, failures: 0 });
});
