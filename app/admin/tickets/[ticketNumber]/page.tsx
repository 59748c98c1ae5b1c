import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { LockIcon } from 'lucide-react';

import { requireUser } from '@/lib/auth/session';
import { assigneeChoices, getTicketByNumber, listComments } from '@/db/queries/tickets';
import { entityTimeline, ticketWaiting } from '@/db/queries/activity';
import { ActivityTimeline } from '@/components/collab/activity-timeline';
import { WhoseMove } from '@/components/collab/whose-move';
import { TicketPriorityBadge } from '@/components/tickets/ticket-priority-badge';
import { TicketStaffControls } from '@/components/tickets/ticket-staff-controls';
import { NotFoundError } from '@/lib/action-result';
import { formatDateTime, TICKET_STATUS_HINTS } from '@/lib/format';
import { canComment } from '@/lib/workflows';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/page-header';
import { CommentText } from '@/components/tickets/comment-text';
import { RelativeTime } from '@/components/tickets/relative-time';
import { ReplyForm } from '@/components/tickets/reply-form';
import { TicketStatusActions } from '@/components/tickets/ticket-status-actions';
import { TicketStatusBadge } from '@/components/tickets/ticket-status-badge';
import { TicketThread } from '@/components/tickets/ticket-thread';
import { assignTicketAction, replyAsAgencyAction, setTicketPriorityAction, setTicketStatusAction } from './actions';

type Props = { params: Promise<{ ticketNumber: string }> };

const loadTicket = cache(async (ticketNumber: string) => {
  const viewer = await requireUser(['ADMIN', 'SUPER_ADMIN']);
  try {
    const ticket = await getTicketByNumber(viewer, decodeURIComponent(ticketNumber));
    const [comments, timeline, waiting, assignees] = await Promise.all([
      listComments(viewer, ticket.id),
      entityTimeline(viewer, 'ticket', ticket.id),
      ticketWaiting(viewer, ticket.id),
      assigneeChoices(viewer),
    ]);
    return { viewer, ticket, comments, timeline, waiting, assignees };
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await loadTicket((await params).ticketNumber);
  return { title: data ? `${data.ticket.ticketNumber}: ${data.ticket.subject}` : 'Ticket not found' };
}

export default async function AdminTicketPage({ params }: Props) {
  const data = await loadTicket((await params).ticketNumber);
  if (!data) notFound();
  const { viewer, ticket, comments, timeline, waiting, assignees } = data;
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
            <TicketThread
              comments={comments}
              side="agency"
              viewerId={viewer.id}
              emptyText="No replies yet. Answer below: the client is emailed and the ticket waits for them."
            />
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
