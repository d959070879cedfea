import { num, text } from '../../../engine/cells';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getEngine } from '../../../queries/engine';
import { AGENCY_LIST_CUBE_SQL, matchSummaryQuery, unmatchedQuery, type Filters } from '../../../p3dn/metrics';
import { useDataVersions } from '../../../stores/alias-store';
import { useViewStore } from '../../../stores/view-store';

interface Unmatched {
  aliasKey: string;
  rows: number;
  total: number;
  names: string;
  codes: string;
  sources: string[];
}

export interface Recon {
  paths: { path: string; rows: number; total: number }[];
  unmatched: Unmatched[];
  agencies: { key: string; name: string; code: string | null }[];
}

const reconOptions = (version: number, aliases: number, filters: Filters) =>
  queryOptions({
    queryKey: ['recon', version, aliases, filters],
    enabled: version > 0,
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<Recon> => {
      const engine = await getEngine();
      const m = matchSummaryQuery(filters);
      const u = unmatchedQuery(filters);
      const paths = await engine.query(m.sql, m.params);
      const unmatched = await engine.query(u.sql, u.params);
      const agencies = await engine.query(AGENCY_LIST_CUBE_SQL);
      return {
        paths: paths.map((r) => ({
          path: String(r['path']),
          rows: num(r['n']),
          total: num(r['total']),
        })),
        unmatched: unmatched.map((r) => ({
          aliasKey: String(r['alias_key']),
          rows: num(r['n']),
          total: num(r['total']),
          names: text(r['names']),
          codes: text(r['codes']),
          sources: text(r['sources']).split(', ').filter(Boolean),
        })),
        agencies: agencies.map((a) => ({
          key: String(a['agency_key']),
          name: String(a['nama']),
          code: typeof a['kode'] === 'string' ? a['kode'] : null,
        })),
      };
    },
  });

export function useRecon() {
  const { version, aliases } = useDataVersions();
  const filters = useViewStore((s) => s.filters);
  return useQuery(reconOptions(version, aliases, filters));
}
