import * as React from 'react';
import Link from '@/components/link';
import { ChevronLeftIcon } from 'lucide-react';

import { cn } from '@/lib/utils';

type PageHeaderProps = {
  title: React.ReactNode;
  /** A line under the title. */
  description?: React.ReactNode;
  /** Small text above the title (e.g. a ticket number). */
  eyebrow?: React.ReactNode;
  /** A "back" link shown above the title. */
  back?: { href: string; label: string };
  /** Buttons or links at the right (below the title on small screens). */
  actions?: React.ReactNode;
  /** Badges or meta next to the title. */
  children?: React.ReactNode;
  className?: string;
};

/** The page's one <h1>, with optional back link, description and actions. */
export function PageHeader({ title, description, eyebrow, back, actions, children, className }: PageHeaderProps) {
  return (
    <div className={cn('mb-6 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between', className)}>
      <div className="min-w-0 space-y-1.5">
        {back ? (
          <Link
            href={back.href}
            className="inline-flex items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground"
          >
            <ChevronLeftIcon className="size-4" aria-hidden="true" />
            {back.label}
          </Link>
        ) : null}
        {eyebrow ? <p className="font-mono text-sm text-muted-foreground">{eyebrow}</p> : null}
        <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">{title}</h1>
        {description ? <p className="text-muted-foreground">{description}</p> : null}
        {children ? <div className="flex flex-wrap items-center gap-2 pt-1">{children}</div> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}
