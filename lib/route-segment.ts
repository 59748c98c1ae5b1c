import { NotFoundError } from '@/lib/action-result';

/** Longer than any id or ticket number the portal issues. */
const SEGMENT_MAX = 200;

/**
 * A dynamic route segment (`[id]`, `[ticketNumber]`; Next hands it over percent-encoded) as the
 * value it names. One that cannot name a row — undecodable, blank, longer than any id, or with a
 * NUL byte, which PostgreSQL refuses with an error — is a NotFoundError: the page answers 404, as
 * for any unknown id, instead of failing.
 */
export function segmentValue(raw: string): string {
  let value: string;
  try {
    value = decodeURIComponent(raw).trim();
  } catch {
    throw new NotFoundError();
  }
  if (!value || value.length > SEGMENT_MAX || value.includes('\0')) throw new NotFoundError();
  return value;
}
