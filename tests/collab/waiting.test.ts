import { describe, expect, it } from 'vitest';
import { formatDuration, median, waitingTimes, type StatusEvent } from '@/lib/waiting';

const H = 3_600_000;
const t0 = new Date('2026-03-02T09:00:00Z');
const at = (hours: number) => new Date(t0.getTime() + hours * H);

describe('waitingTimes on a scripted history', () => {
  // Created 09:00 (OPEN, agency's move) → staff reply at +2 h (PENDING) → client reply at +26 h
  // (OPEN) → staff reply at +27 h (PENDING) → client resolves at +30 h → reopened at +40 h.
  const history: StatusEvent[] = [
    { at: at(0), status: 'OPEN' },
    { at: at(2), status: 'PENDING' },
    { at: at(26), status: 'OPEN' },
    { at: at(27), status: 'PENDING' },
    { at: at(30), status: 'RESOLVED' },
    { at: at(40), status: 'OPEN' },
  ];

  it('adds the stretches of each side and names whose move it is now', () => {
    const w = waitingTimes(history, at(43));
    expect(w.waitingOn).toBe('agency');
    expect(w.since).toEqual(at(40));
    expect(w.currentMs).toBe(3 * H);
    // agency: 0→2, 26→27, 40→43 = 2 + 1 + 3
    expect(w.agencyMs).toBe(6 * H);
    // client: 2→26, 27→30 = 24 + 3
    expect(w.clientMs).toBe(27 * H);
  });

  it('stops counting while RESOLVED or CLOSED: nobody must act', () => {
    const w = waitingTimes(history.slice(0, 5), at(35));
    expect(w.waitingOn).toBeNull();
    expect(w.since).toBeNull();
    expect(w.currentMs).toBe(0);
    expect(w.agencyMs).toBe(3 * H);
    expect(w.clientMs).toBe(27 * H);
  });

  it('waits on the client while PENDING', () => {
    const w = waitingTimes(history.slice(0, 2), at(5));
    expect(w.waitingOn).toBe('client');
    expect(w.currentMs).toBe(3 * H);
    expect(w.agencyMs).toBe(2 * H);
    expect(w.clientMs).toBe(3 * H);
  });

  it('sorts unordered events, ignores repeats of the same side and clips the future', () => {
    const w = waitingTimes(
      [
        { at: at(2), status: 'PENDING' },
        { at: at(0), status: 'OPEN' },
        { at: at(1), status: 'OPEN' },
        { at: at(99), status: 'CLOSED' },
      ],
      at(4),
    );
    expect(w.agencyMs).toBe(2 * H);
    expect(w.clientMs).toBe(2 * H);
    expect(w.waitingOn).toBeNull();
  });

  it('a brand-new ticket waits on the agency from its creation', () => {
    const w = waitingTimes([{ at: at(0), status: 'OPEN' }], at(0.5));
    expect(w).toMatchObject({ waitingOn: 'agency', currentMs: 0.5 * H, agencyMs: 0.5 * H, clientMs: 0 });
  });
});

describe('median and formatDuration', () => {
  it('computes medians', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('formats durations', () => {
    expect(formatDuration(30_000)).toBe('< 1 min');
    expect(formatDuration(5 * 60_000)).toBe('5 min');
    expect(formatDuration(2 * H + 5 * 60_000)).toBe('2 h 5 min');
    expect(formatDuration(27 * H)).toBe('1 d 3 h');
  });
});
