import type { Metadata } from 'next';
import Link from '@/components/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { LifeBuoyIcon, PlusIcon } from 'lucide-react';

import { requireUser } from '@/lib/auth/session';
import { getProject } from '@/db/queries/projects';
import { entityTimeline } from '@/db/queries/activity';
import { ActivityTimeline } from '@/components/collab/activity-timeline';
import { segmentValue } from '@/lib/route-segment';
import { NotFoundError } from '@/lib/action-result';
import { formatCalendarDate, formatDate, formatMoney, PROJECT_STATUS_DESCRIPTIONS } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { ProjectStatusBadge } from '@/components/projects/project-status-badge';
import { ProjectStepper } from '@/components/projects/project-stepper';
import { ProjectTypeLabel } from '@/components/projects/project-type-label';
import { CommentText } from '@/components/tickets/comment-text';
import { TicketTable } from '@/components/tickets/ticket-table';
import { rethrowOutage } from '@/lib/outage';

type Props = { params: Promise<{ id: string }> };

// One load per request, shared by generateMetadata and the page.
const loadProject = cache(async (id: string) => {
  const viewer = await requireUser(['CLIENT']);
  try {
    const project = await getProject(viewer, segmentValue(id));
    const timeline = await entityTimeline(viewer, 'project', project.project.id);
    return { ...project, timeline };
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    return rethrowOutage(err);
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const data = await loadProject(id);
  return { title: data ? data.project.title : 'Project not found' };
}

export default async function ProjectPage({ params }: Props) {
  const { id } = await params;
  const data = await loadProject(id);
  if (!data) notFound();
  const { project, tickets, moreTickets, timeline } = data;

  return (
    <>
      <PageHeader
        back={{ href: '/projects', label: 'Projects' }}
        title={project.title}
        description={PROJECT_STATUS_DESCRIPTIONS[project.status]}
        actions={
          <Button asChild variant="outline">
            <Link href={`/tickets/new?projectId=${encodeURIComponent(project.id)}`}>
              <PlusIcon aria-hidden="true" />
              Open a ticket about this project
            </Link>
          </Button>
        }
      >
        <ProjectStatusBadge status={project.status} />
        <ProjectTypeLabel type={project.type} />
      </PageHeader>

      <section aria-labelledby="progress-heading" className="mb-8 rounded-xl border p-4 sm:p-6">
        <h2 id="progress-heading" className="mb-4 text-lg font-semibold">
          Progress
        </h2>
        <ProjectStepper
          status={project.status}
          dates={{
            createdAt: project.createdAt,
            startDate: project.startDate,
            endDate: project.endDate,
            updatedAt: project.updatedAt,
          }}
        />
      </section>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section aria-labelledby="description-heading">
            <h2 id="description-heading" className="mb-2 text-lg font-semibold">
              Description
            </h2>
            {project.description ? (
              <CommentText text={project.description} className="text-sm leading-relaxed" />
            ) : (
              <p className="text-sm text-muted-foreground">No description.</p>
            )}
          </section>
          <section aria-labelledby="requirements-heading">
            <h2 id="requirements-heading" className="mb-2 text-lg font-semibold">
              Requirements
            </h2>
            {project.requirements ? (
              <CommentText text={project.requirements} className="text-sm leading-relaxed" />
            ) : (
              <p className="text-sm text-muted-foreground">No requirements listed.</p>
            )}
          </section>
        </div>

        <Card className="h-fit gap-4 py-5">
          <CardHeader className="px-5">
            <CardTitle className="text-base">
              <h2>Details</h2>
            </CardTitle>
          </CardHeader>
          <CardContent className="px-5">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-muted-foreground">Budget</dt>
              <dd className="text-right tabular-nums">{formatMoney(project.budget, 'Not set')}</dd>
              <dt className="text-muted-foreground">Desired start</dt>
              <dd className="text-right">{formatCalendarDate(project.startDate, 'Not set')}</dd>
              <dt className="text-muted-foreground">Desired end</dt>
              <dd className="text-right">{formatCalendarDate(project.endDate, 'Not set')}</dd>
              <dt className="text-muted-foreground">Requested</dt>
              <dd className="text-right">{formatDate(project.createdAt)}</dd>
              <dt className="text-muted-foreground">Last updated</dt>
              <dd className="text-right">{formatDate(project.updatedAt)}</dd>
            </dl>
          </CardContent>
        </Card>
      </div>

      <section aria-labelledby="tickets-heading" className="mt-10">
        <h2 id="tickets-heading" className="mb-3 text-lg font-semibold">
          Tickets about this project
        </h2>
        {tickets.length === 0 ? (
          <EmptyState
            as="h3"
            icon={<LifeBuoyIcon />}
            title="No tickets about this project"
            description="Questions, change requests or problems with this project? Open a ticket and the agency will answer here."
            action={
              <Button asChild size="sm">
                <Link href={`/tickets/new?projectId=${encodeURIComponent(project.id)}`}>Open a ticket</Link>
              </Button>
            }
          />
        ) : (
          <>
            <TicketTable tickets={tickets} side="client" showProject={false} caption={`Tickets about ${project.title}`} />
            {moreTickets ? (
              <p className="mt-3 text-sm text-muted-foreground">Showing the 50 most recent tickets about this project.</p>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="timeline-heading" className="mt-8">
        <h2 id="timeline-heading" className="mb-3 text-lg font-semibold">
          Timeline
        </h2>
        <ActivityTimeline entries={timeline} />
      </section>
    </>
  );
}
