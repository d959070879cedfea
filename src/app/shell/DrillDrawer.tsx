import { Suspense, lazy, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewStore } from '../../stores/view-store';

// Loaded when an agency is first opened (the first view does not need it).
const DrillDown = lazy(() =>
  import('../../features/drilldown/components/DrillDown').then((m) => ({ default: m.DrillDown })),
);

/**
 * The rows behind an agency, in a side panel over the view that opened it: Esc or the close button shuts it and
 * focus returns to the bar or row that opened it.
 */
export function DrillDrawer() {
  const { t } = useTranslation();
  const agency = useViewStore((s) => s.selectedAgency);
  const close = useViewStore((s) => s.setSelectedAgency);
  const panel = useRef<HTMLElement>(null);
  const opener = useRef<HTMLElement | SVGElement | null>(null);
  const [top, setTop] = useState(0);
  useEffect(() => {
    if (!agency) return;
    // A bar of the chart is an SVG element: it takes focus back too.
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement || active instanceof SVGElement ? active : null;
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) close(null);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (opener.current?.isConnected) opener.current.focus();
    };
  }, [agency, close]);
  // Below the header and the navigation: the views stay reachable while the panel is open.
  useLayoutEffect(() => {
    if (!agency) return;
    const place = () =>
      setTop(Math.max(0, document.querySelector('.app-nav')?.getBoundingClientRect().bottom ?? 0));
    place();
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, { passive: true });
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place);
    };
  }, [agency]);
  if (!agency) return null;
  return (
    <aside
      className="drawer"
      aria-labelledby="drill-title"
      ref={panel}
      tabIndex={-1}
      data-testid="drawer"
      style={{ top }}
    >
      <Suspense fallback={<p className="busy">{t('app.loadingPart')}</p>}>
        <DrillDown />
      </Suspense>
    </aside>
  );
}
