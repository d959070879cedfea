import {
  keepPreviousData,
  queryOptions,
  useQuery,
  type FetchQueryOptions,
  type QueryClient,
} from '@tanstack/react-query';
import type { Engine } from '../engine/types';
import { engineIfReady, getEngine } from './engine';
import type { Denominator, Targets } from '../p3dn/metrics';
import {
  basisAgencyQuery,
  basisSummaryQuery,
  toBasisAgencyMetric,
  toBasisSummary,
  type Basis,
  type Filters,
} from '../p3dn/metrics';
import { useAliasStore } from '../stores/alias-store';
import { useDatasetStore } from '../stores/dataset-store';
import { useViewStore } from '../stores/view-store';

/** What a query of the view is computed from: the view's basis, denominator, targets and filters. */
export interface ViewParams {
  /** The dataset and alias versions the figures are for (to read what depends on them only: years, bounds). */
  version: number;
  aliases: number;
  basis: Basis;
  den: Denominator;
  targets: Targets;
  filters: Filters;
}

/**
 * The query options of one view-level figure, keyed by dataset version, alias version and view parameters: new
 * data, new aliases or a new view = a new query. `run` reads the engine; the previous answer stays on screen
 * while the next one is computed.
 */
export function viewQueryOptions<T>(
  name: string,
  run: (engine: Engine, p: ViewParams, client: QueryClient) => Promise<T>,
) {
  const options = (
    version: number,
    aliases: number,
    basis: Basis,
    den: Denominator,
    targets: Targets,
    filters: Filters,
  ) =>
    queryOptions({
      queryKey: ['metrics', name, version, aliases, basis, den, targets.pdn, targets.umk, filters],
      enabled: version > 0,
      placeholderData: keepPreviousData,
      queryFn: ({ client }): Promise<T> => {
        const p = { version, aliases, basis, den, targets, filters };
        // Once the engine is up, its query is started in this very call (no await before it): a prefetch made in
        // the control's event (./prefetch.ts) reaches the worker before React renders the change.
        const engine = engineIfReady();
        return engine ? run(engine, p, client) : getEngine().then((e) => run(e, p, client));
      },
    });
  VIEW_QUERIES.set(name, options as ViewQueryFactory);
  return options;
}

/** Options of one view-level figure for a set of view parameters (what the prefetch needs of each). */
export type ViewQueryFactory = (
  ...p: MetricParams
) => FetchQueryOptions<unknown, Error, unknown, readonly unknown[]>;
type MetricParams = [number, number, Basis, Denominator, Targets, Filters];

/** Every view-level figure by name (`queryKey[1]`), for the prefetch of a view change. */
export const VIEW_QUERIES = new Map<string, ViewQueryFactory>();

/**
 * Shared by the dashboard and the review kit (one cache). The basis (komitmen / realisasi / capaian) decides what
 * numerator and denominator mean.
 */
export const agencyMetricsOptions = viewQueryOptions(
  'agencies',
  async (engine, { basis, den, targets, filters }) => {
    const q = basisAgencyQuery(basis, den, targets, filters);
    return (await engine.query(q.sql, q.params)).map((r) => toBasisAgencyMetric(basis, r));
  },
);

export const summaryOptions = viewQueryOptions(
  'summary',
  async (engine, { basis, den, targets, filters }) => {
    const q = basisSummaryQuery(basis, den, targets, filters);
    return toBasisSummary(basis, (await engine.query(q.sql, q.params))[0]);
  },
);

/** The view parameters every metric query is keyed by. */
export function useMetricParams() {
  const version = useDatasetStore((s) => s.version);
  const aliases = useAliasStore((s) => s.appliedVersion);
  const basis = useViewStore((s) => s.basis);
  const den = useViewStore((s) => s.denominator);
  const targets = useViewStore((s) => s.targets);
  const filters = useViewStore((s) => s.filters);
  return [version, aliases, basis, den, targets, filters] as const;
}

export function useAgencyMetrics() {
  return useQuery(agencyMetricsOptions(...useMetricParams()));
}

export function useSummary() {
  return useQuery(summaryOptions(...useMetricParams()));
}
