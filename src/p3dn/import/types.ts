import type { LineEndings } from './line-endings';
import type { LineCheck } from './reconcile';
import type { ReadPath } from './typed-read';
import type { NumberFormat } from './number-format';
import type { KindId } from '../kinds';
import type { MappingOverride } from './detect';
import type { CrossFileReport } from '../schema/cross-file';
import type { RowStore } from '../schema/row-store';

export interface ImportCounts {
  /** Data records in the file (header excluded). */
  read: number;
  loaded: number;
  excluded: number;
  rejected: number;
  excludedByRule: Record<string, number>;
  rejectedByReason: Record<string, number>;
}

/** How the import related to data already loaded. */
export type ImportMode = 'replace' | 'add' | 'same_file';

export interface ImportResult {
  fileId: number;
  name: string;
  kind: KindId;
  confidence: number;
  variant: string | null;
  encoding: string;
  delimiter: string;
  counts: ImportCounts;
  /** File ids this import replaced. */
  replaced: number[];
  mode: ImportMode;
  /** Canonical column -> source header actually used. */
  mapping: Record<string, string>;
  /** Things worth telling the user about the file (ignored columns, an index column…), as codes. */
  notes: string[];
  /** Money column -> the number format decided from all its cells (`plain`, `en`, `id`). */
  numberFormats: Record<string, NumberFormat>;
  /** Physical lines of the file against what the reader accounted for (blank lines, unclosed quotes). */
  lineCheck: LineCheck;
  /** How the file was read: the columns the CSV reader typed, a fallback to text, a second classifying pass. */
  readPath: ReadPath;
}

export type ImportStage = 'membaca' | 'memeriksa' | 'menghitung' | 'menyimpan';

export interface ImportRequest {
  /** Name the file is registered under in the engine (already registered). */
  engineFileName: string;
  /** Name shown to the user. */
  displayName: string;
  sizeBytes: number;
  /** The first HEAD_BYTES of the file. */
  head: Uint8Array;
  isSample: boolean;
  /** Which loaded files this one replaces: every file, files of the same kind, or none (added). */
  replace: 'all' | 'same_kind' | 'none';
  /** Force a kind instead of detecting it. */
  kind?: KindId;
  /** The user's corrections to the automatic column mapping. */
  mapping?: MappingOverride;
  /** Called when a stage starts. */
  onProgress?: (stage: ImportStage) => void;
  /**
   * Bytes of the file the CSV reader has consumed so far, while the one statement that scans the file runs
   * (DuckDB's progress estimate for that statement × the file size; browser engine only).
   */
  onBytes?: (bytesRead: number) => void;
  /**
   * Cancels the import: the running statement is interrupted (browser engine; the Node engine only between
   * statements), temp tables are dropped, and the loaded data stays exactly as it was. The final swap into the
   * canonical tables is one transaction that is not interrupted once it has started.
   */
  signal?: AbortSignal;
  /** Shown as the file's format in the report (e.g. `xlsx` for a converted sheet). */
  format?: string;
  /**
   * Where the classified rows are kept (../schema/row-store.ts): `auto` (default) in memory while they fit in
   * what DuckDB's memory limit leaves free, else in the attached database file; `memory` always (the CLI's
   * native DuckDB spills to disk itself); `disk` always.
   */
  rowStore?: RowStore | 'auto';
  /**
   * The number of lines in the file as the engine reads it (`countLines`), counted by the caller while the import
   * runs. When it equals header + records + rejected lines, no record spans several lines and the search for line
   * breaks inside quoted cells (a second pass over the file) is skipped. Without it, that search always runs.
   */
  lines?: Promise<number | null>;
  /**
   * How the records of the file as registered end (./line-endings.ts), known beside the read: `cr` or `mixed`
   * (DuckDB's strict reader misreads them), or `cells` (the records end alike; other line breaks only in quoted
   * cells). For `cr` and `mixed`, and for `cells` when the read fails, the importer stops before keeping anything
   * and throws `OtherLineEndings`: the pipeline then imports an LF copy of the file.
   */
  lineEndings?: Promise<LineEndings>;
  /** The file's SHA-256 (hex), its identity: awaited before the swap (a renamed copy is the same file). */
  checksum?: Promise<string | null>;
  /** The rows are classified and only the checksum is still awaited. */
  onChecksumWait?: () => void;
}

/**
 * What the user is told about one loaded file (the import report): the counts, how it related to earlier data,
 * and details. Plain data (rupiah as DOUBLE), kept by the app's dataset store.
 */
export interface ImportReport {
  type: 'result';
  name: string;
  kind: string;
  confidence: number;
  read: number;
  loaded: number;
  excluded: number;
  rejected: number;
  excludedByRule: Record<string, number>;
  rejectedByReason: Record<string, number>;
  replaced: number;
  fileId?: number;
  mode?: ImportMode;
  variant?: string | null;
  notes?: string[];
  encoding?: string;
  delimiter?: string;
  /** Canonical column -> the file's header that fed it (shown for generic sheets). */
  mapping?: Record<string, string>;
  /** Money column -> its decided number format. */
  numberFormats?: Record<string, NumberFormat>;
  /** Physical lines against what was read (blank lines, unclosed quotes, anything unexplained). */
  lineCheck?: LineCheck;
  crossFile?: CrossFileReport;
  /** Steps after the swap that failed (the file is loaded): `checksum_gagal`, `pencocokan_gagal`, … */
  warnings?: string[];
  /** A later file of the same batch, the same file (same SHA-256), replaced this one: its name. */
  replacedBy?: string;
  /** APBD files: rows per account code set and the spending groups (plain numbers, rupiah as DOUBLE). */
  apbd?: {
    codeSets: Record<'permendagri_90' | 'permendagri_13' | 'lain', number>;
    groups: Record<string, { n: number; anggaran: number | null; realisasi: number | null }>;
  };
}

/** A file that could not be loaded: the reason as a code the UI words in the user's language. */
export interface ImportFailure {
  type: 'error';
  name: string;
  code: string;
  detail?: string;
}
