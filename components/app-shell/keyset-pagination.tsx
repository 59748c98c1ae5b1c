import * as React from 'react';
import Link from '@/components/link';
import { ChevronLeftIcon, ChevronRightIcon } from 'lucide-react';

import { cn } from '@/lib/utils';
import { buttonVariants } from '@/components/ui/button';

type KeysetPaginationProps = {
  /** The list's path, e.g. "/tickets". */
  pathname: string;
  /** The current query (filters and sort); `cursor` is replaced. */
  query: Record<string, string | string[] | undefined>;
  nextCursor: string | null;
  prevCursor: string | null;
  label?: string;
};

function hrefWith(pathname: string, query: KeysetPaginationProps['query'], cursor: string | null): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key === 'cursor' || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) if (v !== '') params.append(key, v);
  }
  if (cursor) params.set('cursor', cursor);
  const qs = params.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/** "Previous" / "Next" links for a keyset-paginated list; renders nothing on a single page. */
export function KeysetPagination({ pathname, query, nextCursor, prevCursor, label = 'Pagination' }: KeysetPaginationProps) {
  if (!nextCursor && !prevCursor) return null;
  const linkClass = buttonVariants({ variant: 'outline', size: 'sm' });
  const disabledClass = cn(linkClass, 'pointer-events-none opacity-50');
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-2">
      {prevCursor ? (
        <Link href={hrefWith(pathname, query, prevCursor)} className={linkClass} rel="prev">
          <ChevronLeftIcon aria-hidden="true" />
          Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClass}>
          <ChevronLeftIcon aria-hidden="true" />
          Previous
        </span>
      )}
      {nextCursor ? (
        <Link href={hrefWith(pathname, query, nextCursor)} className={linkClass} rel="next">
          Next
          <ChevronRightIcon aria-hidden="true" />
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClass}>
          Next
          <ChevronRightIcon aria-hidden="true" />
        </span>
      )}
    </nav>
  );
}

export { hrefWith as paginationHref };
