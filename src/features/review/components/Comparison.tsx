import { useTranslation } from 'react-i18next';
import { formatPercent, formatRupiah, formatRupiahShort, formatShareVsTarget } from '../../../lib/format';
import type { Kpi } from '../../../p3dn/metrics';
import { useViewStore } from '../../../stores/view-store';
import { KOMITMEN_COLOR, REALISASI_COLOR } from '../../../lib/palette';
import { useComparisonAgencies, useComparisonTotals } from '../api/get-review-data';
import { compareAgencies } from '../lib/tables';
import { FiltersLine } from './Slides';

// Komitmen solid blue with "K", realisasi hatched orange with "R": colour is never the only cue.

function RealisasiHatch({ id }: { id: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
      <rect width="8" height="8" fill={REALISASI_COLOR} />
      <line x1="0" y1="0" x2="0" y2="8" stroke="#8a5a00" strokeWidth="3" />
    </pattern>
  );
}

/** Legend: what K, R and the dashed line mean. */
export function ComparisonLegend({ kpi, target }: { kpi: Kpi; target: number }) {
  const { t } = useTranslation();
  const lang = useViewStore((s) => s.lang);
  const kpiName = t(`kpi.${kpi}`);
  return (
    <div className="cmp-legend" data-testid="cmp-legend">
      <span>
        <svg width="1.6em" height="0.9em" viewBox="0 0 32 18" aria-hidden="true">
          <rect width="32" height="18" fill={KOMITMEN_COLOR} />
        </svg>{' '}
        K = {t('review.cmp.komitmenShare', { kpi: kpiName })}
      </span>
      <span>
        <svg width="1.6em" height="0.9em" viewBox="0 0 32 18" aria-hidden="true">
          <defs>
            <RealisasiHatch id="cmp-legend-hatch" />
          </defs>
          <rect width="32" height="18" fill="url(#cmp-legend-hatch)" />
        </svg>{' '}
        R = {t('review.cmp.realisasiShare', { kpi: kpiName })}
      </span>
      <span>
        <svg width="1.6em" height="0.9em" viewBox="0 0 32 18" aria-hidden="true">
          <line x1="16" x2="16" y1="0" y2="18" stroke="#111" strokeWidth="3" strokeDasharray="4 3" />
        </svg>{' '}
        {t('chart.target', { target: formatPercent(target, lang) })}
      </span>
    </div>
  );
}

/**
 * Per agency, komitmen share and realisasi share of the KPI (same denominator) side by side against the target,
 * and capaian (realisasi ÷ komitmen). Largest shortfall of realisasi behind komitmen first. `limit` keeps a slide
 * readable from the back of the room; the report shows every agency.
 */
export function ComparisonTable({
  kpi,
  limit,
  idPrefix,
  testId,
}: {
  kpi: Kpi;
  limit?: number;
  idPrefix: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const lang = useViewStore((s) => s.lang);
  const target = useViewStore((s) => s.targets[kpi]);
  const { data, isPlaceholderData } = useComparisonAgencies();
  if (!data) return null;
  const all = compareAgencies(data, kpi);
  const rows = limit === undefined ? all : all.slice(0, limit);
  const max = Math.max(
    target,
    ...rows.map((m) => Math.max(m.komitmenShare[kpi] ?? 0, m.realisasiShare[kpi] ?? 0)),
  );
  const W = 600;
  const barMax = 430; // room to the right of the longest bar for its label
  const x = (v: number) => (max > 0 ? (Math.max(0, v) / max) * barMax : 0);
  const hatch = `${idPrefix}-hatch`;
  const kpiName = t(`kpi.${kpi}`);
  return (
    <>
      <table className="cmp-table" data-testid={testId} aria-busy={isPlaceholderData}>
        <thead>
          <tr>
            <th scope="col">{t('table.agency')}</th>
            <th scope="col">{t('review.cmp.bars', { kpi: kpiName })}</th>
            <th scope="col" className="num">
              {t('review.cmp.capaian')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => {
            const ks = m.komitmenShare[kpi];
            const rs = m.realisasiShare[kpi];
            const barRect = (y: number, share: number | null, letter: 'K' | 'R') => (
              <rect
                x={0}
                y={y}
                width={share === null ? 0 : x(share)}
                height={24}
                fill={letter === 'K' ? KOMITMEN_COLOR : `url(#${hatch})`}
                stroke={letter === 'K' ? 'none' : '#8a5a00'}
              />
            );
            // Labels after the target line, with a white halo, so the dashed line never runs through them.
            const barLabel = (y: number, share: number | null, letter: 'K' | 'R') => (
              <text
                x={(share === null ? 0 : x(share)) + 8}
                y={y + 19}
                fontSize={20}
                fill="#1b1f24"
                fontWeight={700}
                stroke="#fff"
                strokeWidth={5}
                strokeLinejoin="round"
                paintOrder="stroke"
              >
                {`${letter} ${share === null ? t('chart.noDen') : formatShareVsTarget(share, target, lang)}`}
              </text>
            );
            return (
              <tr
                key={m.agencyKey}
                data-agency={m.agencyKey}
                data-komitmen-share={ks ?? ''}
                data-realisasi-share={rs ?? ''}
                data-capaian={m.capaian[kpi] ?? ''}
              >
                <th scope="row">{m.name}</th>
                <td className="cmp-bars">
                  <svg
                    viewBox={`0 0 ${W} 58`}
                    preserveAspectRatio="xMinYMid meet"
                    role="img"
                    aria-label={t('review.cmp.aria', {
                      komitmen: ks === null ? t('chart.noDen') : formatPercent(ks, lang),
                      realisasi: rs === null ? t('chart.noDen') : formatPercent(rs, lang),
                    })}
                  >
                    <defs>
                      <RealisasiHatch id={hatch} />
                    </defs>
                    {barRect(2, ks, 'K')}
                    {barRect(31, rs, 'R')}
                    {ks !== null && (
                      <line
                        x1={x(target)}
                        x2={x(target)}
                        y1={0}
                        y2={58}
                        stroke="#111"
                        strokeWidth={2.5}
                        strokeDasharray="6 4"
                      />
                    )}
                    {barLabel(2, ks, 'K')}
                    {barLabel(31, rs, 'R')}
                  </svg>
                </td>
                <td className="num cmp-capaian" title={formatRupiah(m.realisasi[kpi], lang)}>
                  {formatPercent(m.capaian[kpi], lang)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {limit !== undefined && all.length > limit && (
        <p className="slide-note">{t('review.cmp.more', { count: all.length - limit })}</p>
      )}
    </>
  );
}

/** Pemda totals: komitmen, realisasi and capaian of the KPI (all agencies, under the filters). */
export function ComparisonTotals({ kpi }: { kpi: Kpi }) {
  const { t } = useTranslation();
  const lang = useViewStore((s) => s.lang);
  const { data: s } = useComparisonTotals();
  if (!s) return null;
  const kpiName = t(`kpi.${kpi}`);
  return (
    <div className="cmp-totals" data-testid="cmp-totals">
      <div className="cmp-total" data-testid="cmp-total-komitmen" data-value={s.denominatorKpi[kpi] ?? ''}>
        <div className="slide-card-label">K · {t('review.cmp.totalKomitmen', { kpi: kpiName })}</div>
        <div className="cmp-total-value nowrap">{formatRupiahShort(s.denominatorKpi[kpi], lang)}</div>
      </div>
      <div className="cmp-total" data-testid="cmp-total-realisasi" data-value={s.value[kpi]}>
        <div className="slide-card-label">R · {t('review.cmp.totalRealisasi', { kpi: kpiName })}</div>
        <div className="cmp-total-value nowrap">{formatRupiahShort(s.value[kpi], lang)}</div>
      </div>
      <div className="cmp-total" data-testid="cmp-total-capaian" data-value={s.share[kpi] ?? ''}>
        <div className="slide-card-label">{t('review.cmp.totalCapaian')}</div>
        <div className="cmp-total-value nowrap">{formatPercent(s.share[kpi], lang)}</div>
      </div>
    </div>
  );
}

/** The "komitmen vs realisasi" slide. */
export function ComparisonSlide() {
  const { t } = useTranslation();
  const kpi = useViewStore((s) => s.kpi);
  const den = useViewStore((s) => s.denominator);
  const target = useViewStore((s) => s.targets[kpi]);
  return (
    <>
      <ComparisonTotals kpi={kpi} />
      <ComparisonLegend kpi={kpi} target={target} />
      <ComparisonTable kpi={kpi} limit={5} idPrefix="slide-cmp" testId="slide-cmp-table" />
      <p className="slide-basis" data-testid="slide-cmp-basis">
        {t('review.cmp.basis', { kpi: t(`kpi.${kpi}`), den: t(`den.short_${den}`) })}
      </p>
      <FiltersLine />
    </>
  );
}
