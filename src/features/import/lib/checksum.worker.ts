/// <reference lib="webworker" />
import { digestFile } from './digest';

/**
 * Hashes a dropped file off the main thread and counts its lines in the same read (./digest.ts); reports the bytes
 * read after each slice.
 */
self.addEventListener('message', (e: MessageEvent<Blob>) => {
  const post = (m: unknown) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
  digestFile(e.data, { onBytes: (done) => post({ type: 'bytes', done }) })
    .then((d) => post({ type: 'done', ...d }))
    .catch((err: unknown) =>
      post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
});
