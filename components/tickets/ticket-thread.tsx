import * as React from 'react';

import type { ThreadComment } from '@/db/queries/tickets';
import { cn } from '@/lib/utils';
import type { Side } from '@/lib/workflows';
import { CommentText } from './comment-text';
import { RelativeTime } from './relative-time';

type TicketThreadProps = {
  comments: ThreadComment[];
  /** Which side is reading: the client sees "You" and "Agency"; staff see names and "Client". */
  side: Side;
  /** The reader's user id ("You" marks their own comments). */
  viewerId: string;
  /** Shown when there are no comments yet. */
  emptyText?: React.ReactNode;
};

function authorOf(c: ThreadComment, side: Side, viewerId: string): { name: string; tag: string; own: boolean } {
  const own = c.authorId === viewerId;
  if (c.sender === 'ADMIN') {
    return {
      name: own ? 'You' : c.authorName?.trim() || 'Agency team',
      tag: 'Agency',
      own: side === 'agency' ? own : false,
    };
  }
  if (side === 'client') {
    return { name: own ? 'You' : c.authorName?.trim() || 'Client', tag: 'You', own: true };
  }
  return { name: c.authorName?.trim() || 'Client', tag: 'Client', own: false };
}

/** A ticket's conversation, oldest first. Shared by the client portal and the admin ticket page. */
export function TicketThread({ comments, side, viewerId, emptyText = 'No replies yet.' }: TicketThreadProps) {
  if (comments.length === 0) {
    return <p className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground">{emptyText}</p>;
  }
  return (
    <ol className="space-y-4" aria-label="Conversation">
      {comments.map((c) => {
        const author = authorOf(c, side, viewerId);
        const agency = c.sender === 'ADMIN';
        const internal = c.internal === true;
        return (
          <li key={c.id} className="thread-item" data-sender={c.sender} data-internal={internal ? 'true' : undefined}>
            <article
              aria-label={
                internal
                  ? `Internal note from ${author.name}`
                  : author.name === 'You'
                    ? 'Your comment'
                    : `Comment from ${author.name}`
              }
              className={cn(
                'rounded-xl border p-4',
                agency ? 'bg-muted/50' : 'bg-card',
                author.own && 'border-primary/40',
                internal && 'border-dashed border-amber-400 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/40',
              )}
            >
              <header className="mb-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                <span className="font-medium">{author.name}</span>
                {internal ? (
                  <span className="rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-950 dark:bg-amber-800 dark:text-amber-50">
                    Internal note
                  </span>
                ) : null}
                {author.name !== author.tag ? (
                  <span
                    className={cn(
                      'rounded px-1.5 py-0.5 text-xs font-medium',
                      agency ? 'bg-primary/10 text-primary' : 'bg-secondary text-secondary-foreground',
                    )}
                  >
                    {author.tag}
                  </span>
                ) : null}
                <span aria-hidden="true" className="text-muted-foreground">
                  ·
                </span>
                <RelativeTime date={c.createdAt} className="text-muted-foreground" />
              </header>
              <CommentText text={c.content} className="text-sm leading-relaxed" />
            </article>
          </li>
        );
      })}
    </ol>
  );
}
