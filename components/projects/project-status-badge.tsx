import * as React from 'react';

import type { ProjectStatus } from '@/db/schema';
import { cn } from '@/lib/utils';
import { PROJECT_STATUS_DESCRIPTIONS, projectStatusLabel } from '@/lib/format';
import { Badge } from '@/components/ui/badge';

const STYLES: Record<ProjectStatus, string> = {
  PENDING: 'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200',
  APPROVED: 'border-sky-200 bg-sky-50 text-sky-800 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-200',
  IN_PROGRESS: 'border-indigo-200 bg-indigo-50 text-indigo-800 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-200',
  REVIEW: 'border-violet-200 bg-violet-50 text-violet-800 dark:border-violet-800 dark:bg-violet-950 dark:text-violet-200',
  COMPLETED: 'border-emerald-200 bg-emerald-50 text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
  CANCELLED: 'border-zinc-200 bg-zinc-100 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-200',
};

/** The project's status as a labelled badge (the text carries the meaning, not the colour). */
export function ProjectStatusBadge({ status, className }: { status: ProjectStatus; className?: string }) {
  return (
    <Badge
      variant="outline"
      data-status={status}
      title={PROJECT_STATUS_DESCRIPTIONS[status]}
      className={cn(STYLES[status], className)}
    >
      {projectStatusLabel(status)}
    </Badge>
  );
}
