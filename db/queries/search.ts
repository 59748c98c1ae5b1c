import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { isPrefixClientSearch } from '@/lib/validation/client-search';

// Text search shared by the data access layer: LIKE patterns, and the staff client search of
// /admin/tickets and /admin/projects (docs/decisions/013-queue-counts-and-client-search.md).

/** Escapes LIKE wildcards (and the escape character) so a search for "50%" means the text "50%". */
function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%term%` with the wildcards of `term` escaped: "contains" for LIKE / ILIKE. */
export function likePattern(term: string): string {
  return `%${escapeLike(term)}%`;
}

/**
 * The ids of the users (in practice clients: only they own tickets and projects) whose name,
 * email or company matches `term`, as a subquery for `client_id in (…)`. It is a plain SQL
 * fragment with no viewer: callers apply it for staff viewers only.
 *
 * - 3 characters or more: contains, case-insensitive. One UNION branch per column, each a bitmap
 *   scan of the trigram index idx_users_search_trgm (0012); for an OR of three ILIKEs the planner
 *   reads every user instead.
 * - 1 or 2 characters: starts with, case-insensitive. pg_trgm finds no trigram to look up in
 *   such a term, so "contains" would read and case-fold every user; a prefix is one range of
 *   each btree index on lower(name), lower(email), lower(company) with text_pattern_ops (0013).
 *
 * UNION, not UNION ALL: a client matching in two columns is one id. The pattern is bound as a
 * parameter; drizzle's drivers send unnamed statements, planned with the value, so the LIKE
 * prefix becomes an index range. `%` and `_` in the term are literal.
 */
export function clientIdsMatching(term: string): SQL {
  const trimmed = term.trim();
  if (isPrefixClientSearch(trimmed)) {
    const prefix = `${escapeLike(trimmed)}%`;
    return sql`(select id from users where lower(name) like lower(${prefix}) union select id from users where lower(email) like lower(${prefix}) union select id from users where lower(company) like lower(${prefix}))`;
  }
  return userIdsContaining(trimmed);
}

/**
 * The ids of the users whose name, email or company contains `term` (case-insensitive, `%` and
 * `_` literal), as a subquery for `id in (…)`: one UNION branch per column, each a bitmap scan of
 * the trigram index idx_users_search_trgm when `term` has 3 characters or more (an OR of the three
 * ILIKEs reads every user). Callers apply their own role and viewer checks.
 */
export function userIdsContaining(term: string): SQL {
  const pattern = likePattern(term.trim());
  return sql`(select id from users where name ilike ${pattern} union select id from users where email ilike ${pattern} union select id from users where company ilike ${pattern})`;
}
