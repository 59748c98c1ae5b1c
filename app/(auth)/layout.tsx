import Link from '@/components/link';
import type * as React from 'react';

// The signed-out pages: one centred column with the product name above.
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center bg-muted/40 px-4 py-10">
      {/* A banner landmark, so everything on the page sits in one (axe's "region" rule). */}
      <header className="mb-6">
        <Link href="/login" className="text-lg font-semibold tracking-tight">
          Agency Portal
        </Link>
      </header>
      <main id="main" className="w-full max-w-md">
        {children}
      </main>
    </div>
  );
}
