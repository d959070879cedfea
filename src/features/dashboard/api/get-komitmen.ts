import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getEngine } from '../../../lib/engine';
import {
  agencyMetricsQuery,
  summaryQuery,
  toAgencyMetric,
  toSummary,
  type Denominator,
  type Targets,
} from '../../../p3dn/metrics';
import { useDatasetStore } from '../../../stores/dataset-store';
import { useViewStore } from '../../../stores/view-store';

/** Query results are keyed by dataset version and view parameters: new data or a new view = a new query. */
export const agencyMetricsOptions = (version: number, den: Denominator, targets: Targets) =>
  queryOptions({
    queryKey: ['komitmen', 'agencies', version, den, targets.pdn, targets.umk],
    enabled: version > 0,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const engine = await getEngine();
      const q = agencyMetricsQuery(den, targets);
      return (await engine.query(q.sql, q.params)).map(toAgencyMetric);
    },
  });

export const summaryOptions = (version: number, den: Denominator, targets: Targets) =>
  queryOptions({
    queryKey: ['komitmen', 'summary', version, den, targets.pdn, targets.umk],
    enabled: version > 0,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const engine = await getEngine();
      const q = summaryQuery(den, targets);
      return toSummary((await engine.query(q.sql, q.params))[0]);
    },
  });

export function useAgencyMetrics() {
  const version = useDatasetStore((s) => s.version);
  const den = useViewStore((s) => s.denominator);
  const targets = useViewStore((s) => s.targets);
  return useQuery(agencyMetricsOptions(version, den, targets));
}

export function useSummary() {
  const version = useDatasetStore((s) => s.version);
  const den = useViewStore((s) => s.denominator);
  const targets = useViewStore((s) => s.targets);
  return useQuery(summaryOptions(version, den, targets));
}
