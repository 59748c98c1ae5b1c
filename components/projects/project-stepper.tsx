import * as React from 'react';
import { CheckIcon, XIcon } from 'lucide-react';

import type { ProjectStatus } from '@/db/schema';
import { cn } from '@/lib/utils';
import { formatCalendarDate, formatDate, projectStatusLabel } from '@/lib/format';
import { PROJECT_STEPS, projectStepIndex } from '@/lib/workflows';

type ProjectStepperProps = {
  status: ProjectStatus;
  /** Dates shown under the steps (detail view). */
  dates?: {
    createdAt?: Date | null;
    startDate?: Date | null;
    endDate?: Date | null;
    updatedAt?: Date | null;
  };
  /** compact: one thin bar with a text summary (lists); full: labelled steps (detail). */
  variant?: 'compact' | 'full';
  className?: string;
};

/**
 * Where a project stands in the workflow: Pending → Approved → In progress → Review → Completed.
 * A cancelled project shows the steps it reached, then "Cancelled". Shared with the admin pages.
 */
export function ProjectStepper({ status, dates, variant = 'full', className }: ProjectStepperProps) {
  const cancelled = status === 'CANCELLED';
  const current = projectStepIndex(status);
  const reached = cancelled ? -1 : current;
  const stepLabel = cancelled
    ? 'Cancelled'
    : `Step ${current + 1} of ${PROJECT_STEPS.length}: ${projectStatusLabel(status)}`;

  if (variant === 'compact') {
    return (
      <div className={cn('space-y-1', className)}>
        <div
          role="img"
          aria-label={`Progress: ${stepLabel}`}
          className="flex gap-1"
        >
          {PROJECT_STEPS.map((step, i) => (
            <span
              key={step}
              className={cn(
                'h-1.5 flex-1 rounded-full',
                cancelled ? 'bg-muted' : i <= reached ? 'bg-primary' : 'bg-muted',
              )}
            />
          ))}
        </div>
        <p className="text-xs text-muted-foreground" aria-hidden="true">
          {stepLabel}
        </p>
      </div>
    );
  }

  const dateFor = (step: ProjectStatus): string | null => {
    if (!dates) return null;
    if (step === 'PENDING' && dates.createdAt) return `Requested ${formatDate(dates.createdAt)}`;
    if (step === 'IN_PROGRESS' && dates.startDate) return `Start ${formatCalendarDate(dates.startDate)}`;
    if (step === 'COMPLETED' && dates.endDate) return `End ${formatCalendarDate(dates.endDate)}`;
    if (step === status && step !== 'PENDING' && dates.updatedAt) return `Since ${formatDate(dates.updatedAt)}`;
    return null;
  };

  return (
    <div className={cn('space-y-3', className)}>
      <p className="sr-only">Progress: {stepLabel}.</p>
      <ol className="grid gap-3 sm:grid-cols-5 sm:gap-2">
        {PROJECT_STEPS.map((step, i) => {
          const done = !cancelled && i < reached;
          const isCurrent = !cancelled && i === reached;
          const date = dateFor(step);
          return (
            <li
              key={step}
              aria-current={isCurrent ? 'step' : undefined}
              className="flex items-start gap-3 sm:flex-col sm:items-stretch sm:gap-2"
            >
              <div className="flex items-center gap-2 sm:w-full">
                <span
                  className={cn(
                    'flex size-7 shrink-0 items-center justify-center rounded-full border text-xs font-semibold',
                    done && 'border-primary bg-primary text-primary-foreground',
                    isCurrent && 'border-primary text-primary ring-4 ring-primary/15',
                    !done && !isCurrent && 'text-muted-foreground',
                  )}
                  aria-hidden="true"
                >
                  {done ? <CheckIcon className="size-4" /> : i + 1}
                </span>
                <span
                  className={cn('hidden h-0.5 flex-1 rounded-full sm:block', done ? 'bg-primary' : 'bg-muted', i === PROJECT_STEPS.length - 1 && 'sm:hidden')}
                  aria-hidden="true"
                />
              </div>
              <div className="min-w-0">
                <p className={cn('text-sm font-medium', !done && !isCurrent && 'text-muted-foreground')}>
                  {projectStatusLabel(step)}
                  <span className="sr-only">{done ? ' (done)' : isCurrent ? ' (current)' : ' (to come)'}</span>
                </p>
                {date ? <p className="text-xs text-muted-foreground">{date}</p> : null}
              </div>
            </li>
          );
        })}
      </ol>
      {cancelled ? (
        <p className="flex items-center gap-2 rounded-lg border border-dashed px-3 py-2 text-sm text-muted-foreground">
          <XIcon className="size-4" aria-hidden="true" />
          This project was cancelled{dates?.updatedAt ? ` (${formatDate(dates.updatedAt)})` : ''}.
        </p>
      ) : null}
    </div>
  );
}
