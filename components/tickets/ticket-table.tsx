import * as React from 'react';
import Link from 'next/link';
import { MessageSquareIcon } from 'lucide-react';

import type { TicketListItem } from '@/db/queries/tickets';
import { cn } from '@/lib/utils';
import { plural } from '@/lib/format';
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

/** The ticket list: a table from 768 px, stacked cards below. Shared by the portal and the admin queue. */
export function TicketTable({ tickets, side, basePath, showClient, showProject = true, caption = 'Tickets' }: TicketTableProps) {
  const base = basePath ?? (side === 'agency' ? '/admin/tickets' : '/tickets');
  const withClient = showClient ?? side === 'agency';
  const isWaiting = (t: TicketListItem) => waitingOn(t.status) === side;

  return (
    <>
      <div className="hidden md:block">
        <Table>
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
          <TableBody>
            {tickets.map((t) => (
              <TableRow key={t.id} data-ticket={t.ticketNumber} className={cn(isWaiting(t) && 'bg-amber-50/60 dark:bg-amber-950/30')}>
                <TableCell className="font-mono text-sm">{t.ticketNumber}</TableCell>
                <TableCell className="max-w-[28rem] whitespace-normal">
                  <Link href={`${base}/${t.ticketNumber}`} className="font-medium underline-offset-4 hover:underline">
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
                  <TableCell className="whitespace-normal">
                    <div className="text-sm">{t.clientName ?? t.clientEmail}</div>
                    {t.clientCompany ? <div className="text-xs text-muted-foreground">{t.clientCompany}</div> : null}
                  </TableCell>
                ) : null}
                <TableCell>
                  <TicketStatusBadge status={t.status} side={side} />
                </TableCell>
                <TableCell className="text-right tabular-nums">{t.commentCount}</TableCell>
                <TableCell className="text-sm text-muted-foreground">
                  {t.lastRepliedAt ? <RelativeTime date={t.lastRepliedAt} /> : 'No replies yet'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      <ul className="space-y-3 md:hidden" aria-label={caption}>
        {tickets.map((t) => (
          <li key={t.id} data-ticket={t.ticketNumber} className={cn('rounded-xl border p-4', isWaiting(t) && 'border-amber-300 dark:border-amber-800')}>
            <div className="flex items-start justify-between gap-2">
              <span className="font-mono text-xs text-muted-foreground">{t.ticketNumber}</span>
              <TicketStatusBadge status={t.status} side={side} />
            </div>
            <Link href={`${base}/${t.ticketNumber}`} className="mt-1 block font-medium break-words underline-offset-4 hover:underline">
              {t.subject}
            </Link>
            {withClient ? <p className="text-sm text-muted-foreground">{t.clientName ?? t.clientEmail}</p> : null}
            <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
              {isWaiting(t) ? <WaitingMark side={side} /> : null}
              {t.priority && t.priority !== 'MEDIUM' ? <TicketPriorityBadge priority={t.priority} /> : null}
              <span className="inline-flex items-center gap-1">
                <MessageSquareIcon className="size-3.5" aria-hidden="true" />
                {plural(t.commentCount, 'comment')}
              </span>
              <span>
                Last reply: {t.lastRepliedAt ? <RelativeTime date={t.lastRepliedAt} /> : 'none yet'}
              </span>
              {showProject && t.projectTitle ? <span>Project: {t.projectTitle}</span> : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
