import { useQuery } from '@tanstack/react-query';
import { pemdaRankingQuery, toPemdaRow } from '../../../p3dn/metrics';
import { useMetricParams, viewQueryOptions } from '../../../queries/metric-queries';

const pemdaOptions = viewQueryOptions('pemda', async (engine, { basis, den, targets, filters }) => {
  const q = pemdaRankingQuery(basis, den, targets, filters);
  return (await engine.query(q.sql, q.params)).map(toPemdaRow);
});

/** The Pemda ranking under the view's basis, denominator, targets and filters. */
export function usePemdaRanking() {
  return useQuery(pemdaOptions(...useMetricParams()));
}
