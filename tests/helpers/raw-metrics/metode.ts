/** Reference for tests/unit/cube.test.ts: the metric SQL as it read the rows before the cubes (main at b6d2e72), SQL unchanged, the row readers left out. */
import { sql } from '../../../src/engine/sql';
import { rupPenyediaWhere } from './filters';
import { NO_FILTERS, type Filters, type Query } from '../../../src/p3dn/metrics/types';

/**
 * Komitmen by procurement method (`metode_pengadaan` of RUP penyedia): for each method, Σ pagu of counted
 * packages and its PDN and UMK-K parts. Counted = not excluded (same rule as the agency metrics). Sums stay
 * DECIMAL in DuckDB; cast to DOUBLE only in the final SELECT. A package without a method is grouped under NULL.
 * The filters that RUP penyedia carries (year, agency, metode, jenis) apply; sumber dana and source system do not.
 */
export function metodeBreakdownQuery(f: Filters = NO_FILTERS): Query {
  return sql`WITH m AS (
      SELECT nullif(trim(metode), '') AS metode, count(*) AS n_paket, sum(pagu) AS pagu,
        coalesce(sum(pagu) FILTER (WHERE is_pdn), 0) AS pdn,
        coalesce(sum(pagu) FILTER (WHERE is_ukm), 0) AS umk
      FROM rup_penyedia WHERE exclusion IS NULL${rupPenyediaWhere(f)} GROUP BY 1
    )
    SELECT metode, n_paket, CAST(pagu AS DOUBLE) AS pagu, CAST(pdn AS DOUBLE) AS pdn, CAST(umk AS DOUBLE) AS umk
    FROM m ORDER BY m.pagu DESC, metode NULLS LAST`;
}
