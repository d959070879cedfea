import { useDeferredValue, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatInt,
  formatPercent,
  formatRupiah,
  formatRupiahShort,
  formatShareVsTarget,
} from '../../../lib/format';
import { useViewStore, type SortKey } from '../../../stores/view-store';
import { useAgencyMetrics } from '../../../queries/metric-queries';
import { sortAgencies } from '../../../p3dn/metrics';

/** Every agency with its figures, sortable and searchable; a name opens its rows. `actions`: export menu. */
export function AgencyTable({ actions }: { actions?: ReactNode }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const q = useDeferredValue(query).trim().toLocaleLowerCase();
  const lang = useViewStore((s) => s.lang);
  const kpi = useViewStore((s) => s.kpi);
  const sort = useViewStore((s) => s.sort);
  const setSort = useViewStore((s) => s.setSort);
  const basis = useViewStore((s) => s.basis);
  const select = useViewStore((s) => s.setSelectedAgency);
  const kpiTarget = useViewStore((s) => s.targets[kpi]);
  const { data, isPlaceholderData } = useAgencyMetrics();
  if (!data) return null;
  const shown = data[0]?.basis ?? basis;
  const target = shown === 'capaian' ? 1 : kpiTarget;
  const all = sortAgencies(data, kpi, sort);
  const rows =
    q === ''
      ? all
      : all.filter((m) => m.name.toLocaleLowerCase().includes(q) || (m.code ?? '').toLowerCase().includes(q));
  const kpiName = t(`kpi.${kpi}`);
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
      <div className="card-head">
        <h2 id="table-title">
          {t('table.title')} · {t('basis.shown', { basis: t(`basis.${shown}`) })}
        </h2>
        {actions}
      </div>
      <div className="table-tools">
        <label htmlFor="agency-search">{t('shell.search')}</label>
        <input
          id="agency-search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="agency-search"
        />
        <span className="muted small" role="status" data-testid="agency-count">
          {t('shell.searchCount', { shown: rows.length, total: all.length })}
        </span>
      </div>
      {rows.length === 0 && q !== '' && <p className="empty-state">{t('shell.searchNone', { q: query })}</p>}
      <div className="table-scroll">
        <table
          className="agency-table"
          data-testid="agency-table"
          data-basis={shown}
          aria-busy={isPlaceholderData || shown !== basis}
        >
          <thead>
            <tr>
              {header('name', t('table.agency'), false)}
              <th scope="col">{t('table.code')}</th>
              <th scope="col" className="num">
                {shown === 'komitmen' ? t('table.packages') : t('table.transactions')}
              </th>
              {header(
                'numerator',
                shown === 'komitmen'
                  ? t('table.numerator', { kpi: kpiName })
                  : t(`basis.numerator_${shown}`, { kpi: kpiName }),
              )}
              {header(
                'denominator',
                shown === 'capaian'
                  ? t('basis.denominator_capaian', { kpi: kpiName })
                  : t('table.denominator'),
              )}
              {header('share', t('table.share'))}
              <th scope="col">{t('table.status')}</th>
              {header('gap', t('table.gap'))}
              {shown !== 'komitmen' && (
                <>
                  <th scope="col" className="num">
                    {t('basis.komitmenShare')}
                  </th>
                  <th scope="col" className="num">
                    {t('basis.realisasiShare')}
                  </th>
                  <th scope="col" className="num">
                    {t('basis.capaianCol')}
                  </th>
                  <th scope="col" className="num">
                    {t('basis.fromNilai')}
                  </th>
                  <th scope="col" className="num">
                    {t('basis.fromRup')}
                  </th>
                  <th scope="col" className="num">
                    {t('basis.fromTanpa')}
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr
                key={m.agencyKey}
                data-agency={m.agencyKey}
                data-numerator={m[kpi]}
                data-denominator={m.denominatorKpi[kpi] ?? ''}
                data-share={m.share[kpi] ?? ''}
                data-gap={m.gap[kpi] ?? ''}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="link"
                    onClick={() => select(m.agencyKey)}
                    title={t('basis.openRows', { name: m.name })}
                  >
                    {m.name}
                  </button>
                </th>
                <td className="code">{m.code ?? '—'}</td>
                <td className="num">{formatInt(shown === 'komitmen' ? m.packages : m.transactions, lang)}</td>
                <td className="num" title={formatRupiah(m[kpi], lang)}>
                  {formatRupiahShort(m[kpi], lang)}
                </td>
                <td className="num" title={formatRupiah(m.denominatorKpi[kpi], lang)}>
                  {formatRupiahShort(m.denominatorKpi[kpi], lang)}
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
                {shown !== 'komitmen' && (
                  <>
                    <td className="num">{formatPercent(m.komitmenShare[kpi], lang)}</td>
                    <td className="num">{formatPercent(m.realisasiShare[kpi], lang)}</td>
                    <td className="num" data-capaian={m.capaian[kpi] ?? ''}>
                      {formatPercent(m.capaian[kpi], lang)}
                    </td>
                    <td className="num" title={formatRupiah(m.from[kpi].nilai, lang)}>
                      {formatRupiahShort(m.from[kpi].nilai, lang)}
                    </td>
                    <td className="num" title={formatRupiah(m.from[kpi].rup, lang)}>
                      {formatRupiahShort(m.from[kpi].rup, lang)}
                    </td>
                    <td className="num" title={formatRupiah(m.from[kpi].tanpa, lang)}>
                      {formatRupiahShort(m.from[kpi].tanpa, lang)}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
