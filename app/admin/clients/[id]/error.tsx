'use client';

import { RouteError } from '@/components/app-shell/route-error';

export default function ErrorBoundary({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} what="this client" home={{ href: '/admin/clients', label: 'Back to clients' }} />;
}
