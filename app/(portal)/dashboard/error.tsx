'use client';

import { RouteError } from '@/components/app-shell/route-error';

export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} what="your dashboard" home={{ href: '/tickets', label: 'Go to your tickets' }} />;
}
