import * as React from 'react';

import { formatDateTime, formatRelative } from '@/lib/format';

/**
 * "5 minutes ago", with the exact date and time on hover (title) and in `dateTime`.
 * `suppressHydrationWarning`: the relative text may differ by a minute between server and browser.
 */
export function RelativeTime({ date, className, now }: { date: Date | string; className?: string; now?: Date }) {
  const d = date instanceof Date ? date : new Date(date);
  const exact = formatDateTime(d);
  return (
    <time dateTime={d.toISOString()} title={exact} className={className} suppressHydrationWarning>
      {formatRelative(d, now)}
    </time>
  );
}
