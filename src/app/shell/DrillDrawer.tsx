import { useEffect, useRef } from 'react';
import { DrillDown } from '../../features/drilldown/components/DrillDown';
import { useViewStore } from '../../stores/view-store';

/**
 * The rows behind an agency, in a side panel over the view that opened it: Esc or the close button shuts it and
 * focus returns to the bar or row that opened it.
 */
export function DrillDrawer() {
  const agency = useViewStore((s) => s.selectedAgency);
  const close = useViewStore((s) => s.setSelectedAgency);
  const panel = useRef<HTMLElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!agency) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
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
  if (!agency) return null;
  return (
    <aside className="drawer" aria-labelledby="drill-title" ref={panel} tabIndex={-1} data-testid="drawer">
      <DrillDown />
    </aside>
  );
}
