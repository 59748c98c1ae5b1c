import type { Metadata } from 'next';
import Link from '@/components/link';
import { LifeBuoyIcon, PlusIcon, SearchXIcon } from 'lucide-react';

import { requireUser } from '@/lib/auth/session';
import { listTickets, ticketStatusCounts } from '@/db/queries/tickets';
import { TICKET_STATUS_VALUES } from '@/lib/validation/tickets';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { KeysetPagination } from '@/components/app-shell/keyset-pagination';
import { many, one, type SearchParams } from '@/components/app-shell/search-params';
import { TicketFilters } from '@/components/tickets/ticket-filters';
import { TicketTable } from '@/components/tickets/ticket-table';
import { cursorParam, searchParam } from '@/lib/validation/params';
import { rethrowOutage } from '@/lib/outage';

export const metadata: Metadata = { title: 'Tickets' };

export default async function TicketsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireUser(['CLIENT']);
  const sp = await searchParams;
  const status = many(sp.status, TICKET_STATUS_VALUES);
  // URL params: a bad value (a NUL byte, an overlong cursor) reads as no filter / the first page.
  const q = searchParam.parse(one(sp.q)?.slice(0, 200));
  const cursor = cursorParam.parse(one(sp.cursor));

  const [page, counts] = await Promise.all([
    listTickets(viewer, { status, search: q, cursor, sort: 'last_reply' }),
    ticketStatusCounts(viewer),
  ]).catch(rethrowOutage);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const filtered = status.length > 0 || Boolean(q);

  return (
    <>
      <PageHeader
        title="Tickets"
        description="Questions and problems you have raised with the agency, newest activity first."
        actions={
          <Button asChild>
            <Link href="/tickets/new">
              <PlusIcon aria-hidden="true" />
              New ticket
            </Link>
          </Button>
        }
      />
      {total === 0 ? (
        <EmptyState
          icon={<LifeBuoyIcon />}
          title="No tickets yet"
          description="Need help, found a problem or want a change? Open a ticket and the agency will reply here and by email."
          action={
            <Button asChild>
              <Link href="/tickets/new">Open your first ticket</Link>
            </Button>
          }
        />
      ) : (
        <>
          <TicketFilters pathname="/tickets" status={status} search={q} counts={counts} />
          {counts.PENDING > 0 && !filtered ? (
            <p className="mb-3 text-sm">
              <Link href="/tickets?status=PENDING" className="font-medium text-primary underline-offset-4 hover:underline">
                {counts.PENDING === 1 ? '1 ticket is' : `${counts.PENDING} tickets are`} waiting for your reply
              </Link>
            </p>
          ) : null}
          {page.items.length === 0 ? (
            <EmptyState
              icon={<SearchXIcon />}
              title="No tickets match"
              description={q ? `Nothing matches “${q}” with these filters. Try another word or a ticket number such as T-000123.` : 'No tickets have this status.'}
              action={
                <Button asChild variant="outline">
                  <Link href="/tickets">Show all tickets</Link>
                </Button>
              }
            />
          ) : (
            <TicketTable tickets={page.items} side="client" caption="Your tickets" />
          )}
          <KeysetPagination
            pathname="/tickets"
            query={{ status, q }}
            nextCursor={page.nextCursor}
            prevCursor={page.prevCursor}
            label="Ticket pages"
          />
        </>
      )}
    </>
  );
}
