'use client';

import NextLink from 'next/link';
import * as React from 'react';

import { navigationStarted } from '@/components/navigation-progress';

/**
 * next/link that prefetches on intent (pointer over it, keyboard focus, a touch) instead of as
 * soon as it scrolls into view. Every page here is dynamic, so a viewport prefetch is one server
 * request per visible link (the route tree, and the loading state where there is one): a list
 * page set off 30–59 of them, about 20 ms of server CPU each, on every view, more than the page
 * itself cost (docs/decisions/008-performance.md, seventh round). This is the pattern Next.js
 * documents for pages with many links ("Hover-triggered prefetch"); `prefetch={false}` still
 * turns prefetching off altogether.
 */
// `onNavigate` is this wrapper's own (it starts the progress bar); no caller needs one.
type LinkProps = Omit<React.ComponentProps<typeof NextLink>, 'href' | 'onNavigate'> & {
  /** A string (every link here is one), so the progress bar can compare it with the current URL. */
  href: string;
};

export default function Link({ prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: LinkProps) {
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
      // A client-side navigation starts (not a new tab, not a modified click): the progress bar
      // of components/navigation-progress.tsx shows while it waits.
      onNavigate={() => navigationStarted(props.href)}
    />
  );
}

