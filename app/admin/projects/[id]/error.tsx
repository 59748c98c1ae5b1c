'use client';

import { RouteError } from '@/components/app-shell/route-error';

export default function ErrorBoundary({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} what="this project" home={{ href: '/admin/projects', label: 'Back to projects' }} />;
}
