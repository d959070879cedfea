import type { Row, SqlParam } from '../engine/types';
import type { AgencyMetric, Denominator, Kpi, Query, Summary, Targets } from './metrics';
import { isDenominator } from './metrics';

/**
 * Realisasi and capaian, beside komitmen, on one set of filters.
 *
 *   komitmen(k)   = Σ pagu of counted RUP penyedia packages flagged k           (defined in metrics.ts)
 *   realisasi     = Σ nilai of counted realisasi rows mapped to the agency      (realisasi_x, excl IS NULL)
 *   realisasi(k)  = Σ pdn_part / umk_part of those rows (reported value, else RUP flag, else "Tanpa Status" = 0)
 *   share         = komitmen(k) ÷ den (basis komitmen) or realisasi(k) ÷ den (basis realisasi)
 *   capaian(k)    = realisasi(k) ÷ komitmen(k); its reference is 100 % (realisasi reached the commitment)
 * Filters narrow every table they apply to: year and agency everywhere; metode and jenis on RUP penyedia packages
 * and transactions; sumber dana and source system on transactions only (RUP penyedia carries neither).
 */

export type Basis = 'komitmen' | 'realisasi' | 'capaian';
export const BASES: readonly Basis[] = ['komitmen', 'realisasi', 'capaian'];
export const isBasis = (v: unknown): v is Basis => v === 'komitmen' || v === 'realisasi' || v === 'capaian';

export interface Filters {
  tahun: number | null;
  agency: string | null;
  metode: string | null;
  jenis: string | null;
  sumberDana: string | null;
  source: string | null;
}
export const NO_FILTERS: Filters = {
  tahun: null,
  agency: null,
  metode: null,
  jenis: null,
  sumberDana: null,
  source: null,
};

/** A WHERE fragment and its parameters. `cols` names the columns of the table at hand (absent = not filtered). */
function where(
  f: Filters,
  cols: Partial<Record<keyof Filters, string>>,
): { sql: string; params: SqlParam[] } {
  const parts: string[] = [];
  const params: SqlParam[] = [];
  for (const k of Object.keys(f) as (keyof Filters)[]) {
    const v = f[k];
    const c = cols[k];
    if (v === null || v === undefined || !c) continue;
    parts.push(`${c} = ?`);
    params.push(v);
  }
  return { sql: parts.length ? ` AND ${parts.join(' AND ')}` : '', params };
}

const RUP_COLS = {
  tahun: 'tahun',
  agency: 'agency_key',
  metode: 'metode',
  jenis: "split_part(jenis, ';', 1)",
} as const;
const AG_COLS = { tahun: 'tahun', agency: 'agency_key' } as const;
const RX_COLS = {
  tahun: 'tahun',
  agency: 'agency',
  metode: 'metode_x',
  jenis: 'jenis_x',
  sumberDana: 'sumber_dana',
  source: 'source',
} as const;

export function realisasiWhere(f: Filters) {
  return where(f, RX_COLS);
}

/** The filters that apply to RUP penyedia packages (year, agency, metode, jenis); sumber dana and source do not. */
export function rupPenyediaWhere(f: Filters) {
  return where(f, RUP_COLS);
}

const DEN_SQL: Record<Denominator, string> = {
  belanja_pengadaan: 'str.belanja_pengadaan',
  rup_penyedia: 'pen.pagu',
  rup_total:
    'CASE WHEN pen.pagu IS NULL AND swa.pagu IS NULL THEN NULL ELSE coalesce(pen.pagu, 0) + coalesce(swa.pagu, 0) END',
};

/** Agencies with komitmen, denominator and realisasi sums, under the filters. Params in order of `?`. */
function baseSql(den: Denominator, f: Filters): { sql: string; params: SqlParam[] } {
  if (!isDenominator(den)) throw new Error(`Unknown denominator: ${String(den)}`);
  const wPen = where(f, RUP_COLS);
  const wSwa = where(f, AG_COLS);
  const wStr = where(f, AG_COLS);
  const wRx = where(f, RX_COLS);
  const sql = `
  pen AS (
    SELECT agency_key, mode(nama_satker) AS nama, mode(kd_satker_str) AS kode, sum(pagu) AS pagu,
      coalesce(sum(pagu) FILTER (WHERE is_pdn), 0) AS pdn, coalesce(sum(pagu) FILTER (WHERE is_ukm), 0) AS umk,
      count(*) AS n_paket
    FROM rup_penyedia WHERE exclusion IS NULL${wPen.sql} GROUP BY agency_key
  ), swa AS (
    SELECT agency_key, mode(nama_satker) AS nama, mode(kd_satker_str) AS kode, sum(pagu) AS pagu, count(*) AS n_paket
    FROM rup_swakelola WHERE exclusion IS NULL${wSwa.sql} GROUP BY agency_key
  ), str AS (
    SELECT agency_key, mode(nama_satker) AS nama, mode(kd_satker_str) AS kode,
      sum(belanja_pengadaan) AS belanja_pengadaan
    FROM struktur_anggaran WHERE exclusion IS NULL${wStr.sql} GROUP BY agency_key
  ), rx AS (
    SELECT agency AS agency_key, sum(nilai) AS total, sum(pdn_part) AS pdn, sum(umk_part) AS umk, count(*) AS n_trx,
      coalesce(sum(nilai) FILTER (WHERE pdn_from = 'nilai'), 0) AS pdn_nilai,
      coalesce(sum(nilai) FILTER (WHERE pdn_from = 'rup'), 0) AS pdn_rup,
      coalesce(sum(nilai) FILTER (WHERE pdn_from = 'tanpa'), 0) AS pdn_tanpa,
      coalesce(sum(nilai) FILTER (WHERE umk_from = 'nilai'), 0) AS umk_nilai,
      coalesce(sum(nilai) FILTER (WHERE umk_from = 'rup'), 0) AS umk_rup,
      coalesce(sum(nilai) FILTER (WHERE umk_from = 'tanpa'), 0) AS umk_tanpa
    FROM realisasi_x WHERE excl IS NULL AND agency IS NOT NULL${wRx.sql} GROUP BY agency
  ), ag AS (
    SELECT agency_key FROM pen UNION SELECT agency_key FROM swa UNION SELECT agency_key FROM str
    UNION SELECT agency_key FROM rx
  ), base AS (
    SELECT ag.agency_key,
      coalesce(str.nama, pen.nama, swa.nama, d.nama) AS nama,
      coalesce(str.kode, pen.kode, swa.kode, d.kode) AS kode,
      coalesce(pen.n_paket, 0) AS n_paket,
      coalesce(swa.n_paket, 0) AS n_swakelola,
      coalesce(pen.pagu, 0) AS rup_penyedia,
      coalesce(swa.pagu, 0) AS rup_swakelola,
      str.belanja_pengadaan,
      coalesce(pen.pdn, 0) AS k_pdn,
      coalesce(pen.umk, 0) AS k_umk,
      coalesce(rx.total, 0) AS r_total,
      coalesce(rx.pdn, 0) AS r_pdn,
      coalesce(rx.umk, 0) AS r_umk,
      coalesce(rx.n_trx, 0) AS n_trx,
      coalesce(rx.pdn_nilai, 0) AS pdn_nilai, coalesce(rx.pdn_rup, 0) AS pdn_rup,
      coalesce(rx.pdn_tanpa, 0) AS pdn_tanpa,
      coalesce(rx.umk_nilai, 0) AS umk_nilai, coalesce(rx.umk_rup, 0) AS umk_rup,
      coalesce(rx.umk_tanpa, 0) AS umk_tanpa,
      CASE WHEN (${DEN_SQL[den]}) > 0 THEN (${DEN_SQL[den]}) END AS den
    FROM ag
      LEFT JOIN pen USING (agency_key)
      LEFT JOIN swa USING (agency_key)
      LEFT JOIN str USING (agency_key)
      LEFT JOIN rx USING (agency_key)
      LEFT JOIN agency_dim d USING (agency_key)
  )`;
  return { sql, params: [...wPen.params, ...wSwa.params, ...wStr.params, ...wRx.params] };
}

function targetParams(t: Targets): SqlParam[] {
  for (const v of [t.pdn, t.umk]) {
    if (!Number.isFinite(v) || v < 0 || v > 1) throw new Error(`Target must be between 0 and 1: ${v}`);
  }
  return [t.pdn.toFixed(6), t.umk.toFixed(6)];
}

const D = (e: string) => `CAST(${e} AS DOUBLE)`;

/** Per agency: the numerator, denominator, share, meets and gap of the chosen basis, plus all three shares. */
export function basisAgencyQuery(basis: Basis, den: Denominator, targets: Targets, f: Filters): Query {
  const b = baseSql(den, f);
  const kpiCols = (k: Kpi) => {
    const kom = `k_${k}`;
    const real = `r_${k}`;
    const num = basis === 'komitmen' ? kom : real;
    const dn = basis === 'capaian' ? `nullif(${kom}, 0)` : 'den';
    const t = basis === 'capaian' ? 'CAST(1 AS DECIMAL(9, 6))' : `${k}_t`;
    return `${D(num)} AS ${k}, ${D(dn)} AS ${k}_den,
      ${D(num)} / ${D(dn)} AS ${k}_share,
      CASE WHEN ${dn} IS NOT NULL THEN ${D(`greatest(${dn} * ${t} - ${num}, 0)`)} END AS ${k}_gap,
      CASE WHEN ${dn} IS NOT NULL THEN ${num} >= ${dn} * ${t} END AS ${k}_meets,
      ${D(kom)} AS ${k}_komitmen, ${D(real)} AS ${k}_realisasi,
      ${D(kom)} / ${D('den')} AS ${k}_kom_share, ${D(real)} / ${D('den')} AS ${k}_real_share,
      ${D(real)} / ${D(`nullif(${kom}, 0)`)} AS ${k}_capaian,
      ${D(`${k}_nilai`)} AS ${k}_from_nilai, ${D(`${k}_rup`)} AS ${k}_from_rup, ${D(`${k}_tanpa`)} AS ${k}_from_tanpa`;
  };
  return {
    sql: `WITH ${b.sql}, t AS (
      SELECT CAST(? AS DECIMAL(9, 6)) AS pdn_t, CAST(? AS DECIMAL(9, 6)) AS umk_t
    )
    SELECT agency_key, nama, kode, n_paket, n_swakelola, n_trx,
      ${D('rup_penyedia')} AS rup_penyedia, ${D('rup_swakelola')} AS rup_swakelola,
      ${D('belanja_pengadaan')} AS belanja_pengadaan, ${D('den')} AS den, ${D('r_total')} AS r_total,
      ${kpiCols('pdn')},
      ${kpiCols('umk')}
    FROM base, t
    ORDER BY nama`,
    params: [...b.params, ...targetParams(targets)],
  };
}

export interface BasisAgencyMetric extends AgencyMetric {
  basis: Basis;
  transactions: number;
  realisasiTotal: number;
  /** The denominator of each KPI under the basis (capaian: that KPI's komitmen). */
  denominatorKpi: Record<Kpi, number | null>;
  komitmen: Record<Kpi, number>;
  realisasi: Record<Kpi, number>;
  komitmenShare: Record<Kpi, number | null>;
  realisasiShare: Record<Kpi, number | null>;
  capaian: Record<Kpi, number | null>;
  /** Realisasi rupiah whose KPI part came from the reported value / the RUP flag / nowhere ("Tanpa Status"). */
  from: Record<Kpi, { nilai: number; rup: number; tanpa: number }>;
}

type MaybeCell = Row[string] | undefined;
const n = (v: MaybeCell): number => (typeof v === 'number' ? v : 0);
const nn = (v: MaybeCell): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const bool = (v: MaybeCell): boolean | null => (typeof v === 'boolean' ? v : null);
const perKpi = <T>(fn: (k: Kpi) => T): Record<Kpi, T> => ({ pdn: fn('pdn'), umk: fn('umk') });

export function toBasisAgencyMetric(basis: Basis, r: Row): BasisAgencyMetric {
  const den = nn(r['den']);
  return {
    basis,
    agencyKey: String(r['agency_key']),
    name: String(r['nama'] ?? r['agency_key']),
    code: typeof r['kode'] === 'string' ? r['kode'] : null,
    packages: n(r['n_paket']),
    swakelola: n(r['n_swakelola']),
    transactions: n(r['n_trx']),
    rupPenyedia: n(r['rup_penyedia']),
    rupSwakelola: n(r['rup_swakelola']),
    belanjaPengadaan: nn(r['belanja_pengadaan']),
    realisasiTotal: n(r['r_total']),
    pdn: n(r['pdn']),
    umk: n(r['umk']),
    denominator: basis === 'capaian' ? null : den,
    denominatorKpi: perKpi((k) => nn(r[`${k}_den`])),
    share: perKpi((k) => nn(r[`${k}_share`])),
    gap: perKpi((k) => nn(r[`${k}_gap`])),
    meets: perKpi((k) => bool(r[`${k}_meets`])),
    komitmen: perKpi((k) => n(r[`${k}_komitmen`])),
    realisasi: perKpi((k) => n(r[`${k}_realisasi`])),
    komitmenShare: perKpi((k) => nn(r[`${k}_kom_share`])),
    realisasiShare: perKpi((k) => nn(r[`${k}_real_share`])),
    capaian: perKpi((k) => nn(r[`${k}_capaian`])),
    from: perKpi((k) => ({
      nilai: n(r[`${k}_from_nilai`]),
      rup: n(r[`${k}_from_rup`]),
      tanpa: n(r[`${k}_from_tanpa`]),
    })),
  };
}

/** Totals under the chosen basis; for capaian the denominator is Σ komitmen of each KPI. */
export function basisSummaryQuery(basis: Basis, den: Denominator, targets: Targets, f: Filters): Query {
  const b = baseSql(den, f);
  const wU = where(f, RX_COLS);
  const kpi = (k: Kpi) => {
    const num = basis === 'komitmen' ? `k_${k}` : `r_${k}`;
    if (basis === 'capaian') {
      return `sum(r_${k}) AS ${k}, sum(k_${k}) AS ${k}_den, CAST(0 AS DECIMAL(20, 2)) AS ${k}_no_den,
        count(*) FILTER (WHERE k_${k} > 0) AS ${k}_with_den,
        count(*) FILTER (WHERE k_${k} > 0 AND r_${k} >= k_${k}) AS ${k}_meeting, CAST(1 AS DECIMAL(9, 6)) AS ${k}_tt`;
    }
    return `coalesce(sum(${num}) FILTER (WHERE den IS NOT NULL), 0) AS ${k}, sum(den) AS ${k}_den,
      coalesce(sum(${num}) FILTER (WHERE den IS NULL), 0) AS ${k}_no_den,
      count(den) AS ${k}_with_den,
      count(*) FILTER (WHERE den IS NOT NULL AND ${num} >= den * ${k}_t) AS ${k}_meeting,
      any_value(${k}_t) AS ${k}_tt`;
  };
  const out = (k: Kpi) => `${D(k)} AS ${k}, ${D(`${k}_den`)} AS ${k}_den, ${D(`${k}_no_den`)} AS ${k}_no_den,
      ${k}_with_den, ${k}_meeting, ${D(k)} / ${D(`nullif(${k}_den, 0)`)} AS ${k}_share,
      CASE WHEN ${k}_den IS NOT NULL THEN ${D(`greatest(${k}_den * ${k}_tt - ${k}, 0)`)} END AS ${k}_gap`;
  return {
    sql: `WITH ${b.sql}, t AS (
      SELECT CAST(? AS DECIMAL(9, 6)) AS pdn_t, CAST(? AS DECIMAL(9, 6)) AS umk_t
    ), s AS (
      SELECT count(*) AS agencies, sum(r_total) AS r_total, sum(k_pdn) AS k_pdn, sum(r_pdn) AS r_pdn,
        sum(pdn_tanpa) AS pdn_tanpa, sum(umk_tanpa) AS umk_tanpa, ${kpi('pdn')}, ${kpi('umk')}
      FROM base, t
    ), u AS (
      SELECT count(*) AS n_unmatched, coalesce(sum(nilai), 0) AS unmatched
      FROM realisasi_x WHERE excl IS NULL AND agency IS NULL${wU.sql}
    )
    SELECT agencies, n_unmatched, ${D('unmatched')} AS unmatched, ${D('r_total')} AS r_total,
      ${D('pdn_tanpa')} AS pdn_tanpa, ${D('umk_tanpa')} AS umk_tanpa, ${out('pdn')}, ${out('umk')}
    FROM s, u`,
    params: [...b.params, ...targetParams(targets), ...wU.params],
  };
}

export interface BasisSummary extends Summary {
  basis: Basis;
  denominatorKpi: Record<Kpi, number | null>;
  agenciesWithDenominatorKpi: Record<Kpi, number>;
  realisasiTotal: number;
  tanpaStatus: Record<Kpi, number>;
  unmatchedRows: number;
  unmatchedValue: number;
}

export function toBasisSummary(basis: Basis, r: Row | undefined): BasisSummary {
  const row = r ?? {};
  const withDen = perKpi((k) => n(row[`${k}_with_den`]));
  const denKpi = perKpi((k) => nn(row[`${k}_den`]));
  return {
    basis,
    agencies: n(row['agencies']),
    agenciesWithDenominator: withDen.pdn,
    agenciesWithDenominatorKpi: withDen,
    denominator: basis === 'capaian' ? null : denKpi.pdn,
    denominatorKpi: denKpi,
    value: perKpi((k) => n(row[k])),
    valueWithoutDenominator: perKpi((k) => n(row[`${k}_no_den`])),
    share: perKpi((k) => nn(row[`${k}_share`])),
    gap: perKpi((k) => nn(row[`${k}_gap`])),
    meeting: perKpi((k) => n(row[`${k}_meeting`])),
    realisasiTotal: n(row['r_total']),
    tanpaStatus: perKpi((k) => n(row[`${k}_tanpa`])),
    unmatchedRows: n(row['n_unmatched']),
    unmatchedValue: n(row['unmatched']),
  };
}

// ------------------------------------------------------------------------------------------------------------
// Breakdowns
// ------------------------------------------------------------------------------------------------------------

export type BreakdownDim = 'metode' | 'jenis' | 'source' | 'bulan';
const DIM_SQL: Record<BreakdownDim, string> = {
  metode: "coalesce(metode_x, '')",
  jenis: "coalesce(jenis_x, '')",
  source: 'source',
  bulan: "coalesce(CAST(bulan AS VARCHAR), '')",
};

/** Realisasi per group (matched rows only, same filters), with its PDN and UMK-K parts and "Tanpa Status". */
export function breakdownQuery(dim: BreakdownDim, f: Filters): Query {
  const w = where(f, RX_COLS);
  return {
    sql: `SELECT ${DIM_SQL[dim]} AS grp, count(*) AS n, ${D('sum(nilai)')} AS total,
        ${D('sum(pdn_part)')} AS pdn, ${D('sum(umk_part)')} AS umk,
        ${D("coalesce(sum(nilai) FILTER (WHERE pdn_from = 'tanpa'), 0)")} AS pdn_tanpa,
        ${D("coalesce(sum(nilai) FILTER (WHERE umk_from = 'tanpa'), 0)")} AS umk_tanpa
      FROM realisasi_x WHERE excl IS NULL AND agency IS NOT NULL${w.sql}
      GROUP BY 1 ORDER BY ${dim === 'bulan' ? 'TRY_CAST(grp AS INTEGER) NULLS LAST' : 'total DESC'}`,
    params: w.params,
  };
}

export interface BreakdownRow {
  group: string;
  rows: number;
  total: number;
  pdn: number;
  umk: number;
  tanpa: Record<Kpi, number>;
}

export function toBreakdownRow(r: Row): BreakdownRow {
  return {
    group: String(r['grp'] ?? ''),
    rows: n(r['n']),
    total: n(r['total']),
    pdn: n(r['pdn']),
    umk: n(r['umk']),
    tanpa: { pdn: n(r['pdn_tanpa']), umk: n(r['umk_tanpa']) },
  };
}

/**
 * Cumulative realisasi of each KPI by month of the fiscal year, as a share of the overall denominator of the
 * agencies that have one (the same Σ den as the summary). Months 1..12; rows without a date are not in any month.
 */
export function monthlyQuery(den: Denominator, f: Filters): Query {
  const b = baseSql(den, f);
  const w = where(f, RX_COLS);
  return {
    sql: `WITH ${b.sql}, d AS (SELECT sum(den) AS den FROM base),
      withden AS (SELECT agency_key FROM base WHERE den IS NOT NULL),
      m AS (
        SELECT bulan, sum(pdn_part) AS pdn, sum(umk_part) AS umk, sum(nilai) AS total FROM realisasi_x
        WHERE excl IS NULL AND agency IN (SELECT agency_key FROM withden) AND bulan IS NOT NULL${w.sql}
        GROUP BY bulan
      ), months AS (SELECT range AS bulan FROM range(1, 13))
    SELECT months.bulan,
      ${D('sum(coalesce(m.pdn, 0)) OVER (ORDER BY months.bulan)')} AS pdn_cum,
      ${D('sum(coalesce(m.umk, 0)) OVER (ORDER BY months.bulan)')} AS umk_cum,
      ${D('sum(coalesce(m.total, 0)) OVER (ORDER BY months.bulan)')} AS total_cum,
      ${D('d.den')} AS den
    FROM months LEFT JOIN m ON m.bulan = months.bulan, d ORDER BY months.bulan`,
    params: [...b.params, ...w.params],
  };
}

// ------------------------------------------------------------------------------------------------------------
// Reconciliation
// ------------------------------------------------------------------------------------------------------------

/** Counted realisasi by how the agency was matched (kode / nama / alias / NULL = unmatched). */
export function matchSummaryQuery(f: Filters): Query {
  const w = where({ ...f, agency: null }, RX_COLS);
  return {
    sql: `SELECT coalesce(match_path, 'none') AS path, count(*) AS n, ${D('sum(nilai)')} AS total
      FROM realisasi_x WHERE excl IS NULL${w.sql} GROUP BY 1 ORDER BY 1`,
    params: w.params,
  };
}

/** Agencies of other systems that match no SIRUP agency: the rupiah at stake, rows, spellings and sources. */
export function unmatchedQuery(f: Filters): Query {
  const w = where({ ...f, agency: null }, RX_COLS);
  return {
    sql: `SELECT alias_key, count(*) AS n, ${D('sum(nilai)')} AS total,
        string_agg(DISTINCT nama_satker, ' | ') AS names,
        string_agg(DISTINCT kd_satker_str, ' | ') AS codes,
        string_agg(DISTINCT source, ', ') AS sources
      FROM realisasi_x WHERE excl IS NULL AND agency IS NULL${w.sql}
      GROUP BY alias_key ORDER BY total DESC`,
    params: w.params,
  };
}

/** Distinct values for the filter menus. */
export const FACETS_SQL = `
  SELECT 'tahun' AS facet, CAST(tahun AS VARCHAR) AS v FROM (
    SELECT tahun FROM rup_penyedia UNION SELECT tahun FROM realisasi_x UNION SELECT tahun FROM struktur_anggaran)
    WHERE tahun IS NOT NULL
  UNION SELECT 'metode', metode FROM rup_penyedia WHERE metode IS NOT NULL AND exclusion IS NULL
  UNION SELECT 'metode', metode_x FROM realisasi_x WHERE metode_x IS NOT NULL
  UNION SELECT 'jenis', split_part(jenis, ';', 1) FROM rup_penyedia WHERE jenis IS NOT NULL AND exclusion IS NULL
  UNION SELECT 'jenis', jenis_x FROM realisasi_x WHERE jenis_x IS NOT NULL
  UNION SELECT 'sumberDana', sumber_dana FROM realisasi_x WHERE sumber_dana IS NOT NULL
  UNION SELECT 'source', source FROM realisasi_x
  ORDER BY 1, 2`;

// ------------------------------------------------------------------------------------------------------------
// Drill-down: the rows behind an agency's figure
// ------------------------------------------------------------------------------------------------------------

/**
 * One view over both kinds of rows an auditor can open:
 *   kind 'komitmen'  — counted RUP penyedia packages (nilai = pagu; the PDN/UMK part is all-or-nothing by flag),
 *   kind 'realisasi' — counted transactions mapped to the agency (parts as in realisasi_x).
 */
const DRILL_SQL = `
  SELECT 'komitmen' AS kind, p.agency_key AS agency, 'sirup' AS source, p.kd_rup, CAST(NULL AS VARCHAR) AS trx_id,
    p.nama_paket, p.metode, split_part(p.jenis, ';', 1) AS jenis, CAST(NULL AS VARCHAR) AS sumber_dana, p.tahun,
    CAST(NULL AS DATE) AS tanggal, p.pagu AS nilai,
    CASE WHEN p.is_pdn THEN p.pagu ELSE 0 END AS pdn_part, CASE WHEN p.is_ukm THEN p.pagu ELSE 0 END AS umk_part,
    CASE WHEN p.is_pdn IS NULL THEN 'tanpa' ELSE 'rup' END AS pdn_from,
    CASE WHEN p.is_ukm IS NULL THEN 'tanpa' ELSE 'rup' END AS umk_from,
    p.is_pdn AS pdn_flag, p.is_ukm AS ukm_flag, p.alasan_non_ukm, sf.name AS file_name, p.line
  FROM rup_penyedia p JOIN source_file sf ON sf.file_id = p.file_id WHERE p.exclusion IS NULL
  UNION ALL
  SELECT 'realisasi', agency, source, kd_rup, trx_id, nama_paket, metode_x, jenis_x, sumber_dana, tahun, tanggal,
    nilai, pdn_part, umk_part, pdn_from, umk_from,
    CASE pdn_from WHEN 'nilai' THEN nilai_pdn > 0 WHEN 'rup' THEN rup_pdn END,
    CASE umk_from WHEN 'nilai' THEN nilai_umk > 0 WHEN 'rup' THEN rup_ukm END,
    alasan_non_ukm, file_name, line
  FROM realisasi_x WHERE excl IS NULL`;

export type DrillSortKey =
  'kd_rup' | 'nama_paket' | 'metode' | 'nilai' | 'part' | 'tanggal' | 'source' | 'line';
export const DRILL_SORT_KEYS: readonly DrillSortKey[] = [
  'kd_rup',
  'nama_paket',
  'metode',
  'nilai',
  'part',
  'tanggal',
  'source',
  'line',
];

export interface DrillSpec {
  kind: 'komitmen' | 'realisasi';
  agency: string;
  kpi: Kpi;
  filters: Filters;
  /** Text search over kd_rup, trx id and package name. */
  search: string;
  /** Only rows whose KPI flag is yes / no / unknown. */
  flag: 'all' | 'yes' | 'no' | 'tanpa';
  sort: DrillSortKey;
  dir: 'asc' | 'desc';
}

function drillWhere(s: DrillSpec): { sql: string; params: SqlParam[] } {
  const fk = s.kind === 'komitmen' ? { ...s.filters, sumberDana: null, source: null } : s.filters;
  const w = where(
    { ...fk, agency: null },
    { tahun: 'tahun', metode: 'metode', jenis: 'jenis', sumberDana: 'sumber_dana', source: 'source' },
  );
  const parts = ['kind = ?', 'agency = ?'];
  const params: SqlParam[] = [s.kind, s.agency];
  const flagCol = s.kpi === 'pdn' ? 'pdn_flag' : 'ukm_flag';
  const fromCol = s.kpi === 'pdn' ? 'pdn_from' : 'umk_from';
  if (s.flag === 'yes') parts.push(`${flagCol} IS TRUE`);
  if (s.flag === 'no') parts.push(`${flagCol} IS FALSE`);
  if (s.flag === 'tanpa') parts.push(`${fromCol} = 'tanpa'`);
  const q = s.search.trim();
  if (q) {
    parts.push(
      `(coalesce(kd_rup, '') ILIKE ? OR coalesce(trx_id, '') ILIKE ? OR coalesce(nama_paket, '') ILIKE ?)`,
    );
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(like, like, like);
  }
  return { sql: `WHERE ${parts.join(' AND ')}${w.sql}`, params: [...params, ...w.params] };
}

function drillOrder(s: DrillSpec): string {
  const col =
    s.sort === 'part'
      ? s.kpi === 'pdn'
        ? 'pdn_part'
        : 'umk_part'
      : DRILL_SORT_KEYS.includes(s.sort)
        ? s.sort
        : 'nilai';
  const dir = s.dir === 'asc' ? 'ASC' : 'DESC';
  return `ORDER BY ${col} ${dir} NULLS LAST, file_name, line`;
}

/** Count and exact totals of the rows the drill-down shows (the figure that was clicked is `part`). */
export function drillTotalsQuery(s: DrillSpec): Query {
  const w = drillWhere(s);
  const part = s.kpi === 'pdn' ? 'pdn_part' : 'umk_part';
  const from = s.kpi === 'pdn' ? 'pdn_from' : 'umk_from';
  return {
    sql: `SELECT count(*) AS n, ${D('coalesce(sum(nilai), 0)')} AS nilai, ${D(`coalesce(sum(${part}), 0)`)} AS part,
        count(*) FILTER (WHERE ${from} = 'nilai') AS n_nilai, count(*) FILTER (WHERE ${from} = 'rup') AS n_rup,
        count(*) FILTER (WHERE ${from} = 'tanpa') AS n_tanpa
      FROM (${DRILL_SQL}) ${w.sql}`,
    params: w.params,
  };
}

/** One page of drill-down rows (LIMIT/OFFSET over the same filter and order). */
export function drillPageQuery(s: DrillSpec, offset: number, limit: number): Query {
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > 100_000) {
    throw new Error(`Bad page: ${offset}+${limit}`);
  }
  const w = drillWhere(s);
  const part = s.kpi === 'pdn' ? 'pdn_part' : 'umk_part';
  const from = s.kpi === 'pdn' ? 'pdn_from' : 'umk_from';
  const flag = s.kpi === 'pdn' ? 'pdn_flag' : 'ukm_flag';
  return {
    sql: `SELECT source, kd_rup, trx_id, nama_paket, metode, jenis, sumber_dana, CAST(tanggal AS VARCHAR) AS tanggal,
        ${D('nilai')} AS nilai, ${D(part)} AS part, ${flag} AS flag, ${from} AS flag_from, alasan_non_ukm,
        file_name, line
      FROM (${DRILL_SQL}) ${w.sql} ${drillOrder(s)} LIMIT ${limit} OFFSET ${offset}`,
    params: w.params,
  };
}

export interface DrillRow {
  source: string;
  kdRup: string | null;
  trxId: string | null;
  namaPaket: string | null;
  metode: string | null;
  jenis: string | null;
  sumberDana: string | null;
  tanggal: string | null;
  nilai: number;
  part: number;
  flag: boolean | null;
  flagFrom: 'nilai' | 'rup' | 'tanpa';
  alasanNonUkm: string | null;
  file: string;
  line: number;
}

const s = (v: MaybeCell): string | null => (typeof v === 'string' ? v : null);

export function toDrillRow(r: Row): DrillRow {
  const from = r['flag_from'];
  return {
    source: String(r['source']),
    kdRup: s(r['kd_rup']),
    trxId: s(r['trx_id']),
    namaPaket: s(r['nama_paket']),
    metode: s(r['metode']),
    jenis: s(r['jenis']),
    sumberDana: s(r['sumber_dana']),
    tanggal: s(r['tanggal']),
    nilai: n(r['nilai']),
    part: n(r['part']),
    flag: bool(r['flag']),
    flagFrom: from === 'nilai' || from === 'rup' ? from : 'tanpa',
    alasanNonUkm: s(r['alasan_non_ukm']),
    file: String(r['file_name'] ?? ''),
    line: n(r['line']),
  };
}

// ------------------------------------------------------------------------------------------------------------
// Windowed drill-down: the filtered, sorted rows are materialised once per view into a temp table numbered by
// `rn`; pages are then `WHERE rn BETWEEN …` (constant time), totals and the export read the same table.
// ------------------------------------------------------------------------------------------------------------

const TABLE_RE = /^drill_[a-z0-9_]{1,60}$/;
function drillTable(name: string): string {
  if (!TABLE_RE.test(name)) throw new Error(`Bad drill table name: ${name}`);
  return `"${name}"`;
}

/** CREATE the numbered rows of a drill-down view as temp table `table`. */
export function drillMaterializeQuery(s: DrillSpec, table: string): Query {
  const w = drillWhere(s);
  const part = s.kpi === 'pdn' ? 'pdn_part' : 'umk_part';
  const from = s.kpi === 'pdn' ? 'pdn_from' : 'umk_from';
  const flag = s.kpi === 'pdn' ? 'pdn_flag' : 'ukm_flag';
  return {
    sql: `CREATE OR REPLACE TEMP TABLE ${drillTable(table)} AS
      SELECT row_number() OVER (${drillOrder(s)}) - 1 AS rn, source, kd_rup, trx_id, nama_paket, metode, jenis,
        sumber_dana, CAST(tanggal AS VARCHAR) AS tanggal, nilai, ${part} AS part, ${flag} AS flag,
        ${from} AS flag_from, alasan_non_ukm, file_name, line
      FROM (${DRILL_SQL}) ${w.sql}`,
    params: w.params,
  };
}

export function drillCachedTotalsSql(table: string): string {
  return `SELECT count(*) AS n, ${D('coalesce(sum(nilai), 0)')} AS nilai, ${D('coalesce(sum(part), 0)')} AS part,
      count(*) FILTER (WHERE flag_from = 'nilai') AS n_nilai, count(*) FILTER (WHERE flag_from = 'rup') AS n_rup,
      count(*) FILTER (WHERE flag_from = 'tanpa') AS n_tanpa
    FROM ${drillTable(table)}`;
}

export function drillCachedPageQuery(table: string, offset: number, limit: number): Query {
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1) {
    throw new Error(`Bad page: ${offset}+${limit}`);
  }
  return {
    sql: `SELECT source, kd_rup, trx_id, nama_paket, metode, jenis, sumber_dana, tanggal, ${D('nilai')} AS nilai,
        ${D('part')} AS part, flag, flag_from, alasan_non_ukm, file_name, line
      FROM ${drillTable(table)} WHERE rn >= ? AND rn < ? ORDER BY rn`,
    params: [offset, offset + limit],
  };
}
