import { num } from '../../../engine/cells';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getEngine } from '../../../queries/engine';
import type { Denominator } from '../../../p3dn/metrics';
import {
  breakdownQuery,
  monthlyQuery,
  toBreakdownRow,
  type BreakdownDim,
  type Filters,
} from '../../../p3dn/metrics';
import { useDataVersions } from '../../../stores/alias-store';
import { useViewStore } from '../../../stores/view-store';

const breakdownOptions = (version: number, aliases: number, dim: BreakdownDim, filters: Filters) =>
  queryOptions({
    queryKey: ['breakdown', version, aliases, dim, filters],
    enabled: version > 0,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const engine = await getEngine();
      const q = breakdownQuery(dim, filters);
      return (await engine.query(q.sql, q.params)).map(toBreakdownRow);
    },
  });

export interface MonthPoint {
  month: number;
  pdn: number | null;
  umk: number | null;
}

const monthlyOptions = (version: number, aliases: number, den: Denominator, filters: Filters) =>
  queryOptions({
    queryKey: ['monthly', version, aliases, den, filters],
    enabled: version > 0,
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<MonthPoint[]> => {
      const engine = await getEngine();
      const q = monthlyQuery(den, filters);
      return (await engine.query(q.sql, q.params)).map((r) => {
        const d = typeof r['den'] === 'number' && r['den'] > 0 ? r['den'] : null;
        return {
          month: num(r['bulan']),
          pdn: d === null ? null : num(r['pdn_cum']) / d,
          umk: d === null ? null : num(r['umk_cum']) / d,
        };
      });
    },
  });

export function useBreakdown(dim: BreakdownDim) {
  const { version, aliases } = useDataVersions();
  const filters = useViewStore((s) => s.filters);
  return useQuery(breakdownOptions(version, aliases, dim, filters));
}

export function useMonthly() {
  const { version, aliases } = useDataVersions();
  const filters = useViewStore((s) => s.filters);
  const den = useViewStore((s) => s.denominator);
  return useQuery(monthlyOptions(version, aliases, den, filters));
}
