import * as React from 'react';

import type { Role } from '@/db/schema';
import { ROLE_LABELS } from '@/lib/format';
import { cn } from '@/lib/utils';

const tone = {
  good: 'border-emerald-200 bg-emerald-50 text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
  warn: 'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200',
  off: 'border-zinc-200 bg-zinc-100 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-200',
  staff: 'border-indigo-200 bg-indigo-50 text-indigo-800 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-200',
};

// A plain span with the outline badge's look, not components/ui/badge: these badges are never
// links or focusable, and the Badge's class list (focus rings, aria-invalid, link hover, svg
// sizing: about 600 characters) was repeated in the HTML and the RSC payload of every row of
// the client and user lists.
const base = 'inline-flex items-center rounded-md border px-2 py-0.5 text-xs font-medium whitespace-nowrap';

function Tag({ tone: t, children }: { tone: keyof typeof tone; children: React.ReactNode }) {
  return <span className={`${base} ${tone[t]}`}>{children}</span>;
}

/** Active / Deactivated, and Invited (never accepted) / Unverified / Verified — as text, not colour alone. */
export function AccountBadges({
  active,
  emailVerified,
  invitePending,
  role,
  className,
}: {
  active: boolean;
  emailVerified: boolean;
  invitePending: boolean;
  role?: Role;
  className?: string;
}) {
  return (
    <span className={cn('inline-flex flex-wrap gap-1', className)}>
      {role && role !== 'CLIENT' ? (
        <Tag tone="staff">{ROLE_LABELS[role]}</Tag>
      ) : null}
      <Tag tone={active ? 'good' : 'off'}>{active ? 'Active' : 'Deactivated'}</Tag>
      {invitePending ? (
        <Tag tone="warn">Invited</Tag>
      ) : !emailVerified ? (
        <Tag tone="warn">Unverified</Tag>
      ) : null}
    </span>
  );
}
