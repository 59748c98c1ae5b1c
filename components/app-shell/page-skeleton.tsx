import * as React from 'react';

import { Skeleton } from '@/components/ui/skeleton';

/** A loading.tsx body: the page header, then `rows` placeholder rows or cards. */
export function PageSkeleton({
  rows = 5,
  variant = 'list',
  label = 'Loading…',
}: {
  rows?: number;
  variant?: 'list' | 'cards' | 'detail' | 'form';
  label?: string;
}) {
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <span className="sr-only">{label}</span>
      <div className="space-y-2">
        <Skeleton className="h-8 w-56" />
        <Skeleton className="h-4 w-80 max-w-full" />
      </div>
      {variant === 'cards' ? (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {Array.from({ length: rows }, (_, i) => (
            <Skeleton key={i} className="h-28 w-full rounded-xl" />
          ))}
        </div>
      ) : variant === 'detail' ? (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
          <div className="space-y-4 lg:col-span-2">
            <Skeleton className="h-32 w-full rounded-xl" />
            {Array.from({ length: rows }, (_, i) => (
              <Skeleton key={i} className="h-20 w-full rounded-xl" />
            ))}
          </div>
          <Skeleton className="h-48 w-full rounded-xl" />
        </div>
      ) : variant === 'form' ? (
        <div className="max-w-2xl space-y-5">
          {Array.from({ length: rows }, (_, i) => (
            <div key={i} className="space-y-2">
              <Skeleton className="h-4 w-28" />
              <Skeleton className="h-9 w-full" />
            </div>
          ))}
          <Skeleton className="h-9 w-32" />
        </div>
      ) : (
        <div className="space-y-2">
          <Skeleton className="h-9 w-full max-w-md" />
          {Array.from({ length: rows }, (_, i) => (
            <Skeleton key={i} className="h-14 w-full" />
          ))}
        </div>
      )}
    </div>
  );
}
