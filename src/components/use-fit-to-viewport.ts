import { useCallback, useRef } from 'react';

/**
 * A ref callback that caps the element's height so that it ends at the bottom of the window (at least `min` px):
 * a long list scrolls inside its card and the first screen holds the card's head and first rows. Re-fitted when
 * the page's layout or the window changes.
 */
export function useFitToViewport<T extends HTMLElement>(min = 280): (el: T | null) => void {
  const cleanup = useRef<(() => void) | null>(null);
  return useCallback(
    (el: T | null) => {
      cleanup.current?.();
      cleanup.current = null;
      if (!el) return;
      const fit = () => {
        const top = el.getBoundingClientRect().top + window.scrollY;
        const px = `${Math.max(min, Math.floor(window.innerHeight - top - 16))}px`;
        if (el.style.maxHeight !== px) el.style.maxHeight = px;
      };
      fit();
      const ro = new ResizeObserver(fit);
      ro.observe(document.body);
      window.addEventListener('resize', fit);
      cleanup.current = () => {
        ro.disconnect();
        window.removeEventListener('resize', fit);
      };
    },
    [min],
  );
}
