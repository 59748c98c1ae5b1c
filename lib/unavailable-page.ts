// The answer while the database is unreachable (lib/db-availability.ts): 503 with Retry-After,
// never cached, a readable page for a browser and a short text for a server action or a fetch.
import { plainAnswer, plainPage } from './plain-page';

export const RETRY_AFTER_SECONDS = 10;

const PAGE = plainPage({
  title: 'Temporarily unavailable',
  heading: 'The portal is temporarily unavailable',
  paragraphs: [
    'We cannot reach our database right now, so we cannot show this page. Nothing you saved earlier is lost.',
    'This usually passes within a minute or two. Please try again shortly.',
  ],
  link: { href: '', label: 'Try again' },
});

/** The 503 answer: the page for a browser, one line of text for a server action or an API client. */
export function unavailableResponse(request: Request): Response {
  return plainAnswer(
    request,
    503,
    PAGE,
    'The portal is temporarily unavailable (database unreachable). Please try again shortly.',
    { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' },
  );
}
