import { EmailButton, EmailLayout, EmailText } from './layout';

// To a staff member when a ticket is assigned to them (unless they turned this mail off).

export type TicketAssignedProps = {
  ticketNumber: string;
  subject: string;
  /** Who assigned it. */
  assignedBy: string;
  /** Absolute link to the ticket in /admin. */
  url: string;
};

export function subject(p: { ticketNumber: string; subject: string }): string {
  return `[${p.ticketNumber}] Assigned to you: ${p.subject}`;
}

export default function TicketAssignedEmail(p: TicketAssignedProps) {
  const line = `${p.assignedBy} assigned ticket ${p.ticketNumber} (“${p.subject}”) to you.`;
  return (
    <EmailLayout preview={line} heading="A ticket was assigned to you">
      <EmailText>{line}</EmailText>
      <EmailButton href={p.url}>Open the ticket</EmailButton>
    </EmailLayout>
  );
}

export { TicketAssignedEmail };
