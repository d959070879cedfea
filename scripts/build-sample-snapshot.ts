/**
 * The bundled sample as a snapshot (src/p3dn/persist/snapshot.ts), so the app loads it at start with one typed read
 * per table instead of importing its eleven CSV files. Run by `npm run build` before `vite build`, from the CSVs in
 * sample-data/ on the same DuckDB-wasm build the browser runs (NodeEngine), the same way the app imports them
 * (`loadSample` in src/features/import/api/import-files.ts: same files, same order, same options, checksums).
 * Writes public/sample-snapshot/ (git-ignored; Vite copies it into dist/). The app falls back to importing the
 * CSVs when the snapshot is missing or was made with another schema.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sha256Blob } from '../src/lib/checksum';
import { NodeEngine } from '../src/lib/engine/node-engine';
import { createSchema, importCsv } from '../src/p3dn/importer';
import { MANIFEST_NAME, saveSnapshot, schemaFingerprint } from '../src/p3dn/persist/snapshot';
import { createRealisasiSchema, pruneRealisasi } from '../src/p3dn/realisasi-views';
import { HEAD_BYTES, countLines } from '../src/p3dn/sniff';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'public/sample-snapshot');

/** The order of SAMPLE_FILES then SAMPLE_REALISASI_FILES in src/features/import/api/import-files.ts. */
export const SAMPLE_ORDER = [
  'RUP-PaketPenyedia-Terumumkan.csv',
  'RUP-PaketSwakelola-Terumumkan.csv',
  'RUP-StrukturAnggaranPD.csv',
  'SPSE-TenderSelesaiNilai.csv',
  'SPSE-NonTenderSelesai.csv',
  'SPSE-PencatatanNonTender.csv',
  'SPSE-PencatatanSwakelola.csv',
  'SPSE-NonTenderEkontrak-Kontrak.csv',
  'Ecat-PaketEPurchasing.csv',
  'Ecat-PaketEPurchasing-V6.csv',
  'Bela-TokoDaringRealisasi.csv',
];

async function main() {
  const t0 = performance.now();
  const engine = await NodeEngine.create();
  await createSchema(engine);
  await createRealisasiSchema(engine);
  const schema = await schemaFingerprint(engine);
  for (const [i, name] of SAMPLE_ORDER.entries()) {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'sample-data', name)));
    const engineFileName = `sample_${i + 1}.csv`;
    const checksum = await sha256Blob(new Blob([bytes]));
    await engine.registerFile(engineFileName, bytes);
    const result = await importCsv(engine, {
      engineFileName,
      displayName: name,
      sizeBytes: bytes.length,
      head: bytes.slice(0, HEAD_BYTES),
      isSample: true,
      replace: 'same_kind',
      lines: Promise.resolve(countLines(bytes)),
    });
    await engine.query(
      'DELETE FROM source_checksum WHERE file_id = ? OR file_id NOT IN (SELECT file_id FROM source_file)',
      [result.fileId],
    );
    await engine.query('INSERT INTO source_checksum VALUES (?, ?)', [result.fileId, checksum]);
    await engine.dropFile(engineFileName);
  }
  await pruneRealisasi(engine);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const manifest = await saveSnapshot(engine, {
    schema,
    source: 'sample',
    // A fixed date: the sample is not "saved" at any moment a user would care about.
    now: new Date('2025-01-01T00:00:00Z'),
    write: async (file, bytes) => writeFileSync(join(OUT, file), bytes),
  });
  writeFileSync(join(OUT, MANIFEST_NAME), JSON.stringify(manifest, null, 1));
  engine.close();
  const kb = manifest.tables.reduce((s, t) => s + t.bytes, 0) / 1024;
  console.log(
    `sample snapshot: ${manifest.tables.length} tables, ${kb.toFixed(0)} KB, in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
