'use client';

import * as React from 'react';
import { MenuIcon } from 'lucide-react';

import { Button } from '@/components/ui/button';
import { DeferredMenu } from './deferred-menu';
import type { NavItem } from './nav-items';

export type MobileNavProps = { items: NavItem[]; productName?: string };

// The sheet (a Radix dialog) is loaded on first use: ./deferred-menu.tsx.
const loadSheet = () => import('./mobile-nav-sheet').then((m) => m.MobileNavSheet);

/** The navigation in a sheet, for screens narrower than 768 px. */
export function MobileNav({ items, productName = 'Agency Portal' }: MobileNavProps) {
  return (
    <div className="md:hidden">
      <DeferredMenu
        popup="dialog"
        load={loadSheet}
        props={{ items, productName }}
        trigger={
          <Button variant="ghost" size="icon" aria-label="Open menu">
            <MenuIcon aria-hidden="true" />
          </Button>
        }
      />
    </div>
  );
}
