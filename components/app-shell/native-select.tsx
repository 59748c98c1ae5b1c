import * as React from 'react';

import { clsx } from 'clsx';

import { withClassName } from '@/lib/utils';

// Joined once, when the module loads: with clsx, as these classes never override each other
// (tailwind-merge's first call is costly: withClassName in lib/utils.ts).
const nativeSelectClass = clsx(
  'flex h-9 w-full rounded-md border border-input bg-transparent px-3 py-1 text-base shadow-xs outline-none md:text-sm dark:bg-input/30',
  'focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50',
  'aria-invalid:border-destructive disabled:cursor-not-allowed disabled:opacity-50',
  '[&>option]:bg-background [&>option]:text-foreground',
);

/** A styled native <select>: keyboard and screen-reader friendly, works without JavaScript. */
export function NativeSelect({ className, ...props }: React.ComponentProps<'select'>) {
  return <select data-slot="native-select" className={withClassName(nativeSelectClass, className)} {...props} />;
}
