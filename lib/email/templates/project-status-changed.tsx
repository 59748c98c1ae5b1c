import { EmailButton, EmailLayout, EmailText } from './layout';
import { PROJECT_STATUS_DESCRIPTIONS, projectStatusLabel } from '@/lib/format';
import type { ProjectStatus } from '@/db/schema';

// To the client whenever the agency moves one of their projects to another status
// (queued in the same transaction as the change: db/queries/admin-projects.ts).

export type ProjectStatusChangedProps = {
  clientName: string;
  title: string;
  from: ProjectStatus;
  to: ProjectStatus;
  /** Absolute link to the project in the client portal (/projects/…). */
  url: string;
};

export function subject(p: { title: string; to: ProjectStatus }): string {
  return `Your project “${p.title}” is now ${projectStatusLabel(p.to).toLowerCase()}`;
}

export default function ProjectStatusChangedEmail(p: ProjectStatusChangedProps) {
  const line = `“${p.title}” moved from ${projectStatusLabel(p.from)} to ${projectStatusLabel(p.to)}.`;
  return (
    <EmailLayout preview={line} heading={`Project ${projectStatusLabel(p.to).toLowerCase()}`}>
      <EmailText>Hello {p.clientName},</EmailText>
      <EmailText>{line}</EmailText>
      <EmailText>{PROJECT_STATUS_DESCRIPTIONS[p.to]}.</EmailText>
      <EmailButton href={p.url}>View the project</EmailButton>
    </EmailLayout>
  );
}

export { ProjectStatusChangedEmail };
