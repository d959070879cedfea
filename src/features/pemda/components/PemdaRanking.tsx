import { useTranslation } from 'react-i18next';
import { pemdaLabel } from '../../../components/pemda-label';
import { formatInt, formatRupiah, formatRupiahShort, formatShareVsTarget } from '../../../lib/format';
import { rankPemda } from '../../../p3dn/metrics';
import { useViewStore } from '../../../stores/view-store';
import { usePemdaRanking } from '../api/get-pemda';

/**
 * With several Pemda loaded: each Pemda's share against the target and its gap in rupiah (its agencies summed as
 * the summary sums them), highest share first. A click narrows every view to that Pemda. Hidden for one Pemda.
 */
export function PemdaRanking() {
  const { t } = useTranslation();
  const lang = useViewStore((s) => s.lang);
  const kpi = useViewStore((s) => s.kpi);
  const basis = useViewStore((s) => s.basis);
  const den = useViewStore((s) => s.denominator);
  const target = useViewStore((s) => (s.basis === 'capaian' ? 1 : s.targets[s.kpi]));
  const setFilter = useViewStore((s) => s.setFilter);
  const pemdaFilter = useViewStore((s) => s.filters.pemda ?? null);
  const { data, isPlaceholderData } = usePemdaRanking();
  if (!data || (data.length < 2 && pemdaFilter === null)) return null;
  const rows = rankPemda(data, kpi);
  const kpiName = t(`kpi.${kpi}`);
  const denName =
    basis === 'capaian' ? t('basis.denominator_capaian', { kpi: kpiName }) : t(`den.short_${den}`);
  return (
    <section className="panel" aria-labelledby="pemda-title" data-testid="pemda-ranking">
      <h2 id="pemda-title">{t('pemda.rankingTitle')}</h2>
      <p className="muted small">
        {t('pemda.rankingIntro', { count: data.length, kpi: kpiName, den: denName })}
      </p>
      <div className="table-scroll">
        <table className="agency-table" aria-busy={isPlaceholderData}>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('pemda.rank')}
              </th>
              <th scope="col">{t('pemda.name')}</th>
              <th scope="col" className="num">
                {t('pemda.agencies')}
              </th>
              <th scope="col" className="num">
                {t('pemda.value', { kpi: kpiName })}
              </th>
              <th scope="col" className="num">
                {t('pemda.denominator')}
              </th>
              <th scope="col" className="num">
                {t('pemda.share')}
              </th>
              <th scope="col" className="num">
                {t('pemda.gap')}
              </th>
              <th scope="col" className="num">
                {t('pemda.meeting')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr
                key={r.pemdaKey}
                data-pemda={r.pemdaKey}
                data-numerator={r.value[kpi]}
                data-denominator={r.denominator[kpi] ?? ''}
                data-share={r.share[kpi] ?? ''}
                data-gap={r.gap[kpi] ?? ''}
              >
                <td className="num">{i + 1}</td>
                <th scope="row">
                  <button
                    type="button"
                    className="link"
                    aria-pressed={pemdaFilter === r.pemdaKey}
                    onClick={() => setFilter('pemda', pemdaFilter === r.pemdaKey ? null : r.pemdaKey)}
                  >
                    {pemdaLabel(t, r.pemdaKey, r.name)}
                  </button>
                </th>
                <td className="num">{formatInt(r.agencies, lang)}</td>
                <td className="num" title={formatRupiah(r.value[kpi], lang)}>
                  {formatRupiahShort(r.value[kpi], lang)}
                </td>
                <td className="num" title={formatRupiah(r.denominator[kpi], lang)}>
                  {r.denominator[kpi] === null
                    ? t('pemda.noDen')
                    : formatRupiahShort(r.denominator[kpi], lang)}
                </td>
                <td className="num">{formatShareVsTarget(r.share[kpi], target, lang)}</td>
                <td className="num" title={formatRupiah(r.gap[kpi], lang)}>
                  {formatRupiahShort(r.gap[kpi], lang)}
                </td>
                <td className="num">
                  {formatInt(r.meeting[kpi], lang)} / {formatInt(r.withDenominator[kpi], lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
