import { ImportError } from '../../../p3dn/import';
import type { FileDigest } from './digest';

type Reply =
  { type: 'bytes'; done: number } | ({ type: 'done' } & FileDigest) | { type: 'error'; message: string };

/**
 * SHA-256 (hex) of a file of any size and its lines with their endings (./digest.ts), computed in a Web Worker
 * from one read of the file, slice by slice: the page's main thread never reads it. Cancel stops the worker at
 * once; `onBytes` gets the bytes hashed so far.
 */
export function fileDigest(
  file: Blob,
  opts: { signal?: AbortSignal; onBytes?: (done: number) => void } = {},
): Promise<FileDigest> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(new ImportError('dibatalkan'));
      return;
    }
    const worker = new Worker(new URL('./checksum.worker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      worker.terminate();
      reject(new ImportError('dibatalkan'));
    };
    opts.signal?.addEventListener('abort', stop, { once: true });
    const end = () => {
      worker.terminate();
      opts.signal?.removeEventListener('abort', stop);
    };
    worker.onmessage = (e: MessageEvent<Reply>) => {
      const m = e.data;
      if (m.type === 'bytes') opts.onBytes?.(m.done);
      else if (m.type === 'done') {
        end();
        resolve({ hex: m.hex, scan: m.scan });
      } else {
        end();
        reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      end();
      reject(new Error(e.message));
    };
    worker.postMessage(file);
  });
}
