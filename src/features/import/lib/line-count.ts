import { LineCounter } from '../../../p3dn/import';

/**
 * The lines of a file, read slice by slice beside the import (never the whole file at once). The importer uses
 * the count to skip its search for line breaks inside quoted cells when every record is one line; null when the
 * file could not be read or the import was cancelled, which only means that search runs.
 */
export async function countFileLines(file: Blob, signal?: AbortSignal): Promise<number | null> {
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
  return counter.lines;
}
