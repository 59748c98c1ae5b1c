// `toast.success(message)` / `toast.error(message)` without loading sonner up front.
//
// sonner (its toast store, <Toaster> and the CSS it injects when it loads: about 11 kB of
// compressed JavaScript) is needed only once something is announced, after an action. Every page
// used to load and run it at start-up for the root layout's <Toaster>; now the first toast loads
// it, and <Toaster> (./sonner.tsx) mounts sonner's toaster then. sonner replays the toasts created
// before its toaster subscribed, so the first one is shown too (docs/decisions/008-performance.md).

type Sonner = typeof import('sonner');

let sonner: Promise<Sonner> | null = null;
let needed = false;
const listeners = new Set<() => void>();

/** sonner itself, fetched once (a failed download is retried by the next toast). */
export function loadSonner(): Promise<Sonner> {
  sonner ??= import('sonner').catch((error: unknown) => {
    sonner = null;
    throw error;
  });
  return sonner;
}

/** Calls `listener` once a toast has been asked for (at once if one has been); returns an unsubscribe. */
export function whenToastNeeded(listener: () => void): () => void {
  if (needed) {
    listener();
    return () => {};
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function show(kind: 'success' | 'error', message: string): void {
  if (!needed) {
    needed = true;
    for (const listener of listeners) listener();
    listeners.clear();
  }
  void loadSonner().then(
    (s) => s.toast[kind](message),
    () => {},
  );
}

export const toast = {
  success: (message: string) => show('success', message),
  error: (message: string) => show('error', message),
};
