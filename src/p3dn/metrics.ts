import type { Row, SqlParam } from '../lib/engine/types';

/**
 * Komitmen metrics: the share of an agency's procurement budget whose RUP penyedia packages are flagged PDN
 * (or UKM), against a target. Sums stay DECIMAL inside DuckDB and are cast to DOUBLE only in the final SELECT.
 *
 *   numerator(PDN)   = Σ pagu of counted RUP penyedia packages with status_pdn = PDN
 *   numerator(UMK-K) = Σ pagu of counted RUP penyedia packages with status_ukm = UKM
 *   denominator      = belanja_pengadaan (StrukturAnggaranPD)            [default]
 *                    | Σ pagu of counted RUP penyedia packages
 *                    | Σ pagu of counted RUP penyedia + swakelola packages
 *   share            = numerator ÷ denominator   (no denominator, or 0 → "tanpa penyebut", never 0 %)
 *   gap (rupiah)     = max(0, target × denominator − numerator)
 *
 * "Counted" = not rejected and not excluded (deleted, inactive, unannounced, duplicate kd_rup).
 */

export type Kpi = 'pdn' | 'umk';
export const KPIS: readonly Kpi[] = ['pdn', 'umk'];

export type Denominator = 'belanja_pengadaan' | 'rup_penyedia' | 'rup_total';
export const DENOMINATORS: readonly Denominator[] = ['belanja_pengadaan', 'rup_penyedia', 'rup_total'];

export interface Targets {
  /** Fractions, 0.4 = 40 %. */
  pdn: number;
  umk: number;
}

export const DEFAULT_TARGETS: Targets = { pdn: 0.4, umk: 0.4 };
export const TARGET_PRESETS = {
  /** Everyday "40 % of APBD for local products" frame, both KPIs. */
  p40: { pdn: 0.4, umk: 0.4 },
  /** Policy target for PDN (SE Kepala LKPP 8/2023); UMK-K keeps its legal 40 %. */
  pdn95: { pdn: 0.95, umk: 0.4 },
} as const satisfies Record<string, Targets>;

const DENOMINATOR_SQL: Record<Denominator, string> = {
  belanja_pengadaan: 'str.belanja_pengadaan',
  rup_penyedia: 'pen.pagu',
  rup_total:
    'CASE WHEN pen.pagu IS NULL AND swa.pagu IS NULL THEN NULL ELSE coalesce(pen.pagu, 0) + coalesce(swa.pagu, 0) END',
};

export function isDenominator(v: unknown): v is Denominator {
  return typeof v === 'string' && (DENOMINATORS as readonly string[]).includes(v);
}

export function isKpi(v: unknown): v is Kpi {
  return v === 'pdn' || v === 'umk';
}

/** One row per agency that appears in any SIRUP table, with its exact sums and the chosen denominator. */
function agencyBaseSql(den: Denominator): string {
  if (!isDenominator(den)) throw new Error(`Unknown denominator: ${String(den)}`);
  return `
  pen AS (
    SELECT agency_key, mode(nama_satker) AS nama, mode(kd_satker_str) AS kode, sum(pagu) AS pagu,
      coalesce(sum(pagu) FILTER (WHERE is_pdn), 0) AS pdn, coalesce(sum(pagu) FILTER (WHERE is_ukm), 0) AS umk,
      count(*) AS n_paket
    FROM rup_penyedia WHERE exclusion IS NULL GROUP BY agency_key
  ), swa AS (
    SELECT agency_key, mode(nama_satker) AS nama, mode(kd_satker_str) AS kode, sum(pagu) AS pagu, count(*) AS n_paket
    FROM rup_swakelola WHERE exclusion IS NULL GROUP BY agency_key
  ), str AS (
    SELECT agency_key, mode(nama_satker) AS nama, mode(kd_satker_str) AS kode,
      sum(belanja_pengadaan) AS belanja_pengadaan
    FROM struktur_anggaran WHERE exclusion IS NULL GROUP BY agency_key
  ), ag AS (
    SELECT agency_key FROM pen UNION SELECT agency_key FROM swa UNION SELECT agency_key FROM str
  ), base AS (
    SELECT ag.agency_key,
      coalesce(str.nama, pen.nama, swa.nama) AS nama,
      coalesce(str.kode, pen.kode, swa.kode) AS kode,
      coalesce(pen.n_paket, 0) AS n_paket,
      coalesce(swa.n_paket, 0) AS n_swakelola,
      coalesce(pen.pagu, 0) AS rup_penyedia,
      coalesce(swa.pagu, 0) AS rup_swakelola,
      str.belanja_pengadaan,
      coalesce(pen.pdn, 0) AS pdn,
      coalesce(pen.umk, 0) AS umk,
      CASE WHEN (${DENOMINATOR_SQL[den]}) > 0 THEN (${DENOMINATOR_SQL[den]}) END AS den
    FROM ag
      LEFT JOIN pen USING (agency_key)
      LEFT JOIN swa USING (agency_key)
      LEFT JOIN str USING (agency_key)
  )`;
}

function targetParams(t: Targets): SqlParam[] {
  for (const v of [t.pdn, t.umk]) {
    if (!Number.isFinite(v) || v < 0 || v > 1) throw new Error(`Target must be between 0 and 1: ${v}`);
  }
  return [t.pdn.toFixed(6), t.umk.toFixed(6)];
}

export interface Query {
  sql: string;
  params: SqlParam[];
}

export function agencyMetricsQuery(den: Denominator, targets: Targets): Query {
  return {
    sql: `WITH ${agencyBaseSql(den)}, t AS (
      SELECT CAST(? AS DECIMAL(9, 6)) AS pdn_t, CAST(? AS DECIMAL(9, 6)) AS umk_t
    )
    SELECT agency_key, nama, kode, n_paket, n_swakelola,
      CAST(rup_penyedia AS DOUBLE) AS rup_penyedia,
      CAST(rup_swakelola AS DOUBLE) AS rup_swakelola,
      CAST(belanja_pengadaan AS DOUBLE) AS belanja_pengadaan,
      CAST(pdn AS DOUBLE) AS pdn,
      CAST(umk AS DOUBLE) AS umk,
      CAST(den AS DOUBLE) AS den,
      CAST(pdn AS DOUBLE) / CAST(den AS DOUBLE) AS pdn_share,
      CAST(umk AS DOUBLE) / CAST(den AS DOUBLE) AS umk_share,
      CASE WHEN den IS NOT NULL THEN CAST(greatest(den * pdn_t - pdn, 0) AS DOUBLE) END AS pdn_gap,
      CASE WHEN den IS NOT NULL THEN CAST(greatest(den * umk_t - umk, 0) AS DOUBLE) END AS umk_gap,
      CASE WHEN den IS NOT NULL THEN pdn >= den * pdn_t END AS pdn_meets,
      CASE WHEN den IS NOT NULL THEN umk >= den * umk_t END AS umk_meets
    FROM base, t
    ORDER BY nama`,
    params: targetParams(targets),
  };
}

export function summaryQuery(den: Denominator, targets: Targets): Query {
  return {
    sql: `WITH ${agencyBaseSql(den)}, t AS (
      SELECT CAST(? AS DECIMAL(9, 6)) AS pdn_t, CAST(? AS DECIMAL(9, 6)) AS umk_t
    ), s AS (
      SELECT count(*) AS agencies,
        count(den) AS agencies_with_den,
        sum(den) AS den,
        coalesce(sum(pdn) FILTER (WHERE den IS NOT NULL), 0) AS pdn,
        coalesce(sum(umk) FILTER (WHERE den IS NOT NULL), 0) AS umk,
        coalesce(sum(pdn) FILTER (WHERE den IS NULL), 0) AS pdn_no_den,
        coalesce(sum(umk) FILTER (WHERE den IS NULL), 0) AS umk_no_den,
        count(*) FILTER (WHERE den IS NOT NULL AND pdn >= den * pdn_t) AS pdn_meeting,
        count(*) FILTER (WHERE den IS NOT NULL AND umk >= den * umk_t) AS umk_meeting,
        any_value(pdn_t) AS pdn_t, any_value(umk_t) AS umk_t
      FROM base, t
    )
    SELECT agencies, agencies_with_den, pdn_meeting, umk_meeting,
      CAST(den AS DOUBLE) AS den,
      CAST(pdn AS DOUBLE) AS pdn,
      CAST(umk AS DOUBLE) AS umk,
      CAST(pdn_no_den AS DOUBLE) AS pdn_no_den,
      CAST(umk_no_den AS DOUBLE) AS umk_no_den,
      CAST(pdn AS DOUBLE) / CAST(den AS DOUBLE) AS pdn_share,
      CAST(umk AS DOUBLE) / CAST(den AS DOUBLE) AS umk_share,
      CASE WHEN den IS NOT NULL THEN CAST(greatest(den * pdn_t - pdn, 0) AS DOUBLE) END AS pdn_gap,
      CASE WHEN den IS NOT NULL THEN CAST(greatest(den * umk_t - umk, 0) AS DOUBLE) END AS umk_gap
    FROM s`,
    params: targetParams(targets),
  };
}

export interface AgencyMetric {
  agencyKey: string;
  name: string;
  code: string | null;
  packages: number;
  swakelola: number;
  rupPenyedia: number;
  rupSwakelola: number;
  belanjaPengadaan: number | null;
  pdn: number;
  umk: number;
  /** null: this agency has no denominator under the chosen basis. */
  denominator: number | null;
  share: Record<Kpi, number | null>;
  gap: Record<Kpi, number | null>;
  meets: Record<Kpi, boolean | null>;
}

export interface Summary {
  agencies: number;
  agenciesWithDenominator: number;
  denominator: number | null;
  value: Record<Kpi, number>;
  valueWithoutDenominator: Record<Kpi, number>;
  share: Record<Kpi, number | null>;
  gap: Record<Kpi, number | null>;
  meeting: Record<Kpi, number>;
}

type MaybeCell = Row[string] | undefined;
const n = (v: MaybeCell): number => (typeof v === 'number' ? v : 0);
const nn = (v: MaybeCell): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const b = (v: MaybeCell): boolean | null => (typeof v === 'boolean' ? v : null);

export function toAgencyMetric(r: Row): AgencyMetric {
  return {
    agencyKey: String(r['agency_key']),
    name: String(r['nama'] ?? r['agency_key']),
    code: typeof r['kode'] === 'string' ? r['kode'] : null,
    packages: n(r['n_paket']),
    swakelola: n(r['n_swakelola']),
    rupPenyedia: n(r['rup_penyedia']),
    rupSwakelola: n(r['rup_swakelola']),
    belanjaPengadaan: nn(r['belanja_pengadaan']),
    pdn: n(r['pdn']),
    umk: n(r['umk']),
    denominator: nn(r['den']),
    share: { pdn: nn(r['pdn_share']), umk: nn(r['umk_share']) },
    gap: { pdn: nn(r['pdn_gap']), umk: nn(r['umk_gap']) },
    meets: { pdn: b(r['pdn_meets']), umk: b(r['umk_meets']) },
  };
}

export function toSummary(r: Row | undefined): Summary {
  const row = r ?? {};
  return {
    agencies: n(row['agencies']),
    agenciesWithDenominator: n(row['agencies_with_den']),
    denominator: nn(row['den']),
    value: { pdn: n(row['pdn']), umk: n(row['umk']) },
    valueWithoutDenominator: { pdn: n(row['pdn_no_den']), umk: n(row['umk_no_den']) },
    share: { pdn: nn(row['pdn_share']), umk: nn(row['umk_share']) },
    gap: { pdn: nn(row['pdn_gap']), umk: nn(row['umk_gap']) },
    meeting: { pdn: n(row['pdn_meeting']), umk: n(row['umk_meeting']) },
  };
}
