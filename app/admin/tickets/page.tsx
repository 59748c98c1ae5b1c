import type { Metadata } from 'next';
import Link from '@/components/link';
import { InboxIcon } from 'lucide-react';

import { requireUser } from '@/lib/auth/session';
import { clientOption } from '@/db/queries/clients';
import { listTickets, ticketQueueCounts } from '@/db/queries/tickets';
import type { TicketStatus } from '@/db/schema';
import { ticketQueueSchema, type TicketTab } from '@/lib/validation/admin';
import { TICKET_STATUS_LABELS } from '@/lib/format';
import { TICKET_STATUSES } from '@/lib/workflows';
import { TICKET_PRIORITY_LABELS, TICKET_PRIORITY_VALUES } from '@/lib/validation/collab';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/empty-state';
import { KeysetPagination } from '@/components/app-shell/keyset-pagination';
import { TicketTable } from '@/components/tickets/ticket-table';
import { firstOfEach, hrefWith } from '@/components/admin/hrefs';
import { QueueTabs } from '@/components/admin/queue-tabs';
import { FilterBar, InputFilter, SelectFilter, optionsOf } from '@/components/admin/filter-bar';
import { ClientScopeDescription, ClientSearchField, ClientSearchNote } from '@/components/admin/client-search';
import { rethrowOutage } from '@/lib/outage';

export const metadata: Metadata = { title: 'Ticket queue' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const ASSIGNED_OPTIONS = [
  { value: 'me', label: 'Assigned to me' },
  { value: 'unassigned', label: 'Unassigned' },
];

const SORTS = [
  { value: 'last_reply', label: 'Last reply (newest first)' },
  { value: 'created', label: 'Created (newest first)' },
  { value: 'waiting', label: 'Longest waiting' },
  { value: 'priority', label: 'Priority (most urgent first)' },
] as const;

function statusesOf(tab: TicketTab): TicketStatus[] | undefined {
  if (tab === 'ACTIVE') return ['OPEN', 'PENDING'];
  if (tab === 'ALL') return undefined;
  return [tab];
}

export default async function TicketQueuePage({ searchParams }: Props) {
  const viewer = await requireUser(['ADMIN', 'SUPER_ADMIN']);
  const q = ticketQueueSchema.parse(firstOfEach(await searchParams));
  // The client filter is a search field (name, email or company), not a menu of every client:
  // a menu grows with the agency (1,000 options were most of this page's 625 kB at 5,000
  // clients). A client's own link (?clientId=…) still narrows the queue to them.
  const [page, counts, client] = await Promise.all([
    listTickets(viewer, {
      status: statusesOf(q.status),
      search: q.q,
      clientId: q.clientId,
      clientSearch: q.client,
      sort: q.sort,
      cursor: q.cursor,
      priority: q.priority,
      assigned: q.assigned,
    }),
    ticketQueueCounts(viewer, { clientId: q.clientId, clientSearch: q.client }),
    q.clientId ? clientOption(viewer, q.clientId) : null,
  ]).catch(rethrowOutage);
  const keep = {
    q: q.q,
    clientId: q.clientId,
    client: q.client,
    sort: q.sort === 'last_reply' ? undefined : q.sort,
    priority: q.priority,
    assigned: q.assigned,
  };
  const query = { ...keep, status: q.status === 'ACTIVE' ? undefined : q.status };
  // Tab counts are exact up to QUEUE_COUNT_CAP per status, then "1,000+"; a sum with a capped
  // part is a lower bound too.
  const sum = (statuses: readonly TicketStatus[]) => ({
    count: statuses.reduce((n, s) => n + counts[s].n, 0),
    more: statuses.some((s) => counts[s].more),
  });
  const tabs = [
    { value: 'ACTIVE', label: 'Active', ...sum(['OPEN', 'PENDING']) },
    ...TICKET_STATUSES.map((s) => ({ value: s, label: TICKET_STATUS_LABELS[s], count: counts[s].n, more: counts[s].more })),
    { value: 'ALL', label: 'All', ...sum(TICKET_STATUSES) },
  ];
  const filtered = Boolean(q.q || q.clientId || q.client || q.priority || q.assigned);

  return (
    <>
      <PageHeader
        title="Ticket queue"
        description={
          client ? (
            <ClientScopeDescription noun="tickets" client={client.label} clearHref={hrefWith('/admin/tickets', { ...query, clientId: undefined })} />
          ) : (
            'Open tickets wait for the agency; pending ones wait for the client. Open a ticket to answer it.'
          )
        }
      />

      <QueueTabs pathname="/admin/tickets" tabs={tabs} current={q.status} keep={keep} />

      <FilterBar action="/admin/tickets" className="lg:grid-cols-[1fr_auto_auto_auto_auto_auto] lg:items-end">
        {q.status !== 'ACTIVE' ? <input type="hidden" name="status" value={q.status} /> : null}
        <InputFilter id="ticket-search" name="q" label="Search tickets" type="search" value={q.q} placeholder="Subject or number, e.g. T-000123" className="sm:col-span-2 lg:col-span-1" />
        <ClientSearchField id="ticket-client" value={q.client} clientId={q.clientId} />
        <SelectFilter id="ticket-priority-filter" name="priority" label="Priority" value={q.priority} any="Any priority" options={optionsOf(TICKET_PRIORITY_VALUES, TICKET_PRIORITY_LABELS)} />
        <SelectFilter id="ticket-assigned-filter" name="assigned" label="Assigned to" value={q.assigned} any="Anyone" options={ASSIGNED_OPTIONS} />
        <SelectFilter id="ticket-sort" name="sort" label="Sort by" value={q.sort} options={SORTS} />
      </FilterBar>
      <ClientSearchNote id="ticket-client" value={q.client} />

      {page.items.length === 0 ? (
        <EmptyState
          icon={<InboxIcon />}
          title={filtered ? 'No ticket matches' : q.status === 'ACTIVE' ? 'The queue is empty' : 'No tickets here'}
          description={
            filtered
              ? 'Try another number or subject, or clear the filters.'
              : q.status === 'ACTIVE'
                ? 'No ticket is open or waiting for a client. New tickets appear here as clients open them.'
                : 'No ticket has this status.'
          }
          action={
            filtered || q.status !== 'ACTIVE' ? (
              <Button variant="outline" asChild>
                <Link href="/admin/tickets">Back to the active queue</Link>
              </Button>
            ) : undefined
          }
        />
      ) : (
        <TicketTable tickets={page.items} side="agency" caption="Ticket queue" />
      )}

      <KeysetPagination
        pathname="/admin/tickets"
        query={query}
        nextCursor={page.nextCursor}
        prevCursor={page.prevCursor}
        label="Queue pages"
      />
    </>
  );
}
