/**
 * 12,345: a whole number with its thousands grouped as en-GB writes them, without Intl.
 *
 * For components that hydrate: the first Intl formatter a page creates (toLocaleString included)
 * loads ICU's locale data, 30–80 ms of main thread in Chromium, before the page answers a click
 * (docs/decisions/008-performance.md, tenth round). lib/format.ts's `plural` and the staff pages'
 * counts use it too, so every grouped number in the portal is written by this one function.
 */
export function groupDigits(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
