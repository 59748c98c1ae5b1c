import 'server-only';
import { sql, type SQL } from 'drizzle-orm';

// Text search shared by the data access layer: LIKE patterns, and the staff client search of
// /admin/tickets (docs/decisions/013-queue-counts-and-client-search.md).

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The ids of the clients whose name, email or company contains `term`, as a subquery: one UNION
 * branch per column, each served by the trigram index idx_users_search_trgm (an OR of three
 * ILIKEs is read as a scan of every user; docs/decisions/013-queue-counts-and-client-search.md).
 * The queue's list and its tab counts filter by it alike. A plain SQL fragment with no viewer:
 * callers apply it for staff viewers only.
 */
export function clientIdsMatching(term: string): SQL {
  const pattern = likePattern(term);
  return sql`(select id from users where name ilike ${pattern} union select id from users where email ilike ${pattern} union select id from users where company ilike ${pattern})`;
}
