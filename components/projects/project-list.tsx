import * as React from 'react';
import Link from '@/components/link';

import type { ProjectListItem } from '@/db/queries/projects';
import { formatCalendarDate, formatDate, formatMoney, plural } from '@/lib/format';
import { ProjectStatusBadge } from './project-status-badge';
import { ProjectStepper } from './project-stepper';
import { ProjectTypeLabel } from './project-type-label';

type ProjectListProps = {
  projects: ProjectListItem[];
  /** Link base: /projects (client) or /admin/projects (staff). */
  basePath?: string;
  /** Show the client's name on each card (staff). */
  showClient?: boolean;
};

/** Project cards: title, status, type, dates, budget and a compact workflow stepper. */
export function ProjectList({ projects, basePath = '/projects', showClient = false }: ProjectListProps) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label="Projects">
      {projects.map((p) => (
        <li key={p.id} data-project={p.id} className="flex flex-col gap-3 rounded-xl border bg-card p-4 shadow-xs">
          <div className="flex items-start justify-between gap-2">
            <h2 className="min-w-0 text-base leading-snug font-semibold break-words">
              <Link href={`${basePath}/${p.id}`} className="underline-offset-4 hover:underline">
                {p.title}
              </Link>
            </h2>
            <ProjectStatusBadge status={p.status} />
          </div>
          {showClient ? (
            <p className="text-sm text-muted-foreground">
              {p.clientName ?? p.clientEmail}
              {p.clientCompany ? ` · ${p.clientCompany}` : ''}
            </p>
          ) : null}
          <ProjectTypeLabel type={p.type} />
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
            <dt className="text-muted-foreground">Budget</dt>
            <dd className="text-right tabular-nums">{formatMoney(p.budget, 'Not set')}</dd>
            <dt className="text-muted-foreground">Dates</dt>
            <dd className="text-right">
              {p.startDate || p.endDate
                ? `${formatCalendarDate(p.startDate, '…')} – ${formatCalendarDate(p.endDate, '…')}`
                : 'Not set'}
            </dd>
            <dt className="text-muted-foreground">Requested</dt>
            <dd className="text-right">{formatDate(p.createdAt)}</dd>
          </dl>
          <ProjectStepper status={p.status} variant="compact" className="mt-auto" />
          {p.openTicketCount > 0 ? (
            <p className="text-xs text-muted-foreground">{plural(p.openTicketCount, 'open ticket')}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
