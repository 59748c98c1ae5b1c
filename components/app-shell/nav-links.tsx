'use client';

import * as React from 'react';
import Link from '@/components/link';
import { usePathname } from 'next/navigation';

import { cn } from '@/lib/utils';
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
    <ul className={cn('flex gap-1', orientation === 'vertical' ? 'flex-col' : 'items-center')}>
      {items.map((item) => {
        const active = isActivePath(pathname, item);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? 'page' : undefined}
              onClick={onNavigate}
              className={cn(
                'flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium transition-colors',
                '[&_svg]:size-4 [&_svg]:shrink-0',
                'outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background',
                active
                  ? 'bg-accent text-accent-foreground'
                  : 'text-muted-foreground hover:bg-accent/60 hover:text-foreground',
                orientation === 'vertical' && 'py-2.5 text-base',
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
