import { text } from './text';

// The staff "Client" search field (name, email or company) of /admin/tickets and /admin/projects:
// one set of rules for both pages, their URL params and their data-access params
// (docs/decisions/013-queue-counts-and-client-search.md).

/** Longest accepted client search, in characters. */
export const CLIENT_SEARCH_MAX = 200;

/**
 * From this many characters a client search matches anywhere in the name, email or company (the
 * trigram index needs 3 characters); a shorter term matches the start of them (a prefix index).
 */
export const CLIENT_SEARCH_CONTAINS_MIN = 3;

/** True when `term` is matched as a prefix (1 or 2 characters), not "contains". */
export function isPrefixClientSearch(term: string): boolean {
  return Array.from(term.trim()).length < CLIENT_SEARCH_CONTAINS_MIN;
}

/** The data-access param (listTickets, listProjects, …): trimmed, at most CLIENT_SEARCH_MAX. */
export const clientSearchSchema = text()
  .trim()
  .max(CLIENT_SEARCH_MAX, `Client search: use at most ${CLIENT_SEARCH_MAX} characters`)
  .optional();
