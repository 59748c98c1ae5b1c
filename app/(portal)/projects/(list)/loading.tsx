import { PageSkeleton } from '@/components/app-shell/page-skeleton';

export default function Loading() {
  return <PageSkeleton variant="cards" rows={6} label="Loading your projects…" />;
}
