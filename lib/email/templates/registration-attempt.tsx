import { EmailButton, EmailLayout, EmailText } from './layout';

export type RegistrationAttemptProps = { name: string | null; loginUrl: string; resetUrl: string };

export const subject = () => 'Someone tried to register with your address';

export function RegistrationAttempt({ name, loginUrl, resetUrl }: RegistrationAttemptProps) {
  return (
    <EmailLayout preview="You already have an account with this address." heading="Someone tried to register with your address">
      <EmailText>{name ? `Hello ${name},` : 'Hello,'}</EmailText>
      <EmailText>
        Someone — perhaps you — tried to create a new account with this email address, which already has one. No new
        account was created.
      </EmailText>
      <EmailButton href={loginUrl}>Sign in</EmailButton>
      <EmailText>Forgotten your password? Reset it here: {resetUrl}</EmailText>
      <EmailText>If this was not you, you can ignore this email.</EmailText>
    </EmailLayout>
  );
}

export default RegistrationAttempt;
