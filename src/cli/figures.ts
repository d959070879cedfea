/**
 * The report's figures, per Pemda × agency and per Pemda, on any Engine. Shares and "meets" per agency are the
 * app's own (`basisAgencyQuery`, the query the dashboard's agency table runs); the rupiah amounts are read from the
 * same CTEs (`baseSql`) but cast DECIMAL → VARCHAR, so nothing is rounded through a DOUBLE; gaps are computed in
 * DECIMAL and rounded to the cent. Pemda totals follow the dashboard's summary (`basisSummaryQuery`) per Pemda.
 *
 * Pemda: until the agency register carries a Pemda key, an agency's Pemda is the most frequent `nama_klpd` (else
 * `kd_klpd`) of its counted SIRUP rows (PEMDA_CTE); `pemda_source` in the output says so.
 */
import { num, numOrNull, text } from '../engine/cells';
import { raw, sql, type Sql } from '../engine/sql';
import type { Engine } from '../engine/types';
import { NO_FILTERS, basisAgencyQuery, toBasisAgencyMetric, type Basis } from '../p3dn/metrics';
import { baseSql } from '../p3dn/metrics/basis';
import type { Denominator, Kpi, Targets } from '../p3dn/metrics';

export interface ReportOptions {
  basis: Basis;
  denominator: Denominator;
  targets: Targets;
}

export const PEMDA_SOURCE = 'mode(nama_klpd)';

const PEMDA_CTE = `pem AS (
    SELECT agency_key, coalesce(mode(nama_klpd), mode(kd_klpd)) AS pemda FROM (
      SELECT agency_key, nama_klpd, kd_klpd FROM rup_penyedia WHERE exclusion IS NULL
      UNION ALL SELECT agency_key, nama_klpd, kd_klpd FROM rup_swakelola WHERE exclusion IS NULL
      UNION ALL SELECT agency_key, nama_klpd, kd_klpd FROM struktur_anggaran WHERE exclusion IS NULL
    ) GROUP BY agency_key
  )`;

/** Exact decimal text of a DECIMAL expression. */
const V = (e: string) => `CAST(${e} AS VARCHAR)`;
const KPIS: readonly Kpi[] = ['pdn', 'umk'];

/** Which columns of `base` a basis divides (as `basisAgencyQuery` does): numerator, denominator, target. */
function basisCols(basis: Basis, k: Kpi) {
  return {
    numer: basis === 'komitmen' ? `k_${k}` : `r_${k}`,
    den: basis === 'capaian' ? `nullif(k_${k}, 0)` : 'den',
    target: basis === 'capaian' ? 'CAST(1 AS DECIMAL(9, 6))' : `${k}_t`,
  };
}

function withSql(o: ReportOptions) {
  const cols = KPIS.map((k) => {
    const c = basisCols(o.basis, k);
    return `${c.numer} AS n_${k}, ${c.den} AS d_${k}, ${c.target} AS t_${k}`;
  }).join(', ');
  return sql`WITH ${baseSql(o.denominator, NO_FILTERS)}, ${raw(PEMDA_CTE)},
    t AS (SELECT CAST(${o.targets.pdn.toFixed(6)} AS DECIMAL(9, 6)) AS pdn_t,
      CAST(${o.targets.umk.toFixed(6)} AS DECIMAL(9, 6)) AS umk_t),
    x AS (SELECT base.*, coalesce(pem.pemda, '') AS pemda, ${raw(cols)} FROM base LEFT JOIN pem USING (agency_key), t)`;
}

export interface AgencyFigures {
  pemda: string;
  agencyKey: string;
  kode: string;
  nama: string;
  /** Exact decimal text (rupiah, 2 decimals). */
  numerator: Record<Kpi, string>;
  /** The basis' denominator per KPI (komitmen, realisasi: the same; capaian: that KPI's komitmen); null: none. */
  denominatorKpi: Record<Kpi, string | null>;
  denominator: string | null;
  /** Percent, from the app's share (DOUBLE); null: no denominator. */
  sharePct: Record<Kpi, number | null>;
  gap: Record<Kpi, string | null>;
  meets: Record<Kpi, boolean | null>;
  komitmen: Record<Kpi, string>;
  realisasi: Record<Kpi, string>;
  rupPenyedia: string;
  rupSwakelola: string;
  belanjaPengadaan: string | null;
  realisasiTotal: string;
  packages: number;
  swakelola: number;
  transactions: number;
}

const perKpi = <T>(fn: (k: Kpi) => T): Record<Kpi, T> => ({ pdn: fn('pdn'), umk: fn('umk') });
/** Exact decimal text, or null (no value). */
const dec = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

let tableSeq = 0;

/**
 * Both tables of figures. The agencies' CTEs (`baseSql` over every loaded row) are computed once into a temp
 * table that the agency and Pemda selects read; the app's agency query runs beside it for shares and "meets".
 */
export async function reportFigures(
  engine: Engine,
  o: ReportOptions,
): Promise<{ agencies: AgencyFigures[]; pemda: PemdaFigures[] }> {
  const table = `cli_figures_${++tableSeq}`;
  await engine.query(
    ...args(sql`CREATE OR REPLACE TEMP TABLE ${raw(table)} AS ${withSql(o)} SELECT * FROM x`),
  );
  try {
    return { agencies: await agencyFigures(engine, o, table), pemda: await pemdaFigures(engine, o, table) };
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${table}`);
  }
}

async function agencyFigures(engine: Engine, o: ReportOptions, table: string): Promise<AgencyFigures[]> {
  const app = await engine.query(...args(basisAgencyQuery(o.basis, o.denominator, o.targets, NO_FILTERS)));
  const byKey = new Map(app.map((r) => [String(r['agency_key']), toBasisAgencyMetric(o.basis, r)]));
  const kpiCols = KPIS.map(
    (k) => `${V(`n_${k}`)} AS n_${k}, ${V(`d_${k}`)} AS d_${k},
      ${V(`CASE WHEN d_${k} IS NOT NULL THEN CAST(greatest(d_${k} * t_${k} - n_${k}, 0) AS DECIMAL(38, 2)) END`)} AS gap_${k},
      ${V(`k_${k}`)} AS k_${k}, ${V(`r_${k}`)} AS r_${k}`,
  ).join(', ');
  const q = sql`
    SELECT agency_key, pemda, kode, nama, n_paket, n_swakelola, n_trx, ${raw(V('den'))} AS den,
      ${raw(V('rup_penyedia'))} AS rup_penyedia, ${raw(V('rup_swakelola'))} AS rup_swakelola,
      ${raw(V('belanja_pengadaan'))} AS belanja_pengadaan, ${raw(V('r_total'))} AS r_total, ${raw(kpiCols)}
    FROM ${raw(table)} ORDER BY pemda, nama, agency_key`;
  return (await engine.query(...args(q))).map((r) => {
    const key = String(r['agency_key']);
    const m = byKey.get(key);
    if (!m) throw new Error(`Agency ${key} is missing from the app's agency query.`);
    return {
      pemda: String(r['pemda']),
      agencyKey: key,
      kode: text(r['kode']),
      nama: text(r['nama']),
      numerator: perKpi((k) => String(r[`n_${k}`])),
      denominatorKpi: perKpi((k) => dec(r[`d_${k}`])),
      denominator: o.basis === 'capaian' ? null : dec(r['den']),
      sharePct: perKpi((k) => (m.share[k] === null ? null : m.share[k] * 100)),
      gap: perKpi((k) => dec(r[`gap_${k}`])),
      meets: m.meets,
      komitmen: perKpi((k) => String(r[`k_${k}`])),
      realisasi: perKpi((k) => String(r[`r_${k}`])),
      rupPenyedia: String(r['rup_penyedia']),
      rupSwakelola: String(r['rup_swakelola']),
      belanjaPengadaan: dec(r['belanja_pengadaan']),
      realisasiTotal: String(r['r_total']),
      packages: num(r['n_paket']),
      swakelola: num(r['n_swakelola']),
      transactions: num(r['n_trx']),
    };
  });
}

export interface PemdaFigures {
  pemda: string;
  agencies: number;
  agenciesWithDenominator: Record<Kpi, number>;
  agenciesMeeting: Record<Kpi, number>;
  /** Σ numerator of the agencies with a denominator (capaian: of all agencies), exact. */
  numerator: Record<Kpi, string>;
  numeratorWithoutDenominator: Record<Kpi, string>;
  denominator: Record<Kpi, string | null>;
  sharePct: Record<Kpi, number | null>;
  gap: Record<Kpi, string | null>;
}

/** Per Pemda, as the dashboard's summary (`basisSummaryQuery`) totals the whole dataset. */
async function pemdaFigures(engine: Engine, o: ReportOptions, table: string): Promise<PemdaFigures[]> {
  const cap = o.basis === 'capaian';
  const agg = KPIS.map((k) =>
    cap
      ? `sum(n_${k}) AS n_${k}, sum(k_${k}) AS d_${k}, CAST(0 AS DECIMAL(38, 2)) AS o_${k},
        count(*) FILTER (WHERE k_${k} > 0) AS w_${k}, count(*) FILTER (WHERE k_${k} > 0 AND n_${k} >= k_${k}) AS m_${k},
        any_value(t_${k}) AS t_${k}`
      : `coalesce(sum(n_${k}) FILTER (WHERE d_${k} IS NOT NULL), 0) AS n_${k}, sum(d_${k}) AS d_${k},
        coalesce(sum(n_${k}) FILTER (WHERE d_${k} IS NULL), 0) AS o_${k}, count(d_${k}) AS w_${k},
        count(*) FILTER (WHERE d_${k} IS NOT NULL AND n_${k} >= d_${k} * t_${k}) AS m_${k}, any_value(t_${k}) AS t_${k}`,
  ).join(', ');
  const out = KPIS.map(
    (k) => `${V(`n_${k}`)} AS n_${k}, ${V(`d_${k}`)} AS d_${k}, ${V(`o_${k}`)} AS o_${k}, w_${k}, m_${k},
      CAST(n_${k} AS DOUBLE) / CAST(nullif(d_${k}, 0) AS DOUBLE) AS s_${k},
      ${V(`CASE WHEN d_${k} IS NOT NULL THEN CAST(greatest(d_${k} * t_${k} - n_${k}, 0) AS DECIMAL(38, 2)) END`)} AS gap_${k}`,
  ).join(', ');
  const q = sql`WITH g AS (SELECT pemda, count(*) AS agencies, ${raw(agg)} FROM ${raw(table)} GROUP BY pemda)
    SELECT pemda, agencies, ${raw(out)} FROM g ORDER BY pemda`;
  return (await engine.query(...args(q))).map((r) => ({
    pemda: String(r['pemda']),
    agencies: num(r['agencies']),
    agenciesWithDenominator: perKpi((k) => num(r[`w_${k}`])),
    agenciesMeeting: perKpi((k) => num(r[`m_${k}`])),
    numerator: perKpi((k) => String(r[`n_${k}`])),
    numeratorWithoutDenominator: perKpi((k) => String(r[`o_${k}`])),
    denominator: perKpi((k) => dec(r[`d_${k}`])),
    sharePct: perKpi((k) => {
      const s = numOrNull(r[`s_${k}`]);
      return s === null ? null : s * 100;
    }),
    gap: perKpi((k) => dec(r[`gap_${k}`])),
  }));
}

const args = (q: Sql) => [q.sql, q.params] as const;
