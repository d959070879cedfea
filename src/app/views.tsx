import { Suspense, lazy, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Breakdowns } from '../features/breakdowns/components/Breakdowns';
import { AgencyChart } from '../features/dashboard/components/AgencyChart';
import { AgencyTable } from '../features/dashboard/components/AgencyTable';
import { BelowTarget } from '../features/dashboard/components/BelowTarget';
import { KpiCards } from '../features/dashboard/components/KpiCards';
import { FilesLoaded } from '../features/dataset/components/FilesLoaded';
import { PemdaRanking } from '../features/pemda/components/PemdaRanking';
import { YearOverYear } from '../features/pemda/components/YearOverYear';
import { Reconciliation } from '../features/reconciliation/components/Reconciliation';
import {
  ComparisonLegend,
  ComparisonTable,
  ComparisonTotals,
} from '../features/review/components/Comparison';
import type { Route } from '../stores/route-store';
import { useViewStore } from '../stores/view-store';
import { DrillDrawer } from './shell/DrillDrawer';
import { MeasureLine } from './shell/MeasureToolbar';

// What the first view does not need is loaded when it is first shown: the report, the presentation and the export
// menus (with the Excel writer); the drill-down when an agency is opened (./shell/DrillDrawer.tsx).
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

/** A lazily loaded part: nothing (a tool) or a short busy line (a view) until its code is in. */
function Later({ children, busy = false }: { children: ReactNode; busy?: boolean }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={busy ? <p className="busy">{t('app.loadingPart')}</p> : null}>{children}</Suspense>
  );
}

const TITLE: Record<Route, string> = {
  ringkasan: 'shell.views.ringkasan',
  'perangkat-daerah': 'shell.views.agencies',
  rincian: 'shell.views.rincian',
  data: 'shell.views.data',
  presentasi: 'shell.views.presentasi',
  laporan: 'shell.views.laporan',
};

/** A view's heading, with the measure it shows (basis, KPI, denominator) for the views with figures. */
export function ViewHead({ route, measure = true }: { route: Route; measure?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="view-head">
      <h2 id={`view-title-${route}`} data-testid="view-title">
        {t(TITLE[route])}
      </h2>
      {measure && <MeasureLine />}
    </div>
  );
}

/** The open view. The Data view's import panel is mounted by the shell (see App). */
export function RouteView({ route }: { route: Route }) {
  switch (route) {
    case 'ringkasan':
      return <SummaryView />;
    case 'perangkat-daerah':
      return <AgenciesView />;
    case 'rincian':
      return <BreakdownsView />;
    case 'data':
      return <DataView />;
    case 'presentasi':
      return (
        <Later busy>
          <Presentation />
        </Later>
      );
    case 'laporan':
      return (
        <Later busy>
          <Report />
        </Later>
      );
  }
}

/** The answer first: the KPI cards, the ranking against the target, and who is below it by how much. */
function SummaryView() {
  return (
    <div className="view view-summary" data-testid="view-ringkasan">
      <ViewHead route="ringkasan" />
      <KpiCards />
      <PemdaRanking />
      <div className="summary-grid">
        <AgencyChart
          actions={
            <Later>
              <DashboardChartExport />
            </Later>
          }
        />
        <BelowTarget />
      </div>
      <YearOverYear />
      <DrillDrawer />
    </div>
  );
}

function AgenciesView() {
  return (
    <div className="view" data-testid="view-perangkat-daerah">
      <ViewHead route="perangkat-daerah" />
      <AgencyTable
        actions={
          <Later>
            <AgencyTableExport testId="export-dashboard-table" />
          </Later>
        }
      />
      <DrillDrawer />
    </div>
  );
}

function BreakdownsView() {
  const kpi = useViewStore((s) => s.kpi);
  const target = useViewStore((s) => s.targets[kpi]);
  const { t } = useTranslation();
  return (
    <div className="view" data-testid="view-rincian">
      <ViewHead route="rincian" />
      <Breakdowns />
      <section className="panel" aria-labelledby="rincian-cmp-title" data-testid="rincian-cmp">
        <h3 id="rincian-cmp-title">{t('review.slides.realisasi')}</h3>
        <ComparisonTotals kpi={kpi} />
        <ComparisonLegend kpi={kpi} target={target} />
        <div className="table-scroll">
          <ComparisonTable kpi={kpi} idPrefix="rincian-cmp" testId="rincian-cmp-table" />
        </div>
      </section>
    </div>
  );
}

function DataView() {
  return (
    <div className="view" data-testid="view-data">
      <FilesLoaded />
      <Reconciliation />
    </div>
  );
}
