import type { Metadata } from 'next';
import Link from 'next/link';
import Form from 'next/form';
import { SearchIcon, UsersIcon } from 'lucide-react';

import { requireUser } from '@/lib/auth/session';
import { listClients } from '@/db/queries/clients';
import { clientListSchema } from '@/lib/validation/admin';
import { formatDate } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/empty-state';
import { NativeSelect } from '@/components/app-shell/native-select';
import { RelativeTime } from '@/components/tickets/relative-time';
import { AccountBadges } from '@/components/admin/account-badges';
import { firstOfEach } from '@/components/admin/hrefs';
import { InviteClientDialog } from '@/components/admin/invite-client-dialog';
import { OffsetPagination } from '@/components/admin/offset-pagination';

export const metadata: Metadata = { title: 'Clients' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORTS = [
  { value: 'created', label: 'Joined' },
  { value: 'name', label: 'Name' },
  { value: 'email', label: 'Email' },
  { value: 'company', label: 'Company' },
  { value: 'last_login', label: 'Last sign-in' },
] as const;

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

      <Form action="/admin/clients" role="search" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_auto_auto_auto_auto_auto] lg:items-end">
        <div className="grid gap-1.5 sm:col-span-2 lg:col-span-1">
          <Label htmlFor="client-search">Search clients</Label>
          <Input id="client-search" name="q" type="search" defaultValue={q.q} placeholder="Name, email or company" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="client-active">Account</Label>
          <NativeSelect id="client-active" name="active" defaultValue={q.active}>
            <option value="all">All accounts</option>
            <option value="active">Active</option>
            <option value="inactive">Deactivated</option>
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="client-verified">Email</Label>
          <NativeSelect id="client-verified" name="verified" defaultValue={q.verified}>
            <option value="all">Verified or not</option>
            <option value="verified">Verified</option>
            <option value="unverified">Not verified</option>
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="client-sort">Sort by</Label>
          <NativeSelect id="client-sort" name="sort" defaultValue={q.sort}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="client-dir">Order</Label>
          <NativeSelect id="client-dir" name="dir" defaultValue={q.dir}>
            <option value="desc">Descending</option>
            <option value="asc">Ascending</option>
          </NativeSelect>
        </div>
        <Button type="submit" variant="secondary">
          <SearchIcon aria-hidden="true" />
          Apply
        </Button>
      </Form>

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
        <>
          <div className="hidden md:block">
            <Table>
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
              <TableBody>
                {page.rows.map((c) => (
                  <TableRow key={c.id} data-client={c.email}>
                    <TableCell className="whitespace-normal">
                      <Link href={`/admin/clients/${c.id}`} className="font-medium underline-offset-4 hover:underline">
                        {c.name ?? c.email}
                      </Link>
                      <div className="text-xs text-muted-foreground">{c.email}</div>
                    </TableCell>
                    <TableCell className="whitespace-normal">{c.company ?? '—'}</TableCell>
                    <TableCell>
                      <AccountBadges active={c.active} emailVerified={c.emailVerified} invitePending={c.invitePending} />
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      <Link href={`/admin/projects?clientId=${c.id}`} className="underline-offset-4 hover:underline">
                        {c.projectCount}
                      </Link>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      <Link href={`/admin/tickets?clientId=${c.id}`} className="underline-offset-4 hover:underline">
                        {c.activeTicketCount}
                      </Link>
                    </TableCell>
                    <TableCell className="text-sm text-muted-foreground">
                      {c.lastLoggedIn ? <RelativeTime date={c.lastLoggedIn} /> : 'Never'}
                    </TableCell>
                    <TableCell className="text-sm text-muted-foreground">{formatDate(c.createdAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <ul className="space-y-3 md:hidden" aria-label="Clients">
            {page.rows.map((c) => (
              <li key={c.id} data-client={c.email} className="rounded-xl border p-4">
                <Link href={`/admin/clients/${c.id}`} className="block font-medium break-words underline-offset-4 hover:underline">
                  {c.name ?? c.email}
                </Link>
                <p className="text-sm break-all text-muted-foreground">{c.email}</p>
                {c.company ? <p className="text-sm text-muted-foreground">{c.company}</p> : null}
                <AccountBadges className="mt-2" active={c.active} emailVerified={c.emailVerified} invitePending={c.invitePending} />
                <p className="mt-2 text-xs text-muted-foreground">
                  {c.projectCount} projects · {c.activeTicketCount} active tickets · last sign-in{' '}
                  {c.lastLoggedIn ? <RelativeTime date={c.lastLoggedIn} /> : 'never'}
                </p>
              </li>
            ))}
          </ul>
        </>
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
