'use server';

import { revalidatePath } from 'next/cache';
import { ZodError } from 'zod';

import { requireUser } from '@/lib/auth/session';
import { createTicket } from '@/db/queries/tickets';
import { requestContext } from '@/lib/request-context';
import { fail, invalid, NotFoundError, UserError, type ActionResult } from '@/lib/action-result';

type Input = { subject: string; description: string; projectId: string; priority?: string; idempotencyKey?: string };

/** Opens a ticket for the signed-in client (OPEN, numbered by the database); staff are mailed. */
export async function createTicketAction(input: Input): Promise<ActionResult<{ ticketNumber: string }>> {
  const viewer = await requireUser(['CLIENT']);
  try {
    const { subject, description, projectId, priority, idempotencyKey } = (input ?? {}) as Partial<Input>;
    // Only these fields: a client id from the browser is never used (the query scopes to the viewer).
    const ticket = await createTicket(
      viewer,
      { subject, description, projectId, priority: priority || undefined, idempotencyKey },
      await requestContext(),
    );
    revalidatePath('/tickets');
    revalidatePath('/dashboard');
    return { ok: true, message: `Ticket ${ticket.ticketNumber} created`, data: { ticketNumber: ticket.ticketNumber } };
  } catch (err) {
    if (err instanceof ZodError) return invalid(err);
    if (err instanceof UserError) return fail(err.message, err.fieldErrors);
    if (err instanceof NotFoundError) return fail('Your account could not be found. Please sign in again.');
    console.error('[tickets] create failed:', err);
    return fail('The ticket could not be created. Please try again.');
  }
}
