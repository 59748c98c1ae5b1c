'use server';

import { headers } from 'next/headers';
import { registerAccount } from '@/db/queries/accounts';
import type { ActionResult } from '@/lib/action-result';
import { toActionResult } from '@/lib/auth/action-errors';
import { clientIp } from '@/lib/rate-limit';

/** Registration: the same answer whether or not the address already has an account. */
export async function registerAction(input: unknown): Promise<ActionResult> {
  try {
    const { message } = await registerAccount(input, { ip: clientIp(await headers()) });
    return { ok: true, message };
  } catch (error) {
    return toActionResult(error);
  }
}
