import * as React from 'react';

import { getViewer } from '@/lib/auth/session';
import { notificationBell } from '@/db/queries/notifications';
import { NotificationMenu } from '@/components/collab/notification-menu';
import { rethrowOutage } from '@/lib/outage';

/** The header's bell (server part): the viewer's unread count and latest notifications. */
export async function NotificationBell() {
  const viewer = await getViewer();
  if (!viewer) return null;
  // Rendered by the layout, before the page is sent: an outage → the 503 page (lib/outage.ts).
  const { unread, items } = await notificationBell(viewer, 8).catch(rethrowOutage);
  return (
    <NotificationMenu
      unread={unread}
      items={items.map((n) => ({
        id: n.id,
        title: n.title,
        body: n.body,
        href: n.href,
        read: n.readAt !== null,
        at: n.createdAt.toISOString(),
      }))}
    />
  );
}
