import type { Metadata } from 'next';
import Link from '@/components/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { LifeBuoyIcon } from 'lucide-react';

import { requireUser } from '@/lib/auth/session';
import { getProject } from '@/db/queries/projects';
import { entityTimeline } from '@/db/queries/activity';
import { ActivityTimeline } from '@/components/collab/activity-timeline';
import { segmentValue } from '@/lib/route-segment';
import { NotFoundError } from '@/lib/action-result';
import { formatDate, formatMoney, PROJECT_STATUS_DESCRIPTIONS, toDateInputValue } from '@/lib/format';
import { nextProjectStatuses } from '@/lib/workflows';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/empty-state';
import { ProjectStatusBadge } from '@/components/projects/project-status-badge';
import { ProjectStepper } from '@/components/projects/project-stepper';
import { ProjectTypeLabel } from '@/components/projects/project-type-label';
import { TicketTable } from '@/components/tickets/ticket-table';
import { ProjectForm } from '@/components/admin/project-form';
import { ProjectStatusActions } from '@/components/admin/project-status-actions';
import { rethrowOutage } from '@/lib/outage';

type Props = { params: Promise<{ id: string }> };

const loadProject = cache(async (id: string) => {
  const viewer = await requireUser(['ADMIN', 'SUPER_ADMIN']);
  try {
    const project = await getProject(viewer, segmentValue(id));
    const timeline = await entityTimeline(viewer, 'project', project.project.id);
    return { viewer, ...project, timeline };
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    return rethrowOutage(err);
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await loadProject((await params).id);
  return { title: data ? `Project: ${data.project.title}` : 'Project not found' };
}

export default async function AdminProjectPage({ params }: Props) {
  const data = await loadProject((await params).id);
  if (!data) notFound();
  const { project, tickets, moreTickets, timeline } = data;
  const next = nextProjectStatuses(project.status);
  const client = project.clientName ?? project.clientEmail;

  return (
    <>
      <PageHeader back={{ href: '/admin/projects', label: 'Projects' }} title={project.title} description={client}>
        <ProjectStatusBadge status={project.status} />
        <ProjectTypeLabel type={project.type} />
      </PageHeader>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>Workflow</h2>
              </CardTitle>
              <CardDescription>{PROJECT_STATUS_DESCRIPTIONS[project.status]}.</CardDescription>
            </CardHeader>
            <CardContent className="space-y-5">
              <ProjectStepper
                status={project.status}
                dates={{
                  createdAt: project.createdAt,
                  startDate: project.startDate,
                  endDate: project.endDate,
                  updatedAt: project.updatedAt,
                }}
              />
              <div className="space-y-2">
                <h3 className="text-sm font-medium">Move the project</h3>
                <ProjectStatusActions
                  projectId={project.id}
                  current={project.status}
                  next={next}
                  clientEmail={project.clientEmail}
                />
                {next.length > 0 ? (
                  <p className="text-xs text-muted-foreground">Only the moves the workflow allows are offered. The client is emailed.</p>
                ) : null}
              </div>
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>
                <h2>Details</h2>
              </CardTitle>
              <CardDescription>Title, type, description, requirements, budget and dates. The status changes above.</CardDescription>
            </CardHeader>
            <CardContent>
              <ProjectForm
                key={project.updatedAt.toISOString()}
                mode="edit"
                projectId={project.id}
                defaults={{
                  title: project.title,
                  type: project.type,
                  description: project.description ?? '',
                  requirements: project.requirements ?? '',
                  budget: project.budget === null ? '' : String(Math.round(project.budget * 100) / 100),
                  startDate: toDateInputValue(project.startDate),
                  endDate: toDateInputValue(project.endDate),
                }}
              />
            </CardContent>
          </Card>

          <section aria-labelledby="tickets-heading">
            <h2 id="tickets-heading" className="mb-3 text-lg font-semibold">
              Tickets about this project
            </h2>
            {tickets.length === 0 ? (
              <EmptyState as="h3" icon={<LifeBuoyIcon />} title="No tickets" description="No ticket mentions this project." />
            ) : (
              <TicketTable tickets={tickets} side="agency" showProject={false} caption="Tickets about this project" />
            )}
            {moreTickets ? (
              <p className="mt-2 text-sm">
                <Link
                  href={`/admin/tickets?status=ALL&clientId=${project.clientId}`}
                  className="text-primary underline-offset-4 hover:underline"
                >
                  More tickets of this client
                </Link>
              </p>
            ) : null}
          </section>
        </div>

        <aside className="space-y-6" aria-label="Client and figures">
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>Client</h2>
              </CardTitle>
            </CardHeader>
            <CardContent className="space-y-1 text-sm">
              <p>
                <Link href={`/admin/clients/${project.clientId}`} className="font-medium text-primary underline-offset-4 hover:underline">
                  {client}
                </Link>
              </p>
              <p className="break-all text-muted-foreground">{project.clientEmail}</p>
              {project.clientCompany ? <p className="text-muted-foreground">{project.clientCompany}</p> : null}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>At a glance</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
                <dt className="text-muted-foreground">Budget</dt>
                <dd className="text-right tabular-nums">{formatMoney(project.budget, 'Not set')}</dd>
                <dt className="text-muted-foreground">Created</dt>
                <dd className="text-right">{formatDate(project.createdAt)}</dd>
                <dt className="text-muted-foreground">Updated</dt>
                <dd className="text-right">{formatDate(project.updatedAt)}</dd>
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>Timeline</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              <ActivityTimeline entries={timeline} />
            </CardContent>
          </Card>
        </aside>
      </div>
    </>
  );
}
