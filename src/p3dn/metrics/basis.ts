import { bool, num, numOrNull, str } from '../../engine/cells';
import { raw, sql, type Sql } from '../../engine/sql';
import type { Row } from '../../engine/types';
import { AG_CUBE_COLS, N, PEN_CUBE_COLS, RX_CUBE_COLS } from './cube';
import { where } from './filters';
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
  belanja_pengadaan: 'str.belanja_pengadaan',
  rup_penyedia: 'pen.pagu',
  rup_total:
    'CASE WHEN pen.pagu IS NULL AND swa.pagu IS NULL THEN NULL ELSE coalesce(pen.pagu, 0) + coalesce(swa.pagu, 0) END',
  apbd_barang_jasa: 'ap.barang_jasa',
  apbd_barang_jasa_modal: 'ap.barang_jasa_modal',
};

/**
 * Agencies with komitmen, denominator and realisasi sums, under the filters (CTEs up to `base`), from the cubes
 * (cube.ts). An agency's name and code are the register's (agency_register: its budget spelling, else its plan
 * spelling, the most frequent), the same under every filter.
 */
export function baseSql(den: Denominator, f: Filters): Sql {
  if (!isDenominator(den)) throw new Error(`Unknown denominator: ${String(den)}`);
  const pw = where(f, PEN_CUBE_COLS);
  const aw = where(f, AG_CUBE_COLS);
  return sql`
  pen AS (
    SELECT agency_key, sum(pagu) AS pagu, coalesce(sum(pagu) FILTER (WHERE is_pdn), 0) AS pdn,
      coalesce(sum(pagu) FILTER (WHERE is_ukm), 0) AS umk, ${raw(N)} AS n_paket
    FROM cube_pen WHERE true${pw} GROUP BY agency_key
  ), swa AS (
    SELECT agency_key, sum(pagu) AS pagu, ${raw(N)} AS n_paket FROM cube_swa WHERE true${aw} GROUP BY agency_key
  ), str AS (
    SELECT agency_key, sum(belanja_pengadaan) AS belanja_pengadaan FROM cube_str WHERE true${aw} GROUP BY agency_key
  ), ap AS (
    -- APBD budget lines by spending group, whatever code set (5.1.02 / SIMDA 5.2.2, modal 5.2 / SIMDA 5.2.3).
    SELECT agency_key,
      sum(anggaran) FILTER (WHERE kelompok = 'barang_jasa') AS barang_jasa,
      sum(anggaran) FILTER (WHERE kelompok IN ('barang_jasa', 'modal')) AS barang_jasa_modal
    FROM cube_ap WHERE true${aw} GROUP BY agency_key
  ), rx AS (
    SELECT agency AS agency_key, sum(nilai) AS total, sum(pdn_part) AS pdn, sum(umk_part) AS umk, ${raw(N)} AS n_trx,
      coalesce(sum(nilai) FILTER (WHERE pdn_from = 'nilai'), 0) AS pdn_nilai,
      coalesce(sum(nilai) FILTER (WHERE pdn_from = 'rup'), 0) AS pdn_rup,
      coalesce(sum(nilai) FILTER (WHERE pdn_from = 'tanpa'), 0) AS pdn_tanpa,
      coalesce(sum(nilai) FILTER (WHERE umk_from = 'nilai'), 0) AS umk_nilai,
      coalesce(sum(nilai) FILTER (WHERE umk_from = 'rup'), 0) AS umk_rup,
      coalesce(sum(nilai) FILTER (WHERE umk_from = 'tanpa'), 0) AS umk_tanpa
    FROM cube_rx WHERE agency IS NOT NULL${where(f, RX_CUBE_COLS)} GROUP BY agency
  ), ag AS (
    SELECT agency_key FROM pen UNION SELECT agency_key FROM swa UNION SELECT agency_key FROM str
    UNION SELECT agency_key FROM ap UNION SELECT agency_key FROM rx
  ), base AS (
    SELECT ag.agency_key,
      coalesce(d.nama, ag.agency_key) AS nama, d.kode,
      coalesce(d.pemda_key, 'tanpa_pemda') AS pemda_key, pd.nama AS pemda,
      coalesce(pen.n_paket, 0) AS n_paket,
      coalesce(swa.n_paket, 0) AS n_swakelola,
      coalesce(pen.pagu, 0) AS rup_penyedia,
      coalesce(swa.pagu, 0) AS rup_swakelola,
      str.belanja_pengadaan,
      ap.barang_jasa AS apbd_barang_jasa, ap.barang_jasa_modal AS apbd_barang_jasa_modal,
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
      CASE WHEN (${raw(DEN_SQL[den])}) > 0 THEN (${raw(DEN_SQL[den])}) END AS den
    FROM ag
      LEFT JOIN pen USING (agency_key)
      LEFT JOIN swa USING (agency_key)
      LEFT JOIN str USING (agency_key)
      LEFT JOIN ap USING (agency_key)
      LEFT JOIN rx USING (agency_key)
      LEFT JOIN agency_dim d USING (agency_key)
      LEFT JOIN pemda_dim pd ON pd.pemda_key = d.pemda_key
  )`;
}

/** The CTE `t` of the two targets, bound as exact decimals (validated: 0..1). */
export function targetsCte(t: Targets): Sql {
  for (const v of [t.pdn, t.umk]) {
    if (!Number.isFinite(v) || v < 0 || v > 1) throw new Error(`Target must be between 0 and 1: ${v}`);
  }
  return sql`t AS (
      SELECT CAST(${t.pdn.toFixed(6)} AS DECIMAL(9, 6)) AS pdn_t, CAST(${t.umk.toFixed(6)} AS DECIMAL(9, 6)) AS umk_t
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

/** Per agency: the numerator, denominator, share, meets and gap of the chosen basis, plus all three shares. */
export function basisAgencyQuery(
  basis: Basis,
  den: Denominator,
  targets: Targets,
  f: Filters,
  money: MoneyOut = 'double',
): Query {
  const b = baseSql(den, f);
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
    SELECT agency_key, nama, kode, pemda_key, pemda, n_paket, n_swakelola, n_trx,
      ${raw(M('rup_penyedia'))} AS rup_penyedia, ${raw(M('rup_swakelola'))} AS rup_swakelola,
      ${raw(M('belanja_pengadaan'))} AS belanja_pengadaan, ${raw(M('apbd_barang_jasa'))} AS apbd_barang_jasa,
      ${raw(M('apbd_barang_jasa_modal'))} AS apbd_barang_jasa_modal, ${raw(M('den'))} AS den, ${raw(M('r_total'))} AS r_total,
      ${raw(kpiCols('pdn'))},
      ${raw(kpiCols('umk'))}
    FROM base, t
    ORDER BY nama, pemda, agency_key`;
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
  const b = baseSql(den, f);
  const kpi = (k: Kpi) => summaryKpiSql(basis, k);
  const out = summaryOutSql;
  return sql`WITH ${b}, ${targetsCte(targets)}, s AS (
      SELECT count(*) AS agencies, sum(r_total) AS r_total, sum(k_pdn) AS k_pdn, sum(r_pdn) AS r_pdn,
        sum(pdn_tanpa) AS pdn_tanpa, sum(umk_tanpa) AS umk_tanpa, ${raw(kpi('pdn'))}, ${raw(kpi('umk'))}
      FROM base, t
    ), u AS (
      SELECT ${raw(N)} AS n_unmatched, coalesce(sum(nilai), 0) AS unmatched
      FROM cube_rx WHERE agency IS NULL${where(f, RX_CUBE_COLS)}
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
