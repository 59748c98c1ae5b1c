import type { Role } from '@/db/schema';
import { inviteAccount, resendInvitationFor, resendVerificationFor } from '@/db/queries/accounts';
import type { Viewer } from './claims';

// Invitations for the staff screens. The actor must be staff (else NotFoundError); only a
// SUPER_ADMIN invites staff roles. A taken address is a UserError on the `email` field.

export type InviteInput = { email: string; role: Role; name?: string; company?: string };

/** Creates the passwordless account (unverified) and mails a 7-day /accept-invite link. */
export function inviteUser(actor: Viewer, input: InviteInput): Promise<{ userId: string }> {
  return inviteAccount(actor, input);
}

/** A fresh 7-day link for an invitation not accepted yet; older links stop working. */
export function resendInvitation(actor: Viewer, userId: string): Promise<void> {
  return resendInvitationFor(actor, userId);
}

/** A fresh 24-hour verification link for a registered, unverified account. */
export function resendVerification(actor: Viewer, userId: string): Promise<void> {
  return resendVerificationFor(actor, userId);
}
