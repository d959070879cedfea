import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFitToViewport } from '../../../components/use-fit-to-viewport';
import { formatPercent, formatRupiah, formatRupiahShort, type Lang } from '../../../lib/format';
import type { BasisAgencyMetric, Basis, Kpi } from '../../../p3dn/metrics';
import { useAgencyMetrics } from '../../../queries/metric-queries';
import { useViewStore } from '../../../stores/view-store';

/** The agencies below the target of the chosen KPI, largest rupiah gap first: who has to catch up, by how much. */
export function BelowTarget() {
  const lang = useViewStore((s) => s.lang);
  const kpi = useViewStore((s) => s.kpi);
  const basis = useViewStore((s) => s.basis);
  const kpiTarget = useViewStore((s) => s.targets[kpi]);
  const select = useViewStore((s) => s.setSelectedAgency);
  const { data, isPlaceholderData } = useAgencyMetrics();
  const rows = useMemo(
    () =>
      data
        ?.filter((m) => m.meets[kpi] === false)
        .sort((a, b) => (b.gap[kpi] ?? 0) - (a.gap[kpi] ?? 0) || a.name.localeCompare(b.name)),
    [data, kpi],
  );
  if (!data || !rows) return null;
  const shown = data[0]?.basis ?? basis;
  const target = shown === 'capaian' ? 1 : kpiTarget;
  return (
    <section
      className="panel below-panel"
      aria-labelledby="below-title"
      data-testid="below-target"
      data-basis={shown}
      data-count={rows.length}
      aria-busy={isPlaceholderData || shown !== basis}
    >
      <Below rows={rows} kpi={kpi} shown={shown} target={target} lang={lang} select={select} />
    </section>
  );
}

/** The list itself: drawn again when its rows or labels change, not when only the busy mark does. */
const Below = memo(function Below({
  rows,
  kpi,
  shown,
  target,
  lang,
  select,
}: {
  rows: BasisAgencyMetric[];
  kpi: Kpi;
  shown: Basis;
  target: number;
  lang: Lang;
  select: (agencyKey: string) => void;
}) {
  const { t } = useTranslation();
  const scroll = useFitToViewport<HTMLDivElement>(200);
  const total = rows.reduce((s, m) => s + (m.gap[kpi] ?? 0), 0);
  const kpiName = t(`kpi.${kpi}`);
  return (
    <>
      <h2 id="below-title">
        <span aria-hidden="true" className="miss-mark">
          ✗
        </span>{' '}
        {t('shell.belowTitle', { kpi: kpiName })}
      </h2>
      <p className="small" data-testid="below-lead">
        {rows.length === 0
          ? t('shell.belowNone')
          : t('shell.belowLead', { count: rows.length, total: formatRupiahShort(total, lang) })}
        {shown === 'capaian' && <> {t('shell.belowCapaian')}</>}
      </p>
      {rows.length > 0 && (
        <div className="below-scroll" tabIndex={0} role="region" aria-labelledby="below-title" ref={scroll}>
          <table className="below-table">
            <thead>
              <tr>
                <th scope="col">{t('table.agency')}</th>
                <th scope="col" className="num">
                  {t('shell.shareCol')}
                </th>
                <th scope="col" className="num">
                  {t('shell.gap')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.agencyKey} data-agency={m.agencyKey} data-gap={m.gap[kpi] ?? ''}>
                  <th scope="row">
                    <button
                      type="button"
                      className="link name-cut"
                      onClick={() => select(m.agencyKey)}
                      title={m.name}
                      aria-label={t('basis.openRows', { name: m.name })}
                    >
                      {m.name}
                    </button>
                  </th>
                  <td className="num nowrap">
                    {formatPercent(m.share[kpi], lang)}
                    <span className="muted"> / {formatPercent(target, lang, 0)}</span>
                  </td>
                  <td className="num nowrap gap-cell" title={formatRupiah(m.gap[kpi], lang)}>
                    {formatRupiahShort(m.gap[kpi], lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
});
