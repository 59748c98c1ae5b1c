import type { ProjectStatus, ProjectType, Role, TicketStatus } from '@/db/schema';
import { groupDigits } from '@/lib/group-digits';

// Display formatting for the portal: money in pounds and dates in en-GB, wherever rendered.
// Server-rendered times use Europe/London so that the server and the browser agree on the text
// (no hydration mismatch and no surprise day shift for a UK agency).

export const LOCALE = 'en-GB';
export const TIME_ZONE = 'Europe/London';

// Each formatter is built on its first use: building the first one loads ICU's locale data (30–80
// ms of main thread in a browser), and client components import this module for its labels only
// (docs/decisions/008-performance.md, tenth round).
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const money = once(() => new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'GBP',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
}));
const moneyWhole = once(() => new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'GBP',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
}));

/** £2,500.50 — or "—" when there is no amount. Whole pounds drop the pence (£2,500). */
export function formatMoney(amount: number | null | undefined, fallback = '—'): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return fallback;
  // `real` columns come back as float4 approximations (2500.5 → 2500.5, 19.99 → 19.9899…).
  const rounded = Math.round(amount * 100) / 100;
  return Number.isInteger(rounded) ? moneyWhole().format(rounded) : money().format(rounded);
}

type DateInput = Date | string | number | null | undefined;

function toDate(value: DateInput): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

const dateFmt = once(() => new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: TIME_ZONE,
}));
const dateTimeFmt = once(() => new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: TIME_ZONE,
  timeZoneName: 'short',
}));
const timeFmt = once(() => new Intl.DateTimeFormat(LOCALE, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: TIME_ZONE,
  timeZoneName: 'short',
}));
// Calendar dates (project start/end) are stored as UTC midnight: show them in UTC.
const calendarFmt = once(() => new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
}));

/** 3 Mar 2026 */
export function formatDate(value: DateInput, fallback = '—'): string {
  const d = toDate(value);
  return d ? dateFmt().format(d) : fallback;
}

/** 3 Mar 2026, 14:05 GMT — the exact time shown on hover. */
export function formatDateTime(value: DateInput, fallback = '—'): string {
  const d = toDate(value);
  return d ? dateTimeFmt().format(d) : fallback;
}

/** 14:05:32 GMT — a time of day to the second (the dashboard's "Figures as of"). */
export function formatTime(value: DateInput, fallback = '—'): string {
  const d = toDate(value);
  return d ? timeFmt().format(d) : fallback;
}

/** A calendar date stored at UTC midnight (desired start/end): 3 Mar 2026. */
export function formatCalendarDate(value: DateInput, fallback = '—'): string {
  const d = toDate(value);
  return d ? calendarFmt().format(d) : fallback;
}

/** YYYY-MM-DD of a calendar date (for <input type="date"> values). */
export function toDateInputValue(value: DateInput): string {
  const d = toDate(value);
  return d ? d.toISOString().slice(0, 10) : '';
}

const relative = once(() => new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto' }));
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 minutes ago", "yesterday", "just now". */
export function formatRelative(value: DateInput, now: Date = new Date(), fallback = '—'): string {
  const d = toDate(value);
  if (!d) return fallback;
  const seconds = Math.round((d.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  for (const [unit, size] of UNITS) {
    if (abs >= size || unit === 'minute') {
      return relative().format(Math.round(seconds / size), unit);
    }
  }
  return 'just now';
}

// ---------------------------------------------------------------------------------------------
// Labels for enums
// ---------------------------------------------------------------------------------------------

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  PENDING: 'Pending',
  APPROVED: 'Approved',
  IN_PROGRESS: 'In progress',
  REVIEW: 'Review',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};

export const PROJECT_STATUS_DESCRIPTIONS: Record<ProjectStatus, string> = {
  PENDING: 'Requested — waiting for the agency to approve it',
  APPROVED: 'Approved — work will start soon',
  IN_PROGRESS: 'The agency is working on it',
  REVIEW: 'Ready for your review',
  COMPLETED: 'Delivered and complete',
  CANCELLED: 'Cancelled',
};

export const PROJECT_TYPE_LABELS: Record<ProjectType, string> = {
  WEBSITE: 'Website',
  E_COMMERCE: 'E-commerce',
  WEB_APP: 'Web app',
  MOBILE_APP: 'Mobile app',
  BRANDING: 'Branding',
  MARKETING: 'Marketing',
  OTHER: 'Other',
};

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  OPEN: 'Open',
  PENDING: 'Pending',
  RESOLVED: 'Resolved',
  CLOSED: 'Closed',
};

/** What a status means for the side looking at it. */
export const TICKET_STATUS_HINTS: Record<'client' | 'agency', Record<TicketStatus, string>> = {
  client: {
    OPEN: 'Waiting for the agency',
    PENDING: 'Waiting for your reply',
    RESOLVED: 'Resolved — reply or reopen if you need more help',
    CLOSED: 'Closed by the agency',
  },
  agency: {
    OPEN: 'Waiting for the agency',
    PENDING: 'Waiting for the client',
    RESOLVED: 'Resolved',
    CLOSED: 'Closed',
  },
};

export const ROLE_LABELS: Record<Role, string> = {
  CLIENT: 'Client',
  ADMIN: 'Admin',
  SUPER_ADMIN: 'Super admin',
};

export function projectStatusLabel(s: ProjectStatus): string {
  return PROJECT_STATUS_LABELS[s] ?? s;
}
export function projectTypeLabel(t: ProjectType): string {
  return PROJECT_TYPE_LABELS[t] ?? t;
}
export function ticketStatusLabel(s: TicketStatus): string {
  return TICKET_STATUS_LABELS[s] ?? s;
}

/** "1 comment", "3 comments". */
export function plural(n: number, one: string, many = `${one}s`): string {
  // groupDigits, not toLocaleString: the staff's delete preview calls this in the browser.
  return `${groupDigits(n)} ${n === 1 ? one : many}`;
}
