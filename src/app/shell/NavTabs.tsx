import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ShareLink } from '../../features/review/components/ShareLink';
import { hrefOf, navigate, ROUTES, useRouteStore, type Route } from '../../stores/route-store';

const LABEL: Record<Route, string> = {
  ringkasan: 'shell.views.ringkasan',
  'perangkat-daerah': 'shell.views.agencies',
  rincian: 'shell.views.rincian',
  data: 'shell.views.data',
  presentasi: 'shell.views.presentasi',
  laporan: 'shell.views.laporan',
};

/** Existing test ids of the buttons that opened the review views: the links that open them now. */
const TEST_ID: Partial<Record<Route, string>> = { presentasi: 'open-presentation', laporan: 'open-report' };

/** The views, as links: each has its own address (shareable, new tab, back button). */
export function NavTabs() {
  const { t } = useTranslation();
  const route = useRouteStore((s) => s.route);
  const follow = (r: Route) => (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // new tab/window: the browser's
    e.preventDefault();
    navigate(r);
  };
  return (
    <nav className="app-nav" aria-label={t('shell.nav')}>
      <ul>
        {ROUTES.map((r) => (
          <li key={r} className={r === 'presentasi' ? 'nav-review' : undefined}>
            <a
              href={hrefOf(r)}
              aria-current={r === route ? 'page' : undefined}
              onClick={follow(r)}
              data-testid={TEST_ID[r] ?? `nav-${r}`}
              data-route={r}
            >
              {t(LABEL[r])}
            </a>
          </li>
        ))}
      </ul>
      <ShareLink />
    </nav>
  );
}
