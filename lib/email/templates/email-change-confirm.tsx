import { EmailButton, EmailLayout, EmailText } from './layout';

export type EmailChangeConfirmProps = { name: string | null; newEmail: string; url: string };

export const subject = () => 'Confirm your new email address';

export function EmailChangeConfirm({ name, newEmail, url }: EmailChangeConfirmProps) {
  return (
    <EmailLayout preview="Confirm the new address for your portal account." heading="Confirm your new email address">
      <EmailText>{name ? `Hello ${name},` : 'Hello,'}</EmailText>
      <EmailText>
        You asked to use {newEmail} for your account. Your address changes once you confirm it. The link works once and
        expires in 24 hours.
      </EmailText>
      <EmailButton href={url}>Confirm new email</EmailButton>
      <EmailText>Or open this link: {url}</EmailText>
      <EmailText>If you did not ask for this, ignore this email.</EmailText>
    </EmailLayout>
  );
}

export default EmailChangeConfirm;
