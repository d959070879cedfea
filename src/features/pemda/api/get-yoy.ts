import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  YEARS_SQL,
  basisAgencyQuery,
  pemdaRankingQuery,
  toBasisAgencyMetric,
  toPemdaRow,
  type BasisAgencyMetric,
  type PemdaRow,
} from '../../../p3dn/metrics';
import { getEngine } from '../../../queries/engine';
import { useMetricParams, viewQueryOptions } from '../../../queries/metric-queries';
import { useDatasetStore } from '../../../stores/dataset-store';
import { rankingBoundOptions, rankingShown } from './get-pemda';

export interface YoyData {
  years: [number, number];
  agencies: [BasisAgencyMetric[], BasisAgencyMetric[]];
  pemda: [PemdaRow[], PemdaRow[]];
}

/**
 * The two years compared: the year filter's year and the one before it, else the last two loaded years; null with
 * fewer than two years.
 */
export function yearsCompared(years: readonly number[], filterYear: number | null): [number, number] | null {
  const cur = filterYear ?? years[years.length - 1];
  const prev = years.filter((y) => cur !== undefined && y < cur).pop();
  return cur !== undefined && prev !== undefined ? [prev, cur] : null;
}

/** The years loaded, asked once per dataset version (they change with the data only, not with the view). */
const yearsOptions = (version: number) =>
  queryOptions({
    queryKey: ['years', version],
    enabled: version > 0,
    queryFn: async () => (await (await getEngine()).query(YEARS_SQL)).map((r) => Number(r['tahun'])),
  });

const yoyOptions = viewQueryOptions(
  'yoy',
  async (engine, { version, aliases, basis, den, targets, filters }, client): Promise<YoyData | null> => {
    // The years and the ranking's bound depend on the data only: asked once per version, then read from the cache
    // without an await, so that this view's queries leave with the others of the change (queries/prefetch.ts).
    const yearsQ = yearsOptions(version);
    const loaded = client.getQueryData(yearsQ.queryKey) ?? (await client.ensureQueryData(yearsQ));
    const pair = yearsCompared(loaded, filters.tahun);
    if (!pair) return null;
    const boundQ = rankingBoundOptions(version, aliases);
    const bound = client.getQueryData(boundQ.queryKey) ?? (await client.ensureQueryData(boundQ));
    // The Pemda table is shown only where the ranking is (get-pemda.ts).
    const ranked = rankingShown(bound, filters.pemda ?? null);
    // The agencies of both years in one query (one scan), the Pemda of each year beside it when ranked; started
    // together, they reach the engine in one round trip (queries/batch.ts).
    const a = basisAgencyQuery(basis, den, targets, { ...filters, tahun: null }, 'double', pair);
    const pemdaOf = async (tahun: number) => {
      if (!ranked) return [];
      const p = pemdaRankingQuery(basis, den, targets, { ...filters, tahun });
      return (await engine.query(p.sql, p.params)).map(toPemdaRow);
    };
    const [rows, p0, p1] = await Promise.all([
      engine.query(a.sql, a.params),
      pemdaOf(pair[0]),
      pemdaOf(pair[1]),
    ]);
    const of = (tahun: number) =>
      rows.filter((r) => Number(r['tahun']) === tahun).map((r) => toBasisAgencyMetric(basis, r));
    const [a0, a1] = [of(pair[0]), of(pair[1])];
    return { years: pair, agencies: [a0, a1], pemda: [p0, p1] };
  },
);

/** The years loaded (the same ask as the comparison's): the panel keeps its place while there are two or more. */
export function useLoadedYears() {
  const version = useDatasetStore((s) => s.version);
  return useQuery(yearsOptions(version)).data;
}

/**
 * Each agency's and each Pemda's share in two fiscal years (null: fewer than two years loaded). `onScreen`: the
 * panel is (nearly) visible; until then nothing is asked of the engine (four figure queries per view change).
 */
export function useYearOverYear(onScreen: boolean) {
  const options = yoyOptions(...useMetricParams());
  return useQuery({ ...options, enabled: options.enabled && onScreen });
}
