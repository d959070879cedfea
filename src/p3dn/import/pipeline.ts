/**
 * The one import pipeline: every step from the bytes of a file to its report, for the app, the tests, the
 * benches and the CLI alike. A file is registered with the engine, classified and loaded (`importCsv`, one
 * transaction), then its SHA-256 is recorded, the transaction agencies are matched again (the loaded SIRUP
 * agencies may have changed), and an APBD file's code sets and spending groups are summarised for its report.
 */
import { sha256Blob } from '../../lib/checksum';
import type { Engine, FileSource } from '../../engine/types';
import { pruneRealisasi } from '../agency/realisasi-map';
import { KINDS } from '../kinds';
import { apbdFileBelanja, type ApbdBelanja } from '../metrics/apbd';
import { ImportError } from './errors';
import { importCsv } from './import-csv';
import { HEAD_BYTES, countLines } from './sniff';
import type { ImportFailure, ImportReport, ImportRequest, ImportResult } from './types';

export interface FileInput extends Omit<ImportRequest, 'engineFileName' | 'head' | 'sizeBytes' | 'lines'> {
  /**
   * What the engine reads: the CSV bytes (already converted from .xlsx / Windows-1252), a File read in place, or
   * (Node engines) a path on disk, for which `head`, `sizeBytes` and `checksum` must be given.
   */
  data: FileSource;
  /** The first HEAD_BYTES of `data`; read from it when absent. */
  head?: Uint8Array;
  /** The size shown and recorded (default: the size of `data`). */
  sizeBytes?: number;
  /**
   * The file's line count (see `ImportRequest.lines`). Default: counted here when `data` is bytes; `null`: not
   * counted (the importer then searches for quoted line breaks).
   */
  lines?: Promise<number | null> | null;
  /** The SHA-256 of the file as the user has it, computed beside the import. Default: hashed here from `data`. */
  checksum?: Promise<string | null>;
  /** The rows are loaded and only the checksum is still awaited. */
  onChecksumWait?: () => void;
  /**
   * Do not match the agencies again after this file (register and cubes): the caller loads a batch of files and
   * calls `refreshAgencyMap` once after the last (the CLI: a national folder holds hundreds of files, and each
   * refresh rebuilds the cubes over every row loaded so far). The register is rebuilt from every loaded file, so
   * the figures are the same either way.
   */
  deferMatch?: boolean;
}

let fileSeq = 0;

/** A loaded file: the importer's result, and for an APBD file its code sets and spending groups. */
export interface ImportedFile extends ImportResult {
  apbd: ApbdBelanja | null;
  /** Steps after the swap that failed: the file is loaded all the same. */
  warnings: ImportWarning[];
}

type ImportWarning = 'checksum_gagal' | 'pencocokan_gagal' | 'ringkasan_gagal';

/** The import running (or last run) on each engine: imports of one engine run one after the other. */
const running = new WeakMap<Engine, Promise<unknown>>();

/**
 * Load one file. Throws an `ImportError` when the file is not loaded (then nothing changed). Imports on one
 * engine are serialised (the sample, the user's files, the CLI alike): a call waits for the one before it, so
 * file ids, the swap transaction and the canonical views never interleave. A step after the swap that fails
 * (checksum, agency re-match, APBD summary) leaves the file loaded and is reported as a warning.
 */
export function importFile(engine: Engine, input: FileInput): Promise<ImportedFile> {
  const before = running.get(engine) ?? Promise.resolve();
  const run = before.catch(() => undefined).then(() => importOne(engine, input));
  running.set(engine, run);
  return run;
}

async function importOne(engine: Engine, input: FileInput): Promise<ImportedFile> {
  const { data, head: givenHead, sizeBytes, lines, checksum, onChecksumWait, deferMatch, ...req } = input;
  const engineFileName = `file_${++fileSeq}.csv`;
  if (!(data instanceof Uint8Array) && 'path' in data) {
    // Read on disk by a Node engine: the caller reads its head, size and checksum (this core touches no disk).
    if (!givenHead || sizeBytes === undefined || !checksum)
      throw new Error('A file given by path needs its head, size and checksum from the caller.');
  }
  const bytes = data instanceof Uint8Array ? data : null;
  const file = data instanceof Uint8Array || 'path' in data ? null : data;
  // Before registering: the browser engine takes the buffer over (it is detached here afterwards).
  const head =
    givenHead ??
    (bytes ? bytes.slice(0, HEAD_BYTES) : new Uint8Array(await file!.slice(0, HEAD_BYTES).arrayBuffer()));
  const size = sizeBytes ?? bytes?.length ?? file!.size;
  const lineCount =
    lines === null ? undefined : (lines ?? (bytes ? Promise.resolve(countLines(bytes)) : undefined));
  const hash = checksum ?? sha256Blob(new Blob([(bytes ?? file) as BlobPart])).catch(() => null);
  await engine.registerFile(engineFileName, data);
  let result: ImportResult;
  try {
    result = await importCsv(engine, {
      ...req,
      engineFileName,
      head,
      sizeBytes: size,
      ...(lineCount ? { lines: lineCount } : {}),
      checksum: hash,
      ...(onChecksumWait ? { onChecksumWait } : {}),
    });
  } finally {
    await engine.dropFile(engineFileName).catch(() => undefined);
  }
  // The file is loaded: what follows can only add warnings to it.
  const warnings: ImportWarning[] = [];
  const attempt = async <T>(code: ImportWarning, f: () => Promise<T>): Promise<T | null> => {
    try {
      return await f();
    } catch {
      warnings.push(code);
      return null;
    }
  };
  await attempt('checksum_gagal', async () =>
    saveChecksum(engine, result.fileId, await hash.catch(() => null)),
  );
  // Transactions of replaced files are gone with their tables; the others are matched again.
  if (!deferMatch) await attempt('pencocokan_gagal', () => pruneRealisasi(engine));
  const apbd = KINDS[result.kind].accounts
    ? await attempt('ringkasan_gagal', () => apbdFileBelanja(engine, result.fileId))
    : null;
  return { ...result, apbd, warnings };
}

/** Record the checksum of an imported file, dropping those of files no longer loaded. */
async function saveChecksum(engine: Engine, fileId: number, checksum: string | null): Promise<void> {
  await engine.query(
    'DELETE FROM source_checksum WHERE file_id = ? OR file_id NOT IN (SELECT file_id FROM source_file)',
    [fileId],
  );
  if (checksum !== null) await engine.query('INSERT INTO source_checksum VALUES (?, ?)', [fileId, checksum]);
}

/** The report the user is told about a loaded file. */
export function importReport(r: ImportedFile): ImportReport {
  return {
    type: 'result',
    name: r.name,
    kind: r.kind,
    confidence: r.confidence,
    read: r.counts.read,
    loaded: r.counts.loaded,
    excluded: r.counts.excluded,
    rejected: r.counts.rejected,
    excludedByRule: r.counts.excludedByRule,
    rejectedByReason: r.counts.rejectedByReason,
    replaced: r.replaced.length,
    fileId: r.fileId,
    mode: r.mode,
    variant: r.variant,
    notes: r.notes,
    encoding: r.encoding,
    delimiter: r.delimiter,
    mapping: r.mapping,
    numberFormats: r.numberFormats,
    lineCheck: r.lineCheck,
    crossFile: r.crossFile,
    ...(r.warnings.length ? { warnings: r.warnings } : {}),
    ...(r.apbd ? { apbd: { codeSets: r.apbd.codeSets, groups: r.apbd.groups } } : {}),
  };
}

/** Any failure of an import as the failure the user is told about (an unexpected error reads as unreadable). */
export function importFailure(name: string, e: unknown): ImportFailure {
  const err = e instanceof ImportError ? e : new ImportError('gagal_baca', String(e));
  return { type: 'error', name, code: err.code, ...(err.detail !== undefined ? { detail: err.detail } : {}) };
}
