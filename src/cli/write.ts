/**
 * The report's CSV files, through the app's `toCsv` (UTF-8 with BOM, CRLF, spreadsheet formulas neutralised).
 * Rupiah columns carry DuckDB's exact decimal text; shares are percent as full DOUBLE precision.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv, type CsvValue } from '../lib/csv';
import { UNKNOWN_PEMDA } from '../p3dn/agency';
import type { Kpi } from '../p3dn/metrics';
import type { AgencyFigures, PemdaFigures, ReportOptions } from './figures';
import { pemdaText, ruleText, type Texts } from './messages';
import type { RunResult } from './run';

const KPIS: readonly Kpi[] = ['pdn', 'umk'];

/**
 * An exact decimal as a cell. A negative one would be prefixed with `'` by the formula guard, so it is written
 * as a number when that is still exact (up to 15 significant digits, which a double keeps exactly in text).
 */
export function decimalCell(s: string | null): CsvValue {
  if (s === null) return null;
  if (s.startsWith('-') && /^-\d+(\.\d+)?$/.test(s) && s.replace(/\D/g, '').replace(/^0+/, '').length <= 15)
    return Number(s);
  return s;
}

const pct = (t: number) => Math.round(t * 1_000_000) / 10_000;

export const AGENCY_HEADERS = [
  'pemda', 'kd_satker_str', 'nama_satker', 'pdn_numerator', 'umk_numerator', 'denominator', 'pdn_share_pct',
  'umk_share_pct', 'pdn_target_pct', 'umk_target_pct', 'pdn_gap', 'umk_gap', 'pdn_meets', 'umk_meets', 'basis',
  'denominator_basis', 'pdn_denominator', 'umk_denominator', 'komitmen_pdn', 'komitmen_umk', 'realisasi_pdn',
  'realisasi_umk', 'realisasi_total', 'rup_penyedia', 'rup_swakelola', 'belanja_pengadaan', 'packages',
  'swakelola_packages', 'transactions', 'agency_key', 'pemda_key', 'pemda_source',
] as const; // prettier-ignore

export function agencyRows(rows: readonly AgencyFigures[], o: ReportOptions, t: Texts): CsvValue[][] {
  const target = (k: Kpi) => (o.basis === 'capaian' ? 100 : pct(o.targets[k]));
  return rows.map((a) => [
    pemdaText(t, a.pemdaKey, a.pemda), a.kode, a.nama, decimalCell(a.numerator.pdn), decimalCell(a.numerator.umk), decimalCell(a.denominator),
    a.sharePct.pdn, a.sharePct.umk, target('pdn'), target('umk'), decimalCell(a.gap.pdn), decimalCell(a.gap.umk),
    a.meets.pdn, a.meets.umk, o.basis, o.basis === 'capaian' ? 'komitmen' : o.denominator,
    decimalCell(a.denominatorKpi.pdn), decimalCell(a.denominatorKpi.umk), decimalCell(a.komitmen.pdn),
    decimalCell(a.komitmen.umk), decimalCell(a.realisasi.pdn), decimalCell(a.realisasi.umk),
    decimalCell(a.realisasiTotal), decimalCell(a.rupPenyedia), decimalCell(a.rupSwakelola),
    decimalCell(a.belanjaPengadaan), a.packages, a.swakelola, a.transactions, a.agencyKey, a.pemdaKey, a.pemdaPath,
  ]); // prettier-ignore
}

export const PEMDA_HEADERS = [
  'pemda', 'agencies', 'pdn_numerator', 'umk_numerator', 'pdn_denominator', 'umk_denominator', 'pdn_share_pct',
  'umk_share_pct', 'pdn_target_pct', 'umk_target_pct', 'pdn_gap', 'umk_gap', 'pdn_agencies_with_denominator',
  'umk_agencies_with_denominator', 'pdn_agencies_meeting', 'umk_agencies_meeting',
  'pdn_numerator_without_denominator', 'umk_numerator_without_denominator', 'basis', 'denominator_basis',
  'pemda_key',
] as const; // prettier-ignore

export function pemdaRows(rows: readonly PemdaFigures[], o: ReportOptions, t: Texts): CsvValue[][] {
  const target = (k: Kpi) => (o.basis === 'capaian' ? 100 : pct(o.targets[k]));
  return rows.map((p) => [
    pemdaText(t, p.pemdaKey, p.pemda), p.agencies, ...KPIS.map((k) => decimalCell(p.numerator[k])), ...KPIS.map((k) => decimalCell(p.denominator[k])),
    p.sharePct.pdn, p.sharePct.umk, target('pdn'), target('umk'), decimalCell(p.gap.pdn), decimalCell(p.gap.umk),
    p.agenciesWithDenominator.pdn, p.agenciesWithDenominator.umk, p.agenciesMeeting.pdn, p.agenciesMeeting.umk,
    decimalCell(p.numeratorWithoutDenominator.pdn), decimalCell(p.numeratorWithoutDenominator.umk), o.basis,
    o.basis === 'capaian' ? 'komitmen' : o.denominator, p.pemdaKey,
  ]); // prettier-ignore
}

const distinct = (xs: readonly string[]) => [...new Set(xs)].join(' | ');

/** A file's Pemda (labels, keys), how they are known, and its rows in the unknown-Pemda bucket; none: not loaded. */
function pemdaCells(p: RunResult['files'][number]['pemda']): CsvValue[] {
  if (p.length === 0) return [null, null, null, null];
  const unknown = p.filter((e) => e.pemdaKey === UNKNOWN_PEMDA).reduce((n, e) => n + e.rows, 0);
  return [
    distinct(p.map((e) => e.label)),
    distinct(p.map((e) => e.pemdaKey)),
    distinct(p.map((e) => e.path)),
    unknown,
  ];
}

export function importReportCsv(r: RunResult): string {
  const rules = [...new Set(r.files.flatMap((f) => Object.keys(f.counts?.excludedByRule ?? {})))].sort();
  const reasons = [...new Set(r.files.flatMap((f) => Object.keys(f.counts?.rejectedByReason ?? {})))].sort();
  const headers = [
    'file', 'status', 'reason_code', 'reason', 'kind', 'confidence', 'format', 'delimiter', 'size_bytes', 'sha256',
    'rows_read', 'rows_counted', 'rows_excluded', 'rows_rejected', 'mode', 'replaced_files', 'pemda', 'pemda_key',
    'pemda_source', 'rows_unknown_pemda', 'pemda_note', ...rules.map((k) => `excluded_${k}`), ...reasons.map((k) => `rejected_${k}`),
  ]; // prettier-ignore
  const rows = r.files.map((f) => [
    f.name, f.status, f.code, f.reason, f.kind, f.confidence, f.format, f.delimiter, f.sizeBytes, f.sha256,
    f.counts?.read, f.counts?.loaded, f.counts?.excluded, f.counts?.rejected, f.mode, f.replaced,
    ...pemdaCells(f.pemda), f.pemdaNotes.join(' '), ...rules.map((k) => (f.counts ? (f.counts.excludedByRule[k] ?? 0) : null)),
    ...reasons.map((k) => (f.counts ? (f.counts.rejectedByReason[k] ?? 0) : null)),
  ]); // prettier-ignore
  return toCsv(headers, rows);
}

export function rejectsCsv(r: RunResult, t: Texts): string {
  const headers = ['file', 'line', 'column', 'value', 'reason_code', 'reason', 'detail'];
  return toCsv(
    headers,
    r.rejects.map((x) => [x.file, x.line, x.column, x.value, x.reason, ruleText(t, x.reason), x.detail]),
  );
}

/** Write the four files; returns their paths. */
export function writeReport(dir: string, r: RunResult, o: ReportOptions, t: Texts): string[] {
  const files: [string, string][] = [
    ['agencies.csv', toCsv(AGENCY_HEADERS, agencyRows(r.agencies, o, t))],
    ['pemda.csv', toCsv(PEMDA_HEADERS, pemdaRows(r.pemda, o, t))],
    ['import-report.csv', importReportCsv(r)],
    ['rejects.csv', rejectsCsv(r, t)],
  ];
  return files.map(([name, text]) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  });
}
