'use server';

import { AuthError } from 'next-auth';
import { signIn } from '@/auth';
import { acceptInvitation } from '@/db/queries/accounts';
import { fail, type ActionResult } from '@/lib/action-result';
import { toActionResult } from '@/lib/auth/action-errors';
import { homeFor } from '@/lib/auth/roles';

/** Sets name and password from an invitation, verifies the address and signs the user in. */
export async function acceptInviteAction(input: unknown): Promise<ActionResult> {
  let accepted;
  try {
    accepted = await acceptInvitation(input);
  } catch (error) {
    return toActionResult(error);
  }
  try {
    await signIn('credentials', { grant: accepted.grant, redirectTo: homeFor(accepted.role) });
  } catch (error) {
    if (error instanceof AuthError) return fail('Your account is ready, but we could not sign you in. Please sign in.');
    throw error;
  }
  return { ok: true };
}
