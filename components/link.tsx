'use client';

import NextLink, { useLinkStatus } from 'next/link';
import * as React from 'react';

/**
 * next/link that prefetches on intent (pointer over it, keyboard focus, a touch) instead of as
 * soon as it scrolls into view. Every page here is dynamic, so a viewport prefetch is one server
 * request per visible link (the route tree, and the loading state where there is one): a list
 * page set off 30–59 of them, about 20 ms of server CPU each, on every view, more than the page
 * itself cost (docs/decisions/008-performance.md, seventh round). This is the pattern Next.js
 * documents for pages with many links ("Hover-triggered prefetch"); `prefetch={false}` still
 * turns prefetching off altogether.
 */
export default function Link({ prefetch, onMouseEnter, onFocus, onTouchStart, children, ...props }: React.ComponentProps<typeof NextLink>) {
  const [intent, setIntent] = React.useState(false);
  return (
    <NextLink
      {...props}
      prefetch={intent ? prefetch : false}
      onMouseEnter={(event) => {
        setIntent(true);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        setIntent(true);
        onTouchStart?.(event);
      }}
    >
      {children}
      <NavigationProgress />
    </NextLink>
  );
}

/**
 * While this link's navigation waits for the server, a thin bar across the top of the window
 * (`.nav-progress` in app/globals.css; it appears only after 150 ms, so quick answers show
 * nothing). Pages have no loading skeletons (docs/decisions/012), so this is the feedback a click
 * gets. Fixed-position, it takes no room in the link's own layout; nothing renders otherwise.
 */
function NavigationProgress() {
  const { pending } = useLinkStatus();
  return pending ? <span className="nav-progress" data-testid="navigation-progress" role="progressbar" aria-label="Loading the page" /> : null;
}
