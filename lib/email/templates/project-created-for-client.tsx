import { EmailButton, EmailLayout, EmailText } from './layout';
import { formatCalendarDate, formatMoney, projectStatusLabel, projectTypeLabel } from '@/lib/format';
import type { ProjectStatus, ProjectType } from '@/db/schema';

// To the client when the agency creates a project for them from /admin/clients/[id].

export type ProjectCreatedForClientProps = {
  clientName: string;
  title: string;
  type: ProjectType;
  status: ProjectStatus;
  budget: number | null;
  startDate: Date | null;
  endDate: Date | null;
  /** Absolute link to the project in the client portal (/projects/…). */
  url: string;
};

export function subject(p: { title: string }): string {
  return `New project: ${p.title}`;
}

export default function ProjectCreatedForClientEmail(p: ProjectCreatedForClientProps) {
  const line = `The agency added a ${projectTypeLabel(p.type).toLowerCase()} project for you: “${p.title}”. Its status is ${projectStatusLabel(p.status).toLowerCase()}.`;
  return (
    <EmailLayout preview={line} heading="A new project for you">
      <EmailText>Hello {p.clientName},</EmailText>
      <EmailText>{line}</EmailText>
      <EmailText>
        Budget: {formatMoney(p.budget, 'not set')} · Start: {formatCalendarDate(p.startDate, 'not set')} · End:{' '}
        {formatCalendarDate(p.endDate, 'not set')}
      </EmailText>
      <EmailButton href={p.url}>View the project</EmailButton>
    </EmailLayout>
  );
}

export { ProjectCreatedForClientEmail };
