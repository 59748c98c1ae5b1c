import * as React from 'react';

import type { Role } from '@/db/schema';
import { ROLE_LABELS } from '@/lib/format';
import { cn } from '@/lib/utils';
import { Badge } from '@/components/ui/badge';

const tone = {
  good: 'border-emerald-200 bg-emerald-50 text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
  warn: 'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200',
  off: 'border-zinc-200 bg-zinc-100 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-200',
  staff: 'border-indigo-200 bg-indigo-50 text-indigo-800 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-200',
};

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
        <Badge variant="outline" className={tone.staff}>
          {ROLE_LABELS[role]}
        </Badge>
      ) : null}
      <Badge variant="outline" className={active ? tone.good : tone.off}>
        {active ? 'Active' : 'Deactivated'}
      </Badge>
      {invitePending ? (
        <Badge variant="outline" className={tone.warn}>
          Invited
        </Badge>
      ) : !emailVerified ? (
        <Badge variant="outline" className={tone.warn}>
          Unverified
        </Badge>
      ) : null}
    </span>
  );
}
