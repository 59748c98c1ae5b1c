import { and, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { rateLimits } from '@/db/schema';

// Fixed-window counters in PostgreSQL (docs/decisions/006-rate-limits.md): one row per key,
// incremented by a single atomic upsert, so every app instance sees the same count. Times come
// from the database clock, never from an instance's.

export type Counter = { key: string; hits: number; resetAt: Date };

/** Adds one hit to `key` (starting a new window when the old one has ended) and returns the count. */
export async function hitCounter(db: DbOrTx, key: string, windowSeconds: number): Promise<Counter> {
  const windowEnd = sql`now() + (${windowSeconds}::integer * interval '1 second')`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, hits: 1, resetAt: windowEnd })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`CASE WHEN ${rateLimits.resetAt} <= now() THEN 1 ELSE ${rateLimits.hits} + 1 END`,
        resetAt: sql`CASE WHEN ${rateLimits.resetAt} <= now() THEN excluded.reset_at ELSE ${rateLimits.resetAt} END`,
      },
    })
    .returning();
  return { key: row.key, hits: row.hits, resetAt: row.resetAt };
}

/** The live (unexpired) counters among `keys`. */
export async function readCounters(db: DbOrTx, keys: string[]): Promise<Counter[]> {
  if (keys.length === 0) return [];
  return db
    .select({ key: rateLimits.key, hits: rateLimits.hits, resetAt: rateLimits.resetAt })
    .from(rateLimits)
    .where(and(inArray(rateLimits.key, keys), gt(rateLimits.resetAt, sql`now()`)));
}

export async function deleteCounter(db: DbOrTx, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/**
 * Records `key` as used until `expiresAt`; true the first time only. Used for single-use values
 * such as login grants (the row is removed by the cleanup pass once expired).
 */
export async function claimOnce(db: DbOrTx, key: string, expiresAt: Date): Promise<boolean> {
  const rows = await db
    .insert(rateLimits)
    .values({ key, hits: 1, resetAt: expiresAt })
    .onConflictDoNothing({ target: rateLimits.key })
    .returning({ key: rateLimits.key });
  return rows.length === 1;
}

/** Cleanup: removes every counter whose window has ended. */
export async function deleteExpiredCounters(db: DbOrTx): Promise<number> {
  const rows = await db
    .delete(rateLimits)
    .where(lte(rateLimits.resetAt, sql`now()`))
    .returning({ key: rateLimits.key });
  return rows.length;
}
