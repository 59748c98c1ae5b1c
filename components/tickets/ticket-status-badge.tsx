import * as React from 'react';

import type { TicketStatus } from '@/db/schema';
import { Tag, type TagTone } from '@/components/ui/tag';
import { TICKET_STATUS_HINTS, ticketStatusLabel } from '@/lib/format';
import type { Side } from '@/lib/workflows';

// Each tone pairs a tinted background with a text colour of ≥ 4.5:1 contrast in both themes;
// the label always carries the meaning, never the colour alone.
const TONES: Record<TicketStatus, TagTone> = { OPEN: 'blue', PENDING: 'amber', RESOLVED: 'emerald', CLOSED: 'zinc' };

/** The ticket's status; `side` picks the hover hint ("Waiting for your reply" vs "Waiting for the client"). */
export function TicketStatusBadge({ status, side = 'client', className }: { status: TicketStatus; side?: Side; className?: string }) {
  return (
    <Tag tone={TONES[status]} data-status={status} title={TICKET_STATUS_HINTS[side][status]} className={className}>
      {ticketStatusLabel(status)}
    </Tag>
  );
}
