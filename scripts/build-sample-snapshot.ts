/**
 * The bundled sample as a snapshot (src/p3dn/persist/snapshot.ts), so the app loads it at start with one typed read
 * per table instead of importing its eleven CSV files. Run by `npm run build` before `vite build`, from the CSVs in
 * sample-data/ on the same DuckDB-wasm build the browser runs (NodeEngine), the same way the app imports them
 * (`loadSample` in src/features/import/api/import-files.ts: the same pipeline, `importFile`, with the same files in
 * the same order and the same options).
 * Writes public/sample-snapshot/ (git-ignored; Vite copies it into dist/). The app falls back to importing the
 * CSVs when the snapshot is missing or was made with another schema.
 */
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { coreHash } from '../build/core-hash';
import { NodeEngine } from '../src/engine/node-engine';
import { finishImports, importFile } from '../src/p3dn/import';
import { MANIFEST_NAME, saveSnapshot, schemaFingerprint } from '../src/p3dn/persist/snapshot';
import { createSchema } from '../src/p3dn/schema';

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
  const schema = await schemaFingerprint(engine);
  const loaded = [];
  for (const name of SAMPLE_ORDER) {
    const data = new Uint8Array(readFileSync(join(ROOT, 'sample-data', name)));
    loaded.push(
      await importFile(engine, {
        data,
        displayName: name,
        isSample: true,
        replace: 'same_kind',
        refresh: false,
      }),
    );
  }
  // The register (and the cubes) rebuilt once for the whole sample, as `loadSample` does.
  await finishImports(engine, loaded);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const manifest = {
    ...(await saveSnapshot(engine, {
      schema,
      // A fixed date: the sample is not "saved" at any moment a user would care about.
      now: new Date('2025-01-01T00:00:00Z'),
      write: async (file, bytes, append) =>
        append ? appendFileSync(join(OUT, file), bytes) : writeFileSync(join(OUT, file), bytes),
    })),
    // The register and cubes made by this core from these rows with no aliases, just now: the app need not match
    // the agencies again at start.
    derivation: coreHash(),
  };
  if (manifest.source !== 'sample')
    throw new Error('the sample snapshot holds files not marked as the sample');
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
