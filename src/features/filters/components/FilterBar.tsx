import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_FILTERS, type Filters } from '../../../p3dn/metrics';
import { pemdaLabel } from '../../../components/pemda-label';
import { useFilterNoteStore } from '../../../stores/filter-note-store';
import { useViewStore } from '../../../stores/view-store';
import { dropUnknownFilters } from '../lib/sanitize';
import { useFacets } from '../api/get-facets';

type TextKey = 'metode' | 'jenis' | 'sumberDana' | 'source';
const KEYS = [
  'pemda',
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
  const dropped = useFilterNoteStore((s) => s.dropped);
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
  // The options of each select, made once per facets, language and Pemda filter: a filter change renders the
  // selects' values, not their (up to hundreds of) options again.
  const multiPemda = (data?.pemda.length ?? 0) > 1;
  const sourceLabel = useCallback((v: string) => t(`source.${v}`, { defaultValue: v }), [t]);
  const options = useMemo(() => {
    if (!data) return null;
    const list = (values: readonly string[], label: (v: string) => string = (v) => v): ReactNode[] =>
      values.map((v) => (
        <option key={v} value={v}>
          {label(v)}
        </option>
      ));
    return {
      pemda: data.pemda.map((p) => (
        <option key={p.key} value={p.key}>
          {pemdaLabel(t, p.key, p.name)}
        </option>
      )),
      tahun: data.tahun.map((y) => (
        <option key={y} value={y}>
          {y}
        </option>
      )),
      metode: list(data.metode),
      jenis: list(data.jenis),
      sumberDana: list(data.sumberDana),
      source: list(data.source, sourceLabel),
    };
  }, [data, t, sourceLabel]);
  const pemdaFilter = filters.pemda;
  const agencyOptions = useMemo(
    () =>
      data?.agencies
        .filter((a) => !pemdaFilter || a.pemdaKey === pemdaFilter)
        .map((a) => (
          <option key={a.key} value={a.key}>
            {multiPemda ? `${a.name} — ${pemdaLabel(t, a.pemdaKey, a.pemda)}` : a.name}
          </option>
        )),
    [data, t, pemdaFilter, multiPemda],
  );
  if (!data || !options) return null;
  const active = KEYS.filter((k) => filters[k] !== null && filters[k] !== undefined);
  const valueLabel = (k: (typeof KEYS)[number]): string => {
    const v = filters[k];
    if (v === null || v === undefined) return '';
    if (k === 'pemda') return pemdaLabel(t, String(v), data.pemda.find((p) => p.key === v)?.name);
    if (k === 'agency') return data.agencies.find((a) => a.key === v)?.name ?? String(v);
    if (k === 'source') return sourceLabel(String(v));
    return String(v);
  };
  const textSelect = (key: TextKey) => (
    <span className="filter-field" key={key}>
      <label htmlFor={`filter-${key}`}>{t(`filters.${key}`)}</label>
      <select
        id={`filter-${key}`}
        value={filters[key] ?? ''}
        onChange={(e) => setFilter(key, e.target.value === '' ? null : e.target.value)}
      >
        <option value="">{t('filters.all')}</option>
        {options[key]}
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
      {dropped.length > 0 && (
        <p className="notice small" role="status" data-testid="filters-dropped">
          {t('filters.dropped', {
            count: dropped.length,
            list: dropped.map((d) => `${t(`filters.${d.key}`)} “${d.value}”`).join(', '),
          })}{' '}
          <button type="button" className="link-button" onClick={() => setDropped([])}>
            {t('import.dismiss')}
          </button>
        </p>
      )}
      <div className="filter-fields" id="filter-fields" hidden={!open}>
        {multiPemda && (
          <span className="filter-field">
            <label htmlFor="filter-pemda">{t('filters.pemda')}</label>
            <select
              id="filter-pemda"
              value={filters.pemda ?? ''}
              onChange={(e) => setFilter('pemda', e.target.value === '' ? null : e.target.value)}
            >
              <option value="">{t('filters.all')}</option>
              {options.pemda}
            </select>
          </span>
        )}
        <span className="filter-field">
          <label htmlFor="filter-tahun">{t('filters.tahun')}</label>
          <select
            id="filter-tahun"
            value={filters.tahun ?? ''}
            onChange={(e) => setFilter('tahun', e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">{t('filters.all')}</option>
            {options.tahun}
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
            {agencyOptions}
          </select>
        </span>
        {textSelect('metode')}
        {textSelect('jenis')}
        {textSelect('sumberDana')}
        {textSelect('source')}
        <p className="muted small filter-note">{t('filters.note')}</p>
      </div>
    </div>
  );
}
