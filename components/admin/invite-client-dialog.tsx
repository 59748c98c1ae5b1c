'use client';

import { inviteClientAction } from '@/app/admin/clients/actions';
import { TextField } from '@/components/auth/form-parts';
import { inviteClientSchema } from '@/lib/validation/admin';
import { InviteDialog } from './invite-dialog';

/** "New client": invites a client by email (a passwordless account and a 7-day link). */
export function InviteClientDialog() {
  return (
    <InviteDialog
      triggerLabel="New client"
      title="Invite a client"
      schema={inviteClientSchema}
      defaultValues={{ email: '', name: '', company: '' }}
      action={inviteClientAction}
    >
      {(form) => (
        <>
          <TextField form={form} name="email" label="Email" type="email" autoComplete="off" />
          <TextField form={form} name="name" label="Name" autoComplete="off" />
          <TextField form={form} name="company" label="Company" autoComplete="off" />
        </>
      )}
    </InviteDialog>
  );
}
