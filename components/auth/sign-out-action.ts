'use server';

import { signOut } from '@/auth';
import { endSession } from '@/db/queries/accounts';
import { readSessionClaims } from '@/lib/auth/session';

/**
 * Ends this browser's session — on the server too, so a copy of the cookie (a response still in
 * flight, another tab's stale copy, a stolen one) no longer works — and goes to the sign-in page.
 */
export async function signOutAction(): Promise<void> {
  const claims = await readSessionClaims();
  if (claims) await endSession(claims);
  await signOut({ redirectTo: '/login' });
}
