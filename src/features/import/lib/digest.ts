import { sha256Blob } from '../../../lib/checksum';
import { LineCounter, type LineScan } from '../../../p3dn/import/line-endings';

/** A file's SHA-256 (hex) and its physical lines with their endings, from one read of it. */
export interface FileDigest {
  hex: string;
  scan: LineScan;
}

/**
 * The SHA-256 of a file as the user has it and its lines (`LineCounter`: our own count of line feeds and CRs,
 * never DuckDB's reader), from one read slice by slice: the hash worker runs this (./checksum.worker.ts), so the
 * page's main thread never reads the file. `onBytes` gets the bytes read so far; an aborted `signal` stops it.
 */
export async function digestFile(
  file: Blob,
  opts: { chunkBytes?: number; signal?: AbortSignal; onBytes?: (done: number) => void } = {},
): Promise<FileDigest> {
  const counter = new LineCounter();
  const hex = await sha256Blob(file, { ...opts, onChunk: (bytes) => counter.add(bytes) });
  return { hex, scan: counter.scan };
}
