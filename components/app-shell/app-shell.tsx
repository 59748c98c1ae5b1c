import * as React from 'react';
import Link from '@/components/link';

import type { Role } from '@/db/schema';
import { ThemeToggle } from '@/components/theme-toggle';
import { UserMenu } from '@/components/auth/user-menu';
import { MobileNav } from './mobile-nav';
import { NavLinks } from './nav-links';
import type { NavItem } from './nav-items';
import { SkipLink } from './skip-link';
import { NotificationBell } from './notification-bell';

export type AppShellProps = {
  nav: NavItem[];
  user: { name: string | null; email: string; role: Role };
  /** Where the product name links to (the role's home). */
  homeHref?: string;
  productName?: string;
  children: React.ReactNode;
};

/**
 * The signed-in frame: skip link, a header (product name, navigation — a sheet below 768 px —,
 * theme toggle and user menu), then <main id="main">. Used by the portal and the admin layouts.
 */
export function AppShell({ nav, user, homeHref = '/', productName = 'Agency Portal', children }: AppShellProps) {
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <header className="sticky top-0 z-40 border-b bg-background/95 backdrop-blur supports-[backdrop-filter]:bg-background/80">
        <div className="mx-auto flex h-14 w-full max-w-6xl items-center gap-2 px-4 sm:gap-4">
          <MobileNav items={nav} productName={productName} />
          <Link
            href={homeHref}
            className="rounded-sm text-base font-semibold tracking-tight whitespace-nowrap outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2"
          >
            {productName}
          </Link>
          <nav aria-label="Main" className="hidden md:block">
            <NavLinks items={nav} />
          </nav>
          <div className="ml-auto flex items-center gap-1">
            <NotificationBell />
            <ThemeToggle />
            <UserMenu name={user.name} email={user.email} role={user.role} />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 outline-none sm:py-8">
        {children}
      </main>
    </div>
  );
}
