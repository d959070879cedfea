import { num, str } from '../../engine/cells';
import { raw, sql } from '../../engine/sql';
import type { Row } from '../../engine/types';
import { N, PEN_CUBE_COLS } from './cube';
import { ARGS_JOIN, cubeWhere } from './filters';
import { NO_FILTERS, type Filters, type Query } from './types';

/**
 * Komitmen by procurement method (`metode_pengadaan` of RUP penyedia): for each method, Σ pagu of counted
 * packages and its PDN and UMK-K parts. Counted = not excluded (same rule as the agency metrics). Sums stay
 * DECIMAL in DuckDB; cast to DOUBLE only in the final SELECT. A package without a method is grouped under NULL.
 * The filters that RUP penyedia carries (year, agency, metode, jenis) apply; sumber dana and source system do not.
 */
export function metodeBreakdownQuery(f: Filters = NO_FILTERS): Query {
  return sql`WITH m AS (
      SELECT nullif(trim(metode), '') AS metode, ${raw(N)} AS n_paket, sum(pagu) AS pagu,
        coalesce(sum(pagu) FILTER (WHERE is_pdn), 0) AS pdn,
        coalesce(sum(pagu) FILTER (WHERE is_ukm), 0) AS umk
      FROM cube_pen${raw(ARGS_JOIN)} WHERE true${cubeWhere(f, PEN_CUBE_COLS)} GROUP BY 1
    )
    SELECT metode, n_paket, CAST(pagu AS DOUBLE) AS pagu, CAST(pdn AS DOUBLE) AS pdn, CAST(umk AS DOUBLE) AS umk
    FROM m ORDER BY m.pagu DESC, metode NULLS LAST`;
}

export interface MetodeRow {
  /** null: packages whose export gives no method. */
  metode: string | null;
  packages: number;
  pagu: number;
  pdn: number;
  umk: number;
}

export function toMetodeRow(r: Row): MetodeRow {
  return {
    metode: str(r['metode']),
    packages: num(r['n_paket']),
    pagu: num(r['pagu']),
    pdn: num(r['pdn']),
    umk: num(r['umk']),
  };
}
