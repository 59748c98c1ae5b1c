'use client';

import * as React from 'react';
import { toast } from '@/components/ui/toast';

import type { TicketStatus } from '@/db/schema';
import type { ActionResult } from '@/lib/action-result';
import { ticketStatusTargets, type Side } from '@/lib/workflows';
import { Button, type ButtonProps } from '@/components/ui/button';

type TicketStatusActionsProps = {
  ticketNumber: string;
  status: TicketStatus;
  side: Side;
  /** The server action that changes the status (portal or admin). */
  action: (ticketNumber: string, status: TicketStatus) => Promise<ActionResult<unknown>>;
  /** Limit the buttons to these targets (default: every move the workflow allows this side). */
  only?: readonly TicketStatus[];
};

function buttonFor(from: TicketStatus, to: TicketStatus): { label: string; pending: string; variant: ButtonProps['variant'] } {
  switch (to) {
    case 'RESOLVED':
      return { label: 'Mark resolved', pending: 'Saving…', variant: 'outline' };
    case 'CLOSED':
      return { label: 'Close ticket', pending: 'Closing…', variant: 'outline' };
    case 'PENDING':
      return { label: 'Mark pending', pending: 'Saving…', variant: 'ghost' };
    case 'OPEN':
    default:
      return from === 'RESOLVED' || from === 'CLOSED'
        ? { label: 'Reopen', pending: 'Reopening…', variant: 'outline' }
        : { label: 'Mark open', pending: 'Saving…', variant: 'ghost' };
  }
}

/** Buttons for the status moves this side may make ("Mark resolved", "Reopen", "Close ticket", …). */
export function TicketStatusActions({ ticketNumber, status, side, action, only }: TicketStatusActionsProps) {
  const [pendingTarget, setPendingTarget] = React.useState<TicketStatus | null>(null);
  const targets = ticketStatusTargets(side, status).filter((t) => !only || only.includes(t));
  if (targets.length === 0) return null;

  async function move(to: TicketStatus) {
    if (pendingTarget) return;
    setPendingTarget(to);
    try {
      const result = await action(ticketNumber, to);
      if (result.ok) toast.success(result.message ?? 'Status updated');
      else toast.error(result.error);
    } catch {
      toast.error('The status could not be changed. Please try again.');
    } finally {
      setPendingTarget(null);
    }
  }

  return (
    <div className="flex flex-wrap gap-2">
      {targets.map((to) => {
        const b = buttonFor(status, to);
        return (
          <Button
            key={to}
            type="button"
            variant={b.variant}
            size="sm"
            disabled={pendingTarget !== null}
            onClick={() => void move(to)}
          >
            {pendingTarget === to ? b.pending : b.label}
          </Button>
        );
      })}
    </div>
  );
}
