// Helpers shared by the portal integration tests.
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { db } from '@/db';
import { emailOutbox } from '@/db/schema';
import { flushDeliveries } from '@/lib/email/outbox';

/** Row counts of every table a portal action may write. */
export async function rowCounts(): Promise<Record<string, number>> {
  const result = (await db.execute(sql`
    select
      (select count(*)::int from support_tickets) as tickets,
      (select count(*)::int from ticket_comments) as comments,
      (select count(*)::int from projects) as projects,
      (select count(*)::int from email_outbox) as outbox,
      (select count(*)::int from users) as users
  `)) as unknown as { rows: Record<string, number | string>[] };
  const row = result.rows[0];
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

/** Snapshot of a ticket row's mutable fields. */
export async function ticketState(id: string) {
  const result = (await db.execute(sql`
    select status::text as status, last_replied_at::text as last_replied_at, updated_at::text as updated_at
    from support_tickets where id = ${id}
  `)) as unknown as { rows: { status: string; last_replied_at: string | null; updated_at: string }[] };
  return result.rows[0];
}

/** Expects `promise` to reject with an error of class `Cls`, and nothing written. */
export async function expectRejectedWithoutWrites(promise: () => Promise<unknown>, Cls: abstract new (...args: never[]) => Error) {
  const before = await rowCounts();
  await expectRejects(promise, Cls);
  expect(await rowCounts()).toEqual(before);
}

export async function expectRejects(promise: () => Promise<unknown>, Cls: abstract new (...args: never[]) => Error): Promise<Error> {
  let error: unknown;
  try {
    await promise();
  } catch (e) {
    error = e;
  }
  expect(error, `expected a ${Cls.name}`).toBeInstanceOf(Cls);
  return error as Error;
}

/** Outbox rows (recipient, template, subject), oldest first. */
export async function outbox(): Promise<{ to: string; template: string; subject: string; html: string; text: string }[]> {
  await flushDeliveries();
  const rows = await db
    .select({ to: emailOutbox.toAddress, template: emailOutbox.template, subject: emailOutbox.subject, html: emailOutbox.html, text: emailOutbox.text })
    .from(emailOutbox)
    .orderBy(emailOutbox.createdAt, emailOutbox.id);
  return rows;
}

/** Deletes every outbox row (between cases). */
export async function clearOutbox(): Promise<void> {
  await flushDeliveries();
  await db.delete(emailOutbox);
}

