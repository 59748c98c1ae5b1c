import type { Metadata } from 'next';
import Link from '@/components/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { LockIcon } from 'lucide-react';

import { requireUser } from '@/lib/auth/session';
import { assigneeChoices, getTicketByNumber, listThread } from '@/db/queries/tickets';
import { ticketActivity } from '@/db/queries/activity';
import { ActivityTimeline } from '@/components/collab/activity-timeline';
import { WhoseMove } from '@/components/collab/whose-move';
import { TicketPriorityBadge } from '@/components/tickets/ticket-priority-badge';
import { TicketStaffControls } from '@/components/tickets/ticket-staff-controls';
import { segmentValue } from '@/lib/route-segment';
import { NotFoundError } from '@/lib/action-result';
import { formatDateTime, TICKET_STATUS_HINTS } from '@/lib/format';
import { canComment } from '@/lib/workflows';
import { threadParamsSchema } from '@/lib/validation/tickets';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/page-header';
import { CommentText } from '@/components/tickets/comment-text';
import { RelativeTime } from '@/components/tickets/relative-time';
import { ReplyForm } from '@/components/tickets/reply-form';
import { TicketStatusActions } from '@/components/tickets/ticket-status-actions';
import { TicketStatusBadge } from '@/components/tickets/ticket-status-badge';
import { TicketThread } from '@/components/tickets/ticket-thread';
import { ThreadWindowLinks } from '@/components/tickets/thread-window-links';
import { assignTicketAction, replyAsAgencyAction, setTicketPriorityAction, setTicketStatusAction } from './actions';
import { rethrowOutage } from '@/lib/outage';

type Props = {
  params: Promise<{ ticketNumber: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The page's data in three round trips at most (requireUser's row, then the ticket, then the
// rest at once): the thread is one window of comments (listThread), the timeline and "whose
// move" come from one statement (ticketActivity). With the layout's user row and the bell that
// is 6 statements (docs/decisions/008-performance.md).
const loadTicket = cache(async (ticketNumber: string, before: string | undefined) => {
  const viewer = await requireUser(['ADMIN', 'SUPER_ADMIN']);
  try {
    const ticket = await getTicketByNumber(viewer, segmentValue(ticketNumber));
    const [thread, activity, assignees] = await Promise.all([
      listThread(viewer, ticket.id, { before }),
      ticketActivity(viewer, ticket.id),
      assigneeChoices(viewer),
    ]);
    return { viewer, ticket, thread, timeline: activity.timeline, waiting: activity.waiting, assignees };
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    return rethrowOutage(err);
  }
});

async function load({ params, searchParams }: Props) {
  const [{ ticketNumber }, query] = await Promise.all([params, searchParams]);
  return loadTicket(ticketNumber, threadParamsSchema.parse(query).before);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const data = await load(props);
  return { title: data ? `${data.ticket.ticketNumber}: ${data.ticket.subject}` : 'Ticket not found' };
}

export default async function AdminTicketPage(props: Props) {
  const data = await load(props);
  if (!data) notFound();
  const { viewer, ticket, thread, timeline, waiting, assignees } = data;
  const basePath = `/admin/tickets/${ticket.ticketNumber}`;
  const olderWindow = threadParamsSchema.parse(await props.searchParams).before !== undefined;
  const names = Object.fromEntries(assignees.map((a) => [a.id, a.label]));
  const client = ticket.clientName ?? ticket.clientEmail;

  return (
    <>
      <PageHeader
        back={{ href: '/admin/tickets', label: 'Ticket queue' }}
        eyebrow={ticket.ticketNumber}
        title={ticket.subject}
      >
        <TicketStatusBadge status={ticket.status} side="agency" />
        <TicketPriorityBadge priority={ticket.priority} />
        {ticket.assigneeName ? (
          <span className="text-sm text-muted-foreground">Assigned to {ticket.assigneeName}</span>
        ) : (
          <span className="text-sm text-muted-foreground">Unassigned</span>
        )}
        <span className="text-sm text-muted-foreground">{TICKET_STATUS_HINTS.agency[ticket.status]}</span>
      </PageHeader>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-8 lg:col-span-2">
          <section aria-labelledby="description-heading" className="rounded-xl border bg-card p-4 sm:p-6">
            <h2 id="description-heading" className="mb-2 text-sm font-semibold text-muted-foreground">
              Description
            </h2>
            <CommentText text={ticket.description} className="leading-relaxed" />
          </section>

          <section aria-labelledby="conversation-heading">
            <h2 id="conversation-heading" className="mb-3 text-lg font-semibold">
              Conversation
            </h2>
            <ThreadWindowLinks basePath={basePath} earlierCursor={thread.earlierCursor} olderWindow={olderWindow} position="top" />
            <TicketThread
              comments={thread.comments}
              side="agency"
              viewerId={viewer.id}
              emptyText="No replies yet. Answer below: the client is emailed and the ticket waits for them."
            />
            <ThreadWindowLinks basePath={basePath} earlierCursor={thread.earlierCursor} olderWindow={olderWindow} position="bottom" />
          </section>

          <section aria-labelledby="reply-heading">
            <h2 id="reply-heading" className="sr-only">
              Answer the client
            </h2>
            {canComment(ticket.status) ? (
              <ReplyForm
                ticketNumber={ticket.ticketNumber}
                action={replyAsAgencyAction}
                label="Reply as the agency"
                latestHref={olderWindow ? `${basePath}#reply-heading` : undefined}
                hint="The client is emailed and the ticket becomes Pending (waiting for the client)."
                allowInternal
              />
            ) : (
              <p role="status" className="flex items-center gap-2 rounded-xl border border-dashed p-4 text-sm">
                <LockIcon className="size-4 shrink-0" aria-hidden="true" />
                This ticket is closed: it takes no more replies. Reopen it to answer.
              </p>
            )}
          </section>
        </div>

        <aside className="space-y-6" aria-label="Ticket details">
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>Whose move</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              <WhoseMove waiting={waiting} side="agency" />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>Priority and assignee</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              <TicketStaffControls
                ticketNumber={ticket.ticketNumber}
                priority={ticket.priority}
                assignedTo={ticket.assignedTo}
                assignees={assignees}
                setPriority={setTicketPriorityAction}
                assign={assignTicketAction}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>Status</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              <TicketStatusActions
                ticketNumber={ticket.ticketNumber}
                status={ticket.status}
                side="agency"
                action={setTicketStatusAction}
              />
              <p className="mt-3 text-xs text-muted-foreground">The client is emailed when the status changes.</p>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>Client</h2>
              </CardTitle>
            </CardHeader>
            <CardContent className="space-y-1 text-sm">
              <p>
                <Link href={`/admin/clients/${ticket.clientId}`} className="font-medium text-primary underline-offset-4 hover:underline">
                  {client}
                </Link>
              </p>
              <p className="break-all text-muted-foreground">{ticket.clientEmail}</p>
              {ticket.clientCompany ? <p className="text-muted-foreground">{ticket.clientCompany}</p> : null}
              <p>
                <Link
                  href={`/admin/tickets?status=ALL&clientId=${ticket.clientId}`}
                  className="text-primary underline-offset-4 hover:underline"
                >
                  Their other tickets
                </Link>
              </p>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>Project</h2>
              </CardTitle>
            </CardHeader>
            <CardContent className="text-sm">
              {ticket.projectId ? (
                <Link href={`/admin/projects/${ticket.projectId}`} className="font-medium text-primary underline-offset-4 hover:underline">
                  {ticket.projectTitle}
                </Link>
              ) : (
                <p className="text-muted-foreground">Not about a particular project.</p>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>Dates</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-muted-foreground">Opened</dt>
                <dd>
                  <time dateTime={ticket.createdAt.toISOString()}>{formatDateTime(ticket.createdAt)}</time>
                </dd>
                <dt className="text-muted-foreground">Last reply</dt>
                <dd>{ticket.lastRepliedAt ? <RelativeTime date={ticket.lastRepliedAt} /> : 'No replies yet'}</dd>
                <dt className="text-muted-foreground">Updated</dt>
                <dd>
                  <RelativeTime date={ticket.updatedAt} />
                </dd>
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
              <ActivityTimeline entries={timeline} names={names} />
            </CardContent>
          </Card>
        </aside>
      </div>
    </>
  );
}
