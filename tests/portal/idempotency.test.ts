import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ZodError } from 'zod';
import { db } from '@/db';
import { UserError } from '@/lib/action-result';
import { addComment, createTicket } from '@/db/queries/tickets';
import { requestProject } from '@/db/queries/projects';
import { deleteOldSubmissions } from '@/db/queries/idempotency';
import { runCleanup } from '@/lib/auth/cleanup';
import { createTicket as makeTicket, createUser, type TestViewer } from '../helpers/factories';
import { clearOutbox, expectRejects, outbox, rowCounts } from './helpers';

// Idempotency keys (docs/decisions/010-idempotency-keys.md): the same form submission posted
// twice, one after the other or at the same time, creates one row and one set of mails, and the
// second answer is the first one's result.

let client: TestViewer;
let other: TestViewer;
let admin: TestViewer;

beforeAll(async () => {
  client = (await createUser({ name: 'Ida Client' })).viewer;
  other = (await createUser({ name: 'Oscar Other' })).viewer;
  admin = (await createUser({ role: 'ADMIN', name: 'Ada Admin' })).viewer;
});

beforeEach(async () => {
  await clearOutbox();
});

async function submissions(): Promise<number> {
  const result = (await db.execute(sql`select count(*)::int as n from form_submissions`)) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0].n);
}

const ticketInput = (key?: string) => ({
  subject: 'Printer on fire',
  description: 'The office printer is on fire again, please advise.',
  projectId: '',
  idempotencyKey: key,
});

describe('createTicket with an idempotency key', () => {
  it('creates one ticket for a key posted twice in a row, and answers both with it', async () => {
    const key = randomUUID();
    const before = await rowCounts();
    const first = await createTicket(client, ticketInput(key));
    const mails = (await outbox()).length;
    expect(mails).toBeGreaterThan(0); // the staff were mailed once
    const second = await createTicket(client, ticketInput(key));
    expect(second).toEqual(first);
    const after = await rowCounts();
    expect(after.tickets).toBe(before.tickets + 1);
    expect((await outbox()).length).toBe(mails); // no second round of mail
  });

  it('creates one ticket for a key posted concurrently (10 at once)', async () => {
    const key = randomUUID();
    const before = await rowCounts();
    const results = await Promise.all(Array.from({ length: 10 }, () => createTicket(client, ticketInput(key))));
    expect(new Set(results.map((r) => r.ticketNumber)).size).toBe(1);
    expect((await rowCounts()).tickets).toBe(before.tickets + 1);
  });

  it('creates a ticket per new key, and one per call without a key', async () => {
    const before = await rowCounts();
    const a = await createTicket(client, ticketInput(randomUUID()));
    const b = await createTicket(client, ticketInput(randomUUID()));
    const c = await createTicket(client, ticketInput());
    const d = await createTicket(client, ticketInput());
    expect(new Set([a.id, b.id, c.id, d.id]).size).toBe(4);
    expect((await rowCounts()).tickets).toBe(before.tickets + 4);
  });

  it('keys are per user: another user with the same key gets their own ticket', async () => {
    const key = randomUUID();
    const mine = await createTicket(client, ticketInput(key));
    const theirs = await createTicket(other, ticketInput(key));
    expect(theirs.id).not.toBe(mine.id);
  });

  it('a refused submission keeps no key: fixing the input and sending it again with the same key creates the row', async () => {
    const key = randomUUID();
    const keys = await submissions();
    await expectRejects(() => createTicket(client, { ...ticketInput(key), subject: 'x' }), ZodError);
    await expectRejects(() => createTicket(client, { ...ticketInput(key), projectId: randomUUID() }), UserError);
    expect(await submissions()).toBe(keys);
    const ticket = await createTicket(client, ticketInput(key));
    expect(ticket.ticketNumber).toMatch(/^T-\d{6,}$/);
    expect(await submissions()).toBe(keys + 1);
  });

  it('refuses a key that is not a UUID', async () => {
    const before = await rowCounts();
    await expectRejects(() => createTicket(client, ticketInput('not-a-uuid')), ZodError);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a key already used by another kind of form, writing nothing', async () => {
    const key = randomUUID();
    await createTicket(client, ticketInput(key));
    const ticket = await makeTicket(client.id);
    const before = await rowCounts();
    await expectRejects(() => addComment(client, ticket.ticketNumber, { content: 'Hello', idempotencyKey: key }), UserError);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('addComment with an idempotency key', () => {
  it('adds one comment for a key posted twice, concurrently and again afterwards', async () => {
    const ticket = await makeTicket(client.id);
    const key = randomUUID();
    const before = await rowCounts();
    const [a, b] = await Promise.all([
      addComment(client, ticket.ticketNumber, { content: 'Any news?', idempotencyKey: key }),
      addComment(client, ticket.ticketNumber, { content: 'Any news?', idempotencyKey: key }),
    ]);
    const c = await addComment(client, ticket.ticketNumber, { content: 'Any news?', idempotencyKey: key });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    const after = await rowCounts();
    expect(after.comments).toBe(before.comments + 1);
    const mails = await outbox();
    expect(mails.filter((m) => m.template === 'ticket-reply').length).toBe(after.outbox - before.outbox);
  });

  it('a staff reply with a key is kept once, with the same answer', async () => {
    const ticket = await makeTicket(client.id);
    const key = randomUUID();
    const first = await addComment(admin, ticket.ticketNumber, { content: 'On it.', idempotencyKey: key });
    const second = await addComment(admin, ticket.ticketNumber, { content: 'On it.', idempotencyKey: key });
    expect(second).toEqual(first);
    expect(first.status).toBe('PENDING');
  });
});

describe('requestProject with an idempotency key', () => {
  it('requests one project for a key posted twice', async () => {
    const key = randomUUID();
    const input = {
      title: 'New website',
      type: 'WEBSITE',
      description: 'A new website for the spring campaign.',
      requirements: 'Five pages, a contact form and a blog.',
      budget: '',
      startDate: '',
      endDate: '',
      idempotencyKey: key,
    };
    const before = await rowCounts();
    const [a, b] = await Promise.all([requestProject(client, input), requestProject(client, input)]);
    const c = await requestProject(client, input);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect((await rowCounts()).projects).toBe(before.projects + 1);
  });
});

describe('cleanup', () => {
  it('purges keys older than a week and keeps recent ones', async () => {
    await createTicket(client, ticketInput(randomUUID()));
    const oldKey = randomUUID();
    await createTicket(client, ticketInput(oldKey));
    await db.execute(sql`update form_submissions set created_at = now() - interval '8 days' where key = ${oldKey}`);
    const keys = await submissions();
    const report = await runCleanup();
    expect(report.formSubmissions).toBe(1);
    expect(await submissions()).toBe(keys - 1);
    expect(await deleteOldSubmissions(db)).toBe(0);
  });
});
