import * as React from 'react';
import Link from '@/components/link';
import Form from 'next/form';
import { SearchIcon } from 'lucide-react';

import type { TicketStatus } from '@/db/schema';
import { cn } from '@/lib/utils';
import { ticketStatusLabel } from '@/lib/format';
import { TICKET_STATUSES } from '@/lib/workflows';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

type TicketFiltersProps = {
  /** The list's path, e.g. "/tickets". */
  pathname: string;
  /** The selected statuses (empty: all). */
  status: readonly TicketStatus[];
  search?: string;
  /** Other query values to keep (e.g. sort, clientId). */
  keep?: Record<string, string | undefined>;
  counts?: Partial<Record<TicketStatus, number>>;
  /** Label for the "all" tab. */
  allLabel?: string;
};

function href(pathname: string, params: Record<string, string | string[] | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    for (const one of Array.isArray(v) ? v : [v]) qs.append(k, one);
  }
  const s = qs.toString();
  return s ? `${pathname}?${s}` : pathname;
}

/**
 * Status tabs (links, so they work without JavaScript and live in the URL) and a search box by
 * subject or number. Shared by the portal and the admin queue.
 */
export function TicketFilters({ pathname, status, search = '', keep = {}, counts, allLabel = 'All' }: TicketFiltersProps) {
  const selected = new Set(status);
  const all = selected.size === 0;
  const tabs: { label: string; value: TicketStatus[] }[] = [
    { label: allLabel, value: [] },
    ...TICKET_STATUSES.map((s) => ({ label: ticketStatusLabel(s), value: [s] })),
  ];
  const isCurrent = (value: TicketStatus[]) =>
    value.length === 0 ? all : value.length === selected.size && value.every((v) => selected.has(v));

  return (
    <div className="mb-4 flex flex-col gap-3 lg:flex-row lg:items-end lg:justify-between">
      <nav aria-label="Filter by status" className="-mx-1 overflow-x-auto px-1 pb-1">
        <ul className="flex w-max gap-1 rounded-lg bg-muted p-1">
          {tabs.map((tab) => {
            const current = isCurrent(tab.value);
            const count = tab.value.length === 1 ? counts?.[tab.value[0]] : undefined;
            return (
              <li key={tab.label}>
                <Link
                  href={href(pathname, { ...keep, status: tab.value, q: search || undefined })}
                  aria-current={current ? 'page' : undefined}
                  className={cn(
                    'inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap',
                    'outline-none focus-visible:ring-2 focus-visible:ring-ring',
                    current ? 'bg-background text-foreground shadow-sm' : 'text-muted-foreground hover:text-foreground',
                  )}
                >
                  {tab.label}
                  {count !== undefined ? (
                    <span className="rounded bg-background/70 px-1 text-xs tabular-nums text-muted-foreground">{count}</span>
                  ) : null}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <Form action={pathname} role="search" className="flex w-full items-end gap-2 lg:w-auto">
        {[...selected].map((s) => (
          <input key={s} type="hidden" name="status" value={s} />
        ))}
        {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
        <div className="grid flex-1 gap-1.5 lg:w-72">
          <Label htmlFor="ticket-search">Search tickets</Label>
          <Input id="ticket-search" name="q" type="search" defaultValue={search} placeholder="Subject or number, e.g. T-000123" />
        </div>
        <Button type="submit" variant="secondary">
          <SearchIcon aria-hidden="true" />
          Search
        </Button>
      </Form>
    </div>
  );
}
