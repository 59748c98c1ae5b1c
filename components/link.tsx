'use client';

import NextLink from 'next/link';
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
export default function Link({ prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: React.ComponentProps<typeof NextLink>) {
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
    />
  );
}
