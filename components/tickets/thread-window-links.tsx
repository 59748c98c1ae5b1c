import Link from '@/components/link';

type Props = {
  /** The ticket page's own path (/tickets/T-… or /admin/tickets/T-…). */
  basePath: string;
  /** Where "Show earlier replies" leads (null: the first comment is already shown). */
  earlierCursor: string | null;
  /** True when this window is not the newest one (the page was opened with ?before=…). */
  olderWindow: boolean;
  position: 'top' | 'bottom';
};

/**
 * Plain links between the windows of a long thread (listThread: THREAD_PAGE_SIZE comments a window). Links,
 * not a client component: they work without JavaScript and add nothing to the page's bundle.
 */
export function ThreadWindowLinks({ basePath, earlierCursor, olderWindow, position }: Props) {
  if (position === 'top') {
    if (!earlierCursor) return null;
    return (
      <p className="mb-4 text-sm">
        <Link
          href={`${basePath}?before=${encodeURIComponent(earlierCursor)}`}
          className="font-medium text-primary underline-offset-4 hover:underline"
        >
          Show earlier replies
        </Link>
      </p>
    );
  }
  if (!olderWindow) return null;
  return (
    <p className="mt-4 text-sm text-muted-foreground">
      These are earlier replies.{' '}
      <Link href={basePath} className="font-medium text-primary underline-offset-4 hover:underline">
        Show the latest replies
      </Link>
    </p>
  );
}
