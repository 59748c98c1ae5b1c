import * as React from 'react';

import type { WaitingTimes } from '@/lib/waiting';
import { formatDuration } from '@/lib/waiting';
import type { Side } from '@/lib/workflows';

/**
 * Who must act next on a ticket and for how long, with the total time waited on each side.
 * `side` is the reader's side: the client reads "you" / "the agency", staff "the client" / "us".
 */
export function WhoseMove({ waiting, side }: { waiting: WaitingTimes; side: Side }) {
  const agency = side === 'agency' ? 'The agency (us)' : 'The agency';
  const client = side === 'client' ? 'You' : 'The client';
  const who = waiting.waitingOn === 'agency' ? agency : waiting.waitingOn === 'client' ? client : null;
  return (
    <section aria-label="Whose move" className="space-y-2 text-sm">
      <p className="text-base font-semibold" data-testid="whose-move">
        {who ? `Waiting on: ${who}` : 'Nobody needs to act'}
        {who ? <span className="font-normal text-muted-foreground"> · for {formatDuration(waiting.currentMs)}</span> : null}
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-muted-foreground">Total wait on the agency</dt>
        <dd>{formatDuration(waiting.agencyMs)}</dd>
        <dt className="text-muted-foreground">Total wait on the client</dt>
        <dd>{formatDuration(waiting.clientMs)}</dd>
      </dl>
    </section>
  );
}
