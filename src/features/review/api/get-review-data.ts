import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getEngine } from '../../../lib/engine';
import { metodeBreakdownQuery, toMetodeRow } from '../../../p3dn/metode';
import type { Denominator, Targets } from '../../../p3dn/metrics';
import {
  basisAgencyQuery,
  basisSummaryQuery,
  toBasisAgencyMetric,
  toBasisSummary,
  type Basis,
  type Filters,
} from '../../../p3dn/realisasi-metrics';
import { useAliasStore } from '../../../stores/alias-store';
import { useDatasetStore } from '../../../stores/dataset-store';
import { useViewStore } from '../../../stores/view-store';

/**
 * The figures the review views show: small plain rows keyed by dataset version, alias version and the view
 * parameters (basis, denominator, targets, filters), so slides and report follow the dashboard.
 */
const agencies = (
  version: number,
  aliases: number,
  basis: Basis,
  den: Denominator,
  targets: Targets,
  filters: Filters,
) =>
  queryOptions({
    queryKey: ['review', 'agencies', version, aliases, basis, den, targets.pdn, targets.umk, filters],
    enabled: version > 0,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const q = basisAgencyQuery(basis, den, targets, filters);
      return (await (await getEngine()).query(q.sql, q.params)).map((r) => toBasisAgencyMetric(basis, r));
    },
  });

const summary = (
  version: number,
  aliases: number,
  basis: Basis,
  den: Denominator,
  targets: Targets,
  filters: Filters,
) =>
  queryOptions({
    queryKey: ['review', 'summary', version, aliases, basis, den, targets.pdn, targets.umk, filters],
    enabled: version > 0,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const q = basisSummaryQuery(basis, den, targets, filters);
      return toBasisSummary(basis, (await (await getEngine()).query(q.sql, q.params))[0]);
    },
  });

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

function useParams() {
  const version = useDatasetStore((s) => s.version);
  const aliases = useAliasStore((s) => s.appliedVersion);
  const basis = useViewStore((s) => s.basis);
  const den = useViewStore((s) => s.denominator);
  const targets = useViewStore((s) => s.targets);
  const filters = useViewStore((s) => s.filters);
  return [version, aliases, basis, den, targets, filters] as const;
}

/** Agencies under the active basis, denominator, targets and filters. */
export function useReviewAgencies() {
  return useQuery(agencies(...useParams()));
}

export function useReviewSummary() {
  return useQuery(summary(...useParams()));
}

/**
 * Komitmen beside realisasi, whatever the basis: the realisasi basis carries both shares and capaian per agency;
 * the capaian summary carries Σ komitmen (its denominator), Σ realisasi and their ratio over all agencies.
 */
export function useComparisonAgencies() {
  const [version, aliases, , den, targets, filters] = useParams();
  return useQuery(agencies(version, aliases, 'realisasi', den, targets, filters));
}

export function useComparisonTotals() {
  const [version, aliases, , den, targets, filters] = useParams();
  return useQuery(summary(version, aliases, 'capaian', den, targets, filters));
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
