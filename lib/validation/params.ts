import { z } from 'zod';
import { text } from './text';
import { CLIENT_SEARCH_MAX } from './client-search';

// URL search params of the list pages. A link can be edited, truncated or pasted with junk in it,
// so a bad value (too long, a NUL byte, not text) falls back to its default instead of failing
// the page: the list shows unfiltered, never an error page. Form fields and data-access params
// keep their own schemas, which refuse bad input with a message.

/** An optional text param: at most `max` characters (trimmed unless `trim` is false); blank, too long or not text → undefined. */
export function optionalParam(max: number, { trim = true } = {}) {
  return (trim ? text().trim() : text())
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined));
}

/** A free-text search box. */
export const searchParam = optionalParam(200);
/** An id from a link (a client's, a ticket's…). */
export const optionalIdParam = optionalParam(200);
/** The staff "Client" search field (name, email or company; lib/validation/client-search.ts). */
export const clientSearchParam = optionalParam(CLIENT_SEARCH_MAX);
/** Opaque keyset cursor of the list queries (db/queries/keyset.ts); a malformed one reads as the first page there. */
export const cursorParam = optionalParam(500, { trim: false });
/** A page number of an offset-paged list. */
export const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1).default(1);

/** A date or date-time as `new Date()` reads it; blank or unreadable → undefined. */
function readDate(v: string | undefined): Date | undefined {
  if (!v) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** A date or date-time param: the start of a range. */
export const dateParam = optionalParam(40).transform(readDate);
/** The end of a range: a date without a time means the end of that day. */
export const endDateParam = optionalParam(40).transform((v) => {
  const d = readDate(v);
  return d && /^\d{4}-\d{2}-\d{2}$/.test(v!) ? new Date(d.getTime() + 86_400_000 - 1) : d;
});
