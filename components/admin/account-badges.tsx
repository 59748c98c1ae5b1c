import * as React from 'react';

import type { Role } from '@/db/schema';
import { ROLE_LABELS } from '@/lib/format';
import { Tag } from '@/components/ui/tag';
import { cn } from '@/lib/utils';

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
      {role && role !== 'CLIENT' ? <Tag tone="indigo">{ROLE_LABELS[role]}</Tag> : null}
      <Tag tone={active ? 'emerald' : 'zinc'}>{active ? 'Active' : 'Deactivated'}</Tag>
      {invitePending ? <Tag tone="amber">Invited</Tag> : !emailVerified ? <Tag tone="amber">Unverified</Tag> : null}
    </span>
  );
}
