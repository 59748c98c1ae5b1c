import Link from '@/components/link';
import { SearchXIcon } from 'lucide-react';

import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/empty-state';

export default function ProjectNotFound() {
  return (
    <>
      <h1 className="sr-only">Project not found</h1>
      <EmptyState
        icon={<SearchXIcon />}
        title="Project not found"
        description="This project does not exist or is not one of yours. It may have been removed."
        action={
          <Button asChild>
            <Link href="/projects">Back to your projects</Link>
          </Button>
        }
      />
    </>
  );
}
