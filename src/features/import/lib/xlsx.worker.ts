/// <reference lib="webworker" />
import { readSheet } from 'read-excel-file/web-worker';
import { sheetToCsv } from '../../../p3dn/import';

/** Reads the first sheet of an .xlsx off the main thread and answers with CSV bytes (numbers kept as text). */
self.addEventListener('message', (e: MessageEvent<Blob>) => {
  readSheet(e.data, { parseNumber: (s: string) => s })
    .then((rows) => {
      const bytes = new TextEncoder().encode(sheetToCsv(rows));
      (self as unknown as DedicatedWorkerGlobalScope).postMessage({ ok: true, bytes }, [bytes.buffer]);
    })
    .catch((err: unknown) => {
      (self as unknown as DedicatedWorkerGlobalScope).postMessage({
        ok: false,
        message: err instanceof Error ? err.message : String(err),
      });
    });
});
