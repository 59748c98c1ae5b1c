import type { Metadata } from 'next';
import Link from '@/components/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { LockIcon } from 'lucide-react';

import { requireUser } from '@/lib/auth/session';
import { getTicketByNumber, listThread } from '@/db/queries/tickets';
import { ticketActivity } from '@/db/queries/activity';
import { ActivityTimeline } from '@/components/collab/activity-timeline';
import { WhoseMove } from '@/components/collab/whose-move';
import { TicketPriorityBadge } from '@/components/tickets/ticket-priority-badge';
import { segmentValue } from '@/lib/route-segment';
import { NotFoundError } from '@/lib/action-result';
import { formatDateTime, TICKET_STATUS_HINTS } from '@/lib/format';
import { canComment } from '@/lib/workflows';
import { threadParamsSchema } from '@/lib/validation/tickets';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/page-header';
import { CommentText } from '@/components/tickets/comment-text';
import { RelativeTime } from '@/components/tickets/relative-time';
import { ReplyForm } from '@/components/tickets/reply-form';
import { TicketStatusActions } from '@/components/tickets/ticket-status-actions';
import { TicketStatusBadge } from '@/components/tickets/ticket-status-badge';
import { TicketThread } from '@/components/tickets/ticket-thread';
import { ThreadWindowLinks } from '@/components/tickets/thread-window-links';
import { changeStatusAction, replyAction } from './actions';
import { rethrowOutage } from '@/lib/outage';

type Props = {
  params: Promise<{ ticketNumber: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The page's data in three round trips at most (requireUser's row, then the ticket, then the
// rest at once): the thread is one window of comments (listThread), the timeline and "whose
// move" come from one statement (ticketActivity). With the layout's user row and the bell that
// is 5 statements (docs/decisions/008-performance.md).
const loadTicket = cache(async (ticketNumber: string, before: string | undefined) => {
  const viewer = await requireUser(['CLIENT']);
  try {
    const ticket = await getTicketByNumber(viewer, segmentValue(ticketNumber));
    const [thread, activity] = await Promise.all([listThread(viewer, ticket.id, { before }), ticketActivity(viewer, ticket.id)]);
    return { viewer, ticket, thread, timeline: activity.timeline, waiting: activity.waiting };
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

export default async function TicketPage(props: Props) {
  const data = await load(props);
  if (!data) notFound();
  const { viewer, ticket, thread, timeline, waiting } = data;
  const basePath = `/tickets/${ticket.ticketNumber}`;
  const olderWindow = threadParamsSchema.parse(await props.searchParams).before !== undefined;
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
        <ThreadWindowLinks basePath={basePath} earlierCursor={thread.earlierCursor} olderWindow={olderWindow} position="top" />
        <TicketThread
          comments={thread.comments}
          side="client"
          viewerId={viewer.id}
          emptyText="No replies yet. The agency will answer here, and you will get an email when they do."
        />
        <ThreadWindowLinks basePath={basePath} earlierCursor={thread.earlierCursor} olderWindow={olderWindow} position="bottom" />
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
            latestHref={olderWindow ? `${basePath}#reply-heading` : undefined}
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
