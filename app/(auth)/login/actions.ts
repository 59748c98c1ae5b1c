'use server';

import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { signIn } from '@/auth';
import { resendVerificationByEmail, signInWithPassword } from '@/db/queries/accounts';
import { fail, type ActionResult } from '@/lib/action-result';
import { toActionResult } from '@/lib/auth/action-errors';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { homeFor } from '@/lib/auth/roles';
import { env } from '@/lib/env';
import { clientIp } from '@/lib/rate-limit';

export type LoginResult = ActionResult & { reason?: 'invalid' | 'throttled' | 'inactive' | 'unverified' };

/**
 * Sign-in: our checks first (throttle, password, deactivated, unverified — each with its own
 * answer), then Auth.js issues the session cookie from the one-time grant and redirects to the
 * same-origin callbackUrl or the role's home page.
 */
export async function loginAction(input: unknown): Promise<LoginResult> {
  let check;
  try {
    check = await signInWithPassword(input, { ip: clientIp(await headers()) });
  } catch (error) {
    return toActionResult(error);
  }
  if (!check.ok) return { ok: false, error: check.message, reason: check.reason };

  const requested = (input as { callbackUrl?: unknown } | null)?.callbackUrl;
  const redirectTo = safeCallbackPath(requested, env().APP_URL) ?? homeFor(check.role);
  try {
    await signIn('credentials', { grant: check.grant, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) return fail('We could not sign you in. Please try again.');
    throw error; // NEXT_REDIRECT: the successful sign-in
  }
  return { ok: true };
}

/** "Resend verification email" on the sign-in page. */
export async function resendVerificationAction(input: unknown): Promise<ActionResult> {
  try {
    const { message } = await resendVerificationByEmail(input, { ip: clientIp(await headers()) });
    return { ok: true, message };
  } catch (error) {
    return toActionResult(error);
  }
}
