import penyediaUrl from '../../../../sample-data/RUP-PaketPenyedia-Terumumkan.csv?url';
import swakelolaUrl from '../../../../sample-data/RUP-PaketSwakelola-Terumumkan.csv?url';
import strukturUrl from '../../../../sample-data/RUP-StrukturAnggaranPD.csv?url';
import { toCsv, downloadText } from '../../../lib/csv';
import { getEngine } from '../../../lib/engine';
import {
  ImportError,
  importCsv,
  rejectedRows,
  type ImportResult,
  type ImportStage,
} from '../../../p3dn/importer';
import { detectKind } from '../../../p3dn/kinds';
import { HEAD_BYTES, cp1252ToUtf8, sniffCsvHead } from '../../../p3dn/sniff';
import { isXlsx } from '../../../p3dn/xlsx';
import { useDatasetStore } from '../../../stores/dataset-store';
import { applicableMapping } from '../lib/mapping-memory';
import { usePendingStore, type PendingFile } from '../lib/pending';
import { xlsxFileToCsv } from '../lib/xlsx';

export const SAMPLE_FILES = [
  { name: 'RUP-PaketPenyedia-Terumumkan.csv', url: penyediaUrl },
  { name: 'RUP-PaketSwakelola-Terumumkan.csv', url: swakelolaUrl },
  { name: 'RUP-StrukturAnggaranPD.csv', url: strukturUrl },
];

let fileSeq = 0;

/**
 * Larger files are refused up front with a clear message: DuckDB-wasm has at most 4 GB of memory, and a 1 GB
 * export already needs most of it while being classified (measured: 1 GB imports, see BENCHMARKS.md).
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024;

function noticeFromResult(r: ImportResult) {
  return {
    type: 'result' as const,
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
  };
}

function errorNotice(name: string, e: unknown) {
  const err = e instanceof ImportError ? e : new ImportError('gagal_baca', String(e));
  return {
    type: 'error' as const,
    name,
    code: err.code,
    ...(err.detail !== undefined ? { detail: err.detail } : {}),
  };
}

/** The bundled fictional Pemda, loaded at start (served from the app's own origin). */
export async function loadSample(): Promise<void> {
  const engine = await getEngine();
  for (const f of SAMPLE_FILES) {
    const bytes = new Uint8Array(await (await fetch(f.url)).arrayBuffer());
    const engineFileName = `sample_${++fileSeq}.csv`;
    // Copy the head first: registering hands the buffer to the worker, which detaches it here.
    const head = bytes.slice(0, HEAD_BYTES);
    const sizeBytes = bytes.length;
    await engine.registerFile(engineFileName, bytes);
    try {
      await importCsv(engine, {
        engineFileName,
        displayName: f.name,
        sizeBytes,
        head,
        isSample: true,
        replace: 'same_kind',
      });
    } finally {
      await engine.dropFile(engineFileName);
    }
  }
  useDatasetStore.getState().dataChanged('sample');
}

/** Read the head of each file (an .xlsx is converted first), sniff it and detect its kind. */
export async function prepareFiles(files: readonly File[]): Promise<void> {
  const store = useDatasetStore.getState();
  const out: PendingFile[] = [];
  for (const file of files) {
    try {
      let head: Uint8Array = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
      let bytes: Uint8Array | null = null;
      let format: PendingFile['format'] = 'csv';
      if (/\.xls$/i.test(file.name)) throw new ImportError('excel_belum_didukung');
      if (file.size > MAX_FILE_BYTES) throw new ImportError('terlalu_besar');
      if (isXlsx(file.name, head)) {
        bytes = await xlsxFileToCsv(file);
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
      store.addNotice(errorNotice(file.name, e));
    }
  }
  usePendingStore.getState().add(out);
}

/** Windows-1252 to UTF-8, slice by slice, into a File the engine reads in place (never one JS string). */
async function transcodeFile(file: File, signal?: AbortSignal): Promise<File> {
  const parts: BlobPart[] = [];
  const step = 8 * 1024 * 1024;
  for (let at = 0; at < file.size; at += step) {
    if (signal?.aborted) throw new ImportError('dibatalkan');
    const chunk = cp1252ToUtf8(new Uint8Array(await file.slice(at, at + step).arrayBuffer()));
    parts.push(chunk.buffer as ArrayBuffer);
  }
  return new File(parts, file.name, { type: 'text/csv' });
}

export interface Progress {
  name: string;
  index: number;
  total: number;
  stage: 'mempersiapkan' | ImportStage;
  sizeBytes: number;
  startedAt: number;
}

/**
 * Import the reviewed files one by one. The first file that loads replaces the sample; then each file replaces
 * earlier files of its kind (`replace`) or is added to them (`add`); the same file again always replaces itself.
 * A file that fails leaves everything loaded as it was, with a message.
 */
export async function importPending(
  files: readonly PendingFile[],
  opts: { mode: 'replace' | 'add'; signal: AbortSignal; onProgress: (p: Progress | null) => void },
): Promise<void> {
  const engine = await getEngine();
  const store = useDatasetStore.getState();
  const startedAt = Date.now();
  for (const [index, p] of files.entries()) {
    const engineFileName = `upload_${++fileSeq}.csv`;
    const progress = (stage: Progress['stage']) =>
      opts.onProgress({ name: p.name, index, total: files.length, stage, sizeBytes: p.size, startedAt });
    try {
      if (opts.signal.aborted) throw new ImportError('dibatalkan');
      progress('mempersiapkan');
      store.setBusy(p.name);
      if (p.bytes) await engine.registerFile(engineFileName, p.bytes.slice());
      else if (p.format === 'windows-1252')
        await engine.registerFile(engineFileName, await transcodeFile(p.file, opts.signal));
      else await engine.registerFile(engineFileName, p.file);
      const result = await importCsv(engine, {
        engineFileName,
        displayName: p.name,
        sizeBytes: p.size,
        head: p.head,
        isSample: false,
        replace:
          useDatasetStore.getState().source === 'sample'
            ? 'all'
            : opts.mode === 'replace'
              ? 'same_kind'
              : 'none',
        ...(p.kind ? { kind: p.kind } : {}),
        mapping: p.mapping,
        format: p.format === 'csv' ? p.sniff.encoding : p.format,
        signal: opts.signal,
        onProgress: progress,
      });
      store.addNotice(noticeFromResult(result));
      useDatasetStore.getState().dataChanged('own');
    } catch (e) {
      store.addNotice(errorNotice(p.name, e));
    } finally {
      await engine.dropFile(engineFileName).catch(() => undefined);
    }
  }
  store.setBusy(null);
  opts.onProgress(null);
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
