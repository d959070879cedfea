/**
 * Several Pemda in one dataset: the Pemda ranking — per Pemda, the figures of its agencies summed as the summary
 * sums them (numerator over the agencies that have a denominator, Σ denominator, share, gap in rupiah, agencies
 * meeting the target), under the chosen basis, denominator, targets and filters.
 */
import { num, numOrNull, str } from '../../engine/cells';
import { raw, sql } from '../../engine/sql';
import type { Row } from '../../engine/types';
import { baseSql, perKpi, summaryKpiSql, summaryOutSql, targetsCte, type MoneyOut } from './basis';
import type { Basis, Denominator, Filters, Kpi, Query, Targets } from './types';

export function pemdaRankingQuery(
  basis: Basis,
  den: Denominator,
  targets: Targets,
  f: Filters,
  money: MoneyOut = 'double',
): Query {
  return sql`WITH ${baseSql(den, f)}, ${targetsCte(targets)}, s AS (
      SELECT pemda_key, any_value(pemda) AS pemda, count(*) AS agencies,
        ${raw(summaryKpiSql(basis, 'pdn'))}, ${raw(summaryKpiSql(basis, 'umk'))}
      FROM base, t GROUP BY pemda_key
    )
    SELECT pemda_key, pemda, agencies, ${raw(summaryOutSql('pdn', money))}, ${raw(summaryOutSql('umk', money))}
    FROM s ORDER BY pemda NULLS LAST, pemda_key`;
}

/**
 * The most rows the Pemda ranking can have under any filters: its rows are the Pemda of the agencies in
 * `cube_base` (an agency outside the register's figures: the unknown-Pemda bucket), and filters only remove
 * cube rows. Below 2 the ranking is never shown unfiltered, so the app does not ask for it.
 */
export const RANKING_PEMDA_BOUND_SQL = `SELECT CAST(count(DISTINCT coalesce(d.pemda_key, 'tanpa_pemda')) AS INTEGER) AS n
  FROM (SELECT DISTINCT agency_key FROM cube_agency_year) b LEFT JOIN agency_dim d USING (agency_key)`;

export interface PemdaRow {
  pemdaKey: string;
  /** null: the unknown-Pemda bucket, or a Pemda known only by its code (see pemdaKey). */
  name: string | null;
  agencies: number;
  value: Record<Kpi, number>;
  denominator: Record<Kpi, number | null>;
  share: Record<Kpi, number | null>;
  gap: Record<Kpi, number | null>;
  meeting: Record<Kpi, number>;
  withDenominator: Record<Kpi, number>;
}

export function toPemdaRow(r: Row): PemdaRow {
  return {
    pemdaKey: String(r['pemda_key']),
    name: str(r['pemda']),
    agencies: num(r['agencies']),
    value: perKpi((k) => num(r[k])),
    denominator: perKpi((k) => numOrNull(r[`${k}_den`])),
    share: perKpi((k) => numOrNull(r[`${k}_share`])),
    gap: perKpi((k) => numOrNull(r[`${k}_gap`])),
    meeting: perKpi((k) => num(r[`${k}_meeting`])),
    withDenominator: perKpi((k) => num(r[`${k}_with_den`])),
  };
}

/** Rank Pemda by the KPI's share (highest first; a Pemda without a denominator last), ties by name. */
export function rankPemda(rows: readonly PemdaRow[], kpi: Kpi): PemdaRow[] {
  return [...rows].sort((a, b) => {
    const va = a.share[kpi];
    const vb = b.share[kpi];
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    return vb - va || (a.name ?? a.pemdaKey).localeCompare(b.name ?? b.pemdaKey);
  });
}
