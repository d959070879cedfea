import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent, formatRupiahShort, type Lang } from '../../../lib/format';
import { KPIS, type BasisSummary, type Denominator, type Targets } from '../../../p3dn/metrics';
import { useViewStore } from '../../../stores/view-store';
import { useSummary } from '../../../queries/metric-queries';

export function KpiCards() {
  const lang = useViewStore((s) => s.lang);
  const den = useViewStore((s) => s.denominator);
  const basis = useViewStore((s) => s.basis);
  const targets = useViewStore((s) => s.targets);
  const { data: s, isPlaceholderData } = useSummary();
  if (!s) return null;
  return (
    <section
      className="cards"
      aria-label="KPI"
      data-testid="kpi-cards"
      data-basis={s.basis}
      aria-busy={isPlaceholderData || s.basis !== basis}
    >
      <Cards s={s} lang={lang} den={den} targets={targets} />
    </section>
  );
}

/**
 * The cards' content: drawn again when the figures (or the language, denominator or targets they are labelled
 * with) change, not when only the busy mark does (the first render of a view change, before its answer).
 */
const Cards = memo(function Cards({
  s,
  lang,
  den,
  targets,
}: {
  s: BasisSummary;
  lang: Lang;
  den: Denominator;
  targets: Targets;
}) {
  const { t } = useTranslation();
  const capaian = s.basis === 'capaian';
  const target = (k: 'pdn' | 'umk') =>
    capaian ? t('basis.reference') : t('cards.target', { target: formatPercent(targets[k], lang) });
  return (
    <>
      <p className="basis-shown sr-only" data-testid="basis-shown">
        {t('basis.shown', { basis: t(`basis.${s.basis}`) })}
      </p>
      {capaian ? (
        <div className="card" data-testid="card-denominator">
          <div className="card-label">{t('basis.cardDen_capaian', { kpi: t('kpi.pdn') })}</div>
          <div className="card-value" data-value={s.denominatorKpi.pdn ?? ''}>
            {formatRupiahShort(s.denominatorKpi.pdn, lang)}
          </div>
          <div className="card-sub">
            {t('basis.cardDen_capaian', { kpi: t('kpi.umk') })}:{' '}
            {formatRupiahShort(s.denominatorKpi.umk, lang)}
          </div>
        </div>
      ) : (
        <div className="card" data-testid="card-denominator">
          <div className="card-label">{t('cards.denominator', { den: t(`den.short_${den}`) })}</div>
          <div className="card-value" data-value={s.denominator ?? ''}>
            {formatRupiahShort(s.denominator, lang)}
          </div>
          <div className="card-sub">
            {s.agenciesWithDenominator < s.agencies &&
              t('cards.noDen', {
                count: s.agencies - s.agenciesWithDenominator,
                value: formatRupiahShort(s.valueWithoutDenominator.pdn, lang),
                kpi: t('kpi.pdn'),
              })}
          </div>
        </div>
      )}
      {KPIS.map((k) => (
        <div className="card" key={k} data-testid={`card-${k}`}>
          <div className="card-label">
            {s.basis === 'komitmen'
              ? t('cards.value', { kpi: t(`kpi.${k}`) })
              : t(`basis.cardValue_${s.basis}`, { kpi: t(`kpi.${k}`) })}
          </div>
          <div className="card-value" data-value={s.value[k]}>
            {formatRupiahShort(s.value[k], lang)}
          </div>
          <div className="card-sub" data-share={s.share[k] ?? ''}>
            {capaian
              ? t('basis.cardShare_capaian', { share: formatPercent(s.share[k], lang) })
              : t('cards.share', { share: formatPercent(s.share[k], lang) })}{' '}
            · {target(k)}
          </div>
        </div>
      ))}
      {KPIS.map((k) => (
        <div className="card" key={`m-${k}`} data-testid={`card-meeting-${k}`}>
          <div className="card-label">
            {capaian
              ? t('basis.cardMeeting_capaian', { kpi: t(`kpi.${k}`) })
              : t('cards.meeting', { kpi: t(`kpi.${k}`) })}
          </div>
          <div className="card-value" data-n={s.meeting[k]} data-m={s.agenciesWithDenominatorKpi[k]}>
            {t('cards.meetingValue', { n: s.meeting[k], m: s.agenciesWithDenominatorKpi[k] })}
          </div>
          <div className="card-sub">{target(k)}</div>
        </div>
      ))}
      {s.basis !== 'komitmen' && (
        <div className="card" data-testid="card-realisasi-total">
          <div className="card-label">{t('basis.realisasiTotal')}</div>
          <div className="card-value" data-value={s.realisasiTotal}>
            {formatRupiahShort(s.realisasiTotal, lang)}
          </div>
          <div className="card-sub">
            {t('basis.tanpaStatus', { value: formatRupiahShort(s.tanpaStatus.pdn, lang), kpi: t('kpi.pdn') })}
            {s.unmatchedRows > 0 && (
              <>
                <br />
                <span data-testid="card-unmatched" data-value={s.unmatchedValue}>
                  {t('basis.unmatched', {
                    count: s.unmatchedRows,
                    value: formatRupiahShort(s.unmatchedValue, lang),
                  })}
                </span>
              </>
            )}
          </div>
        </div>
      )}
    </>
  );
});
