'use client';

import { LogOut, Settings } from 'lucide-react';
import Link from '@/components/link';
import { useTransition } from 'react';
import { roleLabel } from '@/lib/auth/roles';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { useFirstItemFocus, type LoadedMenuProps } from '@/components/app-shell/deferred-menu';
import type { UserMenuProps } from './user-menu';
import { signOutAction } from './sign-out-action';

/** The account menu's dropdown, loaded by ./user-menu on first use; mounts open. */
export function UserMenuDropdown({ name, email, role, openedBy, trigger }: UserMenuProps & LoadedMenuProps) {
  const [pending, startTransition] = useTransition();
  const firstItemFocus = useFirstItemFocus(openedBy);

  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60" {...firstItemFocus}>
        <DropdownMenuLabel className="font-normal">
          <div className="truncate text-sm font-medium">{name || email}</div>
          <div className="truncate text-xs text-muted-foreground">{email}</div>
          <div className="text-xs text-muted-foreground">{roleLabel(role)}</div>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/settings">
            <Settings aria-hidden="true" />
            Settings
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem
          disabled={pending}
          onSelect={(event) => {
            event.preventDefault();
            startTransition(async () => {
              await signOutAction();
            });
          }}
        >
          <LogOut aria-hidden="true" />
          {pending ? 'Signing out…' : 'Sign out'}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
