'use server';

import { revalidatePath } from 'next/cache';
import { ZodError } from 'zod';

import { requireUser } from '@/lib/auth/session';
import { requestProject } from '@/db/queries/projects';
import { fail, invalid, NotFoundError, UserError, type ActionResult } from '@/lib/action-result';
import type { ProjectRequestFormValues } from '@/lib/validation/projects';

/** "Request a project": the client's own, created PENDING; staff are mailed. */
export async function requestProjectAction(input: ProjectRequestFormValues): Promise<ActionResult<{ id: string }>> {
  const viewer = await requireUser(['CLIENT']);
  try {
    // Only the form's fields: a client id from the browser is never used (the query scopes to
    // the viewer's own id anyway).
    const i = (input ?? {}) as Partial<ProjectRequestFormValues>;
    const { id } = await requestProject(viewer, {
      title: i.title,
      type: i.type,
      description: i.description,
      requirements: i.requirements,
      budget: i.budget,
      startDate: i.startDate,
      endDate: i.endDate,
      idempotencyKey: i.idempotencyKey,
    });
    revalidatePath('/projects');
    revalidatePath('/dashboard');
    return { ok: true, message: 'Project requested. We will be in touch soon.', data: { id } };
  } catch (err) {
    if (err instanceof ZodError) return invalid(err);
    if (err instanceof UserError) return fail(err.message, err.fieldErrors);
    if (err instanceof NotFoundError) return fail('Your account could not be found. Please sign in again.');
    console.error('[projects] request failed:', err);
    return fail('The request could not be saved. Please try again.');
  }
}
