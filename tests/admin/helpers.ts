// Helpers for the staff-area tests: a snapshot of everything an admin function could change, so
// a refused call can be shown to have changed nothing (rows and values compared before/after).
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { db } from '@/db';
import { invalidate } from '@/lib/ttl-cache';
import { queryRows } from '../helpers/db';

export async function snapshot() {
  const [usersRows, projectRows, ticketRows, commentRows, outbox, tokens] = await Promise.all([
    queryRows(sql`select id, email, name, company, role, active, email_verified, session_version, password_hash is null as no_password
                  from users order by id`),
    queryRows(sql`select id, title, description, requirements, type, status, budget, start_date, end_date, client_id
                  from projects order by id`),
    queryRows(sql`select id, status, subject, last_replied_at, client_id from support_tickets order by id`),
    queryRows(sql`select id, content, sender, ticket_id, user_id from ticket_comments order by id`),
    queryRows(sql`select id, to_address, template from email_outbox order by id`),
    queryRows(sql`select id, user_id, used from email_verifications
                  union all select id, user_id, used from password_resets order by 1`),
  ]);
  return { users: usersRows, projects: projectRows, tickets: ticketRows, comments: commentRows, outbox, tokens };
}

/** Runs `call`, expects it to reject with an error named `name`, and the database to be unchanged. */
export async function expectRefusedWithoutChange(call: () => Promise<unknown>, name: 'NotFoundError' | 'UserError' | 'ZodError') {
  const before = await snapshot();
  let error: unknown;
  try {
    await call();
  } catch (e) {
    error = e;
  }
  expect(error, 'the call should have been refused').toBeDefined();
  expect((error as Error).name).toBe(name);
  expect(await snapshot()).toEqual(before);
  return error as Error;
}

export async function sessionVersion(userId: string): Promise<number> {
  const [row] = await queryRows<{ v: number }>(sql`select session_version as v from users where id = ${userId}`);
  return Number(row?.v);
}

export async function outboxTo(address: string): Promise<{ template: string; subject: string; text: string }[]> {
  return queryRows(sql`select template, subject, text from email_outbox where to_address = ${address.toLowerCase()} order by created_at, id`);
}

/**
 * Empties the tables these tests write (each test file has its own database, but the tests of a
 * file share it): users cascade to projects, tickets, comments and tokens.
 */
export async function resetData(): Promise<void> {
  await db.execute(sql`truncate table users, email_outbox, rate_limits cascade`);
  // The dashboard's shared figures (lib/ttl-cache.ts) would otherwise outlive the data.
  invalidate('');
}
