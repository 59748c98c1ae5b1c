'use server';

import { revalidatePath } from 'next/cache';
import { ZodError } from 'zod';

import { requireUser } from '@/lib/auth/session';
import { addComment, setTicketStatus } from '@/db/queries/tickets';
import { requestContext } from '@/lib/request-context';
import { fail, invalid, NotFoundError, UserError, type ActionResult } from '@/lib/action-result';
import type { TicketStatus } from '@/db/schema';

function toResult(err: unknown, what: string): ActionResult<never> {
  if (err instanceof ZodError) return invalid(err);
  if (err instanceof UserError) return fail(err.message, err.fieldErrors);
  if (err instanceof NotFoundError) return fail('This ticket was not found.');
  console.error(`[tickets] ${what} failed:`, err);
  return fail(`The ${what} could not be saved. Please try again.`);
}

function refresh(ticketNumber: string) {
  revalidatePath(`/tickets/${ticketNumber}`);
  revalidatePath('/tickets');
  revalidatePath('/dashboard');
}

/** The client replies on their own ticket (status → OPEN; staff are mailed). */
export async function replyAction(
  ticketNumber: string,
  input: { content: string; idempotencyKey?: string },
): Promise<ActionResult> {
  const viewer = await requireUser(['CLIENT']);
  try {
    const { content, idempotencyKey } = input ?? {};
    await addComment(viewer, String(ticketNumber), { content, idempotencyKey }, await requestContext());
    refresh(String(ticketNumber).toUpperCase());
    return { ok: true, message: 'Reply sent' };
  } catch (err) {
    return toResult(err, 'reply');
  }
}

/** "Mark resolved" and "Reopen" on the client's own ticket. */
export async function changeStatusAction(ticketNumber: string, status: TicketStatus): Promise<ActionResult> {
  const viewer = await requireUser(['CLIENT']);
  try {
    const result = await setTicketStatus(viewer, String(ticketNumber), status, await requestContext());
    refresh(String(ticketNumber).toUpperCase());
    return { ok: true, message: result.status === 'RESOLVED' ? 'Ticket marked resolved' : 'Ticket reopened' };
  } catch (err) {
    return toResult(err, 'status change');
  }
}
