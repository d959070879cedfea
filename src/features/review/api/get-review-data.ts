import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getEngine } from '../../../lib/engine';
import { metodeBreakdownQuery, toMetodeRow } from '../../../p3dn/metode';
import {
  agencyMetricsQuery,
  summaryQuery,
  toAgencyMetric,
  toSummary,
  type Denominator,
  type Targets,
} from '../../../p3dn/metrics';
import { useDatasetStore } from '../../../stores/dataset-store';
import { useViewStore } from '../../../stores/view-store';

/** The figures the review views show: small plain rows keyed by dataset version and the view parameters. */
const agencies = (version: number, den: Denominator, targets: Targets) =>
  queryOptions({
    queryKey: ['review', 'agencies', version, den, targets.pdn, targets.umk],
    enabled: version > 0,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const q = agencyMetricsQuery(den, targets);
      return (await (await getEngine()).query(q.sql, q.params)).map(toAgencyMetric);
    },
  });

const summary = (version: number, den: Denominator, targets: Targets) =>
  queryOptions({
    queryKey: ['review', 'summary', version, den, targets.pdn, targets.umk],
    enabled: version > 0,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const q = summaryQuery(den, targets);
      return toSummary((await (await getEngine()).query(q.sql, q.params))[0]);
    },
  });

const metode = (version: number) =>
  queryOptions({
    queryKey: ['review', 'metode', version],
    enabled: version > 0,
    queryFn: async () => {
      const q = metodeBreakdownQuery();
      return (await (await getEngine()).query(q.sql, q.params)).map(toMetodeRow);
    },
  });

export interface SourceFileInfo {
  name: string;
  kind: string;
  isSample: boolean;
  read: number;
  loaded: number;
  excluded: number;
  rejected: number;
  sha256: string | null;
}

export interface ReviewMeta {
  pemda: string | null;
  year: number | null;
  files: SourceFileInfo[];
}

const meta = (version: number) =>
  queryOptions({
    queryKey: ['review', 'meta', version],
    enabled: version > 0,
    queryFn: async (): Promise<ReviewMeta> => {
      const engine = await getEngine();
      const [head] = await engine.query(`SELECT
          (SELECT mode(nama_klpd) FROM (SELECT nama_klpd FROM rup_penyedia UNION ALL SELECT nama_klpd FROM struktur_anggaran
            UNION ALL SELECT nama_klpd FROM rup_swakelola)) AS pemda,
          (SELECT mode(tahun) FROM (SELECT tahun FROM rup_penyedia UNION ALL SELECT tahun FROM struktur_anggaran)) AS year`);
      const files = await engine.query(`SELECT f.name, f.kind, f.is_sample, f.rows_read, f.rows_loaded,
          f.rows_excluded, f.rows_rejected, c.sha256
        FROM source_file f LEFT JOIN source_checksum c USING (file_id) ORDER BY f.file_id`);
      return {
        pemda: typeof head?.['pemda'] === 'string' ? head['pemda'] : null,
        year: typeof head?.['year'] === 'number' ? head['year'] : null,
        files: files.map((f) => ({
          name: String(f['name']),
          kind: String(f['kind']),
          isSample: f['is_sample'] === true,
          read: Number(f['rows_read']),
          loaded: Number(f['rows_loaded']),
          excluded: Number(f['rows_excluded']),
          rejected: Number(f['rows_rejected']),
          sha256: typeof f['sha256'] === 'string' ? f['sha256'] : null,
        })),
      };
    },
  });

export function useReviewAgencies() {
  const version = useDatasetStore((s) => s.version);
  const den = useViewStore((s) => s.denominator);
  const targets = useViewStore((s) => s.targets);
  return useQuery(agencies(version, den, targets));
}

export function useReviewSummary() {
  const version = useDatasetStore((s) => s.version);
  const den = useViewStore((s) => s.denominator);
  const targets = useViewStore((s) => s.targets);
  return useQuery(summary(version, den, targets));
}

export function useMetode() {
  return useQuery(metode(useDatasetStore((s) => s.version)));
}

export function useReviewMeta() {
  return useQuery(meta(useDatasetStore((s) => s.version)));
}
