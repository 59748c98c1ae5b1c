'use client';

import * as React from 'react';
import { toast } from '@/components/ui/toast';

import { Button } from '@/components/ui/button';
import { markAllNotificationsReadAction } from '@/app/(portal)/notifications/actions';

export function MarkAllReadButton() {
  const [pending, startTransition] = React.useTransition();
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const r = await markAllNotificationsReadAction();
          if (r.ok) toast.success(r.message ?? 'Done');
          else toast.error(r.error);
        })
      }
    >
      {pending ? 'Saving…' : 'Mark all read'}
    </Button>
  );
}
