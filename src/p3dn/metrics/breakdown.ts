/** Realisasi by metode, jenis, source system and month (matched rows only), and the cumulative monthly share. */
import { num } from '../../engine/cells';
import { raw, sql } from '../../engine/sql';
import type { Row } from '../../engine/types';
import { D, baseSql } from './basis';
import { N, RX_CUBE_COLS } from './cube';
import { ARGS_JOIN, cubeWhere } from './filters';
import type { Denominator, Filters, Kpi, Query } from './types';
export type BreakdownDim = 'metode' | 'jenis' | 'source' | 'bulan';
const DIM_SQL: Record<BreakdownDim, string> = {
  metode: "coalesce(metode_x, '')",
  jenis: "coalesce(jenis_x, '')",
  source: 'source',
  bulan: "coalesce(CAST(bulan AS VARCHAR), '')",
};

/** Realisasi per group (matched rows only, same filters), with its PDN and UMK-K parts and "Tanpa Status". */
export function breakdownQuery(dim: BreakdownDim, f: Filters): Query {
  const cols = raw(`${DIM_SQL[dim]} AS grp, ${N} AS n, ${D('sum(nilai)')} AS total,
        ${D('sum(pdn_part)')} AS pdn, ${D('sum(umk_part)')} AS umk,
        ${D("coalesce(sum(nilai) FILTER (WHERE pdn_from = 'tanpa'), 0)")} AS pdn_tanpa,
        ${D("coalesce(sum(nilai) FILTER (WHERE umk_from = 'tanpa'), 0)")} AS umk_tanpa`);
  const order = raw(dim === 'bulan' ? 'TRY_CAST(grp AS INTEGER) NULLS LAST' : 'total DESC');
  return sql`SELECT ${cols}
      FROM cube_rx${raw(ARGS_JOIN)} WHERE agency IS NOT NULL${cubeWhere(f, RX_CUBE_COLS)}
      GROUP BY 1 ORDER BY ${order}`;
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
    rows: num(r['n']),
    total: num(r['total']),
    pdn: num(r['pdn']),
    umk: num(r['umk']),
    tanpa: { pdn: num(r['pdn_tanpa']), umk: num(r['umk_tanpa']) },
  };
}

/**
 * Cumulative realisasi of each KPI by month of the fiscal year, as a share of the overall denominator of the
 * agencies that have one (the same Σ den as the summary). Months 1..12; rows without a date are not in any month.
 */
export function monthlyQuery(den: Denominator, f: Filters): Query {
  const cum = (c: string) => raw(D(`sum(coalesce(m.${c}, 0)) OVER (ORDER BY months.bulan)`));
  return sql`WITH ${baseSql(den, f)}, d AS (SELECT sum(den) AS den FROM base),
      withden AS (SELECT agency_key FROM base WHERE den IS NOT NULL),
      m AS (
        SELECT bulan, sum(pdn_part) AS pdn, sum(umk_part) AS umk, sum(nilai) AS total FROM cube_rx${raw(ARGS_JOIN)}
        WHERE agency IN (SELECT agency_key FROM withden) AND bulan IS NOT NULL${cubeWhere(f, RX_CUBE_COLS)}
        GROUP BY bulan
      ), months AS (SELECT range AS bulan FROM range(1, 13))
    SELECT months.bulan,
      ${cum('pdn')} AS pdn_cum,
      ${cum('umk')} AS umk_cum,
      ${cum('total')} AS total_cum,
      ${raw(D('d.den'))} AS den
    FROM months LEFT JOIN m ON m.bulan = months.bulan, d ORDER BY months.bulan`;
}

// ------------------------------------------------------------------------------------------------------------
// Reconciliation
