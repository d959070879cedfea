/** Reference for tests/unit/cube.test.ts: the metric SQL as it read the rows before the cubes (main at b6d2e72), SQL unchanged, the row readers left out. */
/**
 * Several Pemda in one dataset: the Pemda ranking — per Pemda, the figures of its agencies summed as the summary
 * sums them (numerator over the agencies that have a denominator, Σ denominator, share, gap in rupiah, agencies
 * meeting the target), under the chosen basis, denominator, targets and filters.
 */
import { raw, sql } from '../../../src/engine/sql';
import { baseSql, summaryKpiSql, summaryOutSql, targetsCte } from './basis';
import type { Basis, Denominator, Filters, Query, Targets } from '../../../src/p3dn/metrics/types';

export function pemdaRankingQuery(basis: Basis, den: Denominator, targets: Targets, f: Filters): Query {
  return sql`WITH ${baseSql(den, f)}, ${targetsCte(targets)}, s AS (
      SELECT pemda_key, any_value(pemda) AS pemda, count(*) AS agencies,
        ${raw(summaryKpiSql(basis, 'pdn'))}, ${raw(summaryKpiSql(basis, 'umk'))}
      FROM base, t GROUP BY pemda_key
    )
    SELECT pemda_key, pemda, agencies, ${raw(summaryOutSql('pdn'))}, ${raw(summaryOutSql('umk'))}
    FROM s ORDER BY pemda NULLS LAST, pemda_key`;
}
