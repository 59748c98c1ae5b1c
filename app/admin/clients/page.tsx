import type { Metadata } from 'next';
import Link from '@/components/link';
import { UsersIcon } from 'lucide-react';

import { requireUser } from '@/lib/auth/session';
import { listClients } from '@/db/queries/clients';
import { clientListSchema } from '@/lib/validation/admin';
import { formatDate } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { Table, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/empty-state';
import { RelativeTime } from '@/components/tickets/relative-time';
import { AccountBadges } from '@/components/admin/account-badges';
import { firstOfEach } from '@/components/admin/hrefs';
import { InviteClientDialog } from '@/components/admin/invite-client-dialog';
import { OffsetPagination } from '@/components/admin/offset-pagination';
import { FilterBar, InputFilter, SelectFilter } from '@/components/admin/filter-bar';
import { rethrowOutage } from '@/lib/outage';

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

export default async function ClientsPage({ searchParams }: Props) {
  const viewer = await requireUser(['ADMIN', 'SUPER_ADMIN']);
  const raw = firstOfEach(await searchParams);
  const q = clientListSchema.parse(raw);
  const page = await listClients(viewer, q).catch(rethrowOutage);
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
        // below that each row laid out as a card by CSS. The rows are plain elements with short
        // class names; their styles are written once in app/globals.css (.row-list, .client-list).
        <Table className="row-list client-list">
          <caption className="sr-only">Clients</caption>
          <TableHeader>
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
          <tbody>
            {page.rows.map((c) => (
              <tr key={c.id} data-client={c.email}>
                <td className="wrap">
                  <Link href={`/admin/clients/${c.id}`} className="title">
                    {c.name ?? c.email}
                  </Link>
                  <div className="sub break-all">{c.email}</div>
                </td>
                <td className={c.company ? 'company wrap' : 'wide'}>{c.company ?? '—'}</td>
                <td className="account">
                  <AccountBadges active={c.active} emailVerified={c.emailVerified} invitePending={c.invitePending} />
                </td>
                {/* Below md the three figures share a line, each with its label (data-label). */}
                <td className="fig num" data-label="Projects">
                  <Link href={`/admin/projects?clientId=${c.id}`} className="link">
                    {c.projectCount}
                  </Link>
                </td>
                <td className="fig num" data-label="Active tickets">
                  <Link href={`/admin/tickets?clientId=${c.id}`} className="link">
                    {c.activeTicketCount}
                  </Link>
                </td>
                <td className="fig dim" data-label="Last sign-in">
                  {c.lastLoggedIn ? <RelativeTime date={c.lastLoggedIn} /> : 'Never'}
                </td>
                <td className="wide dim">{formatDate(c.createdAt)}</td>
              </tr>
            ))}
          </tbody>
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
