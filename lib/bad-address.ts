// An address whose path cannot be percent-decoded (a truncated or hand-edited link: "%E0%A4%A").
// Next.js answers those with a bare "Internal Server Error"; the proxy answers 400 with a page
// that says what is wrong and links home.
import { plainAnswer, plainPage } from './plain-page';

/** True when the path holds a broken percent-escape. */
export function undecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

const PAGE = plainPage({
  title: 'Address not valid',
  heading: 'This address is not valid',
  paragraphs: ['The link may have been cut short or changed by hand. Check it, or start again from your home page.'],
  link: { href: '/', label: 'Go to the portal' },
});

export function badAddressResponse(request: Request): Response {
  return plainAnswer(request, 400, PAGE, 'Bad request: the address is not valid.', { 'Cache-Control': 'no-store' });
}
