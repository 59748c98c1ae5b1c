/**
 * The staff dashboard's chart labels, written without Intl: the charts render while /admin
 * hydrates, and the first Intl formatter a page creates loads ICU's locale data (30–80 ms of
 * main thread; docs/decisions/008-performance.md, tenth round). tests/portal/format.test.ts
 * checks both against Intl's own output.
 */

const UNITS: [size: number, suffix: string][] = [
  [1e3, 'K'],
  [1e6, 'M'],
  [1e9, 'B'],
  [1e12, 'T'],
];

/** Tenths of `abs / size`, rounded half up (integer arithmetic, so 1,150 / 1,000 is 1.2, not 1.1). */
const tenths = (abs: number, size: number) => Math.round((abs * 10) / size);

/**
 * 999, 1K, 1.2K, 12.3K, 1M: a count in compact form with at most one decimal, as
 * `Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 })` writes it. The
 * value axes are 40 px wide, and at an agency's volume "1,200" lost its first digit to the edge.
 */
export function compactCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  // The largest unit the count reaches, or the next one up when rounding carries it to a
  // thousand of this one (999,950 → 1M, not 1000K).
  let unit = -1;
  for (let i = 0; i < UNITS.length; i++) if (abs >= UNITS[i][0]) unit = i;
  if (unit < UNITS.length - 1 && tenths(abs, unit < 0 ? 1 : UNITS[unit][0]) >= 10_000) unit += 1;
  if (unit < 0) return sign + String(Math.round(abs * 10) / 10);
  const [size, suffix] = UNITS[unit];
  return `${sign}${tenths(abs, size) / 10}${suffix}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/** "26 Nov" for the day "2026-11-26", as en-GB's short day and month write it ("Sept" included). */
export function shortDay(day: string): string {
  const match = /^\d{4}-(\d{2})-(\d{2})/.exec(day);
  if (!match) return day;
  const month = MONTHS[Number(match[1]) - 1];
  return month ? `${Number(match[2])} ${month}` : day;
}
