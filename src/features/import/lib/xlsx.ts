import { ImportError } from '../../../p3dn/import';

type Reply = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/** An .xlsx file as CSV bytes, converted in a Web Worker so the page stays responsive; cancel stops the worker. */
export function xlsxFileToCsv(file: Blob, signal?: AbortSignal): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new ImportError('dibatalkan'));
      return;
    }
    const worker = new Worker(new URL('./xlsx.worker.ts', import.meta.url), { type: 'module' });
    signal?.addEventListener(
      'abort',
      () => {
        worker.terminate();
        reject(new ImportError('dibatalkan'));
      },
      { once: true },
    );
    worker.onmessage = (e: MessageEvent<Reply>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.bytes);
      else reject(new ImportError('excel_tidak_terbaca', e.data.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new ImportError('excel_tidak_terbaca', e.message));
    };
    worker.postMessage(file);
  });
}
