import { useTranslation } from 'react-i18next';
import { formatPercent, formatRupiahShort } from '../../../lib/format';
import { KPIS } from '../../../p3dn/metrics';
import { useViewStore } from '../../../stores/view-store';
import { useSummary } from '../api/get-komitmen';

export function KpiCards() {
  const { t } = useTranslation();
  const lang = useViewStore((s) => s.lang);
  const den = useViewStore((s) => s.denominator);
  const targets = useViewStore((s) => s.targets);
  const { data: s, isPlaceholderData } = useSummary();
  if (!s) return null;
  return (
    <section className="cards" aria-label="KPI" data-testid="kpi-cards" aria-busy={isPlaceholderData}>
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
      {KPIS.map((k) => (
        <div className="card" key={k} data-testid={`card-${k}`}>
          <div className="card-label">{t('cards.value', { kpi: t(`kpi.${k}`) })}</div>
          <div className="card-value" data-value={s.value[k]}>
            {formatRupiahShort(s.value[k], lang)}
          </div>
          <div className="card-sub" data-share={s.share[k] ?? ''}>
            {t('cards.share', { share: formatPercent(s.share[k], lang) })} ·{' '}
            {t('cards.target', { target: formatPercent(targets[k], lang) })}
          </div>
        </div>
      ))}
      {KPIS.map((k) => (
        <div className="card" key={`m-${k}`} data-testid={`card-meeting-${k}`}>
          <div className="card-label">{t('cards.meeting', { kpi: t(`kpi.${k}`) })}</div>
          <div className="card-value" data-n={s.meeting[k]} data-m={s.agenciesWithDenominator}>
            {t('cards.meetingValue', { n: s.meeting[k], m: s.agenciesWithDenominator })}
          </div>
          <div className="card-sub">{t('cards.target', { target: formatPercent(targets[k], lang) })}</div>
        </div>
      ))}
    </section>
  );
}
