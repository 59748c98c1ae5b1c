import { ZodError } from 'zod';
import { fail, invalid, NotFoundError, UserError, type ActionResult } from '@/lib/action-result';

/** Turns what the data layer throws for a user into a form answer; anything else is re-thrown. */
export function toActionResult(error: unknown): ActionResult<never> {
  if (error instanceof ZodError) return invalid(error);
  if (error instanceof UserError) return fail(error.message, error.fieldErrors);
  if (error instanceof NotFoundError) return fail('Not found.');
  throw error;
}
