import * as React from 'react';

import type { TicketPriority } from '@/db/schema';
import { cn } from '@/lib/utils';
import { Badge } from '@/components/ui/badge';
import { TICKET_PRIORITY_LABELS } from '@/lib/validation/collab';

const STYLES: Record<TicketPriority, string> = {
  LOW: 'border-zinc-200 bg-zinc-50 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200',
  MEDIUM: 'border-sky-200 bg-sky-50 text-sky-800 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-200',
  HIGH: 'border-orange-200 bg-orange-50 text-orange-900 dark:border-orange-800 dark:bg-orange-950 dark:text-orange-200',
  URGENT: 'border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200',
};

/** The ticket's priority as a badge ("Priority: High"); the text always carries the meaning. */
export function TicketPriorityBadge({ priority, className }: { priority: TicketPriority; className?: string }) {
  return (
    <Badge variant="outline" data-priority={priority} className={cn(STYLES[priority], className)}>
      <span className="sr-only">Priority: </span>
      {TICKET_PRIORITY_LABELS[priority]}
    </Badge>
  );
}
