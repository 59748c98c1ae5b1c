'use client';

import { useState } from 'react';
import { FolderPlusIcon } from 'lucide-react';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { ProjectForm } from './project-form';

/** "New project" on a client's page: created APPROVED (the agency decided it), client mailed. */
export function NewProjectDialog({ clientId, clientLabel }: { clientId: string; clientLabel: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <FolderPlusIcon aria-hidden="true" />
          New project
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>New project for {clientLabel}</DialogTitle>
          <DialogDescription>
            It starts as Approved — the agency is creating it, so there is no request to approve — and the
            client is told by email.
          </DialogDescription>
        </DialogHeader>
        <ProjectForm mode="create" clientId={clientId} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}
