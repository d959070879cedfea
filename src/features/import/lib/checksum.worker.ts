/// <reference lib="webworker" />
import { sha256Blob } from '../../../lib/checksum';

/** Hashes a dropped file off the main thread, slice by slice; reports the bytes hashed after each slice. */
self.addEventListener('message', (e: MessageEvent<Blob>) => {
  const post = (m: unknown) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
  sha256Blob(e.data, { onBytes: (done) => post({ type: 'bytes', done }) })
    .then((hex) => post({ type: 'done', hex }))
    .catch((err: unknown) =>
      post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
});
