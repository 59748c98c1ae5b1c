import Link from '@/components/link';

import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/empty-state';

export default function ProjectNotFound() {
  return (
    <>
      <PageHeader title="Project not found" />
      <EmptyState
      title="Nothing here"
      description="This project does not exist any more."
      action={
        <Button asChild>
          <Link href="/admin/projects">Back to projects</Link>
        </Button>
      }
      />
    </>
  );
}
