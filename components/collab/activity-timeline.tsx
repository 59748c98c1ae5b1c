import * as React from 'react';

import type { TimelineEntry } from '@/db/queries/activity';
import { formatDateTime, PROJECT_STATUS_LABELS, TICKET_STATUS_LABELS } from '@/lib/format';
import { TICKET_PRIORITY_LABELS } from '@/lib/validation/collab';

// A ticket's or project's own history, from the activity log (db/queries/activity.ts →
// entityTimeline, which already drops what a client may not see).

function label(value: unknown): string {
  const v = String(value ?? '');
  return (
    (TICKET_STATUS_LABELS as Record<string, string>)[v] ??
    (PROJECT_STATUS_LABELS as Record<string, string>)[v] ??
    (TICKET_PRIORITY_LABELS as Record<string, string>)[v] ??
    v
  );
}

export function describeActivity(e: Pick<TimelineEntry, 'action' | 'details'>, names: Record<string, string> = {}): string {
  const d = (e.details ?? {}) as Record<string, unknown>;
  switch (e.action) {
    case 'ticket.created':
      return 'Ticket opened';
    case 'project.created':
      return 'Project requested';
    case 'ticket.status_changed':
    case 'project.status_changed':
      return d.from ? `Status: ${label(d.from)} → ${label(d.to)}` : `Status: ${label(d.to)}`;
    case 'ticket.priority_changed':
      return `Priority: ${label(d.from)} → ${label(d.to)}`;
    case 'ticket.assigned':
      return d.to ? `Assigned to ${names[String(d.to)] ?? 'a staff member'}` : 'Unassigned';
    default:
      return e.action;
  }
}

export function ActivityTimeline({
  entries,
  names,
  emptyText = 'No recorded changes yet.',
}: {
  entries: TimelineEntry[];
  names?: Record<string, string>;
  emptyText?: string;
}) {
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">{emptyText}</p>;
  return (
    <ol className="space-y-2 text-sm" aria-label="Timeline">
      {entries.map((e) => (
        <li key={e.id} className="border-l-2 pl-3">
          <p className="font-medium">{describeActivity(e, names)}</p>
          <p className="text-xs text-muted-foreground">
            <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt)}</time>
            {e.actorLabel ? ` · ${e.actorLabel}` : ''}
          </p>
        </li>
      ))}
    </ol>
  );
}
