import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { LockIcon } from 'lucide-react';

import { requireUser } from '@/lib/auth/session';
import { getTicketByNumber, listComments } from '@/db/queries/tickets';
import { entityTimeline, ticketWaiting } from '@/db/queries/activity';
import { ActivityTimeline } from '@/components/collab/activity-timeline';
import { WhoseMove } from '@/components/collab/whose-move';
import { TicketPriorityBadge } from '@/components/tickets/ticket-priority-badge';
import { NotFoundError } from '@/lib/action-result';
import { formatDateTime, TICKET_STATUS_HINTS } from '@/lib/format';
import { canComment } from '@/lib/workflows';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/page-header';
import { CommentText } from '@/components/tickets/comment-text';
import { RelativeTime } from '@/components/tickets/relative-time';
import { ReplyForm } from '@/components/tickets/reply-form';
import { TicketStatusActions } from '@/components/tickets/ticket-status-actions';
import { TicketStatusBadge } from '@/components/tickets/ticket-status-badge';
import { TicketThread } from '@/components/tickets/ticket-thread';
import { changeStatusAction, replyAction } from './actions';

type Props = { params: Promise<{ ticketNumber: string }> };

const loadTicket = cache(async (ticketNumber: string) => {
  const viewer = await requireUser(['CLIENT']);
  try {
    const ticket = await getTicketByNumber(viewer, decodeURIComponent(ticketNumber));
    const [comments, timeline, waiting] = await Promise.all([
      listComments(viewer, ticket.id),
      entityTimeline(viewer, 'ticket', ticket.id),
      ticketWaiting(viewer, ticket.id),
    ]);
    return { viewer, ticket, comments, timeline, waiting };
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ticketNumber } = await params;
  const data = await loadTicket(ticketNumber);
  return { title: data ? `${data.ticket.ticketNumber}: ${data.ticket.subject}` : 'Ticket not found' };
}

export default async function TicketPage({ params }: Props) {
  const { ticketNumber } = await params;
  const data = await loadTicket(ticketNumber);
  if (!data) notFound();
  const { viewer, ticket, comments, timeline, waiting } = data;
  const open = canComment(ticket.status);

  return (
    <>
      <PageHeader
        back={{ href: '/tickets', label: 'Tickets' }}
        eyebrow={ticket.ticketNumber}
        title={ticket.subject}
        actions={
          <TicketStatusActions ticketNumber={ticket.ticketNumber} status={ticket.status} side="client" action={changeStatusAction} />
        }
      >
        <TicketStatusBadge status={ticket.status} side="client" />
        <TicketPriorityBadge priority={ticket.priority} />
        <span className="text-sm text-muted-foreground">{TICKET_STATUS_HINTS.client[ticket.status]}</span>
      </PageHeader>

      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm md:grid-cols-[auto_1fr_auto_1fr]">
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
        {ticket.projectId ? (
          <>
            <dt className="text-muted-foreground">Project</dt>
            <dd>
              <Link href={`/projects/${ticket.projectId}`} className="text-primary underline-offset-4 hover:underline">
                {ticket.projectTitle}
              </Link>
            </dd>
          </>
        ) : null}
      </dl>

      <div className="mb-6 rounded-xl border bg-card p-4 sm:p-6">
        <WhoseMove waiting={waiting} side="client" />
      </div>

      <section aria-labelledby="description-heading" className="mb-8 rounded-xl border bg-card p-4 sm:p-6">
        <h2 id="description-heading" className="mb-2 text-sm font-semibold text-muted-foreground">
          Description
        </h2>
        <CommentText text={ticket.description} className="leading-relaxed" />
      </section>

      <section aria-labelledby="conversation-heading" className="mb-8">
        <h2 id="conversation-heading" className="mb-3 text-lg font-semibold">
          Conversation
        </h2>
        <TicketThread
          comments={comments}
          side="client"
          viewerId={viewer.id}
          emptyText="No replies yet. The agency will answer here, and you will get an email when they do."
        />
      </section>

      <section aria-labelledby="reply-heading">
        <h2 id="reply-heading" className="sr-only">
          Reply
        </h2>
        {open ? (
          <ReplyForm
            ticketNumber={ticket.ticketNumber}
            action={replyAction}
            label="Your reply"
            hint={ticket.status === 'RESOLVED' ? 'Replying reopens this ticket.' : 'The agency is emailed.'}
          />
        ) : (
          <div role="status" className="flex flex-col gap-3 rounded-xl border border-dashed p-4 sm:flex-row sm:items-center sm:justify-between">
            <p className="flex items-center gap-2 text-sm">
              <LockIcon className="size-4 shrink-0" aria-hidden="true" />
              This ticket is closed and read-only: it takes no more replies.
            </p>
            <Button asChild size="sm" variant="outline">
              <Link href={ticket.projectId ? `/tickets/new?projectId=${encodeURIComponent(ticket.projectId)}` : '/tickets/new'}>
                Open a new ticket
              </Link>
            </Button>
          </div>
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
