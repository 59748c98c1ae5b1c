'use client';

import type { Role } from '@/db/schema';
import { Button } from '@/components/ui/button';
import { DeferredMenu } from '@/components/app-shell/deferred-menu';

function initials(name: string | null | undefined, email: string): string {
  const source = name?.trim() || email;
  const parts = source.split(/[\s@._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts[1]?.[0] ?? '')).toUpperCase() || '?';
}

export type UserMenuProps = { name: string | null | undefined; email: string; role: Role };

// The dropdown (Radix) is loaded on first use: components/app-shell/deferred-menu.tsx.
const loadDropdown = () => import('./user-menu-dropdown').then((m) => m.UserMenuDropdown);

/** The account menu in the app shell: who is signed in, "Settings" and "Sign out". */
export function UserMenu(props: UserMenuProps) {
  const { name, email } = props;
  return (
    <DeferredMenu
      popup="menu"
      load={loadDropdown}
      props={props}
      trigger={
        <Button variant="ghost" size="compact" aria-label={`Account menu for ${name || email}`}>
          {/* The initials are drawn by CSS, not written as text: the button's visible text is then
              the name alone, which its accessible name contains (WCAG 2.5.3, label in name), so a
              voice-control user can say what they see. */}
          <span
            aria-hidden="true"
            data-initials={initials(name, email)}
            className="flex size-7 items-center justify-center rounded-full bg-muted text-xs font-semibold text-muted-foreground before:content-[attr(data-initials)]"
          />
          <span className="hidden max-w-40 truncate text-sm sm:inline">{name || email}</span>
        </Button>
      }
    />
  );
}

export default UserMenu;
