import { EmailButton, EmailLayout, EmailText } from './layout';

// A new support ticket. To staff when a client opens one; to the client when staff open one for them.

export type TicketCreatedProps = {
  /** Who receives it: staff read about the client, a client reads about their own ticket. */
  audience: 'agency' | 'client';
  ticketNumber: string;
  subject: string;
  description: string;
  /** The client's name (audience agency) or the agency member's name (audience client). */
  authorName: string;
  company?: string | null;
  /** Absolute link to the ticket (/admin/tickets/… or /tickets/…). */
  url: string;
};

export function subject(p: { ticketNumber: string; subject: string }): string {
  return `[${p.ticketNumber}] New ticket: ${p.subject}`;
}

export default function TicketCreatedEmail(p: TicketCreatedProps) {
  const who = p.company ? `${p.authorName} (${p.company})` : p.authorName;
  const intro =
    p.audience === 'agency'
      ? `${who} opened ticket ${p.ticketNumber}: “${p.subject}”.`
      : `${who} from the agency opened ticket ${p.ticketNumber} for you: “${p.subject}”.`;
  return (
    <EmailLayout preview={intro} heading={`New ticket ${p.ticketNumber}`}>
      <EmailText>{intro}</EmailText>
      <EmailText>{excerpt(p.description)}</EmailText>
      <EmailButton href={p.url}>Open the ticket</EmailButton>
    </EmailLayout>
  );
}

export { TicketCreatedEmail };

function excerpt(text: string, max = 600): string {
  return text.length > max ? `${text.slice(0, max).trimEnd()}…` : text;
}
