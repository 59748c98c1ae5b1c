import * as React from 'react';

import { cn } from '@/lib/utils';

type EmptyStateProps = {
  /** A decorative icon (hidden from assistive technology). */
  icon?: React.ReactNode;
  title: string;
  /** What this place is for, and the next step to take. */
  description?: React.ReactNode;
  /** The next step: usually a link styled as a button. */
  action?: React.ReactNode;
  className?: string;
  /** Heading level of the title (default h2). */
  as?: 'h2' | 'h3';
};

/** What to show when a list is empty: what goes here and the next step to take. */
export function EmptyState({ icon, title, description, action, className, as: Heading = 'h2' }: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      className={cn(
        'flex flex-col items-center justify-center gap-3 rounded-xl border border-dashed px-6 py-10 text-center',
        className,
      )}
    >
      {icon ? (
        <div className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg]:size-6" aria-hidden="true">
          {icon}
        </div>
      ) : null}
      <Heading className="text-lg font-semibold">{title}</Heading>
      {description ? <p className="max-w-md text-sm text-muted-foreground">{description}</p> : null}
      {action ? <div className="mt-2 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}
