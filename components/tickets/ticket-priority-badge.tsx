import * as React from 'react';

import type { TicketPriority } from '@/db/schema';
import { Tag, type TagTone } from '@/components/ui/tag';
import { TICKET_PRIORITY_LABELS } from '@/lib/validation/collab';

const TONES: Record<TicketPriority, TagTone> = { LOW: 'zinc', MEDIUM: 'sky', HIGH: 'orange', URGENT: 'red' };

/** The ticket's priority as a badge ("Priority: High"); the text always carries the meaning. */
export function TicketPriorityBadge({ priority, className }: { priority: TicketPriority; className?: string }) {
  return (
    <Tag tone={TONES[priority]} data-priority={priority} className={className}>
      <span className="sr-only">Priority: </span>
      {TICKET_PRIORITY_LABELS[priority]}
    </Tag>
  );
}
