import * as React from 'react';

import type { TicketStatus } from '@/db/schema';
import { cn } from '@/lib/utils';
import { Badge } from '@/components/ui/badge';
import { TICKET_STATUS_HINTS, ticketStatusLabel } from '@/lib/format';
import type { Side } from '@/lib/workflows';

// Colours pair a tinted background with a text colour of ≥ 4.5:1 contrast in both themes;
// the label always carries the meaning, never the colour alone.
const STYLES: Record<TicketStatus, string> = {
  OPEN: 'border-blue-200 bg-blue-50 text-blue-800 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-200',
  PENDING: 'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200',
  RESOLVED: 'border-emerald-200 bg-emerald-50 text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
  CLOSED: 'border-zinc-200 bg-zinc-100 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-200',
};

/** The ticket's status; `side` picks the hover hint ("Waiting for your reply" vs "Waiting for the client"). */
export function TicketStatusBadge({ status, side = 'client', className }: { status: TicketStatus; side?: Side; className?: string }) {
  return (
    <Badge
      variant="outline"
      data-status={status}
      title={TICKET_STATUS_HINTS[side][status]}
      className={cn(STYLES[status], className)}
    >
      {ticketStatusLabel(status)}
    </Badge>
  );
}
