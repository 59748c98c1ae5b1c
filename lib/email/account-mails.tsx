import { render } from '@react-email/render';
import type { DbOrTx } from '@/db';
import type { Role } from '@/db/schema';
import { roleLabel } from '@/lib/auth/roles';
import { appUrl } from './links';
import { queueEmail, TOKEN_LINK } from './outbox';
import * as EmailChangeConfirm from './templates/email-change-confirm';
import * as EmailChangedNotice from './templates/email-changed-notice';
import * as Invitation from './templates/invitation';
import * as PasswordChanged from './templates/password-changed';
import * as PasswordReset from './templates/password-reset';
import * as RegistrationAttempt from './templates/registration-attempt';
import * as VerifyEmail from './templates/verify-email';

// The account mails, queued inside the caller's transaction. Token links go through `link`
// (encrypted at rest); the element gets TOKEN_LINK in its place.

type Recipient = { to: string; name: string | null };

export function queueVerifyEmail(tx: DbOrTx, r: Recipient & { token: string }): Promise<string> {
  return queueEmail(tx, {
    to: r.to,
    template: 'verify-email',
    subject: VerifyEmail.subject(),
    element: <VerifyEmail.VerifyEmail name={r.name} url={TOKEN_LINK} />,
    link: appUrl('/verify-email', { token: r.token }),
  });
}

export function queuePasswordReset(tx: DbOrTx, r: Recipient & { token: string }): Promise<string> {
  return queueEmail(tx, {
    to: r.to,
    template: 'password-reset',
    subject: PasswordReset.subject(),
    element: <PasswordReset.PasswordReset name={r.name} url={TOKEN_LINK} />,
    link: appUrl('/reset-password', { token: r.token }),
  });
}

export function queuePasswordChanged(tx: DbOrTx, r: Recipient): Promise<string> {
  return queueEmail(tx, {
    to: r.to,
    template: 'password-changed',
    subject: PasswordChanged.subject(),
    element: <PasswordChanged.PasswordChanged name={r.name} resetUrl={appUrl('/forgot-password')} />,
  });
}

export function queueInvitation(
  tx: DbOrTx,
  r: Recipient & { token: string; role: Role; inviterName: string | null },
): Promise<string> {
  return queueEmail(tx, {
    to: r.to,
    template: 'invitation',
    subject: Invitation.subject(),
    element: <Invitation.Invitation name={r.name} inviterName={r.inviterName} roleLabel={roleLabel(r.role)} url={TOKEN_LINK} />,
    link: appUrl('/accept-invite', { token: r.token }),
  });
}

export function queueEmailChangeConfirm(tx: DbOrTx, r: Recipient & { token: string }): Promise<string> {
  return queueEmail(tx, {
    to: r.to,
    template: 'email-change-confirm',
    subject: EmailChangeConfirm.subject(),
    element: <EmailChangeConfirm.EmailChangeConfirm name={r.name} newEmail={r.to} url={TOKEN_LINK} />,
    link: appUrl('/verify-email', { token: r.token }),
  });
}

export function queueEmailChangedNotice(tx: DbOrTx, r: Recipient & { newEmail: string }): Promise<string> {
  return queueEmail(tx, {
    to: r.to,
    template: 'email-changed-notice',
    subject: EmailChangedNotice.subject(),
    element: <EmailChangedNotice.EmailChangedNotice name={r.name} newEmail={r.newEmail} />,
  });
}

export function queueRegistrationAttempt(tx: DbOrTx, r: Recipient): Promise<string> {
  return queueEmail(tx, {
    to: r.to,
    template: 'registration-attempt',
    subject: RegistrationAttempt.subject(),
    element: (
      <RegistrationAttempt.RegistrationAttempt name={r.name} loginUrl={appUrl('/login')} resetUrl={appUrl('/forgot-password')} />
    ),
  });
}

/**
 * Renders a reset mail and throws it away: the forgot-password path for an unknown address
 * spends about the time the real path spends rendering (decision 005).
 */
export async function renderResetForTiming(): Promise<void> {
  const element = <PasswordReset.PasswordReset name={null} url={TOKEN_LINK} />;
  await render(element);
  await render(element, { plainText: true });
}
