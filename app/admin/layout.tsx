import * as React from 'react';
import type { Metadata } from 'next';

import { requireUser } from '@/lib/auth/session';
import { AppShell } from '@/components/app-shell/app-shell';
import { adminNav } from '@/components/app-shell/nav-items';

export const metadata: Metadata = {
  title: { template: '%s · Admin · Agency Portal', default: 'Admin · Agency Portal' },
};

// The staff area's frame: ADMIN and SUPER_ADMIN only (a CLIENT is sent to /dashboard). Each
// page and each server action checks the role again: a layout does not guard actions.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireUser(['ADMIN', 'SUPER_ADMIN']);
  return (
    <AppShell
      nav={adminNav(viewer.role)}
      homeHref="/admin"
      user={{ name: viewer.name, email: viewer.email, role: viewer.role }}
    >
      {children}
    </AppShell>
  );
}
