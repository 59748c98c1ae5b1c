import Link from '@/components/link';
import { SearchXIcon } from 'lucide-react';

import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/empty-state';

export default function TicketNotFound() {
  return (
    <>
      <h1 className="sr-only">Ticket not found</h1>
      <EmptyState
        icon={<SearchXIcon />}
        title="Ticket not found"
        description="This ticket does not exist or is not one of yours. Check the number, or look it up in your tickets."
        action={
          <Button asChild>
            <Link href="/tickets">Back to your tickets</Link>
          </Button>
        }
      />
    </>
  );
}
