'use server';

import { AuthError } from 'next-auth';
import { signIn } from '@/auth';
import { createFirstSuperAdmin } from '@/db/queries/accounts';
import { fail, NotFoundError, type ActionResult } from '@/lib/action-result';
import { toActionResult } from '@/lib/auth/action-errors';

/** First run: creates the first SUPER_ADMIN (only while no user exists) and signs them in. */
export async function setupAction(input: unknown): Promise<ActionResult> {
  let created;
  try {
    created = await createFirstSuperAdmin(input);
  } catch (error) {
    if (error instanceof NotFoundError) return fail('The portal is already set up. Please sign in.');
    return toActionResult(error);
  }
  try {
    await signIn('credentials', { grant: created.grant, redirectTo: '/admin' });
  } catch (error) {
    if (error instanceof AuthError) return fail('Your account is ready, but we could not sign you in. Please sign in.');
    throw error;
  }
  return { ok: true };
}
