'use client';

import * as React from 'react';
import Link from 'next/link';
import { BellIcon } from 'lucide-react';
import { toast } from 'sonner';

import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { markAllNotificationsReadAction, markNotificationReadAction } from '@/app/(portal)/notifications/actions';

export type BellItem = { id: string; title: string; body: string | null; href: string | null; read: boolean; at: string };

/** The bell: unread count in its accessible name, the latest notifications, mark one / all read. */
export function NotificationMenu({ unread, items }: { unread: number; items: BellItem[] }) {
  const [pending, startTransition] = React.useTransition();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" className="relative" aria-label={`Notifications, ${unread} unread`}>
          <BellIcon aria-hidden="true" />
          {unread > 0 ? (
            <span
              aria-hidden="true"
              className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-destructive px-1 text-[10px] leading-4 font-semibold text-white"
            >
              {unread > 99 ? '99+' : unread}
            </span>
          ) : null}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-80">
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
