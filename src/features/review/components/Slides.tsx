import { useTranslation } from 'react-i18next';
import { formatPercent, formatRupiah, formatRupiahShort, formatShareVsTarget } from '../../../lib/format';
import { KPIS, type Kpi } from '../../../p3dn/metrics';
import { useViewStore } from '../../../stores/view-store';
import { useMetode, useReviewAgencies, useReviewSummary } from '../api/get-review-data';
import { basisLine, filtersText, laggingAgencies, rankAgencies } from '../lib/tables';
import { MEETS_COLOR, MISSES_COLOR } from '../../../lib/palette';
import { MetodeChart, MetodeLegend, RankingChart, RankingLegend } from './Charts';

/** The active filters, on every slide (they narrow every figure shown). */
export function FiltersLine() {
  const { t } = useTranslation();
  const filters = useViewStore((s) => s.filters);
  const { data } = useReviewAgencies();
  return (
    <p className="slide-basis" data-testid="slide-filters">
      {t('review.meta.filters')}: {filtersText(filters, t, (k) => data?.find((a) => a.agencyKey === k)?.name)}
    </p>
  );
}

function BasisLine({ kpi: forKpi }: { kpi?: Kpi }) {
  const { t } = useTranslation();
  const viewKpi = useViewStore((s) => s.kpi);
  const den = useViewStore((s) => s.denominator);
  const basis = useViewStore((s) => s.basis);
  return (
    <>
      <p className="slide-basis" data-testid="slide-basis">
        {basisLine(t, basis, forKpi ?? viewKpi, den)}
      </p>
      <FiltersLine />
    </>
  );
}

/** The target a share is read against: the KPI's target, or 100 % (komitmen) under capaian. */
function useTarget(k: Kpi): number {
  const basis = useViewStore((s) => s.basis);
  const target = useViewStore((s) => s.targets[k]);
  return basis === 'capaian' ? 1 : target;
}

/** Overall share against the target: a bar, the target marker, and ✓/✗ so colour is never the only cue. */
function ShareBar({ share, target, meets }: { share: number | null; target: number; meets: boolean | null }) {
  if (share === null || meets === null) return null;
  const w = 400;
  const x = (v: number) => Math.min(1, Math.max(0, v)) * w;
  return (
    <svg viewBox={`0 0 ${w + 30} 34`} width="100%" aria-hidden="true" className="slide-sharebar">
      <rect x={0} y={8} width={w} height={18} fill="#eef1f4" stroke="#c9d0d8" />
      <rect
        x={0}
        y={8}
        width={x(share)}
        height={18}
        fill={meets ? MEETS_COLOR : MISSES_COLOR}
        opacity={meets ? 1 : 0.8}
      />
      <line
        x1={x(target)}
        x2={x(target)}
        y1={2}
        y2={32}
        stroke="#111"
        strokeWidth={3}
        strokeDasharray="5 3"
      />
      <text x={w + 8} y={23} fontSize={18} fill="#1b1f24">
        {meets ? '✓' : '✗'}
      </text>
    </svg>
  );
}

export function SummarySlide() {
  const { t } = useTranslation();
  const lang = useViewStore((s) => s.lang);
  const den = useViewStore((s) => s.denominator);
  const targets = useViewStore((s) => s.targets);
  const basis = useViewStore((s) => s.basis);
  const { data: s } = useReviewSummary();
  if (!s) return null;
  const cap = basis === 'capaian';
  return (
    <>
      <div className="slide-cards" data-basis={s.basis}>
        {!cap && (
          <div className="slide-card">
            <div className="slide-card-label">{t('cards.denominator', { den: t(`den.short_${den}`) })}</div>
            <div className="slide-card-value">{formatRupiahShort(s.denominator, lang)}</div>
          </div>
        )}
        {KPIS.map((k) => {
          const kpiName = t(`kpi.${k}`);
          const target = cap ? 1 : targets[k];
          return (
            <div className="slide-card" key={k} data-testid={`slide-card-${k}`}>
              <div className="slide-card-label">
                {basis === 'komitmen'
                  ? t('cards.value', { kpi: kpiName })
                  : t(`basis.cardValue_${basis}`, { kpi: kpiName })}
              </div>
              <div className="slide-card-value">{formatRupiahShort(s.value[k], lang)}</div>
              {cap && (
                <div className="slide-card-sub">
                  {t('basis.cardDen_capaian', { kpi: kpiName })}:{' '}
                  {formatRupiahShort(s.denominatorKpi[k], lang)}
                </div>
              )}
              <div className="slide-card-share nowrap">
                {cap
                  ? t('basis.cardShare_capaian', { share: formatPercent(s.share[k], lang) })
                  : t('cards.share', { share: formatPercent(s.share[k], lang) })}
              </div>
              <ShareBar
                share={s.share[k]}
                target={target}
                meets={s.gap[k] === null ? null : s.gap[k] === 0}
              />
              <div className="slide-card-sub">
                {cap ? t('basis.reference') : t('cards.target', { target: formatPercent(target, lang) })}
              </div>
              <div className="slide-card-sub">
                {cap
                  ? t('basis.cardMeeting_capaian', { kpi: kpiName })
                  : t('cards.meeting', { kpi: kpiName })}
                :{' '}
                <span className="nowrap">
                  {t('cards.meetingValue', { n: s.meeting[k], m: s.agenciesWithDenominatorKpi[k] })}
                </span>
              </div>
            </div>
          );
        })}
      </div>
      {s.agenciesWithDenominator < s.agencies && (
        <p className="slide-note">
          {t('cards.noDen', {
            count: s.agencies - s.agenciesWithDenominator,
            value: formatRupiahShort(s.valueWithoutDenominator.pdn, lang),
            kpi: t('kpi.pdn'),
          })}
        </p>
      )}
      <BasisLine />
    </>
  );
}

export function RankingSlide() {
  const { t } = useTranslation();
  const lang = useViewStore((s) => s.lang);
  const kpi = useViewStore((s) => s.kpi);
  const basis = useViewStore((s) => s.basis);
  const target = useTarget(kpi);
  const { data } = useReviewAgencies();
  if (!data) return null;
  return (
    <>
      <BasisLine />
      <RankingLegend target={target} lang={lang} />
      <div className="slide-chart">
        <RankingChart
          rows={rankAgencies(data, kpi)}
          kpi={kpi}
          target={target}
          lang={lang}
          title={t(`basis.chartTitle_${basis}`, { kpi: t(`kpi.${kpi}`) })}
          idPrefix="slide-ranking"
          fontSize={13}
        />
      </div>
    </>
  );
}

export function LaggingSlide() {
  const { t } = useTranslation();
  const lang = useViewStore((s) => s.lang);
  const kpi = useViewStore((s) => s.kpi);
  const target = useTarget(kpi);
  const { data } = useReviewAgencies();
  if (!data) return null;
  const rows = laggingAgencies(data, kpi);
  const total = rows.reduce((s, m) => s + (m.gap[kpi] ?? 0), 0);
  return (
    <>
      <p className="slide-lead">
        {t('review.lagging.lead', {
          count: rows.length,
          kpi: t(`kpi.${kpi}`),
          target: formatPercent(target, lang),
          total: formatRupiahShort(total, lang),
        })}
      </p>
      <table className="slide-table" data-testid="lagging-table">
        <thead>
          <tr>
            <th scope="col">{t('table.agency')}</th>
            <th scope="col" className="num">
              {t('table.share')}
            </th>
            <th scope="col" className="num">
              {t('table.gap')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 12).map((m) => (
            <tr key={m.agencyKey} data-agency={m.agencyKey}>
              <th scope="row">✗ {m.name}</th>
              <td className="num">{formatShareVsTarget(m.share[kpi], target, lang)}</td>
              <td className="num" title={formatRupiah(m.gap[kpi], lang)}>
                {formatRupiahShort(m.gap[kpi], lang)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > 12 && (
        <p className="slide-note">{t('review.lagging.more', { count: rows.length - 12 })}</p>
      )}
      <BasisLine />
    </>
  );
}

export function MetodeSlide() {
  const { t } = useTranslation();
  const lang = useViewStore((s) => s.lang);
  const { data } = useMetode();
  if (!data) return null;
  return (
    <>
      <p className="slide-basis">{t('review.metode.basis')}</p>
      <FiltersLine />
      <MetodeLegend />
      <div className="slide-chart">
        <MetodeChart
          rows={data}
          lang={lang}
          title={t('review.metode.title')}
          idPrefix="slide-metode"
          fontSize={14}
        />
      </div>
    </>
  );
}
