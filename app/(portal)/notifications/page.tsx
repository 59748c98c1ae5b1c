import type { Metadata } from 'next';
import Link from '@/components/link';
import { BellIcon } from 'lucide-react';

import { requireUser } from '@/lib/auth/session';
import { listNotifications } from '@/db/queries/notifications';
import { formatDateTime } from '@/lib/format';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/empty-state';
import { MarkAllReadButton } from '@/components/collab/mark-all-read-button';
import { rethrowOutage } from '@/lib/outage';

// /notifications — every signed-in role (CLIENT, ADMIN, SUPER_ADMIN); each sees only their own
// rows (db/queries/notifications.ts scopes by user_id). Security matrix: signed out → /login;
// any role → 200 with only their own notifications; mark read/all read are server actions that
// call requireUser() and match user_id = viewer.id (another user's id → "not found").

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage() {
  const viewer = await requireUser();
  const items = await listNotifications(viewer, { limit: 100 }).catch(rethrowOutage);
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <>
      <PageHeader
        title="Notifications"
        description={`${unread} unread.`}
        actions={unread > 0 ? <MarkAllReadButton /> : undefined}
      />
      {items.length === 0 ? (
        <EmptyState icon={<BellIcon />} title="No notifications yet" description="Replies, status changes and assignments appear here." />
      ) : (
        <ul className="divide-y rounded-xl border" aria-label="Notifications">
          {items.map((n) => (
            <li key={n.id} className="p-4" data-read={n.readAt ? 'true' : 'false'}>
              <p className={n.readAt ? '' : 'font-semibold'}>
                {n.readAt ? null : <span className="mr-2 rounded bg-primary/10 px-1.5 py-0.5 text-xs text-primary">Unread</span>}
                {n.href ? (
                  <Link href={n.href} className="underline-offset-4 hover:underline">
                    {n.title}
                  </Link>
                ) : (
                  n.title
                )}
              </p>
              {n.body ? <p className="text-sm text-muted-foreground">{n.body}</p> : null}
              <p className="text-xs text-muted-foreground">
                <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
