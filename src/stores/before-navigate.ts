const listeners = new Set<() => void>();

/**
 * Call `fn` before the app pushes a history entry (route-store.ts `navigate`), to write what the address must
 * carry first (the view state, src/features/review/lib/url-sync.ts); returns the stop. Its own module, free of
 * `window`, so that what registers here loads without a page.
 */
export function onBeforeNavigate(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Run the listeners (route-store.ts, just before `history.pushState`). */
export function beforeNavigate(): void {
  for (const fn of listeners) fn();
}
