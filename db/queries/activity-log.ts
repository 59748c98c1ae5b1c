import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { activityLog } from '@/db/schema';

// The write side of the activity log, kept free of request and viewer code so that every path
// that records an event (sign-in, cleanup CLI, staff actions) can import it. Reads and reports
// are in ./activity.ts.

/** Request context for the audit trail (from `headers()` in the server action). */
export type ActivityContext = { ip?: string | null; userAgent?: string | null };

export const ACTIONS = {
  ticketCreated: 'ticket.created',
  ticketStatusChanged: 'ticket.status_changed',
  ticketPriorityChanged: 'ticket.priority_changed',
  ticketAssigned: 'ticket.assigned',
  projectRequested: 'project.created',
  projectStatusChanged: 'project.status_changed',
  userRoleChanged: 'user.role_changed',
  userActivationChanged: 'user.activation_changed',
  userDeleted: 'user.deleted',
  signIn: 'auth.sign_in',
  signInFailed: 'auth.sign_in_failed',
  passwordChanged: 'auth.password_changed',
  emailChanged: 'auth.email_changed',
} as const;

export type ActivityEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  details?: Record<string, unknown> | null;
} & ActivityContext;

function clip(v: string | null | undefined, max: number): string | null {
  if (!v) return null;
  return v.length > max ? v.slice(0, max) : v;
}

/**
 * Appends one entry. Call it with the transaction of the change (`tx`): the entry commits or
 * rolls back with it. Exported for the auth events (sign-ins and failures, password and email
 * changes), which the Accounts engineer's code calls.
 */
export async function logActivity(tx: DbOrTx, entry: ActivityEntry): Promise<void> {
  await tx.insert(activityLog).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    details: entry.details ?? null,
    ip: clip(entry.ip, 100),
    userAgent: clip(entry.userAgent, 500),
    // clock_timestamp(): entries of one transaction keep their order.
    createdAt: sql`clock_timestamp()`,
  });
}
