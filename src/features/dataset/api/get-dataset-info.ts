import { num } from '../../../engine/cells';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getEngine } from '../../../queries/engine';
import { useDatasetStore } from '../../../stores/dataset-store';

export interface DatasetInfo {
  pemda: string | null;
  year: number | null;
  /**
   * Each loaded file's lines: read = loaded + superseded (counted from a more recent file holding the same rows)
   * + excluded + rejected.
   */
  files: {
    name: string;
    kind: string;
    read: number;
    loaded: number;
    superseded: number;
    excluded: number;
    rejected: number;
  }[];
}

const datasetInfoOptions = (version: number) =>
  queryOptions({
    queryKey: ['dataset-info', version],
    enabled: version > 0,
    queryFn: async (): Promise<DatasetInfo> => {
      const engine = await getEngine();
      // Asked together: one trip to the worker (queries/batch.ts).
      const [[head], files] = await Promise.all([
        engine.query(`SELECT
          (SELECT mode(nama_klpd) FROM (SELECT nama_klpd FROM rup_penyedia UNION ALL SELECT nama_klpd FROM struktur_anggaran
            UNION ALL SELECT nama_klpd FROM rup_swakelola)) AS pemda1,
          -- Several Pemda (the register's): all of them named, not the most frequent one.
          (SELECT CASE WHEN count(*) > 1 THEN string_agg(coalesce(nama, kd_klpd, pemda_key), ' · ' ORDER BY nama)
            END FROM pemda_dim WHERE pemda_key <> 'tanpa_pemda') AS pemda_n,
          (SELECT mode(tahun) FROM (SELECT tahun FROM rup_penyedia UNION ALL SELECT tahun FROM struktur_anggaran)) AS year`),
        engine.query(
          `SELECT name, kind, rows_read, rows_loaded, rows_excluded, rows_rejected,
          (SELECT count(*) FROM file_superseded s WHERE s.file_id = f.file_id) AS superseded
        FROM source_file f ORDER BY file_id`,
        ),
      ]);
      return {
        pemda:
          typeof head?.['pemda_n'] === 'string'
            ? head['pemda_n']
            : typeof head?.['pemda1'] === 'string'
              ? head['pemda1']
              : null,
        year: typeof head?.['year'] === 'number' ? head['year'] : null,
        files: files.map((f) => ({
          name: String(f['name']),
          kind: String(f['kind']),
          read: num(f['rows_read']),
          loaded: num(f['rows_loaded']) - num(f['superseded']),
          superseded: num(f['superseded']),
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
