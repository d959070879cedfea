import { num, text } from '../../../engine/cells';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getEngine } from '../../../queries/engine';
import { AGENCY_LIST_SQL } from '../../../p3dn/agency';
import {
  matchSummaryQuery,
  registerMatchQuery,
  unmatchedQuery,
  unmatchedRegisterQuery,
  type Filters,
} from '../../../p3dn/metrics';
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

/** A plan or budget agency without its partner (RUP without a budget, a budget without RUP). */
interface UnmatchedAgency {
  aliasKey: string;
  pemdaKey: string;
  pemda: string | null;
  rows: number;
  total: number;
  names: string;
  codes: string;
  kinds: string[];
}

export interface Recon {
  paths: { path: string; rows: number; total: number }[];
  unmatched: Unmatched[];
  /** Per file kind and match path (kode / nama / alias / none / sendiri): rows and rupiah. */
  byKind: { kind: string; path: string; rows: number; total: number }[];
  unmatchedAgencies: UnmatchedAgency[];
  agencies: { key: string; name: string; code: string | null; pemdaKey: string; pemda: string | null }[];
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
      const k = registerMatchQuery(filters);
      const ua = unmatchedRegisterQuery(filters);
      // Started together: one round trip to the engine (queries/batch.ts).
      const [paths, unmatched, agencies, byKind, unmatchedAgencies] = await Promise.all([
        engine.query(m.sql, m.params),
        engine.query(u.sql, u.params),
        engine.query(AGENCY_LIST_SQL),
        engine.query(k.sql, k.params),
        engine.query(ua.sql, ua.params),
      ]);
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
        byKind: byKind.map((r) => ({
          kind: String(r['kind']),
          path: String(r['path']),
          rows: num(r['n']),
          total: num(r['total']),
        })),
        unmatchedAgencies: unmatchedAgencies.map((r) => ({
          aliasKey: String(r['alias_key']),
          pemdaKey: String(r['pemda_key']),
          pemda: typeof r['pemda'] === 'string' ? r['pemda'] : null,
          rows: num(r['n']),
          total: num(r['total']),
          names: text(r['names']),
          codes: text(r['codes']),
          kinds: text(r['kinds']).split(', ').filter(Boolean),
        })),
        agencies: agencies.map((a) => ({
          key: String(a['agency_key']),
          name: String(a['nama']),
          code: typeof a['kode'] === 'string' ? a['kode'] : null,
          pemdaKey: String(a['pemda_key']),
          pemda: typeof a['pemda'] === 'string' ? a['pemda'] : null,
        })),
      };
    },
  });

export function useRecon() {
  const { version, aliases } = useDataVersions();
  const filters = useViewStore((s) => s.filters);
  return useQuery(reconOptions(version, aliases, filters));
}
