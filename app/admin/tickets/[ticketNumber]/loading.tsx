import { PageSkeleton } from '@/components/app-shell/page-skeleton';

export default function Loading() {
  return <PageSkeleton variant="detail" rows={4} label="Loading the ticket…" />;
}
