import { queryOptions, useQuery } from '@tanstack/react-query';
import { getEngine } from '../../../queries/engine';
import { useDataVersions } from '../../../stores/alias-store';

const agencyNameOptions = (version: number, agency: string) =>
  queryOptions({
    queryKey: ['agency-name', version, agency],
    queryFn: async () => {
      const engine = await getEngine();
      const [r] = await engine.query('SELECT nama FROM agency_dim WHERE agency_key = ?', [agency]);
      return typeof r?.['nama'] === 'string' ? r['nama'] : agency;
    },
  });

export function useAgencyName(agency: string): string {
  const { version } = useDataVersions();
  return useQuery(agencyNameOptions(version, agency)).data ?? agency;
}
