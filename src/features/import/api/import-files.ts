import penyediaUrl from '../../../../sample-data/RUP-PaketPenyedia-Terumumkan.csv?url';
import swakelolaUrl from '../../../../sample-data/RUP-PaketSwakelola-Terumumkan.csv?url';
import strukturUrl from '../../../../sample-data/RUP-StrukturAnggaranPD.csv?url';
import tokoDaringUrl from '../../../../sample-data/Bela-TokoDaringRealisasi.csv?url';
import ecatV6Url from '../../../../sample-data/Ecat-PaketEPurchasing-V6.csv?url';
import ecatV5Url from '../../../../sample-data/Ecat-PaketEPurchasing.csv?url';
import ekontrakUrl from '../../../../sample-data/SPSE-NonTenderEkontrak-Kontrak.csv?url';
import nonTenderUrl from '../../../../sample-data/SPSE-NonTenderSelesai.csv?url';
import pctNonTenderUrl from '../../../../sample-data/SPSE-PencatatanNonTender.csv?url';
import pctSwakelolaUrl from '../../../../sample-data/SPSE-PencatatanSwakelola.csv?url';
import tenderUrl from '../../../../sample-data/SPSE-TenderSelesaiNilai.csv?url';
import { getEngine } from '../../../lib/engine';
import { ImportError, importCsv, type ImportResult } from '../../../p3dn/importer';
import { loadRealisasiCsv, pruneRealisasi } from '../../../p3dn/realisasi-loader';
import { HEAD_BYTES } from '../../../p3dn/sniff';
import { useDatasetStore } from '../../../stores/dataset-store';

export const SAMPLE_FILES = [
  { name: 'RUP-PaketPenyedia-Terumumkan.csv', url: penyediaUrl },
  { name: 'RUP-PaketSwakelola-Terumumkan.csv', url: swakelolaUrl },
  { name: 'RUP-StrukturAnggaranPD.csv', url: strukturUrl },
];

/** Transaction exports of the same fictional Pemda (realisasi), loaded through the realisasi loader. */
export const SAMPLE_REALISASI_FILES = [
  { name: 'SPSE-TenderSelesaiNilai.csv', url: tenderUrl },
  { name: 'SPSE-NonTenderSelesai.csv', url: nonTenderUrl },
  { name: 'SPSE-PencatatanNonTender.csv', url: pctNonTenderUrl },
  { name: 'SPSE-PencatatanSwakelola.csv', url: pctSwakelolaUrl },
  { name: 'SPSE-NonTenderEkontrak-Kontrak.csv', url: ekontrakUrl },
  { name: 'Ecat-PaketEPurchasing.csv', url: ecatV5Url },
  { name: 'Ecat-PaketEPurchasing-V6.csv', url: ecatV6Url },
  { name: 'Bela-TokoDaringRealisasi.csv', url: tokoDaringUrl },
];

let fileSeq = 0;

/** SHA-256 of a file's bytes, hex; null where WebCrypto is unavailable (a page not served securely). */
async function sha256(data: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(d, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** Record the checksum of an imported file, dropping those of files no longer loaded. */
async function saveChecksum(fileId: number, checksum: string | null): Promise<void> {
  const engine = await getEngine();
  await engine.query(
    'DELETE FROM source_checksum WHERE file_id = ? OR file_id NOT IN (SELECT file_id FROM source_file)',
    [fileId],
  );
  if (checksum !== null) await engine.query('INSERT INTO source_checksum VALUES (?, ?)', [fileId, checksum]);
}

function noticeFromResult(r: ImportResult) {
  return {
    type: 'result' as const,
    name: r.name,
    kind: r.kind,
    confidence: r.confidence,
    read: r.counts.read,
    loaded: r.counts.loaded,
    excluded: r.counts.excluded,
    rejected: r.counts.rejected,
    excludedByRule: r.counts.excludedByRule,
    rejectedByReason: r.counts.rejectedByReason,
    replaced: r.replaced.length,
  };
}

/** The bundled fictional Pemda, loaded at start (served from the app's own origin). */
export async function loadSample(): Promise<void> {
  const engine = await getEngine();
  for (const f of SAMPLE_FILES) {
    const bytes = new Uint8Array(await (await fetch(f.url)).arrayBuffer());
    const engineFileName = `sample_${++fileSeq}.csv`;
    // Copy the head first: registering hands the buffer to the worker, which detaches it here.
    const head = bytes.slice(0, HEAD_BYTES);
    const sizeBytes = bytes.length;
    const checksum = await sha256(bytes);
    await engine.registerFile(engineFileName, bytes);
    try {
      const result = await importCsv(engine, {
        engineFileName,
        displayName: f.name,
        sizeBytes,
        head,
        isSample: true,
        replace: 'same_kind',
      });
      await saveChecksum(result.fileId, checksum);
    } finally {
      await engine.dropFile(engineFileName);
    }
  }
  for (const f of SAMPLE_REALISASI_FILES) {
    const bytes = new Uint8Array(await (await fetch(f.url)).arrayBuffer());
    const engineFileName = `sample_${++fileSeq}.csv`;
    const head = bytes.slice(0, HEAD_BYTES);
    const sizeBytes = bytes.length;
    await engine.registerFile(engineFileName, bytes);
    try {
      await loadRealisasiCsv(engine, {
        engineFileName,
        displayName: f.name,
        sizeBytes,
        head,
        isSample: true,
      });
    } finally {
      await engine.dropFile(engineFileName);
    }
  }
  useDatasetStore.getState().dataChanged('sample');
}

/**
 * Import the user's files one by one. The first file that loads replaces the sample; later files replace an
 * earlier file of the same kind. A file that fails leaves everything loaded as it was, with a message.
 */
export async function importUserFiles(files: readonly File[]): Promise<void> {
  const engine = await getEngine();
  const store = useDatasetStore.getState();
  for (const file of files) {
    store.setBusy(file.name);
    const engineFileName = `upload_${++fileSeq}.csv`;
    try {
      const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
      const checksum = await sha256(await file.arrayBuffer());
      await engine.registerFile(engineFileName, file);
      const result = await importCsv(engine, {
        engineFileName,
        displayName: file.name,
        sizeBytes: file.size,
        head,
        isSample: false,
        replace: useDatasetStore.getState().source === 'sample' ? 'all' : 'same_kind',
      });
      await saveChecksum(result.fileId, checksum);
      // Transactions of replaced files go; the others are matched again to the new SIRUP agencies.
      await pruneRealisasi(engine);
      store.addNotice(noticeFromResult(result));
      useDatasetStore.getState().dataChanged('own');
    } catch (e) {
      const err = e instanceof ImportError ? e : new ImportError('gagal_baca', String(e));
      store.addNotice({
        type: 'error',
        name: file.name,
        code: err.code,
        ...(err.detail !== undefined ? { detail: err.detail } : {}),
      });
    } finally {
      await engine.dropFile(engineFileName).catch(() => undefined);
    }
  }
  store.setBusy(null);
}
