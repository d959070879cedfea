import { ImportError } from '../../../p3dn/import';

type Reply =
  { type: 'bytes'; done: number } | { type: 'done'; hex: string } | { type: 'error'; message: string };

/**
 * SHA-256 (hex) of a file of any size, computed in a Web Worker (src/lib/checksum.ts, slice by slice). Cancel
 * stops the worker at once; `onBytes` gets the bytes hashed so far.
 */
export function fileSha256(
  file: Blob,
  opts: { signal?: AbortSignal; onBytes?: (done: number) => void } = {},
): Promise<string> {
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
        resolve(m.hex);
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
