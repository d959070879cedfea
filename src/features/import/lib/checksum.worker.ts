/// <reference lib="webworker" />
import { sha256Blob } from '../../../lib/checksum';
import { LineCounter } from '../../../p3dn/import/line-counter';

/**
 * Hashes a dropped file off the main thread, slice by slice, and counts its lines in the same read (the importer's
 * physical-line check: our own count of line feeds, never DuckDB's reader); reports the bytes hashed after each
 * slice.
 */
self.addEventListener('message', (e: MessageEvent<Blob>) => {
  const post = (m: unknown) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
  const lines = new LineCounter();
  sha256Blob(e.data, {
    onBytes: (done) => post({ type: 'bytes', done }),
    onChunk: (bytes) => lines.add(bytes),
  })
    .then((hex) => post({ type: 'done', hex, lines: lines.lines }))
    .catch((err: unknown) =>
      post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
});
