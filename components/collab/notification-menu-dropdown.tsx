'use client';

import * as React from 'react';
import Link from '@/components/link';
import { toast } from '@/components/ui/toast';

import { Button } from '@/components/ui/button';
import { useFirstItemFocus, type LoadedMenuProps } from '@/components/app-shell/deferred-menu';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { markAllNotificationsReadAction, markNotificationReadAction } from '@/app/(portal)/notifications/actions';
import type { NotificationMenuProps } from './notification-menu';

/** The bell's dropdown, loaded by ./notification-menu on first use; mounts open. */
export function NotificationMenuDropdown({ unread, items, openedBy, trigger }: NotificationMenuProps & LoadedMenuProps) {
  const [pending, startTransition] = React.useTransition();
  const firstItemFocus = useFirstItemFocus(openedBy);
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-80" {...firstItemFocus}>
        <DropdownMenuLabel className="flex items-center justify-between gap-2">
          <span>Notifications</span>
          {unread > 0 ? (
            <Button
              variant="link"
              size="sm"
              className="h-auto p-0 text-xs"
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  const r = await markAllNotificationsReadAction();
                  if (!r.ok) toast.error(r.error);
                })
              }
            >
              Mark all read
            </Button>
          ) : null}
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {items.length === 0 ? (
          <p className="px-2 py-3 text-sm text-muted-foreground">No notifications yet.</p>
        ) : (
          items.map((n) => (
            <DropdownMenuItem key={n.id} asChild>
              <Link
                href={n.href ?? '/notifications'}
                className="flex flex-col items-start gap-0.5"
                onClick={() => {
                  if (!n.read) startTransition(() => void markNotificationReadAction(n.id));
                }}
              >
                <span className={n.read ? 'text-sm' : 'text-sm font-semibold'}>
                  {n.read ? null : <span className="sr-only">Unread: </span>}
                  {n.title}
                </span>
                {n.body ? <span className="line-clamp-2 text-xs text-muted-foreground">{n.body}</span> : null}
              </Link>
            </DropdownMenuItem>
          ))
        )}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/notifications">See all notifications</Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
