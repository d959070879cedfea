import { queryOptions, useQuery } from '@tanstack/react-query';
import { getEngine } from '../../../queries/engine';
import { AGENCY_LIST_SQL } from '../../../p3dn/agency';
import { FACETS_SQL } from '../../../p3dn/metrics';
import { useDataVersions } from '../../../stores/alias-store';

export interface Facets {
  tahun: number[];
  metode: string[];
  jenis: string[];
  sumberDana: string[];
  source: string[];
  agencies: { key: string; name: string }[];
}

const facetsOptions = (version: number) =>
  queryOptions({
    queryKey: ['facets', version],
    enabled: version > 0,
    queryFn: async (): Promise<Facets> => {
      const engine = await getEngine();
      const rows = await engine.query(FACETS_SQL);
      const of = (f: string) => rows.filter((r) => r['facet'] === f).map((r) => String(r['v']));
      const agencies = await engine.query(AGENCY_LIST_SQL);
      return {
        tahun: of('tahun').map(Number),
        metode: of('metode'),
        jenis: of('jenis'),
        sumberDana: of('sumberDana'),
        source: of('source'),
        agencies: agencies.map((a) => ({ key: String(a['agency_key']), name: String(a['nama']) })),
      };
    },
  });

export function useFacets() {
  const { version } = useDataVersions();
  return useQuery(facetsOptions(version));
}
