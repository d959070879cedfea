import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Breakdowns } from '../features/breakdowns/components/Breakdowns';
import { Dashboard } from '../features/dashboard/components/Dashboard';
import { DatasetBadge } from '../features/dataset/components/DatasetBadge';
import { loadSample } from '../features/import/api/import-files';
import { DrillDown } from '../features/drilldown/components/DrillDown';
import { FilterBar } from '../features/filters/components/FilterBar';
import { ImportPanel } from '../features/import/components/ImportPanel';
import { PemdaRanking } from '../features/pemda/components/PemdaRanking';
import { YearOverYear } from '../features/pemda/components/YearOverYear';
import { AgencyTableExport, DashboardChartExport } from '../features/review/components/Exports';
import { Presentation } from '../features/review/components/Presentation';
import { Report } from '../features/review/components/Report';
import { ReviewToolbar } from '../features/review/components/ReviewToolbar';
import { useShareableView } from '../features/review/hooks/use-shareable-view';
import { startAliasSync } from '../features/reconciliation/api/alias-sync';
import { Reconciliation } from '../features/reconciliation/components/Reconciliation';
import { LANGS } from '../lib/i18n';
import { useDatasetStore } from '../stores/dataset-store';
import { useReviewStore } from '../stores/review-store';
import { useViewStore } from '../stores/view-store';

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
            <PemdaRanking />
            <Dashboard
              chartActions={<DashboardChartExport />}
              tableActions={<AgencyTableExport testId="export-dashboard-table" />}
            />
            <YearOverYear />
            <DrillDown />
            <Breakdowns />
            <Reconciliation />
          </>
        )}
        {status === 'ready' && mode === 'report' && <Report />}
        {status === 'ready' && mode === 'present' && <Presentation />}
        <p className="muted small privacy">{t('app.privacy')}</p>
      </main>
    </div>
  );
}
