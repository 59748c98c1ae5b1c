'use client';

import * as React from 'react';

// Replaces the root layout when it fails: its own <html> and <body>, no app styles or theme, so
// the few styles here are inline and follow the system colour scheme.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  React.useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && 'digest' in error ? String((error as { digest?: string }).digest ?? '') : '';

  return (
    <html lang="en">
      <head>
        <title>Something went wrong · Agency Portal</title>
        <meta name="color-scheme" content="light dark" />
      </head>
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: 0, padding: '4rem 1rem', display: 'flex', justifyContent: 'center' }}>
        <main role="alert" style={{ maxWidth: '32rem', textAlign: 'center' }}>
          <h1 style={{ fontSize: '1.5rem', marginBottom: '0.75rem' }}>Something went wrong</h1>
          <p style={{ lineHeight: 1.5 }}>The portal could not be displayed. Please try again in a moment.</p>
          {digest ? <p style={{ fontFamily: 'monospace', fontSize: '0.8rem', opacity: 0.7 }}>Reference: {digest}</p> : null}
          <p style={{ display: 'flex', gap: '0.5rem', justifyContent: 'center', marginTop: '1.5rem' }}>
            <button type="button" onClick={() => retry()} style={{ padding: '0.5rem 1rem', fontSize: '1rem', cursor: 'pointer' }}>
              Try again
            </button>
            {/* A full page load on purpose: the root layout itself failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" style={{ padding: '0.5rem 1rem', fontSize: '1rem' }}>
              Go to the start page
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
