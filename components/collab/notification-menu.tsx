'use client';

import { BellIcon } from 'lucide-react';

import { Button } from '@/components/ui/button';
import { DeferredMenu } from '@/components/app-shell/deferred-menu';

export type BellItem = { id: string; title: string; body: string | null; href: string | null; read: boolean; at: string };

export type NotificationMenuProps = { unread: number; items: BellItem[] };

// The dropdown (Radix) is loaded on first use: components/app-shell/deferred-menu.tsx.
const loadDropdown = () => import('./notification-menu-dropdown').then((m) => m.NotificationMenuDropdown);

/** The bell: unread count in its accessible name, the latest notifications, mark one / all read. */
export function NotificationMenu(props: NotificationMenuProps) {
  const { unread } = props;
  return (
    <DeferredMenu
      popup="menu"
      load={loadDropdown}
      props={props}
      trigger={
        <Button variant="ghost" size="icon" aria-label={`Notifications, ${unread} unread`}>
          {/* The count sits on the bell's corner: positioned against the bell, so the Button needs no
              extra class (components/ui/button.tsx merges classes only when given some). */}
          <span className="relative">
            <BellIcon aria-hidden="true" />
            {unread > 0 ? (
              <span
                aria-hidden="true"
                className="absolute -top-3 -right-3 min-w-4 rounded-full bg-destructive px-1 text-[10px] leading-4 font-semibold text-white"
              >
                {unread > 99 ? '99+' : unread}
              </span>
            ) : null}
          </span>
        </Button>
      }
    />
  );
}
