'use server';

import { revalidatePath } from 'next/cache';
import { addComment, assignTicket, setTicketPriority, setTicketStatus, type AddedComment } from '@/db/queries/tickets';
import { requestContext } from '@/lib/request-context';
import type { TicketStatus } from '@/db/schema';
import type { ActionResult } from '@/lib/action-result';
import { requireUser } from '@/lib/auth/session';
import { ticketStatusLabel } from '@/lib/format';
import { assertStaff } from '@/db/queries/staff';
import { runAction } from '../../_lib/run-action';

// The staff side of a ticket. The shared, role-aware functions of db/queries/tickets.ts do the
// work (sender ADMIN, status → PENDING, client mailed); these actions only admit staff.

const STAFF = ['ADMIN', 'SUPER_ADMIN'] as const;

function refresh(ticketNumber: string) {
  revalidatePath('/admin/tickets');
  revalidatePath(`/admin/tickets/${ticketNumber}`);
  revalidatePath('/admin');
}

export async function replyAsAgencyAction(ticketNumber: string, input: unknown): Promise<ActionResult<AddedComment>> {
  const viewer = await requireUser(STAFF);
  const result = await runAction(async () => {
    assertStaff(viewer);
    return addComment(viewer, String(ticketNumber), input, await requestContext());
  }, (r) => (r.internal ? 'Internal note added; the client does not see it.' : 'Reply sent; the client was mailed.'));
  if (result.ok) refresh(String(ticketNumber).toUpperCase());
  return result;
}

export async function setTicketStatusAction(
  ticketNumber: string,
  status: unknown,
): Promise<ActionResult<{ status: TicketStatus; previous: TicketStatus }>> {
  const viewer = await requireUser(STAFF);
  const result = await runAction(
    async () => {
      assertStaff(viewer);
      return setTicketStatus(viewer, String(ticketNumber), status, await requestContext());
    },
    (r) => `Ticket marked ${ticketStatusLabel(r.status).toLowerCase()}; the client was mailed.`,
  );
  if (result.ok) refresh(String(ticketNumber).toUpperCase());
  return result;
}

export async function setTicketPriorityAction(ticketNumber: string, priority: unknown) {
  const viewer = await requireUser(STAFF);
  const result = await runAction(
    async () => {
      assertStaff(viewer);
      return setTicketPriority(viewer, String(ticketNumber), priority, await requestContext());
    },
    (r) => (r.changed ? 'Priority changed.' : 'The priority was already set.'),
  );
  if (result.ok) refresh(String(ticketNumber).toUpperCase());
  return result;
}

export async function assignTicketAction(ticketNumber: string, input: unknown) {
  const viewer = await requireUser(STAFF);
  const result = await runAction(
    async () => {
      assertStaff(viewer);
      return assignTicket(viewer, String(ticketNumber), input, await requestContext());
    },
    (r) => (r.assignedTo ? 'Ticket assigned.' : 'Ticket unassigned.'),
  );
  if (result.ok) refresh(String(ticketNumber).toUpperCase());
  return result;
}
