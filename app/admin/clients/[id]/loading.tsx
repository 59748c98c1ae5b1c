import { PageSkeleton } from '@/components/app-shell/page-skeleton';

export default function Loading() {
  return <PageSkeleton variant="detail" rows={3} label="Loading the client…" />;
}
