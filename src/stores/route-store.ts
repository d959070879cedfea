import { create } from 'zustand';
import { beforeNavigate } from './before-navigate';

/**
 * Which view of the app is open. The view lives in the URL's hash (`#/rincian`), the view state (KPI, basis,
 * filters…) in its query (see view-url.ts): a link carries both, the back button walks the views, and the built
 * app works from any static folder (`base: './'`) without a server rewriting paths.
 */
export const ROUTES = ['ringkasan', 'perangkat-daerah', 'rincian', 'data', 'presentasi', 'laporan'] as const;
export type Route = (typeof ROUTES)[number];

const DEFAULT_ROUTE: Route = 'ringkasan';

/** `#/rincian` → 'rincian'; an empty or unknown hash is the default view (a link is never an error page). */
function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[?#/]/)[0] ?? '';
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : DEFAULT_ROUTE;
}

export const hrefOf = (route: Route): string => (route === DEFAULT_ROUTE ? '#/' : `#/${route}`);

interface RouteState {
  route: Route;
}

const initial = typeof window === 'undefined' ? DEFAULT_ROUTE : routeFromHash(window.location.hash);

export const useRouteStore = create<RouteState>()(() => ({ route: initial }));

/** Marks history entries this app pushed, so that "back" inside the app can use the browser's history. */
interface EntryState {
  pantauFrom?: Route;
}

/** Open a view: a new history entry (the back button returns), the query (view state) kept. */
export function navigate(route: Route): void {
  const from = useRouteStore.getState().route;
  if (route === from) return;
  beforeNavigate();
  const url = new URL(window.location.href);
  url.hash = hrefOf(route);
  window.history.pushState({ pantauFrom: from } satisfies EntryState, '', url);
  useRouteStore.setState({ route });
}

/**
 * Leave a view that was opened over another (presentation, report): back to where the user came from when this
 * app opened it, else (a link straight to it) to the default view.
 */
let leaving = false;

export function leave(): void {
  // Leaving twice (Esc, then the end of full screen) must not walk back two entries.
  if (leaving) return;
  const state = window.history.state as EntryState | null;
  if (state?.pantauFrom) {
    leaving = true;
    window.history.back();
    return;
  }
  const url = new URL(window.location.href);
  url.hash = hrefOf(DEFAULT_ROUTE);
  window.history.replaceState(null, '', url);
  useRouteStore.setState({ route: DEFAULT_ROUTE });
}

if (typeof window !== 'undefined') {
  // Back/forward, or a hash typed or followed from a plain link.
  const sync = () => {
    leaving = false;
    const route = routeFromHash(window.location.hash);
    if (route !== useRouteStore.getState().route) useRouteStore.setState({ route });
  };
  window.addEventListener('popstate', sync);
  window.addEventListener('hashchange', sync);
}
