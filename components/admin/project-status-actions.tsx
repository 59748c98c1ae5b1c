'use client';

import type { ProjectStatus } from '@/db/schema';
import { moveProjectAction } from '@/app/admin/projects/[id]/actions';
import { PROJECT_STATUS_LABELS } from '@/lib/format';
import { ActionButton } from './confirm-button';

/**
 * One button per move the workflow allows from the current status (lib/workflows'
 * nextProjectStatuses, computed by the page). The server checks the move again.
 */
export function ProjectStatusActions({
  projectId,
  current,
  next,
  clientEmail,
}: {
  projectId: string;
  current: ProjectStatus;
  next: readonly ProjectStatus[];
  clientEmail: string;
}) {
  if (next.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        {PROJECT_STATUS_LABELS[current]} is final: the status cannot change any more.
      </p>
    );
  }
  return (
    <div className="flex flex-wrap gap-2">
      {next.map((to) => (
        <ActionButton
          key={to}
          variant={to === 'CANCELLED' ? 'destructive' : 'default'}
          action={() => moveProjectAction({ projectId, to, from: current })}
          pendingText="Moving…"
          confirm={{
            title: `Move to ${PROJECT_STATUS_LABELS[to]}?`,
            description: `The project goes from ${PROJECT_STATUS_LABELS[current]} to ${PROJECT_STATUS_LABELS[to]}, and ${clientEmail} is told by email.${to === 'CANCELLED' || to === 'COMPLETED' ? ' This is final.' : ''}`,
            action: `Move to ${PROJECT_STATUS_LABELS[to]}`,
            destructive: to === 'CANCELLED',
          }}
        >
          {to === 'CANCELLED' ? 'Cancel project' : `Move to ${PROJECT_STATUS_LABELS[to]}`}
        </ActionButton>
      ))}
    </div>
  );
}
