import { EmailButton, EmailLayout, EmailText } from './layout';

export type InvitationProps = { name: string | null; inviterName: string | null; roleLabel: string; url: string };

export const subject = () => "You're invited to Agency Portal";

export function Invitation({ name, inviterName, roleLabel, url }: InvitationProps) {
  return (
    <EmailLayout preview="Set your password to open your account." heading="You're invited to Agency Portal">
      <EmailText>{name ? `Hello ${name},` : 'Hello,'}</EmailText>
      <EmailText>
        {inviterName ? `${inviterName} has` : 'We have'} created a {roleLabel.toLowerCase()} account for you. Choose your
        password to finish setting it up. The link works once and expires in 7 days.
      </EmailText>
      <EmailButton href={url}>Accept invitation</EmailButton>
      <EmailText>Or open this link: {url}</EmailText>
    </EmailLayout>
  );
}

export default Invitation;
