import type { Metadata } from 'next';
import Link from 'next/link';
import { UsersIcon } from 'lucide-react';

import { requireUser } from '@/lib/auth/session';
import { listClients } from '@/db/queries/clients';
import { clientListSchema } from '@/lib/validation/admin';
import { formatDate } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/empty-state';
import { RelativeTime } from '@/components/tickets/relative-time';
import { AccountBadges } from '@/components/admin/account-badges';
import { firstOfEach } from '@/components/admin/hrefs';
import { InviteClientDialog } from '@/components/admin/invite-client-dialog';
import { OffsetPagination } from '@/components/admin/offset-pagination';
import { FilterBar, InputFilter, SelectFilter } from '@/components/admin/filter-bar';

export const metadata: Metadata = { title: 'Clients' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORTS = [
  { value: 'created', label: 'Joined' },
  { value: 'name', label: 'Name' },
  { value: 'email', label: 'Email' },
  { value: 'company', label: 'Company' },
  { value: 'last_login', label: 'Last sign-in' },
] as const;

const ACCOUNT_OPTIONS = [
  { value: 'all', label: 'All accounts' },
  { value: 'active', label: 'Active' },
  { value: 'inactive', label: 'Deactivated' },
];
const VERIFIED_OPTIONS = [
  { value: 'all', label: 'Verified or not' },
  { value: 'verified', label: 'Verified' },
  { value: 'unverified', label: 'Not verified' },
];
const ORDER_OPTIONS = [
  { value: 'desc', label: 'Descending' },
  { value: 'asc', label: 'Ascending' },
];

// Below md each row is a card and each cell a block of it; the cells marked `fig` (the figures)
// share one line, and `wide` ones are left out. Written once on the body, not on every cell: the
// classes are repeated in the HTML and in the RSC payload of each row.
const cards = [
  'max-md:block max-md:space-y-3 max-md:[&_tr:last-child]:border',
  'max-md:[&>tr]:block max-md:[&>tr]:rounded-xl max-md:[&>tr]:border max-md:[&>tr]:p-4',
  'max-md:[&_td]:block max-md:[&_td]:p-0 max-md:[&_td]:whitespace-normal max-md:[&_td.wide]:hidden',
  'max-md:[&_td.fig]:mt-2 max-md:[&_td.fig]:mr-2 max-md:[&_td.fig]:inline-block max-md:[&_td.fig]:text-xs max-md:[&_td.fig]:text-muted-foreground',
].join(' ');

export default async function ClientsPage({ searchParams }: Props) {
  const viewer = await requireUser(['ADMIN', 'SUPER_ADMIN']);
  const raw = firstOfEach(await searchParams);
  const q = clientListSchema.parse(raw);
  const page = await listClients(viewer, q);
  const params = { q: q.q, active: q.active === 'all' ? undefined : q.active, verified: q.verified === 'all' ? undefined : q.verified, sort: q.sort === 'created' ? undefined : q.sort, dir: q.dir === 'desc' ? undefined : q.dir };
  const filtered = Boolean(q.q || q.active !== 'all' || q.verified !== 'all');

  return (
    <>
      <PageHeader
        title="Clients"
        description="Everyone with a client account: search, filter, and open a client to manage them."
        actions={<InviteClientDialog />}
      />

      <FilterBar action="/admin/clients" className="lg:grid-cols-[1fr_auto_auto_auto_auto_auto] lg:items-end">
        <InputFilter id="client-search" name="q" label="Search clients" type="search" value={q.q} placeholder="Name, email or company" className="sm:col-span-2 lg:col-span-1" />
        <SelectFilter id="client-active" name="active" label="Account" value={q.active} options={ACCOUNT_OPTIONS} />
        <SelectFilter id="client-verified" name="verified" label="Email" value={q.verified} options={VERIFIED_OPTIONS} />
        <SelectFilter id="client-sort" name="sort" label="Sort by" value={q.sort} options={SORTS} />
        <SelectFilter id="client-dir" name="dir" label="Order" value={q.dir} options={ORDER_OPTIONS} />
      </FilterBar>

      {page.rows.length === 0 ? (
        <EmptyState
          icon={<UsersIcon />}
          title={filtered ? 'No client matches' : 'No clients yet'}
          description={
            filtered
              ? 'Try another search or clear the filters.'
              : 'Invite your first client: they get an email with a link to choose a password.'
          }
          action={
            filtered ? (
              <Button variant="outline" asChild>
                <Link href="/admin/clients">Clear filters</Link>
              </Button>
            ) : (
              <InviteClientDialog />
            )
          }
        />
      ) : (
        // ONE markup for every width (as components/tickets/ticket-table.tsx): a table from 768 px,
        // below that each row laid out as a card by CSS. The page used to render a table and a
        // card list and hide one: twice the HTML and RSC payload per client (303 kB for 25 rows).
        <Table className="max-md:block">
          <caption className="sr-only">Clients</caption>
          <TableHeader className="max-md:sr-only">
            <TableRow>
              <TableHead scope="col">Name</TableHead>
              <TableHead scope="col">Company</TableHead>
              <TableHead scope="col">Account</TableHead>
              <TableHead scope="col" className="text-right">
                Projects
              </TableHead>
              <TableHead scope="col" className="text-right">
                Active tickets
              </TableHead>
              <TableHead scope="col">Last sign-in</TableHead>
              <TableHead scope="col">Joined</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody className={cards}>
            {page.rows.map((c) => (
              <TableRow key={c.id} data-client={c.email}>
                <TableCell className="whitespace-normal">
                  <Link href={`/admin/clients/${c.id}`} className="font-medium break-words underline-offset-4 hover:underline">
                    {c.name ?? c.email}
                  </Link>
                  <div className="text-xs break-all text-muted-foreground">{c.email}</div>
                </TableCell>
                <TableCell className={c.company ? 'whitespace-normal max-md:text-sm max-md:text-muted-foreground' : 'wide'}>{c.company ?? '—'}</TableCell>
                <TableCell className="max-md:mt-2">
                  <AccountBadges active={c.active} emailVerified={c.emailVerified} invitePending={c.invitePending} />
                </TableCell>
                {/* Below md the three figures share a line, each with its label. */}
                <TableCell className="fig text-right tabular-nums">
                  <span className="md:hidden">Projects: </span>
                  <Link href={`/admin/projects?clientId=${c.id}`} className="underline-offset-4 hover:underline">
                    {c.projectCount}
                  </Link>
                </TableCell>
                <TableCell className="fig text-right tabular-nums">
                  <span className="md:hidden">Active tickets: </span>
                  <Link href={`/admin/tickets?clientId=${c.id}`} className="underline-offset-4 hover:underline">
                    {c.activeTicketCount}
                  </Link>
                </TableCell>
                <TableCell className="fig text-sm text-muted-foreground">
                  <span className="md:hidden">Last sign-in: </span>
                  {c.lastLoggedIn ? <RelativeTime date={c.lastLoggedIn} /> : 'Never'}
                </TableCell>
                <TableCell className="wide text-sm text-muted-foreground">{formatDate(c.createdAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      <div className="mt-4">
        <OffsetPagination
          pathname="/admin/clients"
          params={params}
          page={page.page}
          pageCount={page.pageCount}
          pageSize={page.pageSize}
          total={page.total}
          noun="clients"
        />
      </div>
    </>
  );
}
