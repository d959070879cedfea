import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../../components/ExportMenu';
import type { ChartExportSpec } from '../../../lib/chart-export';
import { formatPercent } from '../../../lib/format';
import type { Kpi } from '../../../p3dn/metrics';
import { useViewStore } from '../../../stores/view-store';
import { useMetode, useReviewAgencies, useReviewMeta } from '../api/get-review-data';
import { agencyExportTable, basisLine, filtersText, metodeExportTable, targetsText } from '../lib/tables';
import { MEETS_COLOR, MISSES_COLOR, TOTAL_COLOR, UMK_COLOR } from '../../../lib/palette';

function useView() {
  const kpi = useViewStore((s) => s.kpi);
  const denominator = useViewStore((s) => s.denominator);
  const targets = useViewStore((s) => s.targets);
  const sort = useViewStore((s) => s.sort);
  const lang = useViewStore((s) => s.lang);
  const basis = useViewStore((s) => s.basis);
  const filters = useViewStore((s) => s.filters);
  const { data: agencies } = useReviewAgencies();
  const agencyName = (key: string) => agencies?.find((a) => a.agencyKey === key)?.name;
  return { view: { kpi, denominator, targets, sort, basis, filters, agencyName }, lang };
}

/** Title, basis and legend written into an exported ranking chart. */
function useRankingSpec(kpi: Kpi): () => ChartExportSpec {
  const { t } = useTranslation();
  const { view, lang } = useView();
  const { data: meta } = useReviewMeta();
  return () => ({
    title: t(`basis.chartTitle_${view.basis}`, { kpi: t(`kpi.${kpi}`) }),
    lines: [
      `${meta?.pemda ?? ''}${meta?.year != null ? ` · ${t('dataset.fiscalYear', { year: meta.year })}` : ''}`,
      basisLine(t, view.basis, kpi, view.denominator),
      `${t('review.meta.targets')}: ${targetsText(view.targets, t, lang)} · ${t('review.meta.filters')}: ${filtersText(view.filters, t, view.agencyName)}`,
    ],
    legend: [
      { swatch: { fill: MEETS_COLOR }, label: `✓ ${t('chart.meets')}` },
      { swatch: { fill: MISSES_COLOR, hatch: true }, label: `✗ ${t('chart.misses')}` },
      {
        swatch: 'line',
        label:
          view.basis === 'capaian'
            ? t('basis.reference')
            : t('chart.target', { target: formatPercent(view.targets[kpi], lang) }),
      },
    ],
  });
}

/** Export menu for the dashboard's agency chart (found by its test id; the chart itself is untouched). */
export function DashboardChartExport() {
  const { t } = useTranslation();
  const kpi = useViewStore((s) => s.kpi);
  const spec = useRankingSpec(kpi);
  return (
    <ExportMenu
      label={t('review.export.chart')}
      testId="export-dashboard-chart"
      chart={{
        svg: () => document.querySelector<SVGSVGElement>('[data-testid=agency-chart] svg.chart-surface'),
        spec,
      }}
    />
  );
}

export function AgencyTableExport({ testId }: { testId: string }) {
  const { t } = useTranslation();
  const { view, lang } = useView();
  const { data: meta } = useReviewMeta();
  const { data, isPlaceholderData } = useReviewAgencies();
  return (
    <ExportMenu
      label={t('review.export.table')}
      testId={testId}
      // Never write rows of a previous view under the current view's heading: wait for the current query.
      table={() => (data && !isPlaceholderData ? agencyExportTable(t, lang, data, view, meta) : null)}
    />
  );
}

export function RankingChartExport({ kpi, svgTestId }: { kpi: Kpi; svgTestId: string }) {
  const { t } = useTranslation();
  const spec = useRankingSpec(kpi);
  return (
    <ExportMenu
      label={`${t('review.export.chart')} ${t(`kpi.${kpi}`)}`}
      testId={`export-${svgTestId}`}
      chart={{ svg: () => document.querySelector<SVGSVGElement>(`[data-testid=${svgTestId}]`), spec }}
    />
  );
}

export function MetodeExport({ svgTestId }: { svgTestId: string }) {
  const { t } = useTranslation();
  const { view, lang } = useView();
  const { data: meta } = useReviewMeta();
  const { data } = useMetode();
  return (
    <ExportMenu
      label={t('review.metode.title')}
      testId={`export-${svgTestId}`}
      chart={{
        svg: () => document.querySelector<SVGSVGElement>(`[data-testid=${svgTestId}]`),
        spec: () => ({
          title: t('review.metode.title'),
          lines: [
            `${meta?.pemda ?? ''}${meta?.year != null ? ` · ${t('dataset.fiscalYear', { year: meta.year })}` : ''}`,
            t('review.metode.basis'),
            `${t('review.meta.filters')}: ${filtersText(view.filters, t, view.agencyName)}`,
          ],
          legend: [
            { swatch: { fill: TOTAL_COLOR }, label: t('review.metode.pagu') },
            { swatch: { fill: MEETS_COLOR }, label: t('review.metode.partPdn') },
            { swatch: { fill: UMK_COLOR }, label: t('review.metode.partUmk') },
          ],
        }),
      }}
      table={() => (data ? metodeExportTable(t, lang, data, view, meta) : null)}
    />
  );
}
