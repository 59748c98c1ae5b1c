import { describe, expect, it } from 'vitest';
import { groupDigits } from '@/lib/group-digits';
import { compactCount, shortDay } from '@/lib/chart-format';
import { formatCalendarDate, formatDate, formatDateTime, formatMoney, formatRelative, plural, toDateInputValue } from '@/lib/format';

describe('format', () => {
  it('groups digits as en-GB does, without Intl (lib/group-digits.ts)', () => {
    for (const n of [0, 7, 999, 1000, 9999, 10_000, 123_456, 1_000_000, 98_765_432, -1234]) {
      expect(groupDigits(n), String(n)).toBe(n.toLocaleString('en-GB'));
    }
  });

  it('writes the charts’ compact counts as Intl’s compact notation does, without Intl (lib/chart-format.ts)', () => {
    const intl = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
    const values = [0, 7, 999, 1000, 1049, 1050, 1150, 1250, 9999, 12_345, 99_949, 99_950, 999_949, 999_950, 1_000_000];
    values.push(1_234_567, 999_999_999, 1e9, 2.5e12, -1234, 0.25, 2.5, 999.94, 999.95);
    for (let digits = 1; digits <= 13; digits++) values.push(Number('9'.repeat(digits)), Number(`1${'4'.repeat(digits - 1)}5`));
    for (const n of values) expect(compactCount(n), String(n)).toBe(intl.format(n));
    expect(compactCount(1150)).toBe('1.2K'); // 1.15 is not exact in binary: rounded in tenths of the unit
    expect(compactCount(999_950)).toBe('1M'); // rounding carries into the next unit
  });

  it('writes the charts’ day labels as en-GB’s short day and month do, without Intl', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
    for (let month = 1; month <= 12; month++) {
      for (const day of [1, 9, 10, 28]) {
        const iso = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        expect(shortDay(iso), iso).toBe(intl.format(new Date(`${iso}T00:00:00Z`)));
      }
    }
    expect(shortDay('2026-09-05')).toBe('5 Sept');
    expect(shortDay('not a day')).toBe('not a day');
    expect(shortDay('2026-13-01')).toBe('2026-13-01');
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
