'use server';

import { AuthError } from 'next-auth';
import { revalidatePath } from 'next/cache';
import { signIn } from '@/auth';
import { changePassword, requestEmailChange, updateProfile } from '@/db/queries/accounts';
import { fail, type ActionResult } from '@/lib/action-result';
import { toActionResult } from '@/lib/auth/action-errors';
import { requireUser } from '@/lib/auth/session';

// Settings, for every role.

export async function updateProfileAction(input: unknown): Promise<ActionResult> {
  const viewer = await requireUser();
  try {
    await updateProfile(viewer, input);
  } catch (error) {
    return toActionResult(error);
  }
  revalidatePath('/', 'layout'); // the app shell shows the name
  return { ok: true, message: 'Your details were saved.' };
}

/**
 * Changes the password and ends every OTHER session: session_version moves on, and this
 * browser's session is re-issued with the new version from a one-time grant.
 */
export async function changePasswordAction(input: unknown): Promise<ActionResult> {
  const viewer = await requireUser();
  let grant: string;
  try {
    ({ grant } = await changePassword(viewer, input));
  } catch (error) {
    return toActionResult(error);
  }
  try {
    await signIn('credentials', { grant, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) return fail('Your password was changed. Please sign in again.');
    throw error;
  }
  return { ok: true, message: 'Your password was changed. Other sessions were signed out.' };
}

export async function changeEmailAction(input: unknown): Promise<ActionResult> {
  const viewer = await requireUser();
  try {
    const { message } = await requestEmailChange(viewer, input);
    revalidatePath('/settings');
    return { ok: true, message };
  } catch (error) {
    return toActionResult(error);
  }
}
