import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/** Merge conditional class names and resolve Tailwind conflicts (last wins). */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}

/**
 * A component's own classes, merged with a caller's `className` only when there is one.
 *
 * A component's own classes never conflict with each other, so tailwind-merge has nothing to
 * resolve until a caller adds classes. Its first call builds a map of every Tailwind class: about
 * 15 ms, 60–70 ms on Lighthouse's slowed-down phone, in the middle of hydration. The components
 * every page hydrates (the shell's buttons, labels, the reply box) pass no `className`, so a first
 * page load never pays it (docs/decisions/008-performance.md, tenth round).
 */
export function withClassName(own: ClassValue, className?: string): string {
  return className ? twMerge(clsx(own), className) : clsx(own);
}
