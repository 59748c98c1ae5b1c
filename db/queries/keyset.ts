import { asc, desc, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

// Keyset pagination of the lists (tickets, projects, the activity log): a page is found from the
// sort key and id of the row at its edge, so every page costs what the first does, where an
// OFFSET reads and drops every row before it.

/** A page of a keyset-paginated list. */
export type Page<T> = {
  items: T[];
  /** Cursor for the following page, or null on the last page. */
  nextCursor: string | null;
  /** Cursor for the preceding page, or null on the first page. */
  prevCursor: string | null;
};

type CursorPayload = { s: string; k: string; id: string; d: 'n' | 'p' };

/** base64url(JSON) of the sort name, the sort key of the boundary row, its id and the direction. */
export function encodeCursor(payload: CursorPayload): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** The cursor's payload, or null when it is malformed or was made for another sort. */
export function decodeCursor(cursor: string | undefined, sort: string): CursorPayload | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (!value || typeof value !== 'object') return null;
    const { s, k, id, d } = value as Record<string, unknown>;
    if (s !== sort || typeof k !== 'string' || typeof id !== 'string' || (d !== 'n' && d !== 'p')) return null;
    if (k.length > 400 || id.length > 100) return null;
    return { s, k, id, d };
  } catch {
    return null;
  }
}

/** A sort order for keyset pagination: the key expression, its direction and its type. */
export type KeysetSort = { key: SQL; dir: 'asc' | 'desc'; kind: 'timestamp' | 'text'; id: PgColumn };

/** The sort key as text that round-trips exactly (timestamps to the microsecond, in UTC). */
export function keyText(sort: KeysetSort): SQL<string> {
  return sort.kind === 'timestamp'
    ? sql<string>`to_char((${sort.key}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
    : sql<string>`(${sort.key})::text`;
}

/** WHERE fragment and ORDER BY for one page in the given direction. */
export function keysetClauses(
  sort: KeysetSort,
  cursor: CursorPayload | null,
): { where: SQL | undefined; orderBy: SQL[]; backwards: boolean } {
  const backwards = cursor?.d === 'p';
  // Going backwards reverses the order; the rows are put back in order afterwards.
  const ascending = (sort.dir === 'asc') !== backwards;
  const orderBy = ascending ? [sql`${sort.key} asc`, asc(sort.id)] : [sql`${sort.key} desc`, desc(sort.id)];
  let where: SQL | undefined;
  if (cursor) {
    const key = sort.kind === 'timestamp' ? sql`${cursor.k}::timestamptz` : sql`${cursor.k}::text`;
    where = ascending
      ? sql`(${sort.key}, ${sort.id}) > (${key}, ${cursor.id})`
      : sql`(${sort.key}, ${sort.id}) < (${key}, ${cursor.id})`;
  }
  return { where, orderBy, backwards };
}

/** Turns limit+1 fetched rows into a page with next/previous cursors. */
export function toPage<T extends { id: string; sortKey: string }>(
  rows: T[],
  limit: number,
  sortName: string,
  cursor: CursorPayload | null,
  backwards: boolean,
): Page<Omit<T, 'sortKey'>> {
  const more = rows.length > limit;
  const slice = rows.slice(0, limit);
  if (backwards) slice.reverse();
  const first = slice[0];
  const last = slice[slice.length - 1];
  const make = (row: T | undefined, d: 'n' | 'p') =>
    row ? encodeCursor({ s: sortName, k: row.sortKey, id: row.id, d }) : null;
  const nextCursor = backwards ? make(last, 'n') : more ? make(last, 'n') : null;
  const prevCursor = backwards ? (more ? make(first, 'p') : null) : cursor ? make(first, 'p') : null;
  const items = slice.map((row) => {
    const item: Omit<T, 'sortKey'> & { sortKey?: string } = { ...row };
    delete item.sortKey;
    return item as Omit<T, 'sortKey'>;
  });
  return { items, nextCursor, prevCursor };
}
