import { z } from 'zod';
import { text } from './text';
import { clientSearchParam, cursorParam, dateParam, endDateParam, optionalIdParam, optionalParam } from './params';
import type { NotificationKind, TicketPriority } from '@/db/schema';

// Shared by the collaboration forms and their server actions (issue 8): priority, assignment,
// notification preferences and the activity-log filters. Literal copies of the database enums
// (client bundles need not load db/schema), kept equal by tests/collab.

export const TICKET_PRIORITY_VALUES = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const satisfies readonly TicketPriority[];
export const TICKET_PRIORITY_LABELS: Record<TicketPriority, string> = {
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
  URGENT: 'Urgent',
};
export const ticketPrioritySchema = z.enum(TICKET_PRIORITY_VALUES, { message: 'Choose a valid priority' });

export const NOTIFICATION_KIND_VALUES = [
  'TICKET_CREATED',
  'TICKET_REPLY',
  'TICKET_STATUS',
  'TICKET_ASSIGNED',
  'PROJECT_REQUESTED',
  'PROJECT_STATUS',
] as const satisfies readonly NotificationKind[];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  TICKET_CREATED: 'New tickets',
  TICKET_REPLY: 'Replies on tickets',
  TICKET_STATUS: 'Ticket status changes',
  TICKET_ASSIGNED: 'Tickets assigned to me',
  PROJECT_REQUESTED: 'New project requests',
  PROJECT_STATUS: 'Project status changes',
};

/** The kinds each side can receive (and so choose mail for). */
export const CLIENT_NOTIFICATION_KINDS = ['TICKET_REPLY', 'TICKET_STATUS', 'PROJECT_STATUS'] as const;
export const STAFF_NOTIFICATION_KINDS = ['TICKET_CREATED', 'TICKET_REPLY', 'TICKET_ASSIGNED', 'PROJECT_REQUESTED'] as const;

export const notificationPreferencesSchema = z.object({
  email: z.partialRecord(z.enum(NOTIFICATION_KIND_VALUES), z.boolean()),
});
export type NotificationPreferencesInput = z.input<typeof notificationPreferencesSchema>;

/** "" / "none" → unassign; otherwise a staff user id. */
export const assignTicketSchema = z.object({
  assigneeId: text()
    .nullish()
    .transform((v) => (typeof v === 'string' && v.trim() !== '' && v !== 'none' ? v.trim() : null)),
});

export const ACTIVITY_PAGE_SIZE = 50;

// The /admin/activity filters are URL params: a bad value (too long, a NUL byte, an unreadable
// date) drops that filter instead of failing the page (lib/validation/params.ts).
export const activityFiltersSchema = z.object({
  actorId: optionalIdParam,
  // "Actor": name, email or company contains (as the queue's client search; db/queries/search.ts).
  actor: clientSearchParam,
  action: optionalParam(200),
  entityType: optionalParam(200),
  entityId: optionalIdParam,
  from: dateParam,
  // A date without a time means "to the end of that day".
  to: endDateParam,
  /** Opaque keyset cursor of the previous or next page (db/queries/keyset.ts). */
  cursor: cursorParam,
});
export type ActivityFiltersInput = z.input<typeof activityFiltersSchema>;
