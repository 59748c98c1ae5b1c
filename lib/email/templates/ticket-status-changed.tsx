import { EmailButton, EmailLayout, EmailText } from './layout';
import { ticketStatusLabel } from '@/lib/format';
import type { TicketStatus } from '@/db/schema';

// To the client when the agency changes the status of their ticket.

export type TicketStatusChangedProps = {
  ticketNumber: string;
  subject: string;
  from: TicketStatus;
  to: TicketStatus;
  /** Absolute link to the ticket. */
  url: string;
};

export function subject(p: { ticketNumber: string; to: TicketStatus }): string {
  return `[${p.ticketNumber}] Ticket ${ticketStatusLabel(p.to).toLowerCase()}`;
}

const NEXT_STEP: Record<TicketStatus, string> = {
  OPEN: 'The agency is looking at it.',
  PENDING: 'The agency is waiting for your reply.',
  RESOLVED: 'If you still need help, reply or reopen it from the portal.',
  CLOSED: 'A closed ticket takes no more replies; open a new ticket if you need more help.',
};

export default function TicketStatusChangedEmail(p: TicketStatusChangedProps) {
  const line = `Ticket ${p.ticketNumber} (“${p.subject}”) moved from ${ticketStatusLabel(p.from)} to ${ticketStatusLabel(p.to)}.`;
  return (
    <EmailLayout preview={line} heading={`Ticket ${ticketStatusLabel(p.to).toLowerCase()}`}>
      <EmailText>{line}</EmailText>
      <EmailText>{NEXT_STEP[p.to]}</EmailText>
      <EmailButton href={p.url}>View the ticket</EmailButton>
    </EmailLayout>
  );
}

export { TicketStatusChangedEmail };
