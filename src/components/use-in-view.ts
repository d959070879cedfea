import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether the element is on screen: a panel below the fold asks the engine for its figures only when the user
 * scrolls to it, instead of at every view change. `margin` grows (or, negative, shrinks) the screen's box; the
 * default wants the element's top 40 px above the bottom edge, not just touching it. `active`: watched only from
 * when it is true (e.g. once the content above has its final size; while a page is still being laid out, an
 * element low on it can pass through the screen). Without IntersectionObserver, always true.
 */
export function useInView(
  ref: RefObject<Element | null>,
  active = true,
  margin = '0px 0px -40px 0px',
): boolean {
  const [inView, setInView] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (!active || !el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => setInView(entries.some((e) => e.isIntersecting)), {
      rootMargin: margin,
    });
    io.observe(el);
    return () => io.disconnect();
  }, [ref, active, margin]);
  return active && inView;
}
