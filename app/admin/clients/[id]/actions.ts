'use server';

import { revalidatePath } from 'next/cache';
import { createProjectForClient } from '@/db/queries/admin-projects';
import {
  resendClientInvitation,
  resendClientVerification,
  setClientActive,
  updateClient,
  type UpdateClientResult,
} from '@/db/queries/clients';
import type { ActionResult } from '@/lib/action-result';
import { requireUser } from '@/lib/auth/session';
import { requestContext } from '@/lib/request-context';
import { runAction } from '../../_lib/run-action';

const STAFF = ['ADMIN', 'SUPER_ADMIN'] as const;

function refresh(clientId?: string) {
  revalidatePath('/admin/clients');
  if (clientId) revalidatePath(`/admin/clients/${clientId}`);
}

const idOf = (input: unknown, key: string) =>
  input && typeof input === 'object' && typeof (input as Record<string, unknown>)[key] === 'string'
    ? ((input as Record<string, unknown>)[key] as string)
    : undefined;

export async function updateClientAction(input: unknown): Promise<ActionResult<UpdateClientResult>> {
  const viewer = await requireUser(STAFF);
  const result = await runAction(
    () => updateClient(viewer, input),
    (r) =>
      !r.emailChanged
        ? 'Client saved.'
        : r.followUpError
          ? `Saved, but the confirmation mail could not be sent: ${r.followUpError}`
          : r.followUp === 'invitation'
            ? 'Saved. A new invitation went to the new address.'
            : 'Saved. The client must confirm the new address: a verification link was sent to it.',
  );
  if (result.ok) refresh(idOf(input, 'clientId'));
  return result;
}

export async function setClientActiveAction(
  input: unknown,
): Promise<ActionResult<{ userId: string; active: boolean; changed: boolean }>> {
  const viewer = await requireUser(STAFF);
  const result = await runAction(
    async () => setClientActive(viewer, input, await requestContext()),
    (r) => (r.active ? 'Client reactivated.' : 'Client deactivated: their sessions have ended.'),
  );
  if (result.ok) refresh(idOf(input, 'userId'));
  return result;
}

export async function resendInvitationAction(input: unknown): Promise<ActionResult<void>> {
  const viewer = await requireUser(STAFF);
  return runAction(() => resendClientInvitation(viewer, input), 'A new invitation was sent.');
}

export async function resendVerificationAction(input: unknown): Promise<ActionResult<void>> {
  const viewer = await requireUser(STAFF);
  return runAction(() => resendClientVerification(viewer, input), 'A new verification link was sent.');
}

export async function createProjectForClientAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const viewer = await requireUser(STAFF);
  const result = await runAction(() => createProjectForClient(viewer, input), 'Project created; the client was told.');
  if (result.ok) {
    refresh(idOf(input, 'clientId'));
    revalidatePath('/admin/projects');
    revalidatePath('/admin');
  }
  return result;
}
