'use client';

import { RouteError } from '@/components/app-shell/route-error';

export default function TicketsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} what="your tickets" home={{ href: '/dashboard', label: 'Go to your dashboard' }} />;
}
