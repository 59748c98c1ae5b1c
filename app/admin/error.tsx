'use client';

import { RouteError } from '@/components/app-shell/route-error';

export default function AdminError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} what="this admin page" home={{ href: '/admin', label: 'Back to the dashboard' }} />;
}
