import { and, asc, eq, lt, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { emailOutbox, type EmailOutboxRow } from '@/db/schema';

// The mail outbox's SQL (docs/decisions/007-email-outbox.md). A row is inserted in the
// transaction of the change it reports; a sender claims it with one UPDATE (which also pushes
// next_attempt_at out by the backoff, acting as a lease), sends, then marks it SENT (erasing the
// encrypted link) or records the failure (DEAD after MAX_ATTEMPTS).

export const MAX_ATTEMPTS = 5;
/** Backoff after attempt n (1-based): 1, 2, 4, 8 … minutes (OUTBOX_BACKOFF_SECONDS overrides the base). */
export const BACKOFF_BASE_SECONDS = 60;

export type NewOutboxRow = {
  toAddress: string;
  template: string;
  subject: string;
  html: string;
  text: string;
  secret: string | null;
};

export async function insertOutbox(db: DbOrTx, row: NewOutboxRow): Promise<string> {
  const [inserted] = await db.insert(emailOutbox).values(row).returning({ id: emailOutbox.id });
  return inserted.id;
}

/**
 * Claims a due PENDING row for one delivery attempt, or null when it is not due (already sent,
 * dead, or being sent / backing off). The claim counts the attempt and moves next_attempt_at to
 * when a retry would be due, so a concurrent retry pass skips it.
 */
export async function claimOutbox(
  db: DbOrTx,
  id: string,
  backoffSeconds: number = BACKOFF_BASE_SECONDS,
): Promise<EmailOutboxRow | null> {
  const [row] = await db
    .update(emailOutbox)
    .set({
      attempts: sql`${emailOutbox.attempts} + 1`,
      nextAttemptAt: sql`now() + (${backoffSeconds}::integer * power(2, ${emailOutbox.attempts}) * interval '1 second')`,
    })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'PENDING'), lte(emailOutbox.nextAttemptAt, sql`now()`)))
    .returning();
  return row ?? null;
}

/** Sent: the encrypted link is erased for good. */
export async function markOutboxSent(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(emailOutbox)
    .set({ status: 'SENT', sentAt: sql`now()`, secret: null, lastError: null })
    .where(eq(emailOutbox.id, id));
}

/** A failed attempt: back to PENDING (due at the claimed backoff), or DEAD after MAX_ATTEMPTS. */
export async function markOutboxFailed(db: DbOrTx, id: string, error: string): Promise<'PENDING' | 'DEAD'> {
  const [row] = await db
    .update(emailOutbox)
    .set({
      lastError: error.slice(0, 1000),
      status: sql`CASE WHEN ${emailOutbox.attempts} >= ${MAX_ATTEMPTS} THEN 'DEAD'::outbox_status ELSE 'PENDING'::outbox_status END`,
      secret: sql`CASE WHEN ${emailOutbox.attempts} >= ${MAX_ATTEMPTS} THEN NULL ELSE ${emailOutbox.secret} END`,
    })
    .where(eq(emailOutbox.id, id))
    .returning({ status: emailOutbox.status });
  return row?.status === 'DEAD' ? 'DEAD' : 'PENDING';
}

/** Ids of PENDING rows whose next attempt is due, oldest first. */
export async function dueOutboxIds(db: DbOrTx, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.status, 'PENDING'), lte(emailOutbox.nextAttemptAt, sql`now()`)))
    .orderBy(asc(emailOutbox.nextAttemptAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Cleanup: SENT rows older than `days`. */
export async function deleteSentOutbox(db: DbOrTx, days: number): Promise<number> {
  const rows = await db
    .delete(emailOutbox)
    .where(and(eq(emailOutbox.status, 'SENT'), lt(emailOutbox.sentAt, sql`now() - (${days}::integer * interval '1 day')`)))
    .returning({ id: emailOutbox.id });
  return rows.length;
}

export async function getOutboxRow(db: DbOrTx, id: string): Promise<EmailOutboxRow | null> {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row ?? null;
}
