/** The first focusable element: jumps past the header to <main id="main">. */
export function SkipLink({ href = '#main', children = 'Skip to main content' }: { href?: string; children?: React.ReactNode }) {
  return (
    <a
      href={href}
      className="sr-only z-50 rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2"
    >
      {children}
    </a>
  );
}
