'use client';

import { RouteError } from '@/components/app-shell/route-error';

export default function ErrorBoundary({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} what="the ticket queue" home={{ href: '/admin', label: 'Back to the dashboard' }} />;
}
