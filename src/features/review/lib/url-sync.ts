import { decodeView, encodeView } from '../../../stores/view-url';
import { useViewStore } from '../../../stores/view-store';

/** Apply the view state a shared link carries (validated; invalid or unknown values are ignored). */
export function applyViewFromUrl(search: string): boolean {
  const parsed = decodeView(new URLSearchParams(search));
  if (!parsed || Object.keys(parsed).length === 0) return false;
  useViewStore.setState(parsed);
  return true;
}

/** The current view as a link: this page's address with the view parameters; never the data. */
export function currentViewUrl(): string {
  const url = new URL(window.location.href);
  url.search = encodeView(useViewStore.getState()).toString();
  return url.toString();
}

/** Keep the address bar in step with the view, without adding history entries. Returns the unsubscribe. */
export function syncUrlWithView(): () => void {
  const write = () => {
    const next = currentViewUrl();
    if (next !== window.location.href) window.history.replaceState(window.history.state, '', next);
  };
  write();
  return useViewStore.subscribe(write);
}
