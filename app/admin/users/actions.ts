'use server';

import { revalidatePath } from 'next/cache';
import {
  changeUserRole,
  deleteUser,
  getDeletionPreview,
  inviteStaff,
  setUserActive,
  type DeletionImpact,
  type DeletionPreview,
} from '@/db/queries/staff';
import type { Role } from '@/db/schema';
import type { ActionResult } from '@/lib/action-result';
import { roleLabel } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { requestContext } from '@/lib/request-context';
import { runAction } from '../_lib/run-action';

// SUPER_ADMIN only: requireUser(['SUPER_ADMIN']) here, and db/queries/staff.ts checks the role
// again (inside the transaction, with the SUPER_ADMIN rows locked).

const SUPER = ['SUPER_ADMIN'] as const;

function refresh() {
  revalidatePath('/admin/users');
  revalidatePath('/admin/clients');
}

export async function inviteStaffAction(input: unknown): Promise<ActionResult<{ userId: string }>> {
  const viewer = await requireUser(SUPER);
  const result = await runAction(() => inviteStaff(viewer, input), 'Invitation sent.');
  if (result.ok) refresh();
  return result;
}

export async function changeRoleAction(
  input: unknown,
): Promise<ActionResult<{ userId: string; from: Role; to: Role; changed: boolean }>> {
  const viewer = await requireUser(SUPER);
  const result = await runAction(
    async () => changeUserRole(viewer, input, await requestContext()),
    (r) => (r.changed ? `Role changed to ${roleLabel(r.to)}; their sessions have ended.` : 'No change.'),
  );
  if (result.ok) refresh();
  return result;
}

export async function setUserActiveAction(
  input: unknown,
): Promise<ActionResult<{ userId: string; active: boolean; changed: boolean }>> {
  const viewer = await requireUser(SUPER);
  const result = await runAction(
    async () => setUserActive(viewer, input, await requestContext()),
    (r) => (r.active ? 'Account reactivated.' : 'Account deactivated; their sessions have ended.'),
  );
  if (result.ok) refresh();
  return result;
}

export async function deletionPreviewAction(input: unknown): Promise<ActionResult<DeletionPreview>> {
  const viewer = await requireUser(SUPER);
  return runAction(() => getDeletionPreview(viewer, input));
}

export async function deleteUserAction(
  input: unknown,
): Promise<ActionResult<{ userId: string; email: string; impact: DeletionImpact }>> {
  const viewer = await requireUser(SUPER);
  const result = await runAction(async () => deleteUser(viewer, input, await requestContext()), (r) => `${r.email} was deleted.`);
  if (result.ok) {
    refresh();
    revalidatePath('/admin', 'layout');
  }
  return result;
}
