import { NO_FILTERS, type Filters } from '../../../p3dn/metrics';

/** The values the loaded data has for each filter (what the menus offer). */
export interface FilterValues {
  tahun: readonly number[];
  agency: readonly string[];
  metode: readonly string[];
  jenis: readonly string[];
  sumberDana: readonly string[];
  source: readonly string[];
  pemda: readonly string[];
}

export type FilterKey = keyof typeof NO_FILTERS;
const FILTER_KEYS = Object.keys(NO_FILTERS) as FilterKey[];

/**
 * The filters with every value the data does not have dropped (a shared link's, or one set on the sample before
 * the user's own files were loaded), and which were dropped: a filter that matches nothing would empty every
 * figure while its menu shows "all".
 */
export function dropUnknownFilters(
  f: Filters,
  values: FilterValues,
): { filters: Filters; dropped: FilterKey[] } {
  const out: Filters = { ...NO_FILTERS, ...f };
  const dropped: FilterKey[] = [];
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (v === null || v === undefined) continue;
    const known = (values[k] as readonly (string | number)[]).includes(v);
    if (!known) {
      out[k] = null;
      dropped.push(k);
    }
  }
  return { filters: out, dropped };
}

/** The filters that are set, in menu order. */
export function activeFilters(f: Filters): FilterKey[] {
  return FILTER_KEYS.filter((k) => f[k] !== null && f[k] !== undefined);
}
