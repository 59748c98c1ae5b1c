import * as React from 'react';
import Link from '@/components/link';

import type { TicketListItem } from '@/db/queries/tickets';
import { waitingOn, type Side } from '@/lib/workflows';
import { Table, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { RelativeTime } from './relative-time';
import { TicketPriorityBadge } from './ticket-priority-badge';
import { TicketStatusBadge } from './ticket-status-badge';

type TicketTableProps = {
  tickets: TicketListItem[];
  /** client: links to /tickets/…, marks tickets waiting for the client; agency: /admin/tickets/…, shows the client. */
  side: Side;
  /** Override the link base (default /tickets or /admin/tickets). */
  basePath?: string;
  /** Show the client column (default: on the agency side). */
  showClient?: boolean;
  /** Show the project under the subject (default true). */
  showProject?: boolean;
  caption?: string;
};

function WaitingMark({ side }: { side: Side }) {
  return <span className="waiting-mark">{side === 'client' ? 'Waiting for you' : 'Needs a reply'}</span>;
}

/**
 * The ticket list: ONE markup for every width. A table from 768 px; below that the same rows are
 * laid out as stacked cards by CSS (each row a small grid, the header kept for screen readers
 * only). The list used to render a table and a card list and hide one of them: twice the HTML
 * and RSC payload per row (a 25-row page weighed 275 kB: docs/decisions/008-performance.md).
 * Shared by the portal and the admin queue.
 */
export function TicketTable({ tickets, side, basePath, showClient, showProject = true, caption = 'Tickets' }: TicketTableProps) {
  const base = basePath ?? (side === 'agency' ? '/admin/tickets' : '/tickets');
  const withClient = showClient ?? side === 'agency';
  const isWaiting = (t: TicketListItem) => waitingOn(t.status) === side;

  // The rows are plain elements with short class names: their styles, the card layout below md
  // included, are written once in app/globals.css (.row-list, .ticket-list).
  return (
    <Table className="row-list ticket-list">
      <caption className="sr-only">{caption}</caption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Number</TableHead>
          <TableHead scope="col">Subject</TableHead>
          {withClient ? <TableHead scope="col">Client</TableHead> : null}
          <TableHead scope="col">Status</TableHead>
          <TableHead scope="col" className="text-right">
            Comments
          </TableHead>
          <TableHead scope="col">Last reply</TableHead>
        </TableRow>
      </TableHeader>
      <tbody>
        {tickets.map((t) => (
          <tr key={t.id} data-ticket={t.ticketNumber} data-waiting={isWaiting(t) || undefined}>
            <td className="number">{t.ticketNumber}</td>
            <td className="subject wrap">
              <Link href={`${base}/${t.ticketNumber}`} className="title">
                {t.subject}
              </Link>
              <div className="meta">
                {isWaiting(t) ? <WaitingMark side={side} /> : null}
                {t.priority && t.priority !== 'MEDIUM' ? <TicketPriorityBadge priority={t.priority} /> : null}
                {side === 'agency' && t.assigneeName ? <span>Assignee: {t.assigneeName}</span> : null}
                {showProject && t.projectTitle ? <span>Project: {t.projectTitle}</span> : null}
              </div>
            </td>
            {withClient ? (
              <td className="client wrap">
                <div className="text-sm">{t.clientName ?? t.clientEmail}</div>
                {t.clientCompany ? <div className="sub">{t.clientCompany}</div> : null}
              </td>
            ) : null}
            <td className="status">
              <TicketStatusBadge status={t.status} side={side} />
            </td>
            {/* Below md the header row is hidden and these two cells take their label from data-label. */}
            <td className="num" data-label="Comments">
              {t.commentCount}
            </td>
            <td className="dim" data-label="Last reply">
              {t.lastRepliedAt ? <RelativeTime date={t.lastRepliedAt} /> : 'No replies yet'}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
