import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Breakdowns } from '../features/breakdowns/components/Breakdowns';
import { Dashboard } from '../features/dashboard/components/Dashboard';
import { DatasetBadge } from '../features/dataset/components/DatasetBadge';
import { StoredDataProblem } from '../features/dataset/components/StoredDataProblem';
import { DrillDown } from '../features/drilldown/components/DrillDown';
import { FilterBar } from '../features/filters/components/FilterBar';
import { ImportPanel } from '../features/import/components/ImportPanel';
import { AgencyTableExport, DashboardChartExport } from '../features/review/components/Exports';
import { Presentation } from '../features/review/components/Presentation';
import { Report } from '../features/review/components/Report';
import { ReviewToolbar } from '../features/review/components/ReviewToolbar';
import { useShareableView } from '../features/review/hooks/use-shareable-view';
import { startAliasSync } from '../features/reconciliation/api/alias-sync';
import { Reconciliation } from '../features/reconciliation/components/Reconciliation';
import { PanelBoundary } from '../components/PanelBoundary';
import { LANGS } from '../lib/i18n';
import { useDatasetStore } from '../stores/dataset-store';
import { useReviewStore } from '../stores/review-store';
import { useViewStore } from '../stores/view-store';
import { startData } from './dataset-lifecycle';
import { EngineDeadBanner, IgnoredSettingsNote } from './StatusBanners';
import { UpdatePrompt } from './UpdatePrompt';

let started = false;

export function App() {
  const { t } = useTranslation();
  const status = useDatasetStore((s) => s.status);
  const detail = useDatasetStore((s) => s.statusDetail);
  const lang = useViewStore((s) => s.lang);
  const setLang = useViewStore((s) => s.setLang);
  const mode = useReviewStore((s) => s.mode);
  useShareableView();

  useEffect(() => {
    if (started) return;
    started = true;
    const { setStatus } = useDatasetStore.getState();
    // The stored dataset, else the sample (src/app/dataset-lifecycle.ts).
    startData()
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
        <EngineDeadBanner />
        <IgnoredSettingsNote />
        <UpdatePrompt />
        <StoredDataProblem />
        <PanelBoundary name="dataset">
          <DatasetBadge />
        </PanelBoundary>
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
        {/* Each panel fails on its own (PanelBoundary): one that throws never blanks the others. */}
        {mode === 'dashboard' && (
          <PanelBoundary name="import">
            <ImportPanel />
          </PanelBoundary>
        )}
        {status === 'ready' && mode === 'dashboard' && (
          <>
            <PanelBoundary name="review-toolbar">
              <ReviewToolbar />
            </PanelBoundary>
            <PanelBoundary name="filters">
              <FilterBar />
            </PanelBoundary>
            <PanelBoundary name="dashboard">
              <Dashboard
                chartActions={<DashboardChartExport />}
                tableActions={<AgencyTableExport testId="export-dashboard-table" />}
              />
            </PanelBoundary>
            <PanelBoundary name="drilldown">
              <DrillDown />
            </PanelBoundary>
            <PanelBoundary name="breakdowns">
              <Breakdowns />
            </PanelBoundary>
            <PanelBoundary name="reconciliation">
              <Reconciliation />
            </PanelBoundary>
          </>
        )}
        {status === 'ready' && mode === 'report' && (
          <PanelBoundary name="report">
            <Report />
          </PanelBoundary>
        )}
        {status === 'ready' && mode === 'present' && (
          <PanelBoundary name="present">
            <Presentation />
          </PanelBoundary>
        )}
        <p className="muted small privacy">{t('app.privacy')}</p>
      </main>
    </div>
  );
}
