'use client';

import { inviteStaffAction } from '@/app/admin/users/actions';
import { NativeSelect } from '@/components/app-shell/native-select';
import { TextField } from '@/components/auth/form-parts';
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from '@/components/ui/form';
import { ROLE_LABELS } from '@/lib/format';
import { inviteStaffSchema, STAFF_ROLE_VALUES } from '@/lib/validation/admin';
import { InviteDialog } from './invite-dialog';

/** "Invite staff": an ADMIN or SUPER_ADMIN account with a 7-day link to choose a password. */
export function InviteStaffDialog() {
  return (
    <InviteDialog
      triggerLabel="Invite staff"
      title="Invite a staff member"
      schema={inviteStaffSchema}
      defaultValues={{ email: '', name: '', role: 'ADMIN' }}
      action={inviteStaffAction}
    >
      {(form) => (
        <>
          <TextField form={form} name="email" label="Email" type="email" autoComplete="off" />
          <TextField form={form} name="name" label="Name" autoComplete="off" />
          <FormField
            control={form.control}
            name="role"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Role</FormLabel>
                <FormControl>
                  <NativeSelect {...field}>
                    {STAFF_ROLE_VALUES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </NativeSelect>
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
        </>
      )}
    </InviteDialog>
  );
}
