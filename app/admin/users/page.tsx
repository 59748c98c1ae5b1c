import type { Metadata } from 'next';
import Link from '@/components/link';
import Form from 'next/form';
import { SearchIcon, ShieldIcon } from 'lucide-react';

import { requireUser } from '@/lib/auth/session';
import { countActiveSuperAdmins, listUsers, userCounts } from '@/db/queries/staff';
import { userListSchema } from '@/lib/validation/admin';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/empty-state';
import { RelativeTime } from '@/components/tickets/relative-time';
import { AccountBadges } from '@/components/admin/account-badges';
import { firstOfEach } from '@/components/admin/hrefs';
import { InviteStaffDialog } from '@/components/admin/invite-staff-dialog';
import { OffsetPagination } from '@/components/admin/offset-pagination';
import { QueueTabs } from '@/components/admin/queue-tabs';
import { UserRowActions } from '@/components/admin/user-row-actions';
import { rethrowOutage } from '@/lib/outage';

export const metadata: Metadata = { title: 'Users' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTER_LABEL = { staff: 'Staff', clients: 'Clients', all: 'Everyone' } as const;

export default async function UsersPage({ searchParams }: Props) {
  // SUPER_ADMIN only: an ADMIN is sent back to /admin. Every action checks again, and so does
  // db/queries/staff.ts inside its transaction.
  const viewer = await requireUser(['SUPER_ADMIN']);
  const q = userListSchema.parse(firstOfEach(await searchParams));
  const [page, counts, supers] = await Promise.all([
    listUsers(viewer, q),
    userCounts(viewer, { q: q.q }),
    countActiveSuperAdmins(viewer),
  ]).catch(rethrowOutage);
  const params = { role: q.role === 'staff' ? undefined : q.role, q: q.q };
  const tabs = [
    { value: 'staff', label: FILTER_LABEL.staff, count: counts.staff },
    { value: 'clients', label: FILTER_LABEL.clients, count: counts.clients },
    { value: 'all', label: FILTER_LABEL.all, count: counts.all },
  ];

  return (
    <>
      <PageHeader
        title="Users"
        description={`Staff accounts and roles. ${supers === 1 ? 'There is one active super admin: that account cannot be demoted, deactivated or deleted.' : `${supers} active super admins.`} Nobody changes their own role or deactivates or deletes themselves.`}
        actions={<InviteStaffDialog />}
      />

      <QueueTabs pathname="/admin/users" tabs={tabs} current={q.role} keep={{ q: q.q }} param="role" defaultValue="staff" />

      <Form action="/admin/users" role="search" className="mb-4 flex flex-wrap items-end gap-2">
        {q.role !== 'staff' ? <input type="hidden" name="role" value={q.role} /> : null}
        <div className="grid min-w-0 flex-1 gap-1.5 sm:max-w-md">
          <Label htmlFor="user-search">Search users</Label>
          <Input id="user-search" name="q" type="search" defaultValue={q.q} placeholder="Name, email or company" />
        </div>
        <Button type="submit" variant="secondary">
          <SearchIcon aria-hidden="true" />
          Search
        </Button>
      </Form>

      {page.rows.length === 0 ? (
        <EmptyState
          icon={<ShieldIcon />}
          title="No account matches"
          description="Try another search, or look in another tab."
          action={
            <Button variant="outline" asChild>
              <Link href="/admin/users">Show staff</Link>
            </Button>
          }
        />
      ) : (
        <ul className="divide-y rounded-xl border" aria-label={`${FILTER_LABEL[q.role]} accounts`}>
          {page.rows.map((u) => (
            <li
              key={u.id}
              data-user={u.email}
              className="flex flex-col gap-3 p-4 lg:flex-row lg:items-center lg:justify-between"
            >
              <div className="min-w-0 space-y-1">
                <p className="font-medium break-words">
                  {u.role === 'CLIENT' ? (
                    <Link href={`/admin/clients/${u.id}`} className="underline-offset-4 hover:underline">
                      {u.name ?? u.email}
                    </Link>
                  ) : (
                    (u.name ?? u.email)
                  )}
                  {u.id === viewer.id ? <span className="ml-2 text-sm font-normal text-muted-foreground">(you)</span> : null}
                </p>
                <p className="text-sm break-all text-muted-foreground">{u.email}</p>
                <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                  <AccountBadges role={u.role} active={u.active} emailVerified={u.emailVerified} invitePending={u.invitePending} />
                  <span>Last sign-in {u.lastLoggedIn ? <RelativeTime date={u.lastLoggedIn} /> : 'never'}</span>
                </div>
              </div>
              <UserRowActions
                user={{ id: u.id, email: u.email, name: u.name, role: u.role, active: u.active }}
                isSelf={u.id === viewer.id}
              />
            </li>
          ))}
        </ul>
      )}

      <div className="mt-4">
        <OffsetPagination
          pathname="/admin/users"
          params={params}
          page={page.page}
          pageCount={page.pageCount}
          pageSize={page.pageSize}
          total={page.total}
          noun="accounts"
        />
      </div>
    </>
  );
}
