'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import * as React from 'react';

// While a link's client-side navigation waits for the server, a thin bar across the top of the
// window (`.nav-progress` in app/globals.css; it shows only after 150 ms, so quick answers show
// nothing). Pages have no loading skeletons (docs/decisions/012), so this is the feedback a click
// gets. The state lives here, not in the link: a link in the mobile menu or a dropdown is gone
// as soon as it is clicked, and one in a hidden menu could not show anything.

let pending = false;
let giveUp: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();
// A navigation that lands back on the URL already shown (a server redirect to the current page)
// changes neither path nor query, so nothing below would end it: the bar then stops by itself.
const GIVE_UP_MS = 15_000;

function setPending(value: boolean) {
  clearTimeout(giveUp);
  if (value) giveUp = setTimeout(() => setPending(false), GIVE_UP_MS);
  if (pending === value) return;
  pending = value;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Called by components/link.tsx when a navigation to another URL starts. */
export function navigationStarted(href: string) {
  const target = new URL(href, window.location.href);
  // Same page (or only its #fragment): the path and query do not change, so nothing would end it.
  if (target.pathname === window.location.pathname && target.search === window.location.search) return;
  setPending(true);
}

function NavigationEnd() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  // The new page has been committed: its URL is now this component's.
  React.useEffect(() => setPending(false), [pathname, search]);
  return null;
}

export function NavigationProgress() {
  const isPending = React.useSyncExternalStore(subscribe, () => pending, () => false);
  return (
    <>
      {/* useSearchParams needs a boundary on pages rendered at build time (/_not-found). */}
      <React.Suspense fallback={null}>
        <NavigationEnd />
      </React.Suspense>
      {isPending ? <span className="nav-progress" data-testid="navigation-progress" role="progressbar" aria-label="Loading the page" /> : null}
    </>
  );
}
