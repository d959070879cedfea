import type { TFunction } from 'i18next';
import { formatPercent, type Lang } from '../../../lib/format';
import type { ExportTable } from '../../../lib/table-export';
import type { MetodeRow } from '../../../p3dn/metrics';
import { KPIS, type AgencyMetric, type Denominator, type Kpi, type Targets } from '../../../p3dn/metrics';
import type { Basis, Filters } from '../../../p3dn/metrics';
import { sortAgencies, type Sort } from '../../../p3dn/metrics';
import type { ReviewMeta } from '../api/get-review-data';

export interface ViewParams {
  kpi: Kpi;
  denominator: Denominator;
  targets: Targets;
  sort: Sort;
  basis: Basis;
  filters: Filters;
  /** Display name of an agency key (for the agency filter); the key itself when unknown. */
  agencyName?: (key: string) => string | undefined;
}

const FILTER_KEYS: readonly (keyof Filters)[] = [
  'tahun',
  'agency',
  'metode',
  'jenis',
  'sumberDana',
  'source',
];

/** The active filters as one line ("Metode pengadaan: Tender · Sistem sumber: Toko Daring"), or "none". */
export function filtersText(
  filters: Filters,
  t: TFunction,
  agencyName: (key: string) => string | undefined = () => undefined,
): string {
  const parts = FILTER_KEYS.flatMap((k) => {
    const v = filters[k];
    if (v === null || v === undefined) return [];
    const shown =
      k === 'agency'
        ? (agencyName(String(v)) ?? String(v))
        : k === 'source'
          ? t(`source.${String(v)}`, { defaultValue: String(v) })
          : String(v);
    return [`${t(`filters.${k}`)}: ${shown}`];
  });
  return parts.length ? parts.join(' · ') : t('review.meta.noFilters');
}

/** What the numerator and denominator are, under the basis (the dashboard chart's line). */
export function basisLine(t: TFunction, basis: Basis, kpi: Kpi, den: Denominator): string {
  const flag = kpi === 'pdn' ? 'PDN' : 'UKM';
  return basis === 'komitmen'
    ? t('chart.basis', { flag, den: t(`den.short_${den}`) })
    : t(`basis.line_${basis}`, { kpi: t(`kpi.${kpi}`), flag, den: t(`den.short_${den}`) });
}

/** The basis in words, e.g. "Realisasi (transaksi selesai)". */
export function basisText(basis: Basis, t: TFunction): string {
  return t(`review.basisLong.${basis}`);
}

/** Ranking against the target: highest share first, agencies without a denominator last. */
export function rankAgencies(rows: readonly AgencyMetric[], kpi: Kpi): AgencyMetric[] {
  return sortAgencies(rows, kpi, { key: 'share', dir: 'desc' });
}

/** Agencies below the target, largest rupiah gap first. */
export function laggingAgencies(rows: readonly AgencyMetric[], kpi: Kpi): AgencyMetric[] {
  return rows
    .filter((m) => m.meets[kpi] === false)
    .sort((a, b) => (b.gap[kpi] ?? 0) - (a.gap[kpi] ?? 0) || a.name.localeCompare(b.name));
}

/**
 * Komitmen vs realisasi: largest shortfall of the realisasi share behind the komitmen share first (the agencies
 * whose commitment looks good but whose spending does not), then by name; agencies without a denominator last.
 */
export function compareAgencies<
  T extends AgencyMetric & {
    komitmenShare: Record<Kpi, number | null>;
    realisasiShare: Record<Kpi, number | null>;
  },
>(rows: readonly T[], kpi: Kpi): T[] {
  const gap = (m: T) => {
    const k = m.komitmenShare[kpi];
    const r = m.realisasiShare[kpi];
    return k === null || r === null ? null : k - r;
  };
  return [...rows].sort((a, b) => {
    const ga = gap(a);
    const gb = gap(b);
    if (ga === null || gb === null) return ga === gb ? a.name.localeCompare(b.name) : ga === null ? 1 : -1;
    return gb - ga || a.name.localeCompare(b.name);
  });
}

export function targetsText(targets: Targets, t: TFunction, lang: Lang): string {
  return KPIS.map((k) => `${t(`kpi.${k}`)} ${formatPercent(targets[k], lang)}`).join(' · ');
}

export function formatDate(d: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'long' }).format(d);
}

/** What a figure means, written into every exported file. */
function viewMetaLines(
  t: TFunction,
  lang: Lang,
  view: ViewParams,
  meta: ReviewMeta | undefined,
  now = new Date(),
): [string, string][] {
  return [
    [t('review.meta.pemda'), meta?.pemda ?? '—'],
    [t('review.meta.year'), meta?.year !== null && meta?.year !== undefined ? String(meta.year) : '—'],
    [t('review.meta.basis'), basisText(view.basis, t)],
    [t('review.meta.kpi'), t(`kpi.${view.kpi}`)],
    [t('review.meta.denominator'), t(`den.${view.denominator}`)],
    [t('review.meta.targets'), targetsText(view.targets, t, lang)],
    [t('review.meta.filters'), filtersText(view.filters, t, view.agencyName)],
    [t('review.meta.sources'), meta ? meta.files.map((f) => f.name).join(', ') : '—'],
    [t('review.meta.generated'), formatDate(now, lang)],
  ];
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1e6) / 1e4);
const status = (t: TFunction, meets: boolean | null) =>
  meets === null ? t('table.noDen') : meets ? t('table.meets') : t('table.misses');

export function agencyExportTable(
  t: TFunction,
  lang: Lang,
  rows: readonly AgencyMetric[],
  view: ViewParams,
  meta: ReviewMeta | undefined,
): ExportTable {
  const headers = [
    t('table.agency'),
    t('table.code'),
    t('table.packages'),
    ...KPIS.flatMap((k) => [
      `${t(`basis.numerator_${view.basis}`, { kpi: t(`kpi.${k}`) })} (Rp)`,
      view.basis === 'capaian'
        ? `${t('basis.capaianCol')} ${t(`kpi.${k}`)} (%)`
        : t('review.col.share', { kpi: t(`kpi.${k}`) }),
      t('review.col.status', { kpi: t(`kpi.${k}`) }),
      t('review.col.gap', { kpi: t(`kpi.${k}`) }),
    ]),
    t('review.col.denominator', { den: t(`den.short_${view.denominator}`) }),
  ];
  return {
    title: t('table.title'),
    meta: [...viewMetaLines(t, lang, view, meta), [t('review.meta.sort'), t(`review.sort.${view.sort.key}`)]],
    headers,
    rows: sortAgencies(rows, view.kpi, view.sort).map((m) => [
      m.name,
      m.code,
      m.packages,
      ...KPIS.flatMap((k) => [m[k], pct(m.share[k]), status(t, m.meets[k]), m.gap[k]]),
      m.denominator,
    ]),
  };
}

export function metodeExportTable(
  t: TFunction,
  lang: Lang,
  rows: readonly MetodeRow[],
  view: ViewParams,
  meta: ReviewMeta | undefined,
): ExportTable {
  return {
    title: t('review.metode.title'),
    meta: viewMetaLines(t, lang, view, meta),
    headers: [
      t('review.metode.method'),
      t('table.packages'),
      t('review.metode.pagu'),
      t('review.col.value', { kpi: t('kpi.pdn') }),
      t('review.metode.partPdn'),
      t('review.col.value', { kpi: t('kpi.umk') }),
      t('review.metode.partUmk'),
    ],
    rows: rows.map((r) => [
      r.metode ?? t('review.metode.none'),
      r.packages,
      r.pagu,
      r.pdn,
      pct(r.pagu > 0 ? r.pdn / r.pagu : null),
      r.umk,
      pct(r.pagu > 0 ? r.umk / r.pagu : null),
    ]),
  };
}
