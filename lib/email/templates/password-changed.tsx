import { EmailButton, EmailLayout, EmailText } from './layout';

export type PasswordChangedProps = { name: string | null; resetUrl: string };

export const subject = () => 'Your password was changed';

export function PasswordChanged({ name, resetUrl }: PasswordChangedProps) {
  return (
    <EmailLayout preview="Your portal password was just changed." heading="Your password was changed">
      <EmailText>{name ? `Hello ${name},` : 'Hello,'}</EmailText>
      <EmailText>The password of your account was changed, and every other signed-in session has been signed out.</EmailText>
      <EmailText>If this was not you, reset your password now and tell us.</EmailText>
      <EmailButton href={resetUrl}>Reset password</EmailButton>
    </EmailLayout>
  );
}

export default PasswordChanged;
