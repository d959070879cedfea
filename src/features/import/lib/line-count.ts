import { LineCounter, type LineScan } from '../../../p3dn/import';

/**
 * The lines of a file and its line endings, read slice by slice beside the import (never the whole file at once).
 * The importer uses the count to skip its search for line breaks inside quoted cells when every record is one line,
 * and the line endings to read a file whose records end in several ways from an LF copy; null when the file could
 * not be read or the import was cancelled, which only means that search runs and the file is read as it is.
 */
export async function countFileLines(file: Blob, signal?: AbortSignal): Promise<LineScan | null> {
  const counter = new LineCounter();
  const step = 4 * 1024 * 1024;
  try {
    for (let at = 0; at < file.size; at += step) {
      if (signal?.aborted) return null;
      counter.add(new Uint8Array(await file.slice(at, at + step).arrayBuffer()));
    }
  } catch {
    return null;
  }
  return counter.scan;
}
