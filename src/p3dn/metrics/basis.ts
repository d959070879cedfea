import { bool, num, numOrNull, str } from '../../engine/cells';
import { ARGS_TABLE } from '../../engine/args';
import { raw, sql, type Sql } from '../../engine/sql';
import type { Row } from '../../engine/types';
import { agencySumsSql } from './agency-sums';
import { N, RX_CUBE_COLS, agencyFigureSource } from './cube';
import { ARGS_JOIN, cubeWhere } from './filters';
import {
  isDenominator,
  type AgencyMetric,
  type Basis,
  type Denominator,
  type Filters,
  type Kpi,
  type Query,
  type Summary,
  type Targets,
} from './types';

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

const DEN_SQL: Record<Denominator, string> = {
  belanja_pengadaan: 'a.str_bp',
  rup_penyedia: 'a.pen_pagu',
  rup_total:
    'CASE WHEN a.pen_pagu IS NULL AND a.swa_pagu IS NULL THEN NULL ELSE coalesce(a.pen_pagu, 0) + coalesce(a.swa_pagu, 0) END',
  apbd_barang_jasa: 'a.ap_bj',
  apbd_barang_jasa_modal: 'a.ap_bjm',
};

/**
 * Agencies with komitmen, denominator and realisasi sums, under the filters (CTEs `a` and `base`), from one scan of
 * one cube (cube.ts `agencyFigureSource`: `cube_agency_year`, or `cube_agency_dims` when a filter needs its dimensions;
 * the sums: agency-sums.ts) - one aggregate, no joins between sources, so a view change plans and runs a small
 * query. Each filter narrows the sources that carry its
 * column (cube.ts, BASE_FILTERS): year, agency and Pemda every source; metode and jenis RUP penyedia and transactions;
 * sumber dana and source system transactions only. An agency's name and code are the register's (agency_register:
 * its budget spelling, else its plan spelling, the most frequent), the same under every filter (cube_agency).
 */
export function baseSql(den: Denominator, f: Filters, lean = false, years?: readonly [number, number]): Sql {
  if (!isDenominator(den)) throw new Error(`Unknown denominator: ${String(den)}`);
  if (years && f.tahun !== null && f.tahun !== undefined) throw new Error('Years and a year filter together');
  // `years`: each agency once per year of the two (year over year in one scan), the year in `tahun`.
  const perYear = years
    ? {
        col: raw('tahun, '),
        aCol: raw('a.tahun, '),
        where: sql` AND tahun IN (CAST(${years[0]} AS INTEGER), CAST(${years[1]} AS INTEGER))`,
        group: raw(', tahun'),
      }
    : { col: raw(''), aCol: raw(''), where: raw(''), group: raw('') };
  // `lean` (the totals): only the sums a total needs, no counts, no names, no Pemda — DuckDB-wasm spends most of a
  // small query's time binding and planning its expressions, so a query without them is markedly cheaper.
  const source = agencyFigureSource(f);
  const named = lean
    ? raw('')
    : raw(`coalesce(d.nama, a.agency_key) AS nama, d.kode,
      coalesce(d.pemda_key, 'tanpa_pemda') AS pemda_key, d.pemda,
      a.pen_n AS n_paket, a.swa_n AS n_swakelola, a.n_trx,
      a.pdn_nilai, a.pdn_rup, a.umk_nilai, a.umk_rup,`);
  const joins = lean ? raw('') : raw('LEFT JOIN cube_agency d USING (agency_key)');
  return sql`
  a AS (
    SELECT agency_key, ${perYear.col}
      ${raw(agencySumsSql(lean, true))}
    FROM ${source}${perYear.where} GROUP BY agency_key${perYear.group}
  ), base AS (
    SELECT a.agency_key, ${perYear.aCol}${named}
      coalesce(a.pen_pagu, 0) AS rup_penyedia, coalesce(a.swa_pagu, 0) AS rup_swakelola,
      a.str_bp AS belanja_pengadaan, a.ap_bj AS apbd_barang_jasa, a.ap_bjm AS apbd_barang_jasa_modal,
      a.pen_pdn AS k_pdn, a.pen_umk AS k_umk,
      a.r_total, a.r_pdn, a.r_umk, a.pdn_tanpa, a.umk_tanpa,
      CASE WHEN (${raw(DEN_SQL[den])}) > 0 THEN (${raw(DEN_SQL[den])}) END AS den
    FROM a ${joins}
  )`;
}

/** The CTE `t` of the two targets, bound as exact decimals (validated: 0..1). */
export function targetsCte(t: Targets): Sql {
  for (const v of [t.pdn, t.umk]) {
    if (!Number.isFinite(v) || v < 0 || v > 1) throw new Error(`Target must be between 0 and 1: ${v}`);
  }
  return sql`t AS (
      SELECT CAST(${t.pdn.toFixed(6)} AS DECIMAL(9, 6)) AS pdn_t, CAST(${t.umk.toFixed(6)} AS DECIMAL(9, 6)) AS umk_t
      FROM ${raw(ARGS_TABLE)}
    )`;
}

export const D = (e: string) => `CAST(${e} AS DOUBLE)`;

/**
 * How money leaves a query's final SELECT: `double` (the app: JS numbers for tables and charts) or `exact`
 * (DuckDB's exact DECIMAL text, e.g. `1234567.89`, for the CLI's CSV files; a gap is rounded to the cent, half
 * away from zero). Everything before the final SELECT is the same DECIMAL arithmetic; shares are DOUBLE either way.
 */
export type MoneyOut = 'double' | 'exact';
const MONEY: Record<MoneyOut, { money: (e: string) => string; gap: (e: string) => string }> = {
  double: { money: D, gap: D },
  exact: {
    money: (e) => `CAST(${e} AS VARCHAR)`,
    gap: (e) => `CAST(CAST(${e} AS DECIMAL(38, 2)) AS VARCHAR)`,
  },
};

/**
 * Per agency: the numerator, denominator, share, meets and gap of the chosen basis, plus all three shares.
 * `years`: per agency and year of the two, the year in `tahun` (year over year; `f` without a year filter).
 */
export function basisAgencyQuery(
  basis: Basis,
  den: Denominator,
  targets: Targets,
  f: Filters,
  money: MoneyOut = 'double',
  years?: readonly [number, number],
): Query {
  const b = baseSql(den, f, false, years);
  const M = MONEY[money].money;
  const G = MONEY[money].gap;
  const kpiCols = (k: Kpi) => {
    const kom = `k_${k}`;
    const real = `r_${k}`;
    const numer = basis === 'komitmen' ? kom : real;
    const dn = basis === 'capaian' ? `nullif(${kom}, 0)` : 'den';
    const t = basis === 'capaian' ? 'CAST(1 AS DECIMAL(9, 6))' : `${k}_t`;
    return `${M(numer)} AS ${k}, ${M(dn)} AS ${k}_den,
      ${D(numer)} / ${D(dn)} AS ${k}_share,
      CASE WHEN ${dn} IS NOT NULL THEN ${G(`greatest(${dn} * ${t} - ${numer}, 0)`)} END AS ${k}_gap,
      CASE WHEN ${dn} IS NOT NULL THEN ${numer} >= ${dn} * ${t} END AS ${k}_meets,
      ${M(kom)} AS ${k}_komitmen, ${M(real)} AS ${k}_realisasi,
      ${D(kom)} / ${D('den')} AS ${k}_kom_share, ${D(real)} / ${D('den')} AS ${k}_real_share,
      ${D(real)} / ${D(`nullif(${kom}, 0)`)} AS ${k}_capaian,
      ${M(`${k}_nilai`)} AS ${k}_from_nilai, ${M(`${k}_rup`)} AS ${k}_from_rup, ${M(`${k}_tanpa`)} AS ${k}_from_tanpa`;
  };
  return sql`WITH ${b}, ${targetsCte(targets)}
    SELECT agency_key, ${raw(years ? 'tahun, ' : '')}nama, kode, pemda_key, pemda, n_paket, n_swakelola, n_trx,
      ${raw(M('rup_penyedia'))} AS rup_penyedia, ${raw(M('rup_swakelola'))} AS rup_swakelola,
      ${raw(M('belanja_pengadaan'))} AS belanja_pengadaan, ${raw(M('apbd_barang_jasa'))} AS apbd_barang_jasa,
      ${raw(M('apbd_barang_jasa_modal'))} AS apbd_barang_jasa_modal, ${raw(M('den'))} AS den, ${raw(M('r_total'))} AS r_total,
      ${raw(kpiCols('pdn'))},
      ${raw(kpiCols('umk'))}
    FROM base, t
    ORDER BY ${raw(years ? 'tahun, ' : '')}nama, pemda, agency_key`;
}

export interface BasisAgencyMetric extends AgencyMetric {
  basis: Basis;
  /** APBD anggaran of belanja barang dan jasa (and + modal) of the agency; null: no APBD lines. */
  apbdBarangJasa?: number | null;
  apbdBarangJasaModal?: number | null;
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

export const perKpi = <T>(fn: (k: Kpi) => T): Record<Kpi, T> => ({ pdn: fn('pdn'), umk: fn('umk') });

export function toBasisAgencyMetric(basis: Basis, r: Row): BasisAgencyMetric {
  const den = numOrNull(r['den']);
  return {
    basis,
    agencyKey: String(r['agency_key']),
    pemdaKey: String(r['pemda_key'] ?? 'tanpa_pemda'),
    pemda: str(r['pemda']),
    name: String(r['nama'] ?? r['agency_key']),
    code: typeof r['kode'] === 'string' ? r['kode'] : null,
    packages: num(r['n_paket']),
    swakelola: num(r['n_swakelola']),
    transactions: num(r['n_trx']),
    rupPenyedia: num(r['rup_penyedia']),
    rupSwakelola: num(r['rup_swakelola']),
    belanjaPengadaan: numOrNull(r['belanja_pengadaan']),
    apbdBarangJasa: numOrNull(r['apbd_barang_jasa']),
    apbdBarangJasaModal: numOrNull(r['apbd_barang_jasa_modal']),
    realisasiTotal: num(r['r_total']),
    pdn: num(r['pdn']),
    umk: num(r['umk']),
    denominator: basis === 'capaian' ? null : den,
    denominatorKpi: perKpi((k) => numOrNull(r[`${k}_den`])),
    share: perKpi((k) => numOrNull(r[`${k}_share`])),
    gap: perKpi((k) => numOrNull(r[`${k}_gap`])),
    meets: perKpi((k) => bool(r[`${k}_meets`])),
    komitmen: perKpi((k) => num(r[`${k}_komitmen`])),
    realisasi: perKpi((k) => num(r[`${k}_realisasi`])),
    komitmenShare: perKpi((k) => numOrNull(r[`${k}_kom_share`])),
    realisasiShare: perKpi((k) => numOrNull(r[`${k}_real_share`])),
    capaian: perKpi((k) => numOrNull(r[`${k}_capaian`])),
    from: perKpi((k) => ({
      nilai: num(r[`${k}_from_nilai`]),
      rup: num(r[`${k}_from_rup`]),
      tanpa: num(r[`${k}_from_tanpa`]),
    })),
  };
}

/** The aggregates of one KPI over `base` rows (a summary or a Pemda): numerator, Σ den, meeting, target. */
export function summaryKpiSql(basis: Basis, k: Kpi): string {
  const numer = basis === 'komitmen' ? `k_${k}` : `r_${k}`;
  if (basis === 'capaian') {
    return `sum(r_${k}) AS ${k}, sum(k_${k}) AS ${k}_den, CAST(0 AS DECIMAL(20, 2)) AS ${k}_no_den,
        count(*) FILTER (WHERE k_${k} > 0) AS ${k}_with_den,
        count(*) FILTER (WHERE k_${k} > 0 AND r_${k} >= k_${k}) AS ${k}_meeting, CAST(1 AS DECIMAL(9, 6)) AS ${k}_tt`;
  }
  return `coalesce(sum(${numer}) FILTER (WHERE den IS NOT NULL), 0) AS ${k}, sum(den) AS ${k}_den,
      coalesce(sum(${numer}) FILTER (WHERE den IS NULL), 0) AS ${k}_no_den,
      count(den) AS ${k}_with_den,
      count(*) FILTER (WHERE den IS NOT NULL AND ${numer} >= den * ${k}_t) AS ${k}_meeting,
      any_value(${k}_t) AS ${k}_tt`;
}

/** The final columns of one KPI from `summaryKpiSql`'s aggregates: share and gap (money as `money` says). */
export function summaryOutSql(k: Kpi, money: MoneyOut = 'double'): string {
  const { money: M, gap: G } = MONEY[money];
  return `${M(k)} AS ${k}, ${M(`${k}_den`)} AS ${k}_den, ${M(`${k}_no_den`)} AS ${k}_no_den,
      ${k}_with_den, ${k}_meeting, ${D(k)} / ${D(`nullif(${k}_den, 0)`)} AS ${k}_share,
      CASE WHEN ${k}_den IS NOT NULL THEN ${G(`greatest(${k}_den * ${k}_tt - ${k}, 0)`)} END AS ${k}_gap`;
}

/** Totals under the chosen basis; for capaian the denominator is Σ komitmen of each KPI. */
export function basisSummaryQuery(basis: Basis, den: Denominator, targets: Targets, f: Filters): Query {
  const b = baseSql(den, f, true);
  const kpi = (k: Kpi) => summaryKpiSql(basis, k);
  const out = summaryOutSql;
  return sql`WITH ${b}, ${targetsCte(targets)}, s AS (
      SELECT count(*) AS agencies, sum(r_total) AS r_total, sum(k_pdn) AS k_pdn, sum(r_pdn) AS r_pdn,
        sum(pdn_tanpa) AS pdn_tanpa, sum(umk_tanpa) AS umk_tanpa, ${raw(kpi('pdn'))}, ${raw(kpi('umk'))}
      FROM base, t
    ), u AS (
      SELECT ${raw(N)} AS n_unmatched, coalesce(sum(nilai), 0) AS unmatched
      FROM cube_rx${raw(ARGS_JOIN)} WHERE agency IS NULL${cubeWhere(f, RX_CUBE_COLS)}
    )
    SELECT agencies, n_unmatched, ${raw(D('unmatched'))} AS unmatched, ${raw(D('r_total'))} AS r_total,
      ${raw(D('pdn_tanpa'))} AS pdn_tanpa, ${raw(D('umk_tanpa'))} AS umk_tanpa, ${raw(out('pdn'))}, ${raw(out('umk'))}
    FROM s, u`;
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
  const withDen = perKpi((k) => num(row[`${k}_with_den`]));
  const denKpi = perKpi((k) => numOrNull(row[`${k}_den`]));
  return {
    basis,
    agencies: num(row['agencies']),
    agenciesWithDenominator: withDen.pdn,
    agenciesWithDenominatorKpi: withDen,
    denominator: basis === 'capaian' ? null : denKpi.pdn,
    denominatorKpi: denKpi,
    value: perKpi((k) => num(row[k])),
    valueWithoutDenominator: perKpi((k) => num(row[`${k}_no_den`])),
    share: perKpi((k) => numOrNull(row[`${k}_share`])),
    gap: perKpi((k) => numOrNull(row[`${k}_gap`])),
    meeting: perKpi((k) => num(row[`${k}_meeting`])),
    realisasiTotal: num(row['r_total']),
    tanpaStatus: perKpi((k) => num(row[`${k}_tanpa`])),
    unmatchedRows: num(row['n_unmatched']),
    unmatchedValue: num(row['unmatched']),
  };
}

// ------------------------------------------------------------------------------------------------------------
// Breakdowns
// ------------------------------------------------------------------------------------------------------------
