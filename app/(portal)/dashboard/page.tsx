import type { Metadata } from 'next';
import type * as React from 'react';
import Link from '@/components/link';
import {
  ActivityIcon,
  FolderKanbanIcon,
  FolderPlusIcon,
  LifeBuoyIcon,
  MessageSquareIcon,
  MessageSquareReplyIcon,
  PlusIcon,
} from 'lucide-react';

import { requireUser } from '@/lib/auth/session';
import { clientDashboard, type ActivityItem } from '@/db/queries/dashboard';
import { serviceReport } from '@/db/queries/activity';
import { ServiceReport } from '@/components/collab/service-report';
import { plural, projectStatusLabel, ticketStatusLabel } from '@/lib/format';
import type { ProjectStatus, TicketStatus } from '@/db/schema';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { RelativeTime } from '@/components/tickets/relative-time';
import { TicketStatusBadge } from '@/components/tickets/ticket-status-badge';
import { rethrowOutage } from '@/lib/outage';

export const metadata: Metadata = { title: 'Dashboard' };

function firstName(name: string | null, email: string): string {
  const n = name?.trim();
  return n ? n.split(/\s+/)[0] : email.split('@')[0];
}

function activityText(item: ActivityItem): { text: string; href: string; icon: React.ReactNode } {
  switch (item.kind) {
    case 'comment':
      return {
        text: item.detail === 'ADMIN' ? `The agency replied on ${item.ref}` : `You replied on ${item.ref}`,
        href: `/tickets/${item.ref}`,
        icon: <MessageSquareReplyIcon aria-hidden="true" />,
      };
    case 'ticket':
      return {
        text: `Ticket ${item.ref} opened · now ${ticketStatusLabel(item.detail as TicketStatus).toLowerCase()}`,
        href: `/tickets/${item.ref}`,
        icon: <LifeBuoyIcon aria-hidden="true" />,
      };
    case 'project':
    default:
      return {
        text: `Project status: ${projectStatusLabel(item.detail as ProjectStatus)}`,
        href: `/projects/${item.ref}`,
        icon: <FolderKanbanIcon aria-hidden="true" />,
      };
  }
}

export default async function DashboardPage() {
  const viewer = await requireUser(['CLIENT']);
  const [data, service] = await Promise.all([clientDashboard(viewer), serviceReport(viewer)]).catch(rethrowOutage);
  const hasAnything = data.recentActivity.length > 0 || data.activeProjects + data.pendingProjects + data.openTickets > 0;

  const stats = [
    {
      label: 'Active projects',
      value: data.activeProjects,
      hint: data.pendingProjects > 0 ? `${plural(data.pendingProjects, 'request')} awaiting approval` : 'Approved, in progress or in review',
      href: '/projects',
      linkLabel: 'View projects',
    },
    {
      label: 'Open tickets',
      value: data.openTickets,
      hint: 'Open or waiting for a reply',
      href: '/tickets?status=OPEN&status=PENDING',
      linkLabel: 'View open tickets',
    },
    {
      label: 'Waiting for your reply',
      value: data.waitingForYouCount,
      hint: data.waitingForYouCount > 0 ? 'The agency answered and needs you' : 'Nothing needs you right now',
      href: '/tickets?status=PENDING',
      linkLabel: 'View tickets waiting for you',
    },
  ];

  return (
    <>
      <PageHeader
        title={`Hello, ${firstName(viewer.name, viewer.email)}`}
        description="Here is where your projects and support tickets stand."
        actions={
          <>
            <Button asChild>
              <Link href="/tickets/new">
                <PlusIcon aria-hidden="true" />
                New ticket
              </Link>
            </Button>
            <Button asChild variant="outline">
              <Link href="/projects/new">
                <FolderPlusIcon aria-hidden="true" />
                Request a project
              </Link>
            </Button>
          </>
        }
      />

      <section aria-labelledby="summary-heading" className="mb-8">
        <h2 id="summary-heading" className="sr-only">
          Summary
        </h2>
        <ul className="grid gap-4 sm:grid-cols-3">
          {stats.map((s) => (
            <li key={s.label}>
              <Card className="h-full gap-2 py-5">
                <CardHeader className="px-5">
                  <CardDescription>{s.label}</CardDescription>
                  <CardTitle className="text-3xl tabular-nums">{s.value}</CardTitle>
                </CardHeader>
                <CardContent className="space-y-2 px-5 text-sm">
                  <p className="text-muted-foreground">{s.hint}</p>
                  <Link href={s.href} className="font-medium text-primary underline-offset-4 hover:underline">
                    {s.linkLabel}
                  </Link>
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      </section>

      <div className="grid grid-cols-1 gap-8 lg:grid-cols-2">
        <section aria-labelledby="waiting-heading">
          <h2 id="waiting-heading" className="mb-3 text-lg font-semibold">
            Waiting for your reply
          </h2>
          {data.waitingForYou.length === 0 ? (
            <EmptyState
              as="h3"
              icon={<MessageSquareIcon />}
              title="You are all caught up"
              description="When the agency answers one of your tickets and needs something from you, it appears here."
              action={
                <Button asChild variant="outline" size="sm">
                  <Link href="/tickets">See all tickets</Link>
                </Button>
              }
            />
          ) : (
            <ul className="divide-y rounded-xl border">
              {data.waitingForYou.map((t) => (
                <li key={t.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0">
                    <Link href={`/tickets/${t.ticketNumber}`} className="font-medium break-words underline-offset-4 hover:underline">
                      {t.subject}
                    </Link>
                    <p className="text-sm text-muted-foreground">
                      <span className="font-mono">{t.ticketNumber}</span> · agency replied{' '}
                      {t.lastRepliedAt ? <RelativeTime date={t.lastRepliedAt} /> : null}
                    </p>
                  </div>
                  <TicketStatusBadge status={t.status} side="client" />
                </li>
              ))}
              {data.waitingForYouCount > data.waitingForYou.length ? (
                <li className="p-4 text-sm">
                  <Link href="/tickets?status=PENDING" className="font-medium text-primary underline-offset-4 hover:underline">
                    See all {data.waitingForYouCount} tickets waiting for you
                  </Link>
                </li>
              ) : null}
            </ul>
          )}
        </section>

        <section aria-labelledby="activity-heading">
          <h2 id="activity-heading" className="mb-3 text-lg font-semibold">
            Recent activity
          </h2>
          {!hasAnything ? (
            <EmptyState
              as="h3"
              icon={<ActivityIcon />}
              title="Nothing here yet"
              description="Start by requesting a project, or open a ticket if you need help with something."
              action={
                <>
                  <Button asChild size="sm">
                    <Link href="/projects/new">Request a project</Link>
                  </Button>
                  <Button asChild size="sm" variant="outline">
                    <Link href="/tickets/new">Open a ticket</Link>
                  </Button>
                </>
              }
            />
          ) : data.recentActivity.length === 0 ? (
            <p className="text-sm text-muted-foreground">No recent activity.</p>
          ) : (
            <ol className="space-y-1" aria-label="Recent activity, newest first">
              {data.recentActivity.map((item, i) => {
                const a = activityText(item);
                return (
                  <li key={`${item.kind}-${item.ref}-${i}`}>
                    <Link
                      href={a.href}
                      className="flex items-start gap-3 rounded-lg p-2 hover:bg-muted/60 [&_svg]:mt-0.5 [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-muted-foreground"
                    >
                      {a.icon}
                      <span className="min-w-0 flex-1">
                        <span className="block text-sm">{a.text}</span>
                        <span className="block truncate text-sm font-medium">{item.title}</span>
                      </span>
                      <RelativeTime date={item.at} className="shrink-0 text-xs text-muted-foreground" />
                    </Link>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      </div>

      <div className="mt-8">
        <ServiceReport figures={service} title="Your service report" />
      </div>
    </>
  );
}
