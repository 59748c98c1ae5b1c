'use client';

import * as React from 'react';
import { toast } from '@/components/ui/toast';

import type { TicketPriority } from '@/db/schema';
import type { ActionResult } from '@/lib/action-result';
import { TICKET_PRIORITY_LABELS, TICKET_PRIORITY_VALUES } from '@/lib/validation/collab';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/app-shell/native-select';

type Props = {
  ticketNumber: string;
  priority: TicketPriority;
  assignedTo: string | null;
  assignees: { id: string; label: string }[];
  setPriority: (ticketNumber: string, priority: string) => Promise<ActionResult<unknown>>;
  assign: (ticketNumber: string, input: { assigneeId: string }) => Promise<ActionResult<unknown>>;
};

/** Staff controls on a ticket: "Priority" and "Assignee" (each saved by its own button). */
export function TicketStaffControls({ ticketNumber, priority, assignedTo, assignees, setPriority, assign }: Props) {
  const [p, setP] = React.useState<string>(priority);
  const [a, setA] = React.useState<string>(assignedTo ?? '');
  const [busy, setBusy] = React.useState<'priority' | 'assignee' | null>(null);

  async function run(which: 'priority' | 'assignee', call: () => Promise<ActionResult<unknown>>) {
    if (busy) return;
    setBusy(which);
    try {
      const result = await call();
      if (result.ok) toast.success(result.message ?? 'Saved');
      else toast.error(result.error);
    } catch {
      toast.error('The change could not be saved. Please try again.');
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="space-y-4">
      <form
        className="grid gap-1.5"
        onSubmit={(e) => {
          e.preventDefault();
          void run('priority', () => setPriority(ticketNumber, p));
        }}
      >
        <Label htmlFor="ticket-priority">Priority</Label>
        <div className="flex gap-2">
          <NativeSelect id="ticket-priority" value={p} onChange={(e) => setP(e.target.value)}>
            {TICKET_PRIORITY_VALUES.map((v) => (
              <option key={v} value={v}>
                {TICKET_PRIORITY_LABELS[v]}
              </option>
            ))}
          </NativeSelect>
          <Button type="submit" size="sm" variant="secondary" disabled={busy !== null || p === priority}>
            {busy === 'priority' ? 'Saving…' : 'Set priority'}
          </Button>
        </div>
      </form>
      <form
        className="grid gap-1.5"
        onSubmit={(e) => {
          e.preventDefault();
          void run('assignee', () => assign(ticketNumber, { assigneeId: a }));
        }}
      >
        <Label htmlFor="ticket-assignee">Assignee</Label>
        <div className="flex gap-2">
          <NativeSelect id="ticket-assignee" value={a} onChange={(e) => setA(e.target.value)}>
            <option value="">Unassigned</option>
            {assignees.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </NativeSelect>
          <Button type="submit" size="sm" variant="secondary" disabled={busy !== null || a === (assignedTo ?? '')}>
            {busy === 'assignee' ? 'Saving…' : 'Assign'}
          </Button>
        </div>
      </form>
    </div>
  );
}
