import { DENOMINATORS, KPIS } from '../p3dn/metrics';
import { BASES, NO_FILTERS, type Filters } from '../p3dn/metrics';
import type { SortKey, ViewState } from '../stores/view-store';
import type { Lang } from '../lib/format';
import {
  decodeState,
  encodeState,
  field,
  oneOf,
  parsePercentFraction,
  serializePercentFraction,
} from '../lib/url-state';

const SORT_KEYS: readonly SortKey[] = ['name', 'numerator', 'denominator', 'share', 'gap'];
const LANGS: readonly Lang[] = ['id', 'en'];
const FILTER_KEYS = Object.keys(NO_FILTERS) as (keyof Filters)[];
const MAX_TEXT = 300;

/** Active filters as `key:value;key:value` (values URI-encoded); only set filters are written. */
function serializeFilters(f: Filters): string {
  return FILTER_KEYS.filter((k) => f[k] !== null)
    .map((k) => `${k}:${encodeURIComponent(String(f[k]))}`)
    .join(';');
}

function parseFilters(text: string): Filters | undefined {
  const out: Filters = { ...NO_FILTERS };
  if (text === '') return out;
  for (const part of text.split(';')) {
    const i = part.indexOf(':');
    const key = FILTER_KEYS.find((k) => k === part.slice(0, i));
    if (i < 1 || !key) return undefined;
    let value: string;
    try {
      value = decodeURIComponent(part.slice(i + 1));
    } catch {
      return undefined;
    }
    if (value === '' || value.length > MAX_TEXT) return undefined;
    if (key === 'tahun') {
      if (!/^\d{4}$/.test(value)) return undefined;
      out.tahun = Number(value);
    } else out[key] = value;
  }
  return out;
}

/**
 * The view state a shared link carries: ONE table. To share a new view-store field (basis, filters, selected
 * agency…), add a line here with its URL key, getter, serialiser and validating parser; `applyViewUrl` in the
 * share feature sets whatever parses. The data itself never goes into a URL.
 */
export const VIEW_URL_FIELDS = {
  kpi: field({ key: 'k', get: (s: ViewState) => s.kpi, serialize: String, parse: oneOf(KPIS) }),
  denominator: field({
    key: 'd',
    get: (s: ViewState) => s.denominator,
    serialize: String,
    parse: oneOf(DENOMINATORS),
  }),
  targets: field({
    key: 't',
    get: (s: ViewState) => s.targets,
    serialize: (t: ViewState['targets']) =>
      `${serializePercentFraction(t.pdn)}_${serializePercentFraction(t.umk)}`,
    parse: (text: string) => {
      const m = /^([^_]+)_([^_]+)$/.exec(text);
      const pdn = m ? parsePercentFraction(m[1]!) : undefined;
      const umk = m ? parsePercentFraction(m[2]!) : undefined;
      return pdn !== undefined && umk !== undefined ? { pdn, umk } : undefined;
    },
  }),
  sort: field({
    key: 's',
    get: (s: ViewState) => s.sort,
    serialize: (v: ViewState['sort']) => `${v.key}.${v.dir}`,
    parse: (text: string) => {
      const [key, dir, ...rest] = text.split('.');
      const k = oneOf(SORT_KEYS)(key ?? '');
      const d = oneOf(['asc', 'desc'] as const)(dir ?? '');
      return k && d && rest.length === 0 ? { key: k, dir: d } : undefined;
    },
  }),
  lang: field({ key: 'l', get: (s: ViewState) => s.lang, serialize: String, parse: oneOf(LANGS) }),
  basis: field({ key: 'b', get: (s: ViewState) => s.basis, serialize: String, parse: oneOf(BASES) }),
  filters: field({
    key: 'f',
    get: (s: ViewState) => s.filters,
    serialize: serializeFilters,
    parse: parseFilters,
  }),
  selectedAgency: field({
    key: 'a',
    get: (s: ViewState) => s.selectedAgency,
    serialize: (v: string | null) => v ?? '',
    parse: (text: string) => (text.length <= MAX_TEXT ? (text === '' ? null : text) : undefined),
  }),
};

export const encodeView = (s: ViewState) => encodeState(VIEW_URL_FIELDS, s);
export const decodeView = (p: URLSearchParams) =>
  decodeState<ViewState, typeof VIEW_URL_FIELDS>(VIEW_URL_FIELDS, p);
