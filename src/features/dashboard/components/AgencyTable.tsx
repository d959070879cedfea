import { useTranslation } from 'react-i18next';
import { formatInt, formatRupiah, formatRupiahShort, formatShareVsTarget } from '../../../lib/format';
import { useViewStore, type SortKey } from '../../../stores/view-store';
import { useAgencyMetrics } from '../api/get-komitmen';
import { sortAgencies } from '../lib/sort-agencies';

export function AgencyTable() {
  const { t } = useTranslation();
  const lang = useViewStore((s) => s.lang);
  const kpi = useViewStore((s) => s.kpi);
  const sort = useViewStore((s) => s.sort);
  const target = useViewStore((s) => s.targets[kpi]);
  const setSort = useViewStore((s) => s.setSort);
  const { data, isPlaceholderData } = useAgencyMetrics();
  if (!data) return null;
  const rows = sortAgencies(data, kpi, sort);
  const header = (key: SortKey, label: string, numeric = true) => (
    <th
      scope="col"
      className={numeric ? 'num' : ''}
      aria-sort={sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button
        type="button"
        onClick={() => setSort(key)}
        title={t('table.sortBy', { col: label })}
        data-sort={key}
      >
        {label} {sort.key === key ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
      </button>
    </th>
  );
  return (
    <section className="panel" aria-labelledby="table-title">
      <h2 id="table-title">{t('table.title')}</h2>
      <div className="table-scroll">
        <table className="agency-table" data-testid="agency-table" aria-busy={isPlaceholderData}>
          <thead>
            <tr>
              {header('name', t('table.agency'), false)}
              <th scope="col">{t('table.code')}</th>
              <th scope="col" className="num">
                {t('table.packages')}
              </th>
              {header('numerator', t('table.numerator', { kpi: t(`kpi.${kpi}`) }))}
              {header('denominator', t('table.denominator'))}
              {header('share', t('table.share'))}
              <th scope="col">{t('table.status')}</th>
              {header('gap', t('table.gap'))}
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr
                key={m.agencyKey}
                data-agency={m.agencyKey}
                data-numerator={m[kpi]}
                data-denominator={m.denominator ?? ''}
                data-share={m.share[kpi] ?? ''}
                data-gap={m.gap[kpi] ?? ''}
              >
                <th scope="row">{m.name}</th>
                <td className="code">{m.code ?? '—'}</td>
                <td className="num">{formatInt(m.packages, lang)}</td>
                <td className="num" title={formatRupiah(m[kpi], lang)}>
                  {formatRupiahShort(m[kpi], lang)}
                </td>
                <td className="num" title={formatRupiah(m.denominator, lang)}>
                  {formatRupiahShort(m.denominator, lang)}
                </td>
                <td className="num">{formatShareVsTarget(m.share[kpi], target, lang)}</td>
                <td>
                  {m.meets[kpi] === null ? (
                    <span className="status status-noden">{t('table.noDen')}</span>
                  ) : m.meets[kpi] ? (
                    <span className="status status-meets">{t('table.meets')}</span>
                  ) : (
                    <span className="status status-misses">{t('table.misses')}</span>
                  )}
                </td>
                <td className="num" title={formatRupiah(m.gap[kpi], lang)}>
                  {formatRupiahShort(m.gap[kpi], lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
