import { and, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { formSubmissions } from '@/db/schema';
import { UserError } from '@/lib/action-result';

// Idempotency keys of the forms that create rows (docs/decisions/010-idempotency-keys.md).
//
// Inside the transaction that creates the row, `once()` first claims (user, key) with
// INSERT … ON CONFLICT DO NOTHING. A new key: the row is created and its id stored with the key,
// both committed together. A key already claimed: nothing is written and the first submission's
// result is read back and returned instead. Two concurrent submissions with one key: the second
// INSERT waits on the first's uncommitted key row; if the first commits, the second replays it;
// if it rolls back (a refused input), the second goes ahead as if it were first.

export type SubmissionEntity = 'ticket' | 'comment' | 'project';

/** How long a key is remembered (cleanup deletes older ones): far beyond any retry or double click. */
export const FORM_SUBMISSION_RETENTION_DAYS = 7;

export type OnceOptions<T> = {
  userId: string;
  /** The form's key; no key → the row is simply created. */
  key: string | null | undefined;
  entityType: SubmissionEntity;
  /** Creates the row (runs at most once per key). */
  create: () => Promise<T>;
  /** The created row's id, stored with the key. */
  idOf: (result: T) => string;
  /** The first submission's result, read back from its id. */
  replay: (entityId: string) => Promise<T>;
};

/** Runs `create` once per (user, key) inside `tx`; a repeated key replays the first result. */
export async function once<T>(tx: DbOrTx, options: OnceOptions<T>): Promise<T> {
  const { userId, key, entityType } = options;
  if (!key) return options.create();
  const claimed = await tx
    .insert(formSubmissions)
    .values({ userId, key, entityType })
    .onConflictDoNothing()
    .returning({ key: formSubmissions.key });
  if (claimed.length === 1) {
    const result = await options.create();
    await tx
      .update(formSubmissions)
      .set({ entityId: options.idOf(result) })
      .where(and(eq(formSubmissions.userId, userId), eq(formSubmissions.key, key)));
    return result;
  }
  const [first] = await tx
    .select({ entityType: formSubmissions.entityType, entityId: formSubmissions.entityId })
    .from(formSubmissions)
    .where(and(eq(formSubmissions.userId, userId), eq(formSubmissions.key, key)))
    .limit(1);
  if (!first?.entityId || first.entityType !== entityType) {
    // A key sent with another kind of form (only a hand-made request does that).
    throw new UserError('This form was already submitted. Reload the page to send it again.');
  }
  return options.replay(first.entityId);
}

/** Cleanup: keys older than `days`. */
export async function deleteOldSubmissions(db: DbOrTx, days: number = FORM_SUBMISSION_RETENTION_DAYS): Promise<number> {
  const rows = await db
    .delete(formSubmissions)
    .where(lt(formSubmissions.createdAt, sql`now() - (${days}::integer * interval '1 day')`))
    .returning({ key: formSubmissions.key });
  return rows.length;
}
