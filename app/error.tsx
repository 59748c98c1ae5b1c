'use client';

import { RouteError } from '@/components/app-shell/route-error';

// Errors below the root layout that no nearer boundary caught.
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main id="main" tabIndex={-1} className="px-4 py-16 outline-none">
      <title>Something went wrong · Agency Portal</title>
      <RouteError error={error} retry={retry} />
    </main>
  );
}
