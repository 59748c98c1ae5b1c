import { z } from 'zod';
import { text } from './text';
import type { TicketStatus } from '@/db/schema';
import { TICKET_PRIORITY_VALUES } from './collab';
import { idempotencyKeySchema } from './idempotency';
import { clientSearchSchema } from './client-search';
import { optionalParam } from './params';

// Shared by the ticket forms and their server actions (client portal and admin).

// A literal copy of the database enum (client bundles need not load db/schema); kept equal to
// it by the `satisfies` check and tests/portal/validation.test.ts.
export const TICKET_STATUS_VALUES = ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'] as const satisfies readonly TicketStatus[];

export const SUBJECT_MIN = 3;
export const SUBJECT_MAX = 200;
export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 10_000;
export { COMMENT_MAX } from './comment';

const optionalId = text()
  .nullish()
  .transform((v) => (typeof v === 'string' && v.trim() !== '' && v !== 'none' ? v.trim() : null));

export const createTicketSchema = z.object({
  subject: text({ message: 'Enter a subject' })
    .trim()
    .min(SUBJECT_MIN, { message: `The subject needs at least ${SUBJECT_MIN} characters` })
    .max(SUBJECT_MAX, { message: `The subject can be at most ${SUBJECT_MAX} characters` }),
  description: text({ message: 'Describe the problem or question' })
    .trim()
    .min(DESCRIPTION_MIN, { message: `The description needs at least ${DESCRIPTION_MIN} characters` })
    .max(DESCRIPTION_MAX, { message: 'The description can be at most 10,000 characters' }),
  /** Optional: one of the client's own projects. "" or "none" → no project. */
  projectId: optionalId,
  /** Staff only: the client the ticket is for. Ignored for a CLIENT viewer. */
  clientId: text().trim().min(1).optional(),
  /** LOW, MEDIUM (default), HIGH or URGENT. */
  priority: z.enum(TICKET_PRIORITY_VALUES, { message: 'Choose a valid priority' }).optional(),
  /** The form's idempotency key: the same key twice creates one ticket. */
  idempotencyKey: idempotencyKeySchema,
});
export type CreateTicketInput = z.input<typeof createTicketSchema>;
export type CreateTicket = z.output<typeof createTicketSchema>;

// The reply schema lives in ./comment (zod/mini: it is shipped to the browser with the reply form).
export { commentSchema, type CommentInput } from './comment';

export const ticketStatusSchema = z.enum(TICKET_STATUS_VALUES, { message: 'Choose a valid status' });

/** A ticket number as typed in a URL: T-000123 (case-insensitive). */
export const ticketNumberSchema = text()
  .trim()
  .regex(/^t-\d{6,}$/i, { message: 'Not a ticket number' })
  .transform((v) => v.toUpperCase());

export const TICKET_SORTS = ['last_reply', 'created', 'updated', 'waiting', 'priority'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export const TICKET_PAGE_SIZE = 25;

/**
 * Comments per window of a ticket page's thread (the newest ones; "Show earlier replies" for more).
 * 25, not 50: every comment is DOM that React hydrates, and a long thread's page went from 137 to
 * 90 kB of HTML (docs/decisions/008-performance.md, tenth round). Most threads fit in one window.
 */
export const THREAD_PAGE_SIZE = 25;

/** A ticket page's search params: `before` = a comment id (the thread window ends before it). */
export const threadParamsSchema = z.object({
  // A repeated param counts once; a bad value (a NUL byte, which PostgreSQL refuses, or too
  // long) reads as no window, as every list page's params do (lib/validation/params.ts).
  before: z
    .union([z.string(), z.array(z.string())])
    .transform((v): string | undefined => (Array.isArray(v) ? v[0] : v))
    .pipe(optionalParam(100))
    .optional()
    .catch(undefined),
});

export const ticketListParamsSchema = z.object({
  status: z
    .union([z.enum(TICKET_STATUS_VALUES), z.array(z.enum(TICKET_STATUS_VALUES))])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  /** Subject contains, or ticket number contains (e.g. "123" or "T-000123"). */
  search: text().trim().max(200).optional(),
  /** Staff only: one client's tickets. Ignored for a CLIENT viewer (always their own). */
  clientId: text().trim().min(1).optional(),
  /**
   * Staff only: tickets of the clients whose name, email or company contains this text (starts
   * with it, for 1 or 2 characters). Ignored for a CLIENT viewer.
   */
  clientSearch: clientSearchSchema,
  /** Tickets about one project. */
  projectId: text().trim().min(1).optional(),
  /** One or many priorities. */
  priority: z
    .union([z.enum(TICKET_PRIORITY_VALUES), z.array(z.enum(TICKET_PRIORITY_VALUES))])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  /** Staff only: 'me' (assigned to the viewer), 'unassigned', or a staff user id. */
  assigned: text().trim().min(1).max(200).optional(),
  /**
   * priority: most urgent first, then longest waiting first.
   * last_reply: most recent activity first (last reply, else creation); created / updated: newest
   * first; waiting: longest waiting first (oldest last activity first).
   */
  sort: z.enum(TICKET_SORTS).default('last_reply'),
  /** Opaque keyset cursor from a previous page (next or previous). */
  cursor: text().max(500).optional(),
  limit: z.number().int().min(1).max(100).default(TICKET_PAGE_SIZE),
});
export type TicketListParams = z.input<typeof ticketListParamsSchema>;
