import { EmailButton, EmailLayout, EmailText } from './layout';

export type PasswordResetProps = { name: string | null; url: string };

export const subject = () => 'Reset your password';

export function PasswordReset({ name, url }: PasswordResetProps) {
  return (
    <EmailLayout preview="A link to choose a new password, valid for one hour." heading="Reset your password">
      <EmailText>{name ? `Hello ${name},` : 'Hello,'}</EmailText>
      <EmailText>Someone asked to reset the password of your account. The link works once and expires in 1 hour; any earlier reset link no longer works.</EmailText>
      <EmailButton href={url}>Choose a new password</EmailButton>
      <EmailText>Or open this link: {url}</EmailText>
      <EmailText>If you did not ask for this, ignore this email: your password stays as it is.</EmailText>
    </EmailLayout>
  );
}

export default PasswordReset;
