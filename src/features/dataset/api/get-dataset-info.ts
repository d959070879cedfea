import { num } from '../../../engine/cells';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getEngine } from '../../../queries/engine';
import { useDatasetStore } from '../../../stores/dataset-store';

export interface DatasetInfo {
  pemda: string | null;
  year: number | null;
  files: { name: string; kind: string; read: number; loaded: number; excluded: number; rejected: number }[];
}

const datasetInfoOptions = (version: number) =>
  queryOptions({
    queryKey: ['dataset-info', version],
    enabled: version > 0,
    queryFn: async (): Promise<DatasetInfo> => {
      const engine = await getEngine();
      const [head] = await engine.query(`SELECT
          (SELECT mode(nama_klpd) FROM (SELECT nama_klpd FROM rup_penyedia UNION ALL SELECT nama_klpd FROM struktur_anggaran
            UNION ALL SELECT nama_klpd FROM rup_swakelola)) AS pemda,
          (SELECT mode(tahun) FROM (SELECT tahun FROM rup_penyedia UNION ALL SELECT tahun FROM struktur_anggaran)) AS year`);
      const files = await engine.query(
        'SELECT name, kind, rows_read, rows_loaded, rows_excluded, rows_rejected FROM source_file ORDER BY file_id',
      );
      return {
        pemda: typeof head?.['pemda'] === 'string' ? head['pemda'] : null,
        year: typeof head?.['year'] === 'number' ? head['year'] : null,
        files: files.map((f) => ({
          name: String(f['name']),
          kind: String(f['kind']),
          read: num(f['rows_read']),
          loaded: num(f['rows_loaded']),
          excluded: num(f['rows_excluded']),
          rejected: num(f['rows_rejected']),
        })),
      };
    },
  });

export function useDatasetInfo() {
  const version = useDatasetStore((s) => s.version);
  return useQuery(datasetInfoOptions(version));
}
