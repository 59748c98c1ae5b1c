import { EmailButton, EmailLayout, EmailText } from './layout';

export type VerifyEmailProps = { name: string | null; url: string };

export const subject = () => 'Verify your email address';

export function VerifyEmail({ name, url }: VerifyEmailProps) {
  return (
    <EmailLayout preview="Confirm your address to start using the portal." heading="Verify your email address">
      <EmailText>{name ? `Hello ${name},` : 'Hello,'}</EmailText>
      <EmailText>Thanks for registering. Please confirm that this is your email address. The link works once and expires in 24 hours.</EmailText>
      <EmailButton href={url}>Verify email</EmailButton>
      <EmailText>Or open this link: {url}</EmailText>
      <EmailText>If you did not create an account, you can ignore this email.</EmailText>
    </EmailLayout>
  );
}

export default VerifyEmail;
