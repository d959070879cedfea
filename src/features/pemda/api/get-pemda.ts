import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getEngine } from '../../../queries/engine';
import { useMetricParams } from '../../../queries/metric-queries';
import {
  pemdaRankingQuery,
  toPemdaRow,
  type Basis,
  type Denominator,
  type Filters,
  type PemdaRow,
  type Targets,
} from '../../../p3dn/metrics';

const pemdaOptions = (
  version: number,
  aliases: number,
  basis: Basis,
  den: Denominator,
  targets: Targets,
  filters: Filters,
) =>
  queryOptions({
    queryKey: ['metrics', 'pemda', version, aliases, basis, den, targets.pdn, targets.umk, filters],
    enabled: version > 0,
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<PemdaRow[]> => {
      const engine = await getEngine();
      const q = pemdaRankingQuery(basis, den, targets, filters);
      return (await engine.query(q.sql, q.params)).map(toPemdaRow);
    },
  });

/** The Pemda ranking under the view's basis, denominator, targets and filters. */
export function usePemdaRanking() {
  return useQuery(pemdaOptions(...useMetricParams()));
}
