import type { Metadata } from 'next';
import Link from '@/components/link';
import { ClockIcon, FolderKanbanIcon, InboxIcon, MessageSquareReplyIcon } from 'lucide-react';

import { requireUser } from '@/lib/auth/session';
import { serviceReport, staffServiceReport } from '@/db/queries/activity';
import { ServiceReport } from '@/components/collab/service-report';
import { DASHBOARD_CACHE_SECONDS, DASHBOARD_DAYS, formatDuration, getDashboardStats } from '@/db/queries/stats';
import { PROJECT_STATUS_LABELS, TICKET_STATUS_LABELS, formatDateTime, formatTime, plural } from '@/lib/format';
import { PROJECT_STATUSES, TICKET_STATUSES } from '@/lib/workflows';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/empty-state';
import { RelativeTime } from '@/components/tickets/relative-time';
import { DailyTicketsChart, StatusBarChart, type StatusDatum } from '@/components/admin/dashboard-charts';
import { FigureLinks, StatCard } from '@/components/admin/stat-card';
import { rethrowOutage } from '@/lib/outage';

export const metadata: Metadata = { title: 'Admin dashboard' };

export default async function AdminDashboardPage() {
  const viewer = await requireUser(['ADMIN', 'SUPER_ADMIN']);
  const [stats, service, perStaff] = await Promise.all([
    getDashboardStats(viewer),
    serviceReport(viewer),
    staffServiceReport(viewer),
  ]).catch(rethrowOutage);

  const ticketData: StatusDatum[] = TICKET_STATUSES.map((s) => ({
    key: s,
    label: TICKET_STATUS_LABELS[s],
    count: stats.ticketsByStatus[s],
    href: `/admin/tickets?status=${s}`,
  }));
  const projectData: StatusDatum[] = PROJECT_STATUSES.map((s) => ({
    key: s,
    label: PROJECT_STATUS_LABELS[s],
    count: stats.projectsByStatus[s],
    href: `/admin/projects?status=${s}`,
  }));
  const openedTotal = stats.daily.reduce((n, d) => n + d.opened, 0);
  const resolvedTotal = stats.daily.reduce((n, d) => n + d.resolved, 0);
  const { medianSeconds, answered, unanswered } = stats.firstResponse;
  // The agency-wide figures come from a shared cache (db/queries/stats.ts): say how old they are.
  const asOf = new Date(Math.min(stats.computedAt.getTime(), service.computedAt.getTime()));

  return (
    <>
      <PageHeader title="Dashboard" description="What needs the agency’s attention, and how support is going.">
        <p className="text-sm text-muted-foreground" data-testid="figures-as-of">
          Figures as of{' '}
          <time dateTime={asOf.toISOString()} title={formatDateTime(asOf)}>
            {formatTime(asOf)}
          </time>{' '}
          (refreshed at most every {DASHBOARD_CACHE_SECONDS} seconds; the ticket lists are live).
        </p>
      </PageHeader>

      <section aria-label="Key figures" className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard
          href="/admin/tickets?status=OPEN&sort=waiting"
          label="Waiting for the agency"
          value={stats.ticketsByStatus.OPEN}
          hint="Open tickets: the client spoke last"
          icon={<InboxIcon />}
        />
        <StatCard
          href="/admin/tickets?status=PENDING"
          label="Waiting for clients"
          value={stats.ticketsByStatus.PENDING}
          hint="Pending tickets: the agency replied"
          icon={<MessageSquareReplyIcon />}
        />
        <StatCard
          href="/admin/tickets?status=ALL&sort=created"
          label="Median first response"
          value={formatDuration(medianSeconds)}
          hint={`Last ${DASHBOARD_DAYS} days: ${plural(answered, 'ticket')} answered, ${unanswered} not yet`}
          icon={<ClockIcon />}
        />
        <StatCard
          href="/admin/projects?status=PENDING"
          label="Projects to approve"
          value={stats.projectsByStatus.PENDING}
          hint="Requested by clients"
          icon={<FolderKanbanIcon />}
        />
      </section>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>
              <h2>Tickets opened and resolved, last {DASHBOARD_DAYS} days</h2>
            </CardTitle>
            <CardDescription>
              {plural(openedTotal, 'ticket')} opened, {resolvedTotal} resolved or closed. A ticket counts as resolved on
              the day of its last update while its status is Resolved or Closed (no status history is kept, so a
              ticket resolved and later closed counts once, on the later day).
            </CardDescription>
          </CardHeader>
          <CardContent>
            <DailyTicketsChart data={stats.daily} />
            <FigureLinks
              items={[
                { href: '/admin/tickets?status=ALL&sort=created', label: 'All tickets, newest first', value: openedTotal },
                { href: '/admin/tickets?status=RESOLVED', label: 'Resolved', value: stats.ticketsByStatus.RESOLVED },
                { href: '/admin/tickets?status=CLOSED', label: 'Closed', value: stats.ticketsByStatus.CLOSED },
              ]}
            />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Tickets by status</h2>
            </CardTitle>
            <CardDescription>Select a bar or a figure to open that list.</CardDescription>
          </CardHeader>
          <CardContent>
            <StatusBarChart data={ticketData} label="Tickets by status" />
            <FigureLinks items={ticketData.map((d) => ({ href: d.href, label: d.label, value: d.count }))} />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Projects by status</h2>
            </CardTitle>
            <CardDescription>Select a bar or a figure to open that list.</CardDescription>
          </CardHeader>
          <CardContent>
            <StatusBarChart data={projectData} label="Projects by status" layout="vertical" />
            <FigureLinks items={projectData.map((d) => ({ href: d.href, label: d.label, value: d.count }))} />
          </CardContent>
        </Card>

        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>
              <h2>Waiting longest for the agency</h2>
            </CardTitle>
            <CardDescription>Open tickets, by the client’s last message (oldest first).</CardDescription>
          </CardHeader>
          <CardContent>
            {stats.oldestWaiting.length === 0 ? (
              <EmptyState
                as="h3"
                title="Nobody is waiting"
                description="Every open ticket has an answer. New tickets and client replies show up here."
              />
            ) : (
              <ol className="divide-y" aria-label="Tickets waiting longest">
                {stats.oldestWaiting.map((t) => (
                  <li key={t.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
                    <div className="min-w-0">
                      <Link
                        href={`/admin/tickets/${t.ticketNumber}`}
                        className="font-medium break-words underline-offset-4 hover:underline"
                      >
                        <span className="mr-2 font-mono text-sm text-muted-foreground">{t.ticketNumber}</span>
                        {t.subject}
                      </Link>
                      <p className="text-sm text-muted-foreground">
                        <Link href={`/admin/clients/${t.clientId}`} className="underline-offset-4 hover:underline">
                          {t.clientName ?? t.clientEmail}
                        </Link>
                        {t.clientCompany ? ` · ${t.clientCompany}` : ''}
                      </p>
                    </div>
                    <p className="shrink-0 text-sm text-muted-foreground">
                      Waiting since <RelativeTime date={t.waitingSince} />
                    </p>
                  </li>
                ))}
              </ol>
            )}
            <p className="mt-3 text-sm">
              <Link href="/admin/tickets?status=OPEN&sort=waiting" className="text-primary underline-offset-4 hover:underline">
                See every open ticket, longest waiting first
              </Link>
            </p>
          </CardContent>
        </Card>
      </div>

      <div className="mt-8">
        <ServiceReport figures={service} title="Service report" staff={perStaff} />
      </div>
    </>
  );
}
