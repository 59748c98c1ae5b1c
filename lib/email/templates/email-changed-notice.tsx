import { EmailLayout, EmailText } from './layout';

export type EmailChangedNoticeProps = { name: string | null; newEmail: string };

export const subject = () => 'Your email address was changed';

export function EmailChangedNotice({ name, newEmail }: EmailChangedNoticeProps) {
  return (
    <EmailLayout preview="Your portal account now uses a new email address." heading="Your email address was changed">
      <EmailText>{name ? `Hello ${name},` : 'Hello,'}</EmailText>
      <EmailText>Your account now signs in with {newEmail}. Mail about your account goes there from now on.</EmailText>
      <EmailText>If you did not make this change, contact us straight away.</EmailText>
    </EmailLayout>
  );
}

export default EmailChangedNotice;
