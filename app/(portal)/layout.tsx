import * as React from 'react';

import { requireUser } from '@/lib/auth/session';
import { homeFor } from '@/lib/auth/roles';
import { AppShell } from '@/components/app-shell/app-shell';
import { navFor } from '@/components/app-shell/nav-items';

// The signed-in frame for /dashboard, /projects, /tickets and /settings. No role filter here:
// /settings is for every role (staff reach it from the admin nav). Each client page checks
// requireUser(['CLIENT']) itself, and so does each action.
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireUser();
  return (
    <AppShell
      nav={navFor(viewer.role)}
      homeHref={homeFor(viewer.role)}
      user={{ name: viewer.name, email: viewer.email, role: viewer.role }}
    >
      {children}
    </AppShell>
  );
}
