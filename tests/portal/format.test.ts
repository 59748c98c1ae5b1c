import { describe, expect, it } from 'vitest';
import { groupDigits } from '@/lib/group-digits';
import { formatCalendarDate, formatDate, formatDateTime, formatMoney, formatRelative, plural, toDateInputValue } from '@/lib/format';

describe('format', () => {
  it('groups digits as en-GB does, without Intl (lib/group-digits.ts)', () => {
    for (const n of [0, 7, 999, 1000, 9999, 10_000, 123_456, 1_000_000, 98_765_432, -1234]) {
      expect(groupDigits(n), String(n)).toBe(n.toLocaleString('en-GB'));
    }
  });

  it('formats pounds in en-GB', () => {
    expect(formatMoney(2500)).toBe('£2,500');
    expect(formatMoney(2500.5)).toBe('£2,500.50');
    expect(formatMoney(19.99)).toBe('£19.99');
    expect(formatMoney(Math.fround(19.99))).toBe('£19.99'); // a float4 value from a `real` column
    expect(formatMoney(0)).toBe('£0');
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney(undefined, 'Not set')).toBe('Not set');
  });

  it('formats dates in en-GB', () => {
    expect(formatDate(new Date('2026-03-03T12:00:00Z'))).toBe('3 Mar 2026');
    expect(formatCalendarDate(new Date('2026-03-03T00:00:00Z'))).toBe('3 Mar 2026');
    expect(formatDateTime(new Date('2026-07-01T13:05:00Z'))).toMatch(/^1 Jul 2026, 14:05 (BST|GMT\+1)$/);
    expect(formatDate(null)).toBe('—');
    expect(toDateInputValue(new Date('2026-03-03T00:00:00Z'))).toBe('2026-03-03');
  });

  it('formats relative times', () => {
    const now = new Date('2026-03-03T12:00:00Z');
    expect(formatRelative(new Date('2026-03-03T11:59:50Z'), now)).toBe('just now');
    expect(formatRelative(new Date('2026-03-03T11:55:00Z'), now)).toBe('5 minutes ago');
    expect(formatRelative(new Date('2026-03-03T09:00:00Z'), now)).toBe('3 hours ago');
    expect(formatRelative(new Date('2026-03-02T12:00:00Z'), now)).toBe('yesterday');
    expect(formatRelative(new Date('2026-02-17T12:00:00Z'), now)).toBe('2 weeks ago');
  });

  it('pluralises', () => {
    expect(plural(1, 'comment')).toBe('1 comment');
    expect(plural(3, 'comment')).toBe('3 comments');
    expect(plural(1200, 'ticket')).toBe('1,200 tickets');
  });
});
