import { useEffect, useRef } from 'react';
import type { Route } from '../../stores/route-store';

/**
 * After a change of view, focus goes to the main region (as after a page load), so that a keyboard or screen
 * reader user starts at the new view's content; not on the first render, and not for the presentation, which
 * focuses its own slides.
 */
export function useFocusOnRouteChange(route: Route) {
  const main = useRef<HTMLElement>(null);
  const last = useRef(route);
  useEffect(() => {
    if (last.current === route) return;
    last.current = route;
    if (route !== 'presentasi') main.current?.focus({ preventScroll: false });
    window.scrollTo(0, 0);
  }, [route]);
  return main;
}
