import * as React from 'react';

import type { ServiceFigures, StaffFigures } from '@/db/queries/activity';
import { SERVICE_REPORT_DAYS } from '@/lib/service-report';
import { formatDuration } from '@/lib/waiting';

const ms = (v: number | null) => (v === null ? '—' : formatDuration(v));

/** Median first response and resolution time over the last 90 days. */
export function ServiceReport({ figures, title = 'Service report', staff }: { figures: ServiceFigures; title?: string; staff?: StaffFigures[] }) {
  return (
    <section aria-labelledby="service-report-heading" className="rounded-xl border bg-card p-4 sm:p-6">
      <h2 id="service-report-heading" className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mb-3 text-sm text-muted-foreground">Tickets opened in the last {SERVICE_REPORT_DAYS} days.</p>
      <dl className="grid gap-4 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-muted-foreground">Median first response</dt>
          <dd className="text-2xl font-semibold tabular-nums">{ms(figures.medianFirstResponseMs)}</dd>
          <dd className="text-xs text-muted-foreground">{figures.answered} of {figures.tickets} answered</dd>
        </div>
        <div>
          <dt className="text-sm text-muted-foreground">Median resolution time</dt>
          <dd className="text-2xl font-semibold tabular-nums">{ms(figures.medianResolutionMs)}</dd>
          <dd className="text-xs text-muted-foreground">{figures.resolved} resolved</dd>
        </div>
        <div>
          <dt className="text-sm text-muted-foreground">Tickets</dt>
          <dd className="text-2xl font-semibold tabular-nums">{figures.tickets}</dd>
        </div>
      </dl>
      {staff ? (
        <table className="mt-4 w-full text-sm">
          <caption className="mb-2 text-left font-medium">First responses per staff member</caption>
          <thead>
            <tr className="text-left text-muted-foreground">
              <th scope="col" className="py-1 font-normal">Staff member</th>
              <th scope="col" className="py-1 font-normal">First responses</th>
              <th scope="col" className="py-1 font-normal">Median first response</th>
            </tr>
          </thead>
          <tbody>
            {staff.length === 0 ? (
              <tr>
                <td colSpan={3} className="py-1 text-muted-foreground">No first responses yet.</td>
              </tr>
            ) : (
              staff.map((s) => (
                <tr key={s.userId} className="border-t">
                  <td className="py-1">{s.name ?? s.email}</td>
                  <td className="py-1 tabular-nums">{s.firstResponses}</td>
                  <td className="py-1 tabular-nums">{ms(s.medianFirstResponseMs)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
