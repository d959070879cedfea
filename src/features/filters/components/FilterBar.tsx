import { useTranslation } from 'react-i18next';
import { NO_FILTERS, type Filters } from '../../../p3dn/metrics';
import { useViewStore } from '../../../stores/view-store';
import { useFacets } from '../api/get-facets';

type TextKey = 'metode' | 'jenis' | 'sumberDana' | 'source';

/** Filters that apply to every view: the KPI cards, chart, table, breakdowns, matching and drill-down. */
export function FilterBar() {
  const { t } = useTranslation();
  const filters = useViewStore((s) => s.filters);
  const setFilter = useViewStore((s) => s.setFilter);
  const setFilters = useViewStore((s) => s.setFilters);
  const { data } = useFacets();
  if (!data) return null;
  const active = Object.values(filters).some((v) => v !== null);
  const textSelect = (key: TextKey, values: string[], label: (v: string) => string = (v) => v) => (
    <span className="field" key={key}>
      <label htmlFor={`filter-${key}`}>{t(`filters.${key}`)}</label>
      <select
        id={`filter-${key}`}
        value={filters[key] ?? ''}
        onChange={(e) => setFilter(key, e.target.value === '' ? null : e.target.value)}
      >
        <option value="">{t('filters.all')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {label(v)}
          </option>
        ))}
      </select>
    </span>
  );
  return (
    <section className="panel filters" aria-labelledby="filters-title" data-testid="filter-bar">
      <h2 id="filters-title">{t('filters.title')}</h2>
      <div className="filter-row">
        <span className="field">
          <label htmlFor="filter-tahun">{t('filters.tahun')}</label>
          <select
            id="filter-tahun"
            value={filters.tahun ?? ''}
            onChange={(e) => setFilter('tahun', e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">{t('filters.all')}</option>
            {data.tahun.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </span>
        <span className="field">
          <label htmlFor="filter-agency">{t('filters.agency')}</label>
          <select
            id="filter-agency"
            value={filters.agency ?? ''}
            onChange={(e) => setFilter('agency', e.target.value === '' ? null : e.target.value)}
          >
            <option value="">{t('filters.all')}</option>
            {data.agencies.map((a) => (
              <option key={a.key} value={a.key}>
                {a.name}
              </option>
            ))}
          </select>
        </span>
        {textSelect('metode', data.metode)}
        {textSelect('jenis', data.jenis)}
        {textSelect('sumberDana', data.sumberDana)}
        {textSelect('source', data.source, (v) => t(`source.${v}`, { defaultValue: v }))}
        <button type="button" disabled={!active} onClick={() => setFilters(NO_FILTERS satisfies Filters)}>
          {t('filters.reset')}
        </button>
      </div>
      <p className="muted small">{t('filters.note')}</p>
    </section>
  );
}
