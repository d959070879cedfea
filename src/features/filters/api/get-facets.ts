import { queryOptions, useQuery } from '@tanstack/react-query';
import { getEngine } from '../../../queries/engine';
import { AGENCY_LIST_SQL, PEMDA_LIST_SQL } from '../../../p3dn/agency';
import { FACETS_SQL } from '../../../p3dn/metrics';
import { useDataVersions } from '../../../stores/alias-store';

export interface Facets {
  tahun: number[];
  metode: string[];
  jenis: string[];
  sumberDana: string[];
  source: string[];
  agencies: { key: string; name: string; pemdaKey: string; pemda: string | null }[];
  /** The Pemda of the dataset (name null: the unknown-Pemda bucket, or only a code is known). */
  pemda: { key: string; name: string | null; code: string | null }[];
}

const facetsOptions = (version: number, aliases: number) =>
  queryOptions({
    queryKey: ['facets', version, aliases],
    enabled: version > 0,
    queryFn: async (): Promise<Facets> => {
      const engine = await getEngine();
      // Asked together: one trip to the worker (queries/batch.ts), not three one after the other.
      const [rows, agencies, pemda] = await Promise.all([
        engine.query(FACETS_SQL),
        engine.query(AGENCY_LIST_SQL),
        engine.query(PEMDA_LIST_SQL),
      ]);
      const of = (f: string) => rows.filter((r) => r['facet'] === f).map((r) => String(r['v']));
      return {
        tahun: of('tahun').map(Number),
        metode: of('metode'),
        jenis: of('jenis'),
        sumberDana: of('sumberDana'),
        source: of('source'),
        agencies: agencies.map((a) => ({
          key: String(a['agency_key']),
          name: String(a['nama']),
          pemdaKey: String(a['pemda_key']),
          pemda: typeof a['pemda'] === 'string' ? a['pemda'] : null,
        })),
        pemda: pemda.map((p) => ({
          key: String(p['pemda_key']),
          name: typeof p['nama'] === 'string' ? p['nama'] : null,
          code: typeof p['kd_klpd'] === 'string' ? p['kd_klpd'] : null,
        })),
      };
    },
  });

export function useFacets() {
  const { version, aliases } = useDataVersions();
  return useQuery(facetsOptions(version, aliases));
}
