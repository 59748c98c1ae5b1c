'use server';

import { redirect } from 'next/navigation';
import { resetPassword } from '@/db/queries/accounts';
import type { ActionResult } from '@/lib/action-result';
import { toActionResult } from '@/lib/auth/action-errors';

/** Sets the new password, ends every session of the user, then sends them to sign in again. */
export async function resetPasswordAction(input: unknown): Promise<ActionResult> {
  try {
    await resetPassword(input);
  } catch (error) {
    return toActionResult(error);
  }
  redirect('/login?notice=reset');
}
