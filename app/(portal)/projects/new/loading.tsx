import { PageSkeleton } from '@/components/app-shell/page-skeleton';

export default function Loading() {
  return <PageSkeleton variant="form" rows={6} label="Loading the form…" />;
}
