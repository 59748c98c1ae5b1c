import type { z } from 'zod';

// What every server action returns to its form: a success with an optional message and data,
// or an error message with per-field messages that the form shows next to each field.
export type ActionResult<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export function fail(error: string, fieldErrors?: Record<string, string[]>): ActionResult<never> {
  return { ok: false, error, fieldErrors };
}

/** Turns a zod failure into a form answer: one message per field, plus a summary line. */
export function invalid(error: z.ZodError, summary = 'Please correct the highlighted fields.'): ActionResult<never> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || 'form';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, error: summary, fieldErrors };
}

/** Thrown by the data access layer for a user mistake; actions turn it into `fail(message)`. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** A foreign or missing resource: pages show the 404 page, actions answer "not found". */
export class NotFoundError extends Error {
  constructor(message = 'Not found') {
    super(message);
    this.name = 'NotFoundError';
  }
}
