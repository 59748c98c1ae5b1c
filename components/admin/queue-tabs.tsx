import * as React from 'react';
import Link from '@/components/link';

import { cn } from '@/lib/utils';
import { hrefWith, type ParamValue } from './hrefs';
import { groupDigits } from '@/lib/group-digits';

/** `more`: the count is a lower bound (the queue counts up to a cap): shown as "1,000+". */
export type QueueTab = { value: string; label: string; count: number; more?: boolean };

/**
 * The ticket queue's tabs (Active = Open + Pending by default, each status, All) as links with
 * their counts: they live in the URL and work without JavaScript. The shared TicketFilters has
 * single-status tabs only, hence this small variant.
 */
export function QueueTabs({
  pathname,
  tabs,
  current,
  keep,
  param = 'status',
  defaultValue = 'ACTIVE',
}: {
  pathname: string;
  tabs: QueueTab[];
  current: string;
  keep: Record<string, ParamValue>;
  /** The search param the tabs set (the default tab leaves it out of the URL). */
  param?: string;
  defaultValue?: string;
}) {
  return (
    <nav aria-label={param === "status" ? "Filter by status" : "Filter accounts"} className="relative -mx-1 mb-4 overflow-x-auto px-1 pb-1">
      <ul className="flex w-max gap-1 rounded-lg bg-muted p-1">
        {tabs.map((tab) => {
          const active = tab.value === current;
          return (
            <li key={tab.value}>
              <Link
                href={hrefWith(pathname, keep, { [param]: tab.value === defaultValue ? undefined : tab.value, cursor: undefined, page: undefined })}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap',
                  'outline-none focus-visible:ring-2 focus-visible:ring-ring',
                  active ? 'bg-background text-foreground shadow-sm' : 'text-muted-foreground hover:text-foreground',
                )}
              >
                {tab.label}
                <span className="rounded bg-background/70 px-1 text-xs tabular-nums text-muted-foreground">
                  <span className="sr-only">({tab.more ? 'more than ' : ''}</span>
                  {groupDigits(tab.count)}
                  {tab.more ? <span aria-hidden="true">+</span> : null}
                  <span className="sr-only"> tickets)</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
