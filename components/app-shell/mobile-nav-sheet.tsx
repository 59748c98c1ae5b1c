'use client';

import * as React from 'react';

import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from '@/components/ui/sheet';
import type { LoadedMenuProps } from './deferred-menu';
import { NavLinks } from './nav-links';
import type { MobileNavProps } from './mobile-nav';

/** The navigation sheet, loaded by ./mobile-nav on first use; mounts open. */
export function MobileNavSheet({ items, productName = 'Agency Portal', trigger }: MobileNavProps & LoadedMenuProps) {
  const [open, setOpen] = React.useState(true);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>{trigger}</SheetTrigger>
      <SheetContent side="left" className="w-72">
        <SheetHeader>
          <SheetTitle>{productName}</SheetTitle>
          <SheetDescription className="sr-only">Main navigation</SheetDescription>
        </SheetHeader>
        <nav aria-label="Main" className="px-2">
          <NavLinks items={items} orientation="vertical" onNavigate={() => setOpen(false)} />
        </nav>
      </SheetContent>
    </Sheet>
  );
}
