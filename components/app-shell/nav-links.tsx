'use client';

import * as React from 'react';
import Link from '@/components/link';
import { usePathname } from 'next/navigation';

import { clsx } from 'clsx';
import { isActivePath, type NavItem } from './nav-items';

type NavLinksProps = {
  items: NavItem[];
  orientation?: 'horizontal' | 'vertical';
  /** Called after a link is followed (the mobile menu closes itself). */
  onNavigate?: () => void;
};

/** The section links; the current one carries aria-current="page". */
export function NavLinks({ items, orientation = 'horizontal', onNavigate }: NavLinksProps) {
  const pathname = usePathname() ?? '';
  return (
    <ul className={clsx('flex gap-1', orientation === 'vertical' ? 'flex-col' : 'items-center')}>
      {items.map((item) => {
        const active = isActivePath(pathname, item);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? 'page' : undefined}
              onClick={onNavigate}
              // No class here overrides another, so clsx joins them without tailwind-merge
              // (see withClassName in lib/utils.ts for why a first render avoids it).
              className={clsx(
                'flex items-center gap-2 rounded-md px-3 font-medium transition-colors',
                '[&_svg]:size-4 [&_svg]:shrink-0',
                'outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background',
                active
                  ? 'bg-accent text-accent-foreground'
                  : 'text-muted-foreground hover:bg-accent/60 hover:text-foreground',
                orientation === 'vertical' ? 'py-2.5 text-base' : 'py-2 text-sm',
              )}
            >
              {item.icon}
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
