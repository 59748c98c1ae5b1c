import { PageSkeleton } from '@/components/app-shell/page-skeleton';

export default function Loading() {
  return <PageSkeleton variant="form" rows={3} label="Loading the form…" />;
}
