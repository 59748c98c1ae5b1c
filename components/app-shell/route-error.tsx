'use client';

import * as React from 'react';
import Link from '@/components/link';
import { AlertTriangleIcon } from 'lucide-react';

import { Button } from '@/components/ui/button';

type RouteErrorProps = {
  error: unknown;
  retry?: () => void;
  /** What failed, e.g. "your tickets". */
  what?: string;
  /** A safe place to go instead. */
  home?: { href: string; label: string };
};

/** The body of an error.tsx boundary: says what happened, offers a retry and a way out. */
export function RouteError({ error, retry, what = 'this page', home = { href: '/', label: 'Go to the start page' } }: RouteErrorProps) {
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => {
    console.error(error);
    headingRef.current?.focus();
  }, [error]);
  const digest = error instanceof Error && 'digest' in error ? String((error as { digest?: string }).digest ?? '') : '';

  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-center gap-4 rounded-xl border px-6 py-10 text-center">
      <div className="flex size-12 items-center justify-center rounded-full bg-destructive/10 text-destructive" aria-hidden="true">
        <AlertTriangleIcon className="size-6" />
      </div>
      <h1 ref={headingRef} tabIndex={-1} className="text-xl font-semibold outline-none">
        Something went wrong
      </h1>
      <p className="text-sm text-muted-foreground">
        We could not load {what}. Nothing you entered was lost on our side; please try again in a moment.
      </p>
      {digest ? <p className="font-mono text-xs text-muted-foreground">Reference: {digest}</p> : null}
      <div className="flex flex-wrap justify-center gap-2">
        {retry ? <Button onClick={() => retry()}>Try again</Button> : null}
        <Button variant="outline" asChild>
          <Link href={home.href}>{home.label}</Link>
        </Button>
      </div>
    </div>
  );
}
