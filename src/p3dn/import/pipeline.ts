/**
 * The one import pipeline: every step from the bytes of a file to its report, for the app, the tests, the
 * benches and the CLI alike. A file is registered with the engine, classified and loaded (`importCsv`, one
 * transaction), then its SHA-256 is recorded, the agency register is rebuilt (every file's agencies matched
 * again, budget copies counted once per agency), and an APBD file's code sets and spending groups are summarised
 * for its report. A batch of files can leave the register to one rebuild at its end (`refresh: false`, then
 * `finishImports`): the register depends only on what is loaded, so the figures are the same.
 */
import { sha256Blob } from '../../lib/checksum';
import type { Engine, FileSource } from '../../engine/types';
import { refreshAgencyMap } from '../agency/realisasi-map';
import { KINDS } from '../kinds';
import { apbdFileBelanja, type ApbdBelanja } from '../metrics/apbd';
import { crossFileReport, type CrossFileReport } from '../schema/cross-file';
import { ImportError, OtherLineEndings } from './errors';
import { importCsv } from './import-csv';
import {
  blobReadBack,
  endingsToCheck,
  lfBytes,
  lfCopy,
  recordEndings,
  recordEndingsOf,
  scanLines,
  type FileReadBack,
  type LineEndings,
  type LineScan,
} from './line-endings';
import { HEAD_BYTES, sniffCsvHead } from './sniff';
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
   * The file's line count (see `ImportRequest.lines`), best with its line endings (`LineCounter.scan`: a file
   * whose records end in several ways is then read from an LF copy). Default: counted here when `data` is bytes;
   * `null`: not counted (the importer then searches for quoted line breaks, and reads the file as it is).
   */
  lines?: Promise<number | LineScan | null> | null;
  /**
   * Reading a file given by path again, slice by slice, and writing its LF copy (the caller's disk); a File or
   * bytes are read back here.
   */
  readBack?: FileReadBack;
  /** The SHA-256 of the file as the user has it, computed beside the import. Default: hashed here from `data`. */
  checksum?: Promise<string | null>;
  /** The rows are loaded and only the checksum is still awaited. */
  onChecksumWait?: () => void;
  /**
   * Rebuild the agency register after the file is loaded (default). `false`: the caller imports a batch and
   * rebuilds it once at the end with `finishImports`; until then the new file's rows keep their file's agency keys.
   */
  refresh?: boolean;
}

let fileSeq = 0;

/** A loaded file: the importer's result, and for an APBD file its code sets and spending groups. */
export interface ImportedFile extends ImportResult {
  /** Rows counted once across files: this file's rows another file counts instead, and the other way round. */
  crossFile: CrossFileReport;
  apbd: ApbdBelanja | null;
  /** Steps after the swap that failed: the file is loaded all the same. */
  warnings: ImportWarning[];
  /** Set at a batch's end: a later file of the batch, the same file (same SHA-256), replaced this one. */
  replacedBy?: string;
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
  return serialised(engine, () => importOne(engine, input));
}

/** Run `job` after every import (or batch end) already queued on the engine. */
function serialised<T>(engine: Engine, job: () => Promise<T>): Promise<T> {
  const before = running.get(engine) ?? Promise.resolve();
  const run = before.catch(() => undefined).then(job);
  running.set(engine, run);
  return run;
}

/**
 * The end of a batch imported with `refresh: false`: the register rebuilt once, then each file's report of rows
 * counted once across files read again (a later file of the batch may have superseded some of its rows). A failed
 * rebuild is a warning on every file of the batch: they are loaded all the same.
 */
export function finishImports(engine: Engine, files: readonly ImportedFile[]): Promise<ImportedFile[]> {
  return serialised(engine, async () => {
    const failed = await afterImports(engine).then(
      () => false,
      () => true,
    );
    const out: ImportedFile[] = [];
    for (const f of files) {
      const crossFile = await crossFileReport(engine, f.fileId).catch(() => f.crossFile);
      const warnings: ImportWarning[] = failed ? [...f.warnings, 'pencocokan_gagal'] : f.warnings;
      const by = files.find((g) => g.mode === 'same_file' && g.replaced.includes(f.fileId));
      out.push({ ...f, crossFile, warnings, ...(by ? { replacedBy: by.name } : {}) });
    }
    return out;
  });
}

/**
 * What follows a change to the loaded files (after each file, or once after a batch): the agency register (with
 * the budget copies counted once per agency) rebuilt over everything loaded, then the cubes the views read.
 */
async function afterImports(engine: Engine): Promise<void> {
  await refreshAgencyMap(engine);
}

/** The end of a batch imported with `refresh: false`, for callers without reports (the CLI): throws on failure. */
export function finishBatch(engine: Engine): Promise<void> {
  return serialised(engine, () => afterImports(engine));
}

async function importOne(engine: Engine, input: FileInput): Promise<ImportedFile> {
  const {
    data,
    head: givenHead,
    sizeBytes,
    lines,
    checksum,
    onChecksumWait,
    refresh,
    readBack,
    ...req
  } = input;
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
  const hash = checksum ?? sha256Blob(new Blob([(bytes ?? file) as BlobPart])).catch(() => null);
  const sniffed = sniffCsvHead(head);
  const delimiter = 'error' in sniffed ? ',' : sniffed.delimiter;
  const notes: string[] = [];
  const read = async (
    source: FileSource,
    fileHead: Uint8Array,
    count: Promise<number | null> | undefined,
    lineEndings?: Promise<LineEndings>,
  ): Promise<ImportResult> => {
    const engineFileName = `file_${++fileSeq}.csv`;
    await engine.registerFile(engineFileName, source);
    try {
      return await importCsv(engine, {
        ...req,
        engineFileName,
        head: fileHead,
        sizeBytes: size,
        ...(count ? { lines: count } : {}),
        ...(lineEndings ? { lineEndings } : {}),
        checksum: hash,
        ...(onChecksumWait ? { onChecksumWait } : {}),
      });
    } finally {
      await engine.dropFile(engineFileName).catch(() => undefined);
    }
  };
  let result: ImportResult;
  if (bytes) {
    // Bytes in memory: their line endings are known before the read (an LF copy read at once, if need be).
    const scan = lines === null ? null : await (lines ?? Promise.resolve(scanLines(bytes)));
    const kind = endingsToCheck(scan) ? recordEndingsOf(bytes, delimiter) : 'uniform';
    if (kind === 'uniform') {
      result = await read(bytes, head, scan === null ? undefined : Promise.resolve(lineCount(scan)));
    } else {
      const lf = lfBytes(bytes);
      notes.push(LINE_ENDING_NOTE[kind]);
      result = await read(lf.bytes, lf.bytes.slice(0, HEAD_BYTES), Promise.resolve(lf.lines));
    }
  } else {
    const back = readBack ?? (file ? blobReadBack(file) : null);
    // Counted beside the read; a file with line endings of both kinds read back once more, also beside it.
    const endings =
      lines && back
        ? lines.then((s) =>
            endingsToCheck(s)
              ? recordEndings(back, delimiter, req.signal).then((k) => (k === 'uniform' ? 'cells' : k))
              : ('uniform' as const),
          )
        : undefined;
    // Read by the importer only after its read (or its failure): never an unhandled rejection meanwhile.
    endings?.catch(() => undefined);
    try {
      result = await read(
        data,
        head,
        lines?.then((s) => (s === null ? null : lineCount(s))),
        endings,
      );
    } catch (e) {
      if (!(e instanceof OtherLineEndings) || !back) throw e;
      const lf = await lfCopy(back, HEAD_BYTES, req.signal);
      notes.push(LINE_ENDING_NOTE[e.kind]);
      result = await read(lf.data, lf.head, Promise.resolve(lf.lines));
    }
  }
  if (notes.length) result = { ...result, notes: [...result.notes, ...notes] };
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
  // Every loaded file's agencies are matched again (replaced files are gone with their tables).
  if (refresh !== false) await attempt('pencocokan_gagal', () => afterImports(engine));
  const apbd = KINDS[result.kind].accounts
    ? await attempt('ringkasan_gagal', () => apbdFileBelanja(engine, result.fileId))
    : null;
  const crossFile = (await attempt('pencocokan_gagal', () => crossFileReport(engine, result.fileId))) ?? {
    lostTo: [],
    superseded: [],
  };
  return { ...result, crossFile, apbd, warnings: [...new Set(warnings)] };
}

const lineCount = (s: number | LineScan) => (typeof s === 'number' ? s : s.lines);

/** The reading note of a file read from its LF copy. */
const LINE_ENDING_NOTE = { cr: 'akhir_baris_cr', mixed: 'akhir_baris_campuran' } as const;

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
    ...(r.replacedBy ? { replacedBy: r.replacedBy } : {}),
    ...(r.apbd ? { apbd: { codeSets: r.apbd.codeSets, groups: r.apbd.groups } } : {}),
  };
}

/** Any failure of an import as the failure the user is told about (an unexpected error reads as unreadable). */
export function importFailure(name: string, e: unknown): ImportFailure {
  const err = e instanceof ImportError ? e : new ImportError('gagal_baca', String(e));
  return { type: 'error', name, code: err.code, ...(err.detail !== undefined ? { detail: err.detail } : {}) };
}
