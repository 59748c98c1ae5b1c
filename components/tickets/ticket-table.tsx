import * as React from 'react';
import Link from 'next/link';

import type { TicketListItem } from '@/db/queries/tickets';
import { cn } from '@/lib/utils';
import { waitingOn, type Side } from '@/lib/workflows';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
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
  return (
    <span className="inline-flex items-center gap-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">
      <span className="size-1.5 rounded-full bg-current" aria-hidden="true" />
      {side === 'client' ? 'Waiting for you' : 'Needs a reply'}
    </span>
  );
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
  // Below md each row is a card: number and status on the first line, then the subject and its
  // details, the client, and the comment count and last reply side by side.
  const card = 'max-md:block max-md:border-0 max-md:p-0';

  return (
    <Table className="max-md:block">
      <caption className="sr-only">{caption}</caption>
      <TableHeader className="max-md:sr-only">
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
      {/* The last card keeps its border: TableBody strips the last row's (a table's bottom rule). */}
      <TableBody className="max-md:block max-md:space-y-3 max-md:[&_tr:last-child]:border">
        {tickets.map((t) => (
          <TableRow
            key={t.id}
            data-ticket={t.ticketNumber}
            className={cn(
              'max-md:grid max-md:grid-cols-[minmax(0,1fr)_auto] max-md:gap-x-3 max-md:gap-y-1 max-md:rounded-xl max-md:border max-md:p-4',
              isWaiting(t) && 'bg-amber-50/60 max-md:border-amber-300 dark:bg-amber-950/30 max-md:dark:border-amber-800',
            )}
          >
            <TableCell className={cn(card, 'font-mono text-sm max-md:col-start-1 max-md:row-start-1 max-md:text-xs max-md:text-muted-foreground')}>
              {t.ticketNumber}
            </TableCell>
            <TableCell className={cn(card, 'max-w-[28rem] whitespace-normal max-md:col-span-2 max-md:max-w-none')}>
              <Link href={`${base}/${t.ticketNumber}`} className="font-medium break-words underline-offset-4 hover:underline">
                {t.subject}
              </Link>
              <div className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                {isWaiting(t) ? <WaitingMark side={side} /> : null}
                {t.priority && t.priority !== 'MEDIUM' ? <TicketPriorityBadge priority={t.priority} /> : null}
                {side === 'agency' && t.assigneeName ? <span>Assignee: {t.assigneeName}</span> : null}
                {showProject && t.projectTitle ? <span>Project: {t.projectTitle}</span> : null}
              </div>
            </TableCell>
            {withClient ? (
              <TableCell className={cn(card, 'whitespace-normal max-md:col-span-2')}>
                <div className="text-sm">{t.clientName ?? t.clientEmail}</div>
                {t.clientCompany ? <div className="text-xs text-muted-foreground">{t.clientCompany}</div> : null}
              </TableCell>
            ) : null}
            <TableCell className={cn(card, 'max-md:col-start-2 max-md:row-start-1 max-md:justify-self-end')}>
              <TicketStatusBadge status={t.status} side={side} />
            </TableCell>
            {/* The label of the two last cells comes from CSS below md: their text stays the bare value. */}
            <TableCell
              className={cn(
                card,
                "text-right tabular-nums max-md:text-left max-md:text-xs max-md:text-muted-foreground max-md:before:content-['Comments:_']",
              )}
            >
              {t.commentCount}
            </TableCell>
            <TableCell
              className={cn(
                card,
                "text-sm text-muted-foreground max-md:text-right max-md:text-xs max-md:before:content-['Last_reply:_']",
              )}
            >
              {t.lastRepliedAt ? <RelativeTime date={t.lastRepliedAt} /> : 'No replies yet'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
