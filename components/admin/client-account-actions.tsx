'use client';

import {
  resendInvitationAction,
  resendVerificationAction,
  setClientActiveAction,
} from '@/app/admin/clients/[id]/actions';
import { ActionButton } from './confirm-button';

/** Deactivate / reactivate, resend the invitation or the verification mail. */
export function ClientAccountActions({
  client,
}: {
  client: { id: string; email: string; active: boolean; emailVerified: boolean; invitePending: boolean };
}) {
  return (
    <div className="flex flex-wrap gap-2">
      {client.invitePending && (
        <ActionButton
          variant="outline"
          action={() => resendInvitationAction({ userId: client.id })}
          pendingText="Sending…"
        >
          Resend invitation
        </ActionButton>
      )}
      {!client.invitePending && !client.emailVerified && (
        <ActionButton
          variant="outline"
          action={() => resendVerificationAction({ userId: client.id })}
          pendingText="Sending…"
        >
          Resend verification email
        </ActionButton>
      )}
      {client.active ? (
        <ActionButton
          variant="destructive"
          action={() => setClientActiveAction({ userId: client.id, active: false })}
          pendingText="Deactivating…"
          confirm={{
            title: 'Deactivate this client?',
            description: `${client.email} is signed out everywhere at once and cannot sign in until reactivated. Their projects and tickets stay.`,
            action: 'Deactivate',
            destructive: true,
          }}
        >
          Deactivate
        </ActionButton>
      ) : (
        <ActionButton
          variant="outline"
          action={() => setClientActiveAction({ userId: client.id, active: true })}
          pendingText="Reactivating…"
        >
          Reactivate
        </ActionButton>
      )}
    </div>
  );
}
