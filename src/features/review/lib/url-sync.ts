import { onBeforeNavigate } from '../../../stores/before-navigate';
import { decodeView, encodeView } from '../../../stores/view-url';
import { useViewStore, type ViewState } from '../../../stores/view-store';

/** Apply the view state a shared link carries (validated; invalid or unknown values are ignored). */
export function applyViewFromUrl(search: string): boolean {
  const parsed = decodeView(new URLSearchParams(search));
  if (!parsed || Object.keys(parsed).length === 0) return false;
  useViewStore.setState(parsed);
  return true;
}

let last: { state: ViewState; hash: string; url: string } | null = null;

/**
 * The current view as a link: this page's address with the view parameters; never the data. Built again only when
 * the view state or the open view changed (the share link asks at every render of the page).
 */
export function currentViewUrl(): string {
  const state = useViewStore.getState();
  const hash = window.location.hash;
  if (last?.state === state && last.hash === hash) return last.url;
  const url = new URL(window.location.href);
  url.search = encodeView(state).toString();
  last = { state, hash, url: url.toString() };
  return last.url;
}

/**
 * Keep the address bar in step with the view, without adding history entries. Returns the unsubscribe.
 * `history.replaceState` costs the main thread 1–4 ms, as much as drawing the new figures: it is not done in the
 * control's event (where it delayed the busy mark and the answer alike) but in the next task, while the engine
 * computes the new figures and the page would wait anyway (several changes in one task: one write), and at once
 * before the app opens another view (a new history entry takes the address as it is), after back / forward, and
 * when the page is hidden. A reload after the new figures are shown reloads the new view.
 */
export function syncUrlWithView(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const next = currentViewUrl();
    if (next !== window.location.href) window.history.replaceState(window.history.state, '', next);
  };
  const later = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, 0);
  };
  const now = () => {
    if (timer !== null) write();
  };
  write();
  const offStore = useViewStore.subscribe(later);
  const offNav = onBeforeNavigate(now);
  window.addEventListener('popstate', now);
  window.addEventListener('pagehide', now);
  return () => {
    now();
    offStore();
    offNav();
    window.removeEventListener('popstate', now);
    window.removeEventListener('pagehide', now);
  };
}
