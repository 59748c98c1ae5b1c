'use server';

import { revalidatePath } from 'next/cache';
import { moveProjectStatus, updateProject } from '@/db/queries/admin-projects';
import type { ProjectStatus } from '@/db/schema';
import type { ActionResult } from '@/lib/action-result';
import { requireUser } from '@/lib/auth/session';
import { requestContext } from '@/lib/request-context';
import { projectStatusLabel } from '@/lib/format';
import { runAction } from '../../_lib/run-action';

const STAFF = ['ADMIN', 'SUPER_ADMIN'] as const;

function refresh(projectId: string) {
  revalidatePath('/admin/projects');
  revalidatePath(`/admin/projects/${projectId}`);
  revalidatePath('/admin');
}

export async function updateProjectAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const viewer = await requireUser(STAFF);
  const result = await runAction(() => updateProject(viewer, input), 'Project saved.');
  if (result.ok && result.data) refresh(result.data.id);
  return result;
}

export async function moveProjectAction(
  input: unknown,
): Promise<ActionResult<{ id: string; from: ProjectStatus; to: ProjectStatus }>> {
  const viewer = await requireUser(STAFF);
  const result = await runAction(
    async () => moveProjectStatus(viewer, input, await requestContext()),
    (r) => `Moved to ${projectStatusLabel(r.to)}; the client was mailed.`,
  );
  if (result.ok && result.data) refresh(result.data.id);
  return result;
}
