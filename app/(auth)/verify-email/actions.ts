'use server';

import { headers } from 'next/headers';
import { confirmEmailToken, resendVerificationByEmail } from '@/db/queries/accounts';
import type { ActionResult } from '@/lib/action-result';
import { toActionResult } from '@/lib/auth/action-errors';
import { clientIp } from '@/lib/rate-limit';

export type VerifyResult = ActionResult<{ kind: 'VERIFIED' | 'EMAIL_CHANGED'; email: string }>;

/** Consumes a verification or email-change link (on a button press, so link scanners cannot). */
export async function verifyEmailAction(input: unknown): Promise<VerifyResult> {
  try {
    const data = await confirmEmailToken(input);
    return {
      ok: true,
      data,
      message:
        data.kind === 'VERIFIED'
          ? 'Your email address is verified. You can sign in now.'
          : `Your email address is now ${data.email}.`,
    };
  } catch (error) {
    return toActionResult(error);
  }
}

/** "Send a new link" on the invalid-link page. */
export async function resendLinkAction(input: unknown): Promise<ActionResult> {
  try {
    const { message } = await resendVerificationByEmail(input, { ip: clientIp(await headers()) });
    return { ok: true, message };
  } catch (error) {
    return toActionResult(error);
  }
}
