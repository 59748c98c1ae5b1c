import 'server-only';
import { ZodError } from 'zod';
import { fail, invalid, NotFoundError, UserError, type ActionResult } from '@/lib/action-result';

/**
 * Runs the data-access call of a staff server action and turns the expected failures into an
 * ActionResult for the form: UserError → its message (and field messages), ZodError → per-field
 * messages, NotFoundError → "not found" (a CLIENT or an ADMIN reaching a function above their
 * role lands here too: nothing was changed). Anything else is a bug and is re-thrown.
 */
export async function runAction<T>(
  call: () => Promise<T>,
  message?: string | ((data: T) => string | undefined),
): Promise<ActionResult<T>> {
  try {
    const data = await call();
    return { ok: true, data, message: typeof message === 'function' ? message(data) : message };
  } catch (err) {
    if (err instanceof UserError) return fail(err.message, err.fieldErrors);
    if (err instanceof ZodError) return invalid(err);
    if (err instanceof NotFoundError) return fail('Not found: it may have been deleted, or you may not have access.');
    throw err;
  }
}
