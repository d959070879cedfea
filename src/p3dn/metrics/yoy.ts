/**
 * Year over year: the change in share between two fiscal years, per agency and per Pemda. Each year's figures are
 * the ordinary ones under a year filter (so every rule and denominator holds per year); this joins them.
 *   change = share(year) − share(previous year), in share points; null when either year has no share.
 */
import type { Kpi } from './types';

export interface YoyItem {
  key: string;
  share: Record<Kpi, number | null>;
}

export interface YoyRow<T extends YoyItem> {
  key: string;
  prev: T | null;
  cur: T | null;
  change: number | null;
}

/** Join the previous and the current year's rows by key (an agency or a Pemda in either year is listed). */
export function yearOverYear<T extends YoyItem>(
  prev: readonly T[],
  cur: readonly T[],
  kpi: Kpi,
): YoyRow<T>[] {
  const p = new Map(prev.map((r) => [r.key, r]));
  const c = new Map(cur.map((r) => [r.key, r]));
  const keys = [...new Set([...c.keys(), ...p.keys()])];
  return keys.map((key) => {
    const a = p.get(key) ?? null;
    const b = c.get(key) ?? null;
    const sa = a?.share[kpi] ?? null;
    const sb = b?.share[kpi] ?? null;
    return { key, prev: a, cur: b, change: sa !== null && sb !== null ? sb - sa : null };
  });
}

/** The fiscal years of the plan, budget and transaction rows, ascending (kept with the cubes: cube.ts). */
export const YEARS_SQL = `SELECT CAST(v AS INTEGER) AS tahun FROM cube_facets WHERE facet = 'years' ORDER BY 1`;
