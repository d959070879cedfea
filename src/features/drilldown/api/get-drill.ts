import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { getEngine } from '../../../queries/engine';
import {
  drillCachedPageQuery,
  drillCachedTotalsSql,
  drillDropSql,
  drillMaterializeQuery,
  toDrillRow,
  toDrillTotals,
  type DrillRow,
  type DrillTotals as DrillTotalsRow,
  type DrillSpec,
} from '../../../p3dn/metrics';

/** Rows are paged from DuckDB; React holds only the pages on screen (and react-query's small cache of them). */
export const PAGE_SIZE = 200;

export interface DrillTotals extends DrillTotalsRow {
  /** The temp table holding this view's numbered rows (pages and export read it). */
  table: string;
}

let tableSeq = 0;
const live: string[] = [];

/**
 * Materialise the view's filtered, sorted rows (numbered) into a temp table and return its totals. Only the last
 * few tables are kept: a page of an older view is simply fetched again under its new table.
 */
export const drillTotalsOptions = (version: number, aliases: number, spec: DrillSpec) =>
  queryOptions({
    queryKey: ['drill', 'totals', version, aliases, spec],
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 0,
    queryFn: async (): Promise<DrillTotals> => {
      const engine = await getEngine();
      const table = `drill_${++tableSeq}`;
      const m = drillMaterializeQuery(spec, table);
      await engine.query(m.sql, m.params);
      live.push(table);
      while (live.length > 3) await engine.exec(drillDropSql(live.shift()!));
      const [r] = await engine.query(drillCachedTotalsSql(table));
      return { table, ...toDrillTotals(r) };
    },
  });

export const drillPageOptions = (table: string, page: number) =>
  queryOptions({
    queryKey: ['drill', 'page', table, page],
    staleTime: Infinity,
    gcTime: 30_000,
    queryFn: async (): Promise<DrillRow[]> => {
      const engine = await getEngine();
      const q = drillCachedPageQuery(table, page * PAGE_SIZE, PAGE_SIZE);
      return (await engine.query(q.sql, q.params)).map(toDrillRow);
    },
  });

/** Every row of the drill-down as filtered and sorted (for the CSV export only; never put into React state). */
export async function fetchAllDrillRows(table: string, count: number): Promise<DrillRow[]> {
  const engine = await getEngine();
  const out: DrillRow[] = [];
  const chunk = 20_000;
  for (let off = 0; off < count; off += chunk) {
    const q = drillCachedPageQuery(table, off, chunk);
    out.push(...(await engine.query(q.sql, q.params)).map(toDrillRow));
  }
  return out;
}
