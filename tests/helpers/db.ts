// Small helpers for tests that read the database with raw SQL.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { db } from '@/db';

/** Runs raw SQL and returns its rows (the same shape on PGlite, pg and neon). */
export async function queryRows<T = Record<string, unknown>>(query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * EXPLAIN of a statement with sequential scans priced out, as one text: at a test's size the
 * planner would rightly read a whole table, so a plan test asks whether an index *can* serve it.
 * `ordered`: bitmap scans and sorts priced out too, to ask whether an index can serve its order.
 */
export async function planWithoutSeqScans(statement: SQLWrapper, { ordered = false } = {}): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    if (ordered) {
      await tx.execute(sql`set local enable_bitmapscan = off`);
      await tx.execute(sql`set local enable_sort = off`);
    }
    const result = (await tx.execute(sql`explain ${statement.getSQL()}`)) as unknown as { rows: { 'QUERY PLAN': string }[] };
    return result.rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

/** The PostgreSQL error code (e.g. '23505' unique violation) of an error, or of its cause. */
export function pgErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Awaits a promise that must fail with the given PostgreSQL error code; returns the error. */
export async function expectPgError(promise: Promise<unknown>, code: string): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    const actual = pgErrorCode(error);
    if (actual !== code) {
      throw new Error(`expected PostgreSQL error ${code}, got ${actual ?? 'none'}: ${String(error)}`);
    }
    return error;
  }
  throw new Error(`expected PostgreSQL error ${code}, but the statement succeeded`);
}
