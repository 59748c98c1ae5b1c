'use server';

import { revalidatePath } from 'next/cache';
import { inviteClient } from '@/db/queries/clients';
import type { ActionResult } from '@/lib/action-result';
import { requireUser } from '@/lib/auth/session';
import { runAction } from '../_lib/run-action';

/** "New client": creates the passwordless account and mails a 7-day invitation. */
export async function inviteClientAction(input: unknown): Promise<ActionResult<{ userId: string }>> {
  const viewer = await requireUser(['ADMIN', 'SUPER_ADMIN']);
  const result = await runAction(() => inviteClient(viewer, input), 'Invitation sent.');
  if (result.ok) revalidatePath('/admin/clients');
  return result;
}
