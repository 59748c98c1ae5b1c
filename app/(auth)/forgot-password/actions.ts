'use server';

import { headers } from 'next/headers';
import { requestPasswordReset } from '@/db/queries/accounts';
import type { ActionResult } from '@/lib/action-result';
import { toActionResult } from '@/lib/auth/action-errors';
import { clientIp } from '@/lib/rate-limit';

/** Always the same neutral answer (unless the IP is throttled or the address is malformed). */
export async function forgotPasswordAction(input: unknown): Promise<ActionResult> {
  try {
    const { message } = await requestPasswordReset(input, { ip: clientIp(await headers()) });
    return { ok: true, message };
  } catch (error) {
    return toActionResult(error);
  }
}
