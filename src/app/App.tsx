import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { PanelBoundary } from '../components/PanelBoundary';
import { StoredDataProblem } from '../features/dataset/components/StoredDataProblem';
import { ImportPanel } from '../features/import/components/ImportPanel';
import { useShareableView } from '../features/review/hooks/use-shareable-view';
import { useViewPrefetch } from '../queries/prefetch';
import { usePrewarm } from '../queries/prewarm';
import { startAliasSync } from '../features/reconciliation/api/alias-sync';
import { useDatasetStore } from '../stores/dataset-store';
import { useRouteStore } from '../stores/route-store';
import { Header } from './shell/Header';
import { MeasureToolbar } from './shell/MeasureToolbar';
import { NavTabs } from './shell/NavTabs';
import { SampleBanner } from './shell/SampleBanner';
import { useFocusOnRouteChange } from './shell/use-focus-on-route';
import { RouteView, ViewHead } from './views';
import { startData } from './dataset-lifecycle';
import { EngineDeadBanner, IgnoredSettingsNote } from './StatusBanners';
import { UpdatePrompt } from './UpdatePrompt';

let started = false;

/** The app shell: header, the views' navigation, the measure toolbar, and the open view. */
export function App() {
  const { t } = useTranslation();
  const status = useDatasetStore((s) => s.status);
  const detail = useDatasetStore((s) => s.statusDetail);
  const route = useRouteStore((s) => s.route);
  const main = useFocusOnRouteChange(route);
  useShareableView();
  useViewPrefetch();
  usePrewarm();

  useEffect(() => {
    if (started) return;
    started = true;
    const { setStatus } = useDatasetStore.getState();
    // The stored dataset, else the sample (src/app/dataset-lifecycle.ts).
    startData()
      .then((start) => startAliasSync(start))
      .then(() => {
        performance.mark('pantau:status-ready'); // read by bench/first-chart.ts
        setStatus('ready');
      })
      .catch((e: unknown) => setStatus('error', e instanceof Error ? e.message : String(e)));
  }, []);

  // The presentation takes the whole screen; the report is a page of its own (printed without the shell).
  const bare = route === 'presentasi' || route === 'laporan';
  const measured = route === 'ringkasan' || route === 'perangkat-daerah' || route === 'rincian';
  return (
    <div className="app" data-status={status} data-route={route}>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('shell.skip')}
      </a>
      {!bare && (
        <>
          <Header />
          <NavTabs />
          {status === 'ready' && measured && <MeasureToolbar />}
          <SampleBanner />
        </>
      )}
      <main id="main" ref={main} tabIndex={-1} className={bare ? 'main-bare' : 'main'}>
        <EngineDeadBanner />
        <IgnoredSettingsNote />
        <UpdatePrompt />
        <StoredDataProblem />
        {status === 'starting' && (
          <p role="status" className="busy">
            {t('app.loadingEngine')}
          </p>
        )}
        {status === 'error' && (
          <p role="alert" className="notice notice-error">
            {t('app.engineFailed', { detail: detail ?? '' })}
          </p>
        )}
        {/* Mounted on every view so that an import goes on (and can be cancelled) while the user looks around. */}
        <div hidden={route !== 'data'} data-testid="data-import">
          {route === 'data' && <ViewHead route="data" measure={false} />}
          <PanelBoundary name="import">
            <ImportPanel />
          </PanelBoundary>
        </div>
        {status === 'ready' && (
          <ErrorBoundary key={route}>
            <RouteView route={route} />
          </ErrorBoundary>
        )}
        {!bare && <p className="muted small privacy">{t('app.privacy')}</p>}
      </main>
    </div>
  );
}

function skipToMain(e: React.MouseEvent) {
  // The hash is the router's: focus the main region instead of following the link.
  e.preventDefault();
  document.getElementById('main')?.focus();
}
