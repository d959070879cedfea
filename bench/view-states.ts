/** The view states of the view-change benchmark: one control changed per step, never a state seen before. */
import { AGENCY_LIST_SQL } from '../src/p3dn/agency';
import {
  FACETS_SQL,
  basisAgencyQuery,
  basisSummaryQuery,
  breakdownQuery,
  matchSummaryQuery,
  metodeBreakdownQuery,
  monthlyQuery,
  pemdaRankingQuery,
  registerMatchQuery,
  unmatchedQuery,
  unmatchedRegisterQuery,
  type Basis,
  type Denominator,
  type Filters,
  type Kpi,
  type Targets,
} from '../src/p3dn/metrics';
import type { Sql } from '../src/engine/sql';
import { mulberry32 as rng } from '../scripts/sample/prng';
import * as rows from '../tests/helpers/raw-metrics/basis';

export interface State {
  basis: Basis;
  kpi: Kpi;
  den: Denominator;
  targets: Targets;
  filters: Filters;
}

/** What the page does for one step (see bench/view-page.ts `apply`). */
export type PageStep =
  | { type: 'basis' | 'den' | 'kpi'; value: string }
  | { type: 'target'; kpi: Kpi; value: number }
  | { type: keyof Filters; value: string };

export interface Step {
  step: PageStep;
  next: State;
}

/** The query key of a state: what decides whether the app must ask the engine again (the KPI does not). */
const key = (s: State) => JSON.stringify([s.basis, s.den, s.targets.pdn, s.targets.umk, s.filters]);

const FILTER_TYPES: (keyof Filters)[] = ['tahun', 'agency', 'metode', 'jenis', 'sumberDana', 'source'];
const TYPES = ['basis', 'den', 'target', ...FILTER_TYPES] as const;

/**
 * The next state: one control changed, to a state whose query key was never seen (the seen set is updated). The
 * control type rotates with `n` so every control is exercised; values are drawn from the page's own options.
 */
export function nextStep(
  s: State,
  seen: Set<string>,
  options: Record<keyof Filters, string[]>,
  n: number,
): Step {
  seen.add(key(s));
  const rand = rng(n + 7);
  for (let attempt = 0; attempt < 200; attempt++) {
    const type = TYPES[(n + attempt) % TYPES.length]!;
    const cand = candidate(s, type, options, rand);
    if (cand && !seen.has(key(cand.next))) {
      seen.add(key(cand.next));
      return cand;
    }
  }
  throw new Error('no new view state left');
}

function candidate(
  s: State,
  type: (typeof TYPES)[number],
  options: Record<keyof Filters, string[]>,
  rand: () => number,
): Step | null {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  if (type === 'basis') {
    const v = pick((['komitmen', 'realisasi', 'capaian'] as const).filter((b) => b !== s.basis))!;
    return { step: { type, value: v }, next: { ...s, basis: v } };
  }
  if (type === 'den') {
    const v = pick((['belanja_pengadaan', 'rup_penyedia', 'rup_total'] as const).filter((d) => d !== s.den))!;
    return { step: { type, value: v }, next: { ...s, den: v } };
  }
  if (type === 'target') {
    const k: Kpi = rand() < 0.5 ? 'pdn' : 'umk';
    const pct = 20 + Math.floor(rand() * 140) / 2; // 20 % .. 89.5 % in half points
    return {
      step: { type, kpi: k, value: pct },
      next: { ...s, targets: { ...s.targets, [k]: Math.round(pct * 10) / 1000 } },
    };
  }
  const values = options[type];
  if (values.length === 0) return null;
  const v = pick(values)!;
  const cur = s.filters[type];
  if ((cur === null ? '' : String(cur)) === v) return null;
  const value = v === '' ? null : type === 'tahun' ? Number(v) : v;
  return { step: { type, value: v }, next: { ...s, filters: { ...s.filters, [type]: value } } };
}

/** The dashboard's own two queries for a state (cards and chart/table), as the app builds them. */
export function bareQueries(s: State): Sql[] {
  return [
    basisAgencyQuery(s.basis, s.den, s.targets, s.filters),
    basisSummaryQuery(s.basis, s.den, s.targets, s.filters),
  ];
}

/** The same two queries as they read the rows before the cubes (tests/helpers/raw-metrics: main at b6d2e72). */
export function rawQueries(s: State): Sql[] {
  return [
    rows.basisAgencyQuery(s.basis, s.den, s.targets, s.filters),
    rows.basisSummaryQuery(s.basis, s.den, s.targets, s.filters),
  ];
}

/** Every query the dashboard page starts for a state, by name (the per-stage profile of one view change). */
export function pageQueries(s: State): [string, Sql][] {
  const text = (t: string): Sql => ({ sql: t, params: [] });
  return [
    ['agencies', basisAgencyQuery(s.basis, s.den, s.targets, s.filters)],
    ['summary', basisSummaryQuery(s.basis, s.den, s.targets, s.filters)],
    ...(['metode', 'jenis', 'source', 'bulan'] as const).map((d): [string, Sql] => [
      `breakdown ${d}`,
      breakdownQuery(d, s.filters),
    ]),
    ['monthly', monthlyQuery(s.den, s.filters)],
    ['recon paths', matchSummaryQuery(s.filters)],
    ['recon unmatched', unmatchedQuery(s.filters)],
    ['recon by kind', registerMatchQuery(s.filters)],
    ['recon unmatched plan/budget', unmatchedRegisterQuery(s.filters)],
    ['recon agency list (register)', text(AGENCY_LIST_SQL)],
    ['pemda ranking', pemdaRankingQuery(s.basis, s.den, s.targets, s.filters)],
    ['metode (review)', metodeBreakdownQuery(s.filters)],
    ['facets (per dataset)', text(FACETS_SQL)],
  ];
}
