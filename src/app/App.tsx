import { Suspense, lazy, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Breakdowns } from '../features/breakdowns/components/Breakdowns';
import { Dashboard } from '../features/dashboard/components/Dashboard';
import { DatasetBadge } from '../features/dataset/components/DatasetBadge';
import { loadSample } from '../features/import/api/import-files';
import { FilterBar } from '../features/filters/components/FilterBar';
import { ImportPanel } from '../features/import/components/ImportPanel';
import { ReviewToolbar } from '../features/review/components/ReviewToolbar';
import { useShareableView } from '../features/review/hooks/use-shareable-view';
import { startAliasSync } from '../features/reconciliation/api/alias-sync';
import { Reconciliation } from '../features/reconciliation/components/Reconciliation';
import { LANGS } from '../lib/i18n';
import { useDatasetStore } from '../stores/dataset-store';
import { useReviewStore } from '../stores/review-store';
import { useViewStore } from '../stores/view-store';

// What the first view does not need is loaded when it is first shown: the drill-down (an agency clicked), the
// review kit (report, presentation, export menus with the Excel writer).
const DrillDown = lazy(() =>
  import('../features/drilldown/components/DrillDown').then((m) => ({ default: m.DrillDown })),
);
const Report = lazy(() =>
  import('../features/review/components/Report').then((m) => ({ default: m.Report })),
);
const Presentation = lazy(() =>
  import('../features/review/components/Presentation').then((m) => ({ default: m.Presentation })),
);
const DashboardChartExport = lazy(() =>
  import('../features/review/components/Exports').then((m) => ({ default: m.DashboardChartExport })),
);
const AgencyTableExport = lazy(() =>
  import('../features/review/components/Exports').then((m) => ({ default: m.AgencyTableExport })),
);

let started = false;

export function App() {
  const { t } = useTranslation();
  const status = useDatasetStore((s) => s.status);
  const detail = useDatasetStore((s) => s.statusDetail);
  const lang = useViewStore((s) => s.lang);
  const setLang = useViewStore((s) => s.setLang);
  const mode = useReviewStore((s) => s.mode);
  const drilling = useViewStore((s) => s.selectedAgency !== null);
  useShareableView();

  useEffect(() => {
    if (started) return;
    started = true;
    const { setStatus } = useDatasetStore.getState();
    loadSample()
      .then(() => startAliasSync())
      .then(() => setStatus('ready'))
      .catch((e: unknown) => setStatus('error', e instanceof Error ? e.message : String(e)));
  }, []);

  return (
    <div className="app" data-status={status}>
      <header className="app-header">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <div className="header-right">
          <label htmlFor="lang">{t('app.language')}</label>{' '}
          <select id="lang" value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'id')}>
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {l === 'id' ? 'Bahasa Indonesia' : 'English'}
              </option>
            ))}
          </select>
        </div>
      </header>
      <main>
        <DatasetBadge />
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
        {mode === 'dashboard' && <ImportPanel />}
        {status === 'ready' && mode === 'dashboard' && (
          <>
            <ReviewToolbar />
            <FilterBar />
            <Dashboard
              chartActions={
                <Suspense fallback={null}>
                  <DashboardChartExport />
                </Suspense>
              }
              tableActions={
                <Suspense fallback={null}>
                  <AgencyTableExport testId="export-dashboard-table" />
                </Suspense>
              }
            />
            {drilling && (
              <Suspense fallback={<p className="busy">{t('app.loadingPart')}</p>}>
                <DrillDown />
              </Suspense>
            )}
            <Breakdowns />
            <Reconciliation />
          </>
        )}
        <Suspense fallback={<p className="busy">{t('app.loadingPart')}</p>}>
          {status === 'ready' && mode === 'report' && <Report />}
          {status === 'ready' && mode === 'present' && <Presentation />}
        </Suspense>
        <p className="muted small privacy">{t('app.privacy')}</p>
      </main>
    </div>
  );
}
