import * as React from 'react';

import type { ProjectStatus } from '@/db/schema';
import { Tag, type TagTone } from '@/components/ui/tag';
import { PROJECT_STATUS_DESCRIPTIONS, projectStatusLabel } from '@/lib/format';

const TONES: Record<ProjectStatus, TagTone> = {
  PENDING: 'amber',
  APPROVED: 'sky',
  IN_PROGRESS: 'indigo',
  REVIEW: 'violet',
  COMPLETED: 'emerald',
  CANCELLED: 'zinc',
};

/** The project's status as a labelled badge (the text carries the meaning, not the colour). */
export function ProjectStatusBadge({ status, className }: { status: ProjectStatus; className?: string }) {
  return (
    <Tag tone={TONES[status]} data-status={status} title={PROJECT_STATUS_DESCRIPTIONS[status]} className={className}>
      {projectStatusLabel(status)}
    </Tag>
  );
}
