import './filters.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { pemdaLabel } from '../../../components/pemda-label';
import { NO_FILTERS, type Filters } from '../../../p3dn/metrics';
import { useFilterNoteStore } from '../../../stores/filter-note-store';
import { useViewStore } from '../../../stores/view-store';
import { useFacets, type Facets } from '../api/get-facets';
import { activeFilters, dropUnknownFilters, type FilterKey } from '../lib/sanitize';

type TextKey = 'metode' | 'jenis' | 'sumberDana' | 'source';

/** Filters that apply to every view: the KPI cards, chart, table, breakdowns, matching and drill-down. */
export function FilterBar() {
  const { t } = useTranslation();
  const filters = useViewStore((s) => s.filters);
  const setFilter = useViewStore((s) => s.setFilter);
  const setFilters = useViewStore((s) => s.setFilters);
  const { data } = useFacets();
  const droppedFilters = useFilterNoteStore((s) => s.dropped);
  const setDropped = useFilterNoteStore((s) => s.setDropped);

  // A value the loaded data does not have (a shared link's, or one set on the sample) matches nothing: drop it
  // and say so, instead of emptying every figure while the menu shows "all".
  useEffect(() => {
    if (!data) return;
    const r = dropUnknownFilters(filters, {
      ...data,
      agency: data.agencies.map((a) => a.key),
      pemda: data.pemda.map((p) => p.key),
    });
    if (r.dropped.length === 0) return;
    setDropped(r.dropped.map((k) => ({ key: k, value: String(filters[k]) })));
    setFilters(r.filters);
  }, [data, filters, setDropped, setFilters]);

  if (!data) return null;
  const dropped = droppedFilters.map((d) => `${t(`filters.${d.key}`)} “${d.value}”`);
  const multiPemda = data.pemda.length > 1;
  const active = activeFilters(filters);
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
        {multiPemda && (
          <span className="field">
            <label htmlFor="filter-pemda">{t('filters.pemda')}</label>
            <select
              id="filter-pemda"
              value={filters.pemda ?? ''}
              onChange={(e) => setFilter('pemda', e.target.value === '' ? null : e.target.value)}
            >
              <option value="">{t('filters.all')}</option>
              {data.pemda.map((p) => (
                <option key={p.key} value={p.key}>
                  {pemdaLabel(t, p.key, p.name)}
                </option>
              ))}
            </select>
          </span>
        )}
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
            {data.agencies
              .filter((a) => !filters.pemda || a.pemdaKey === filters.pemda)
              .map((a) => (
                <option key={a.key} value={a.key}>
                  {multiPemda ? `${a.name} — ${pemdaLabel(t, a.pemdaKey, a.pemda)}` : a.name}
                </option>
              ))}
          </select>
        </span>
        {textSelect('metode', data.metode)}
        {textSelect('jenis', data.jenis)}
        {textSelect('sumberDana', data.sumberDana)}
        {textSelect('source', data.source, (v) => t(`source.${v}`, { defaultValue: v }))}
        <button
          type="button"
          disabled={active.length === 0}
          onClick={() => setFilters(NO_FILTERS satisfies Filters)}
        >
          {t('filters.reset')}
        </button>
      </div>
      <p className="filter-active small" data-testid="active-filters" aria-live="polite">
        {active.length === 0 ? (
          t('filters.none')
        ) : (
          <>
            {t('filters.active')}{' '}
            {active.map((k) => (
              <button
                key={k}
                type="button"
                className="chip"
                data-filter={k}
                aria-label={t('filters.removeOne', { label: t(`filters.${k}`) })}
                onClick={() => setFilter(k, null)}
              >
                {t(`filters.${k}`)}: {valueLabel(k, filters, data, t)} ×
              </button>
            ))}
          </>
        )}
      </p>
      {dropped.length > 0 && (
        <p className="notice small" role="status" data-testid="filters-dropped">
          {t('filters.dropped', { count: dropped.length, list: dropped.join(', ') })}{' '}
          <button type="button" onClick={() => setDropped([])}>
            {t('import.dismiss')}
          </button>
        </p>
      )}
      <p className="muted small">{t('filters.note')}</p>
    </section>
  );
}

/** A set filter's value as the menus show it. */
function valueLabel(
  k: FilterKey,
  f: Filters,
  data: Facets,
  t: ReturnType<typeof useTranslation>['t'],
): string {
  const v = f[k];
  if (k === 'agency') return data.agencies.find((a) => a.key === v)?.name ?? String(v);
  if (k === 'pemda') {
    const p = data.pemda.find((x) => x.key === v);
    return pemdaLabel(t, String(v), p?.name);
  }
  if (k === 'source') return t(`source.${String(v)}`, { defaultValue: String(v) });
  return String(v);
}
