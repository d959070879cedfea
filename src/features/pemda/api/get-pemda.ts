import { queryOptions, useQuery } from '@tanstack/react-query';
import { RANKING_PEMDA_BOUND_SQL, pemdaRankingQuery, toPemdaRow } from '../../../p3dn/metrics';
import type { Engine } from '../../../engine/types';
import { getEngine } from '../../../queries/engine';
import { useMetricParams, viewQueryOptions } from '../../../queries/metric-queries';
import { useDataVersions } from '../../../stores/alias-store';
import { useViewStore } from '../../../stores/view-store';

const pemdaOptions = viewQueryOptions('pemda', async (engine, { basis, den, targets, filters }) => {
  const q = pemdaRankingQuery(basis, den, targets, filters);
  return (await engine.query(q.sql, q.params)).map(toPemdaRow);
});

/** How many Pemda the ranking can list at most, under any filters (RANKING_PEMDA_BOUND_SQL). */
async function rankingBound(engine: Engine): Promise<number> {
  return Number((await engine.query(RANKING_PEMDA_BOUND_SQL))[0]?.['n'] ?? 0);
}

/** Whether a ranking can be shown: several Pemda could be listed, or the view is narrowed to one Pemda. */
export const rankingShown = (bound: number, pemdaFilter: string | null): boolean =>
  bound >= 2 || pemdaFilter !== null;

/** The bound per dataset and aliases (it does not depend on the view): asked once, shared with year over year. */
export const rankingBoundOptions = (version: number, aliases: number) =>
  queryOptions({
    queryKey: ['pemda-bound', version, aliases],
    enabled: version > 0,
    queryFn: async () => rankingBound(await getEngine()),
  });

/**
 * The Pemda ranking under the view's basis, denominator, targets and filters. Not asked for while it could not
 * be shown (a dataset of one Pemda, no Pemda filter): a view change then costs the engine one query less.
 */
export function usePemdaRanking() {
  const { version, aliases } = useDataVersions();
  const bound = useQuery(rankingBoundOptions(version, aliases)).data;
  const pemdaFilter = useViewStore((s) => s.filters.pemda ?? null);
  const options = pemdaOptions(...useMetricParams());
  return useQuery({
    ...options,
    enabled: options.enabled && bound !== undefined && rankingShown(bound, pemdaFilter),
  });
}
