import { EmailButton, EmailLayout, EmailText } from './layout';
import { formatCalendarDate, formatMoney, projectTypeLabel } from '@/lib/format';
import type { ProjectType } from '@/db/schema';

// To staff (every active ADMIN and SUPER_ADMIN, or AGENCY_NOTIFY_EMAIL): a client asked for a project.

export type ProjectRequestedProps = {
  clientName: string;
  clientEmail: string;
  company: string | null;
  title: string;
  type: ProjectType;
  budget: number | null;
  startDate: Date | null;
  endDate: Date | null;
  description: string;
  /** Absolute link to the project in /admin. */
  url: string;
};

export function subject(p: { title: string; clientName: string }): string {
  return `New project request: ${p.title} (${p.clientName})`;
}

export default function ProjectRequestedEmail(p: ProjectRequestedProps) {
  const who = p.company ? `${p.clientName} (${p.company})` : p.clientName;
  return (
    <EmailLayout preview={`${who} requested “${p.title}”`} heading="New project request">
      <EmailText>
        {who}, {p.clientEmail}, requested a new {projectTypeLabel(p.type).toLowerCase()} project: “{p.title}”.
      </EmailText>
      <EmailText>
        Budget: {formatMoney(p.budget, 'not given')} · Desired start: {formatCalendarDate(p.startDate, 'not given')} ·
        Desired end: {formatCalendarDate(p.endDate, 'not given')}
      </EmailText>
      <EmailText>{excerpt(p.description)}</EmailText>
      <EmailButton href={p.url}>Review the request</EmailButton>
    </EmailLayout>
  );
}

export { ProjectRequestedEmail };

function excerpt(text: string, max = 600): string {
  return text.length > max ? `${text.slice(0, max).trimEnd()}…` : text;
}
