import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_FILTERS, type Filters } from '../../../p3dn/metrics';
import { useViewStore } from '../../../stores/view-store';
import { useFacets } from '../api/get-facets';

type TextKey = 'metode' | 'jenis' | 'sumberDana' | 'source';
const KEYS = [
  'tahun',
  'agency',
  'metode',
  'jenis',
  'sumberDana',
  'source',
] as const satisfies (keyof Filters)[];

/**
 * Filters that apply to every view (KPI cards, chart, table, breakdowns, matching, drill-down): one compact row of
 * selects, and a chip per active filter that removes it.
 */
export function FilterBar() {
  const { t } = useTranslation();
  const filters = useViewStore((s) => s.filters);
  const setFilter = useViewStore((s) => s.setFilter);
  const setFilters = useViewStore((s) => s.setFilters);
  const { data } = useFacets();
  const [open, setOpen] = useState(false);
  if (!data) return null;
  const active = KEYS.filter((k) => filters[k] !== null);
  const sourceLabel = (v: string) => t(`source.${v}`, { defaultValue: v });
  const valueLabel = (k: (typeof KEYS)[number]): string => {
    const v = filters[k];
    if (v === null) return '';
    if (k === 'agency') return data.agencies.find((a) => a.key === v)?.name ?? String(v);
    if (k === 'source') return sourceLabel(String(v));
    return String(v);
  };
  const textSelect = (key: TextKey, values: string[], label: (v: string) => string = (v) => v) => (
    <span className="filter-field" key={key}>
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
  const chips = (
    <span className="chips" data-testid="filter-chips">
      {active.length === 0 ? null : (
        <>
          <span className="sr-only">{t('shell.filtersActive')}</span>
          {active.map((k) => (
            <button
              type="button"
              key={k}
              className="chip"
              data-filter={k}
              onClick={() => setFilter(k, null)}
              aria-label={t('shell.chipRemove', { label: t(`filters.${k}`), value: valueLabel(k) })}
              title={`${t(`filters.${k}`)}: ${valueLabel(k)}`}
            >
              <span className="chip-text">
                {t(`filters.${k}`)}: {valueLabel(k)}
              </span>{' '}
              <span aria-hidden="true">×</span>
            </button>
          ))}
          <button type="button" className="link-button" onClick={() => setFilters(NO_FILTERS)}>
            {t('filters.reset')}
          </button>
        </>
      )}
    </span>
  );
  return (
    <div className="filters" role="group" aria-labelledby="filters-title" data-testid="filter-bar">
      <button
        type="button"
        className="filter-toggle"
        id="filters-title"
        aria-expanded={open}
        aria-controls="filter-fields"
        onClick={() => setOpen((o) => !o)}
        data-testid="filter-toggle"
      >
        {t('filters.title')}
        {active.length > 0 && <span className="filter-count"> ({active.length})</span>}{' '}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      {chips}
      <div className="filter-fields" id="filter-fields" hidden={!open}>
        <span className="filter-field">
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
        <span className="filter-field">
          <label htmlFor="filter-agency">{t('filters.agency')}</label>
          <select
            id="filter-agency"
            className="filter-agency"
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
        {textSelect('source', data.source, sourceLabel)}
        <p className="muted small filter-note">{t('filters.note')}</p>
      </div>
    </div>
  );
}
