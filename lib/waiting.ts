import type { TicketStatus } from '@/db/schema';

// "Whose move": who must act next on a ticket and how long each side has waited, derived from
// the ticket's status history (activity log status changes; creation counts as OPEN from
// created_at). Pure: no database, no clock of its own (`now` is passed in).

export type WaitingSide = 'agency' | 'client';

/** A status the ticket entered at `at` (the first event is the creation, status OPEN). */
export type StatusEvent = { at: Date; status: TicketStatus };

export type WaitingTimes = {
  /** Who must act next: the agency while OPEN, the client while PENDING, nobody otherwise. */
  waitingOn: WaitingSide | null;
  /** Since when the current side has been waited on (null when nobody is). */
  since: Date | null;
  /** Milliseconds the current wait has lasted (0 when nobody is waited on). */
  currentMs: number;
  /** Total milliseconds the ticket has waited on each side, the current stretch included. */
  agencyMs: number;
  clientMs: number;
};

export function sideWaitedOn(status: TicketStatus): WaitingSide | null {
  if (status === 'OPEN') return 'agency';
  if (status === 'PENDING') return 'client';
  return null;
}

/**
 * Walks the status history in time order. Events are sorted by time first (stable for equal
 * times); an event later than `now` is clipped to `now`; consecutive events with the same side
 * extend one stretch (OPEN → OPEN does not restart the clock).
 */
export function waitingTimes(events: readonly StatusEvent[], now: Date): WaitingTimes {
  const sorted = events
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.i - b.i);
  const totals: Record<WaitingSide, number> = { agency: 0, client: 0 };
  let current: WaitingSide | null = null;
  let since: Date | null = null;
  const end = now.getTime();

  for (const e of sorted) {
    const at = Math.min(e.at.getTime(), end);
    const side = sideWaitedOn(e.status);
    if (side === current) continue;
    if (current && since) totals[current] += Math.max(0, at - since.getTime());
    current = side;
    since = side ? new Date(at) : null;
  }
  let currentMs = 0;
  if (current && since) {
    currentMs = Math.max(0, end - since.getTime());
    totals[current] += currentMs;
  }
  return { waitingOn: current, since, currentMs, agencyMs: totals.agency, clientMs: totals.client };
}

/** Median of a list of numbers (null when empty). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** "3 d 4 h", "2 h 5 min", "4 min", "< 1 min". */
export function formatDuration(ms: number): string {
  const min = Math.floor(ms / 60_000);
  if (min < 1) return '< 1 min';
  const d = Math.floor(min / 1440);
  const h = Math.floor((min % 1440) / 60);
  const m = min % 60;
  if (d > 0) return h ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m ? `${h} h ${m} min` : `${h} h`;
  return `${m} min`;
}
