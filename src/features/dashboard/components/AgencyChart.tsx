import { useMemo, type ReactNode } from 'react';
import { useFitToViewport } from '../../../components/use-fit-to-viewport';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../lib/format';
import type { BasisAgencyMetric, Kpi } from '../../../p3dn/metrics';
import { useViewStore } from '../../../stores/view-store';
import { useAgencyMetrics } from '../../../queries/metric-queries';
import { AgencyBars, type Datum } from './AgencyBars';

/** The agencies' bars of one KPI, sorted (highest share first, then by name). */
function chartRows(data: readonly BasisAgencyMetric[], kpi: Kpi): Datum[] {
  return data
    .map((m) => ({
      name: m.name,
      agencyKey: m.agencyKey,
      share: m.share[kpi],
      pct: (m.share[kpi] ?? 0) * 100,
      meets: m.meets[kpi],
      numerator: m[kpi],
      denominator: m.denominatorKpi[kpi],
    }))
    .sort((a, b) => (b.share ?? -1) - (a.share ?? -1) || a.name.localeCompare(b.name));
}

/**
 * Horizontal bars of the chosen KPI per agency, sorted, with the target line and the basis written on it. A long
 * list scrolls inside the card. `actions`: tools (export menu) in the card's header.
 */
export function AgencyChart({ actions }: { actions?: ReactNode }) {
  const { t } = useTranslation();
  const scroll = useFitToViewport<HTMLDivElement>();
  const lang = useViewStore((s) => s.lang);
  const kpi = useViewStore((s) => s.kpi);
  const den = useViewStore((s) => s.denominator);
  const basis = useViewStore((s) => s.basis);
  const kpiTarget = useViewStore((s) => s.targets[kpi]);
  const select = useViewStore((s) => s.setSelectedAgency);
  const { data, isPlaceholderData } = useAgencyMetrics();
  // Only new data (or a new KPI) makes new bars: while the next answer is computed, the chart is not drawn again.
  const rows = useMemo(() => (data ? chartRows(data, kpi) : null), [data, kpi]);
  if (!data || !rows) return null;
  const shown = data[0]?.basis ?? basis;
  // Capaian is measured against the commitment itself: its reference line is 100 %.
  const target = shown === 'capaian' ? 1 : kpiTarget;
  const title = t(`basis.chartTitle_${shown}`, { kpi: t(`kpi.${kpi}`) });
  const targetLabel =
    shown === 'capaian' ? t('basis.reference') : t('chart.target', { target: formatPercent(target, lang) });
  const flag = kpi === 'pdn' ? 'PDN' : 'UKM';
  return (
    <section
      className="panel chart-panel"
      aria-labelledby="chart-title"
      data-testid="agency-chart"
      data-basis={shown}
      aria-busy={isPlaceholderData || shown !== basis}
    >
      <div className="card-head">
        <h2 id="chart-title">{title}</h2>
        {actions}
      </div>
      <p className="basis small" data-testid="chart-basis">
        {shown === 'komitmen'
          ? t('chart.basis', { flag, den: t(`den.short_${den}`) })
          : t(`basis.line_${shown}`, { kpi: t(`kpi.${kpi}`), flag, den: t(`den.short_${den}`) })}
      </p>
      <div className="legend small">
        <span aria-hidden="true">
          <span className="swatch swatch-meets" /> ✓ {t('chart.meets')}
          <span className="swatch swatch-misses" /> ✗ {t('chart.misses')}
          <span className="swatch-line" /> {targetLabel}
        </span>
        <span className="muted chart-hint">{t('drill.hint')}</span>
      </div>
      {rows.length === 0 ? (
        <p>{t('chart.empty')}</p>
      ) : (
        <div className="chart-scroll" data-testid="chart-scroll" ref={scroll}>
          <AgencyBars
            rows={rows}
            target={target}
            lang={lang}
            kpiName={t(`kpi.${kpi}`)}
            targetLabel={targetLabel}
            noDenLabel={t('chart.noDen')}
            openLabel={t('basis.openRows', { name: '' }).trim()}
            onSelect={select}
          />
        </div>
      )}
    </section>
  );
}
