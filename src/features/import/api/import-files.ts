import penyediaUrl from '../../../../sample-data/RUP-PaketPenyedia-Terumumkan.csv?url';
import swakelolaUrl from '../../../../sample-data/RUP-PaketSwakelola-Terumumkan.csv?url';
import strukturUrl from '../../../../sample-data/RUP-StrukturAnggaranPD.csv?url';
import tokoDaringUrl from '../../../../sample-data/Bela-TokoDaringRealisasi.csv?url';
import ecatV6Url from '../../../../sample-data/Ecat-PaketEPurchasing-V6.csv?url';
import ecatV5Url from '../../../../sample-data/Ecat-PaketEPurchasing.csv?url';
import ekontrakUrl from '../../../../sample-data/SPSE-NonTenderEkontrak-Kontrak.csv?url';
import nonTenderUrl from '../../../../sample-data/SPSE-NonTenderSelesai.csv?url';
import pctNonTenderUrl from '../../../../sample-data/SPSE-PencatatanNonTender.csv?url';
import pctSwakelolaUrl from '../../../../sample-data/SPSE-PencatatanSwakelola.csv?url';
import tenderUrl from '../../../../sample-data/SPSE-TenderSelesaiNilai.csv?url';
import { toCsv, downloadText } from '../../../lib/csv';
import {
  HEAD_BYTES,
  ImportError,
  LineCounter,
  cp1252ToUtf8,
  detectKind,
  finishImports,
  importFailure,
  importFile,
  importReport,
  isXlsx,
  rejectedRows,
  sniffCsvHead,
  scanLines,
  type ImportStage,
  type ImportedFile,
  type LineScan,
} from '../../../p3dn/import';
import type { Engine } from '../../../engine/types';
import { loadedSource } from '../../../p3dn/schema';
import { getEngine } from '../../../queries/engine';
import { useDatasetStore } from '../../../stores/dataset-store';
import { fileDigest } from '../lib/checksum';
import { applicableMapping } from '../lib/mapping-memory';
import { usePendingStore, type PendingFile } from '../lib/pending';
import { xlsxFileToCsv } from '../lib/xlsx';

export const SAMPLE_FILES = [
  { name: 'RUP-PaketPenyedia-Terumumkan.csv', url: penyediaUrl },
  { name: 'RUP-PaketSwakelola-Terumumkan.csv', url: swakelolaUrl },
  { name: 'RUP-StrukturAnggaranPD.csv', url: strukturUrl },
];

/** Transaction exports of the same fictional Pemda (realisasi), imported like any other export. */
export const SAMPLE_REALISASI_FILES = [
  { name: 'SPSE-TenderSelesaiNilai.csv', url: tenderUrl },
  { name: 'SPSE-NonTenderSelesai.csv', url: nonTenderUrl },
  { name: 'SPSE-PencatatanNonTender.csv', url: pctNonTenderUrl },
  { name: 'SPSE-PencatatanSwakelola.csv', url: pctSwakelolaUrl },
  { name: 'SPSE-NonTenderEkontrak-Kontrak.csv', url: ekontrakUrl },
  { name: 'Ecat-PaketEPurchasing.csv', url: ecatV5Url },
  { name: 'Ecat-PaketEPurchasing-V6.csv', url: ecatV6Url },
  { name: 'Bela-TokoDaringRealisasi.csv', url: tokoDaringUrl },
];

let fileSeq = 0;

/**
 * Larger files are refused up front with a clear message: DuckDB-wasm has at most 4 GB of memory, and a 1 GB
 * export already needs most of it while being classified (measured: 1 GB imports, see BENCHMARKS.md).
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024;

/**
 * The one queue of the app's imports: the sample and each batch of the user's files run whole, one after the
 * other (the core's `importFile` also serialises single files; this keeps a batch from interleaving with the
 * sample between two of its files).
 */
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.catch(() => undefined).then(job);
  queue = run;
  return run;
}

/** Run a job in that queue (the app's start: the stored dataset or the sample's snapshot, src/app/dataset-lifecycle.ts). */
export const inImportQueue = serial;

/** The bundled fictional Pemda, loaded at start (served from the app's own origin). */
export function loadSample(): Promise<void> {
  return serial(async () => {
    const engine = await getEngine();
    // The user's own files, loaded first (dropped while the engine started), are never mixed with the sample.
    if ((await engine.query('SELECT 1 FROM source_file LIMIT 1')).length > 0) return;
    const loaded: ImportedFile[] = [];
    try {
      for (const f of [...SAMPLE_FILES, ...SAMPLE_REALISASI_FILES]) {
        const bytes = new Uint8Array(await (await fetch(f.url)).arrayBuffer());
        loaded.push(
          await importFile(engine, {
            data: bytes,
            displayName: f.name,
            isSample: true,
            replace: 'same_kind',
            refresh: false,
          }),
        );
      }
    } finally {
      // The register is rebuilt once for the whole sample (also when a file failed: the others are loaded).
      if (loaded.length) await finishImports(engine, loaded);
    }
    useDatasetStore.getState().dataChanged(await loadedSource(engine));
  });
}

/**
 * Read the head of each file (an .xlsx is converted first, in a worker: its progress is the stage and the time
 * taken, the reader reports nothing finer), sniff it and detect its kind.
 */
export async function prepareFiles(
  files: readonly File[],
  opts: { signal?: AbortSignal; onProgress?: (p: Progress | null) => void } = {},
): Promise<void> {
  const store = useDatasetStore.getState();
  const out: PendingFile[] = [];
  const startedAt = Date.now();
  for (const [index, file] of files.entries()) {
    try {
      if (opts.signal?.aborted) throw new ImportError('dibatalkan');
      const report = (stage: Progress['stage'], since: number) =>
        opts.onProgress?.({
          name: file.name,
          index,
          total: files.length,
          stage,
          sizeBytes: file.size,
          bytesRead: null,
          startedAt: since,
        });
      report('mempersiapkan', startedAt);
      let head: Uint8Array = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
      let bytes: Uint8Array | null = null;
      let format: PendingFile['format'] = 'csv';
      if (/\.xls$/i.test(file.name)) throw new ImportError('excel_belum_didukung');
      if (file.size > MAX_FILE_BYTES) throw new ImportError('terlalu_besar');
      if (isXlsx(file.name, head)) {
        report('excel', Date.now());
        bytes = await xlsxFileToCsv(file, opts.signal);
        head = bytes.slice(0, HEAD_BYTES);
        format = 'xlsx';
      }
      let sniff = sniffCsvHead(head);
      if (!('error' in sniff) && sniff.encoding === 'latin-1') {
        head = cp1252ToUtf8(head);
        sniff = sniffCsvHead(head);
        format = 'windows-1252';
      }
      if ('error' in sniff) throw new ImportError(sniff.error);
      const detection = detectKind(sniff.headers);
      out.push({
        key: ++fileSeq,
        file,
        name: file.name,
        size: bytes ? bytes.length : file.size,
        format,
        bytes,
        head,
        sniff,
        detection,
        kind: detection.kind,
        mapping: detection.kind ? applicableMapping(detection.kind, sniff.headers) : {},
      });
    } catch (e) {
      store.addNotice(importFailure(file.name, e));
    }
  }
  opts.onProgress?.(null);
  usePendingStore.getState().add(out);
}

/** Slice size of the Windows-1252 transcoding. */
export const TRANSCODE_SLICE_BYTES = 8 * 1024 * 1024;

/**
 * Windows-1252 to UTF-8, slice by slice, into a File the engine reads in place (never one JS string), with its
 * lines counted on the way (no second read for the importer's line check). `onBytes` gets the bytes of the source
 * file transcoded so far, after each slice.
 */
async function transcodeFile(
  file: File,
  signal?: AbortSignal,
  onBytes?: (done: number) => void,
): Promise<{ file: File; lines: LineScan }> {
  const parts: BlobPart[] = [];
  const counter = new LineCounter();
  const step = TRANSCODE_SLICE_BYTES;
  onBytes?.(0);
  for (let at = 0; at < file.size; at += step) {
    if (signal?.aborted) throw new ImportError('dibatalkan');
    const chunk = cp1252ToUtf8(new Uint8Array(await file.slice(at, at + step).arrayBuffer()));
    counter.add(chunk);
    parts.push(chunk.buffer as ArrayBuffer);
    onBytes?.(Math.min(at + step, file.size));
  }
  return { file: new File(parts, file.name, { type: 'text/csv' }), lines: counter.scan };
}

export interface Progress {
  name: string;
  index: number;
  total: number;
  /**
   * `excel`: the sheet is being converted (in a worker; no finer progress exists); `transkode`: Windows-1252 to
   * UTF-8, slice by slice; `checksum`: the SHA-256 still running after the rows are loaded; `mencocokkan`: the
   * batch is loaded and the agencies of every file are matched (once per batch).
   */
  stage: 'mempersiapkan' | 'excel' | 'transkode' | 'checksum' | 'mencocokkan' | ImportStage;
  /** The size `bytesRead` is counted against. */
  sizeBytes: number;
  /**
   * Bytes done: consumed by DuckDB's CSV reader (from DuckDB's progress for the statement that scans the file),
   * transcoded, or hashed, depending on the stage; null when the stage has no byte count.
   */
  bytesRead: number | null;
  startedAt: number;
}

/**
 * Import the reviewed files one by one, after any import already running (one queue). The first file that loads
 * replaces the sample; then each file replaces files of its kind loaded before this batch (`replace`) or is added
 * to them (`add`). Files of one kind in the same batch are always added to each other (exports downloaded in
 * batches); the same file again (same SHA-256) always replaces itself. A file that fails leaves everything loaded
 * as it was, with a message; a step failing after its swap is a warning on the loaded file. The agency register is
 * rebuilt once, when the batch is loaded (also when it was cancelled part way); then the loaded files' reports are
 * shown and the figures change, together.
 */
export function importPending(
  files: readonly PendingFile[],
  opts: { mode: 'replace' | 'add'; signal: AbortSignal; onProgress: (p: Progress | null) => void },
): Promise<void> {
  return serial(() => importBatch(files, opts));
}

async function importBatch(
  files: readonly PendingFile[],
  opts: { mode: 'replace' | 'add'; signal: AbortSignal; onProgress: (p: Progress | null) => void },
): Promise<void> {
  const engine = await getEngine();
  const batchKinds = new Set<string>();
  const store = useDatasetStore.getState();
  const startedAt = Date.now();
  const loaded: ImportedFile[] = [];
  try {
    await importEach(engine, files, opts, { batchKinds, startedAt, loaded });
  } finally {
    if (loaded.length) {
      const last = files[files.length - 1]!;
      opts.onProgress({
        name: last.name,
        index: files.length - 1,
        total: files.length,
        stage: 'mencocokkan',
        sizeBytes: last.size,
        startedAt,
        bytesRead: null,
      });
      for (const f of await finishImports(engine, loaded)) store.addNotice(importReport(f));
      useDatasetStore.getState().dataChanged(await loadedSource(engine));
    }
    store.setBusy(null);
    opts.onProgress(null);
  }
}

async function importEach(
  engine: Engine,
  files: readonly PendingFile[],
  opts: { mode: 'replace' | 'add'; signal: AbortSignal; onProgress: (p: Progress | null) => void },
  batch: { batchKinds: Set<string>; startedAt: number; loaded: ImportedFile[] },
): Promise<void> {
  const { batchKinds, startedAt, loaded } = batch;
  const store = useDatasetStore.getState();
  for (const [index, p] of files.entries()) {
    let stage: Progress['stage'] = 'mempersiapkan';
    const progress = (s: Progress['stage'], bytesRead: number | null = null, sizeBytes = p.size) => {
      stage = s;
      opts.onProgress({
        name: p.name,
        index,
        total: files.length,
        stage,
        sizeBytes,
        startedAt,
        bytesRead,
      });
    };
    // The SHA-256 of the file as the user has it and its physical lines, from one read in a worker while the rows
    // are imported.
    let hashed = 0;
    const hashCtl = new AbortController();
    const forward = () => hashCtl.abort();
    opts.signal.addEventListener('abort', forward, { once: true });
    const digest = fileDigest(p.file, {
      signal: hashCtl.signal,
      onBytes: (d) => {
        hashed = d;
        if (stage === 'checksum') progress('checksum', d, p.file.size);
      },
    }).catch(() => null); // a cancelled checksum loses only the checksum (and the line count: see `lines`)
    const checksum = digest.then((d) => d?.hex ?? null);
    try {
      if (opts.signal.aborted) throw new ImportError('dibatalkan');
      progress('mempersiapkan');
      store.setBusy(p.name);
      let data: Uint8Array | File;
      let lines: Promise<LineScan | null>;
      if (p.bytes) {
        data = p.bytes.slice();
        lines = Promise.resolve(scanLines(p.bytes));
      } else if (p.format === 'windows-1252') {
        const utf8 = await transcodeFile(p.file, opts.signal, (d) => progress('transkode', d, p.file.size));
        data = utf8.file;
        lines = Promise.resolve(utf8.lines);
      } else {
        data = p.file;
        // Counted in the hash worker's read; null (not counted) only means the importer searches for line
        // breaks inside quoted cells itself.
        lines = digest.then((d) => d?.scan ?? null);
      }
      const imported = await importFile(engine, {
        data,
        displayName: p.name,
        sizeBytes: p.size,
        head: p.head,
        isSample: false,
        replace:
          (await loadedSource(engine)) === 'sample'
            ? 'all'
            : opts.mode === 'replace' && !batchKinds.has(p.kind ?? p.detection.kind ?? '')
              ? 'same_kind'
              : 'none',
        ...(p.kind ? { kind: p.kind } : {}),
        mapping: p.mapping,
        format: p.format === 'csv' ? p.sniff.encoding : p.format,
        signal: opts.signal,
        lines,
        checksum,
        onProgress: (s) => progress(s),
        onBytes: (b) => progress(stage, b),
        onChecksumWait: () => progress('checksum', hashed, p.file.size),
        refresh: false,
      });
      batchKinds.add(imported.kind);
      loaded.push(imported);
    } catch (e) {
      store.addNotice(importFailure(p.name, e));
    } finally {
      // A file that failed stops its hashing too.
      opts.signal.removeEventListener('abort', forward);
      hashCtl.abort();
    }
  }
}

/** Offer the rejected rows of a loaded file as CSV (formulas neutralised by `toCsv`). */
export async function downloadRejected(
  fileId: number,
  fileName: string,
  headers: readonly string[],
  reasonText: (code: string) => string,
): Promise<void> {
  const engine = await getEngine();
  const rows = await rejectedRows(engine, fileId);
  const csv = toCsv(
    headers,
    rows.map((r) => [r.line, r.column, r.value, reasonText(r.reason), r.detail]),
  );
  downloadText(`${fileName.replace(/\.[^.]+$/, '')}-ditolak.csv`, csv);
}
