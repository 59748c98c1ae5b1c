import { EmailButton, EmailLayout, EmailText } from './layout';

// A new comment on a ticket. To staff when the client replies; to the client when staff reply.

export type TicketReplyProps = {
  audience: 'agency' | 'client';
  ticketNumber: string;
  subject: string;
  /** The author's name; to a client an agency reply is signed "the agency" when no name is set. */
  authorName: string;
  content: string;
  /** Absolute link to the ticket. */
  url: string;
};

export function subject(p: { ticketNumber: string; subject: string }): string {
  return `[${p.ticketNumber}] New reply: ${p.subject}`;
}

export default function TicketReplyEmail(p: TicketReplyProps) {
  const intro =
    p.audience === 'client'
      ? `${p.authorName} from the agency replied to your ticket ${p.ticketNumber}.`
      : `${p.authorName} replied to ticket ${p.ticketNumber}.`;
  return (
    <EmailLayout preview={intro} heading={`New reply on ${p.ticketNumber}`}>
      <EmailText>{intro}</EmailText>
      <EmailText>“{excerpt(p.content)}”</EmailText>
      <EmailButton href={p.url}>{p.audience === 'client' ? 'Read and reply' : 'Open the ticket'}</EmailButton>
    </EmailLayout>
  );
}

export { TicketReplyEmail };

function excerpt(text: string, max = 1000): string {
  return text.length > max ? `${text.slice(0, max).trimEnd()}…` : text;
}
