import { PageSkeleton } from '@/components/app-shell/page-skeleton';

export default function Loading() {
  return <PageSkeleton variant="detail" rows={2} label="Loading the project…" />;
}
