import Link from '@/components/link';

import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/empty-state';

export default function ClientNotFound() {
  return (
    <>
      <PageHeader title="Client not found" />
      <EmptyState
      title="Nothing here"
      description="This client does not exist any more, or the account is not a client account."
      action={
        <Button asChild>
          <Link href="/admin/clients">Back to clients</Link>
        </Button>
      }
      />
    </>
  );
}
