import { num } from '../../../engine/cells';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getEngine } from '../../../queries/engine';
import {
  agencyMetricsOptions,
  summaryOptions,
  useAgencyMetrics,
  useMetricParams,
  useSummary,
} from '../../../queries/metric-queries';
import { KINDS, isKindId, type KindId } from '../../../p3dn/kinds';
import { metodeBreakdownQuery, toMetodeRow } from '../../../p3dn/metrics';
import type { Filters } from '../../../p3dn/metrics';
import { useDatasetStore } from '../../../stores/dataset-store';
import { useViewStore } from '../../../stores/view-store';

/** The figures the review views show follow the dashboard's queries (src/lib/metric-queries.ts). */
const metode = (version: number, filters: Filters) =>
  queryOptions({
    queryKey: ['review', 'metode', version, filters],
    enabled: version > 0,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const q = metodeBreakdownQuery(filters);
      return (await (await getEngine()).query(q.sql, q.params)).map(toMetodeRow);
    },
  });

interface SourceFileInfo {
  name: string;
  kind: string;
  isSample: boolean;
  read: number;
  /** Counted from this file (rows a more recent file holds too are counted from that one: `superseded`). */
  loaded: number;
  superseded: number;
  excluded: number;
  rejected: number;
  sha256: string | null;
  /** APBD files: counted rows per account code set (Permendagri 13/2006 of SIMDA, 90/2019); else null. */
  apbdSets: { permendagri_13: number; permendagri_90: number } | null;
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
          f.rows_excluded, f.rows_rejected, c.sha256, a.n13, a.n90,
          (SELECT count(*) FROM file_superseded s WHERE s.file_id = f.file_id) AS superseded
        FROM source_file f LEFT JOIN source_checksum c USING (file_id)
          LEFT JOIN (SELECT file_id,
              count(*) FILTER (WHERE p3dn_akun_set(kode_rekening) = 'permendagri_13') AS n13,
              count(*) FILTER (WHERE p3dn_akun_set(kode_rekening) = 'permendagri_90') AS n90
            FROM apbd_rekening WHERE exclusion IS NULL GROUP BY file_id) a USING (file_id)
        ORDER BY f.file_id`);
      return {
        pemda: typeof head?.['pemda'] === 'string' ? head['pemda'] : null,
        year: typeof head?.['year'] === 'number' ? head['year'] : null,
        files: files.map((f) => ({
          name: String(f['name']),
          kind: String(f['kind']),
          isSample: f['is_sample'] === true,
          read: num(f['rows_read']),
          loaded: num(f['rows_loaded']) - num(f['superseded']),
          superseded: num(f['superseded']),
          excluded: num(f['rows_excluded']),
          rejected: num(f['rows_rejected']),
          sha256: typeof f['sha256'] === 'string' ? f['sha256'] : null,
          apbdSets:
            isKindId(String(f['kind'])) && KINDS[String(f['kind']) as KindId].accounts
              ? { permendagri_13: num(f['n13']), permendagri_90: num(f['n90']) }
              : null,
        })),
      };
    },
  });

/** Agencies under the active basis, denominator, targets and filters. */
export function useReviewAgencies() {
  return useAgencyMetrics();
}

export function useReviewSummary() {
  return useSummary();
}

/**
 * Komitmen beside realisasi, whatever the basis: the realisasi basis carries both shares and capaian per agency;
 * the capaian summary carries Σ komitmen (its denominator), Σ realisasi and their ratio over all agencies.
 */
export function useComparisonAgencies() {
  const [version, aliases, , den, targets, filters] = useMetricParams();
  return useQuery(agencyMetricsOptions(version, aliases, 'realisasi', den, targets, filters));
}

export function useComparisonTotals() {
  const [version, aliases, , den, targets, filters] = useMetricParams();
  return useQuery(summaryOptions(version, aliases, 'capaian', den, targets, filters));
}

export function useMetode() {
  const filters = useViewStore((s) => s.filters);
  return useQuery(
    metode(
      useDatasetStore((s) => s.version),
      filters,
    ),
  );
}

export function useReviewMeta() {
  return useQuery(meta(useDatasetStore((s) => s.version)));
}
