import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { getEngine } from '../../../lib/engine';
import {
  drillPageQuery,
  drillTotalsQuery,
  toDrillRow,
  type DrillRow,
  type DrillSpec,
} from '../../../p3dn/realisasi-metrics';

/** Rows are paged from DuckDB; React holds only the pages on screen (and react-query's small cache of them). */
export const PAGE_SIZE = 200;

export interface DrillTotals {
  rows: number;
  nilai: number;
  part: number;
  fromNilai: number;
  fromRup: number;
  fromTanpa: number;
}

export const drillTotalsOptions = (version: number, aliases: number, spec: DrillSpec) =>
  queryOptions({
    queryKey: ['drill', 'totals', version, aliases, spec],
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<DrillTotals> => {
      const engine = await getEngine();
      const q = drillTotalsQuery(spec);
      const [r] = await engine.query(q.sql, q.params);
      const n = (k: string) => Number(r?.[k] ?? 0);
      return {
        rows: n('n'),
        nilai: n('nilai'),
        part: n('part'),
        fromNilai: n('n_nilai'),
        fromRup: n('n_rup'),
        fromTanpa: n('n_tanpa'),
      };
    },
  });

export const drillPageOptions = (version: number, aliases: number, spec: DrillSpec, page: number) =>
  queryOptions({
    queryKey: ['drill', 'page', version, aliases, spec, page],
    staleTime: Infinity,
    gcTime: 30_000,
    queryFn: async (): Promise<DrillRow[]> => {
      const engine = await getEngine();
      const q = drillPageQuery(spec, page * PAGE_SIZE, PAGE_SIZE);
      return (await engine.query(q.sql, q.params)).map(toDrillRow);
    },
  });

/** Every row of the drill-down as filtered and sorted (for the CSV export only; never put into React state). */
export async function fetchAllDrillRows(spec: DrillSpec, count: number): Promise<DrillRow[]> {
  const engine = await getEngine();
  const out: DrillRow[] = [];
  const chunk = 20_000;
  for (let off = 0; off < count; off += chunk) {
    const q = drillPageQuery(spec, off, chunk);
    out.push(...(await engine.query(q.sql, q.params)).map(toDrillRow));
  }
  return out;
}
