'use client';

import { useId, useState, useTransition } from 'react';
import type { Role } from '@/db/schema';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import {
  changeRoleAction,
  deleteUserAction,
  deletionPreviewAction,
  setUserActiveAction,
} from '@/app/admin/users/actions';
import type { DeletionPreview } from '@/db/queries/staff';
import { plural, ROLE_LABELS } from '@/lib/format';
import { ROLES } from '@/lib/validation/admin';
import { ActionButton } from './confirm-button';
import { applyResult } from './form-result';
import { NativeSelect } from '@/components/app-shell/native-select';

type Target = { id: string; email: string; name: string | null; role: Role; active: boolean };

/** Change role, deactivate / reactivate, delete — for one account on /admin/users. */
export function UserRowActions({ user, isSelf }: { user: Target; isSelf: boolean }) {
  // Your own row keeps its controls: the server refuses them with the reason (nobody changes
  // their own role, deactivates or deletes themselves), which says more than hidden buttons.
  return (
    <div className="flex flex-wrap items-end gap-2">
      {isSelf ? (
        <p className="w-full text-xs text-muted-foreground">Your own account: another super admin must change it.</p>
      ) : null}
      <RoleForm user={user} />
      {user.active ? (
        <ActionButton
          size="sm"
          variant="outline"
          action={() => setUserActiveAction({ userId: user.id, active: false })}
          pendingText="Deactivating…"
          confirm={{
            title: `Deactivate ${user.email}?`,
            description: 'They are signed out at once and cannot sign in until reactivated.',
            action: 'Deactivate',
            destructive: true,
          }}
        >
          Deactivate
        </ActionButton>
      ) : (
        <ActionButton
          size="sm"
          variant="outline"
          action={() => setUserActiveAction({ userId: user.id, active: true })}
          pendingText="Reactivating…"
        >
          Reactivate
        </ActionButton>
      )}
      <DeleteUserDialog user={user} />
    </div>
  );
}

function RoleForm({ user }: { user: Target }) {
  const id = useId();
  const [role, setRole] = useState<Role>(user.role);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="flex items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await changeRoleAction({ userId: user.id, role });
          if (!applyResult(null, result)) setRole(user.role);
        });
      }}
    >
      <div className="grid gap-1">
        <Label htmlFor={id} className="text-xs">
          Role
        </Label>
        <NativeSelect
          id={id}
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          className="w-36"
          aria-label={`Role of ${user.email}`}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" size="sm" variant="secondary" disabled={pending || role === user.role}>
        {pending ? 'Saving…' : 'Change role'}
      </Button>
    </form>
  );
}

function DeleteUserDialog({ user }: { user: Target }) {
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<DeletionPreview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onOpenChange(next: boolean) {
    setOpen(next);
    setTyped('');
    setFieldError(null);
    if (next) {
      setPreview(null);
      setLoadError(null);
      startTransition(async () => {
        const result = await deletionPreviewAction({ userId: user.id });
        if (result.ok && result.data) setPreview(result.data);
        else setLoadError(result.ok ? 'Could not load the account.' : result.error);
      });
    }
  }

  const matches = typed.trim().toLowerCase() === user.email;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button type="button" size="sm" variant="destructive">
          Delete
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Delete {user.email} permanently?</DialogTitle>
          <DialogDescription>
            This cannot be undone. Everything below is deleted with the account.
          </DialogDescription>
        </DialogHeader>
        {loadError && (
          <p role="alert" className="text-sm text-destructive">
            {loadError}
          </p>
        )}
        {!preview && !loadError && <p className="text-sm text-muted-foreground">Counting what goes with them…</p>}
        {preview && (
          <ul className="grid gap-1 text-sm" aria-label="What is deleted">
            <li>{plural(preview.impact.projects, 'project')}</li>
            <li>{plural(preview.impact.tickets, 'ticket')}</li>
            <li>{plural(preview.impact.comments, 'comment')} (theirs, and every comment on their tickets)</li>
            <li>{plural(preview.impact.tokens, 'sign-in token')} (invitations, verification and reset links)</li>
            <li>{plural(preview.impact.mails, 'email')} in the outbox</li>
            {preview.impact.unlinkedTickets > 0 && (
              <li>{plural(preview.impact.unlinkedTickets, 'ticket')} of other clients lose their project link</li>
            )}
          </ul>
        )}
        <form
          className="grid gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!matches) {
              setFieldError(`Type ${user.email} to confirm`);
              return;
            }
            startTransition(async () => {
              const result = await deleteUserAction({ userId: user.id, confirmEmail: typed });
              if (applyResult(null, result)) setOpen(false);
              else if (!result.ok) setFieldError(result.fieldErrors?.confirmEmail?.[0] ?? result.error);
            });
          }}
        >
          <Label htmlFor={inputId}>Type {user.email} to confirm</Label>
          <Input
            id={inputId}
            autoComplete="off"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            aria-invalid={!!fieldError}
            aria-describedby={fieldError ? `${inputId}-error` : undefined}
          />
          {fieldError && (
            <p id={`${inputId}-error`} role="alert" className="text-sm text-destructive">
              {fieldError}
            </p>
          )}
          <DialogFooter>
            <Button type="submit" variant="destructive" disabled={pending || !matches || !preview}>
              {pending && preview ? 'Deleting…' : 'Delete permanently'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
