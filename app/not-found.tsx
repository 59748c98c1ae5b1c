import type { Metadata } from 'next';
import Link from '@/components/link';
import { SearchXIcon } from 'lucide-react';

import { Button } from '@/components/ui/button';
import { SkipLink } from '@/components/app-shell/skip-link';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <>
      <SkipLink />
      <header className="border-b">
        <div className="mx-auto flex h-14 max-w-6xl items-center px-4">
          <Link href="/" className="rounded-sm font-semibold">
            Agency Portal
          </Link>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto flex max-w-lg flex-col items-center gap-4 px-4 py-16 text-center outline-none">
        <div className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground" aria-hidden="true">
          <SearchXIcon className="size-6" />
        </div>
        <h1 className="text-2xl font-semibold">Page not found</h1>
        <p className="text-muted-foreground">
          This page does not exist, or it is not yours to see. Check the address, or start again from your home page.
        </p>
        <Button asChild>
          <Link href="/">Go to your home page</Link>
        </Button>
      </main>
    </>
  );
}
