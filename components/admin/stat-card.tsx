import * as React from 'react';
import Link from '@/components/link';
import { ChevronRightIcon } from 'lucide-react';

import { cn } from '@/lib/utils';
import { groupDigits } from '@/lib/group-digits';

/** A key figure that is also the way into the list behind it. */
export function StatCard({
  href,
  label,
  value,
  hint,
  icon,
}: {
  href: string;
  label: string;
  value: React.ReactNode;
  hint?: string;
  icon?: React.ReactNode;
}) {
  return (
    <Link
      href={href}
      className={cn(
        'group flex flex-col gap-2 rounded-xl border bg-card p-4 shadow-xs transition-colors hover:bg-accent/50',
        'outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2',
      )}
    >
      <span className="flex items-center justify-between gap-2 text-sm font-medium text-muted-foreground">
        <span className="flex items-center gap-2 [&_svg]:size-4">
          {icon ? <span aria-hidden="true">{icon}</span> : null}
          {label}
        </span>
        <ChevronRightIcon className="size-4 opacity-0 transition-opacity group-hover:opacity-100" aria-hidden="true" />
      </span>
      <span className="text-3xl font-semibold tabular-nums">{value}</span>
      {hint ? <span className="text-xs text-muted-foreground">{hint}</span> : null}
    </Link>
  );
}

/** The figures of a chart as links to their lists (keyboard and screen-reader way in). */
export function FigureLinks({ items }: { items: { href: string; label: string; value: number }[] }) {
  return (
    <ul className="mt-4 flex flex-wrap gap-2" aria-label="Figures">
      {items.map((item) => (
        <li key={item.href + item.label}>
          <Link
            href={item.href}
            className="inline-flex items-center gap-1.5 rounded-md border px-2.5 py-1 text-sm hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
          >
            {item.label}
            <span className="font-semibold tabular-nums">{groupDigits(item.value)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
