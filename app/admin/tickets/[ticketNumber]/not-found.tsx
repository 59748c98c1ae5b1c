import Link from '@/components/link';

import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/empty-state';

export default function TicketNotFound() {
  return (
    <>
      <PageHeader title="Ticket not found" />
      <EmptyState
      title="Nothing here"
      description="No ticket has this number. Check the number, or find it in the queue."
      action={
        <Button asChild>
          <Link href="/admin/tickets">Back to the queue</Link>
        </Button>
      }
      />
    </>
  );
}
