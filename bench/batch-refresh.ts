/**
 * The 11-file sample loaded as one batch on the DuckDB-wasm build in Node (blocking engine), the agency register
 * rebuilt after each file (`per-file`, as before) or once at the end of the batch (`batch`: `refresh: false` then
 * `finishImports`), alternating so that both see the same machine load. Not a test.
 * Usage: `tsx bench/batch-refresh.ts [runs]`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NodeEngine } from '../src/engine/node-engine';
import { finishImports, importFile, type ImportedFile } from '../src/p3dn/import';
import { createSchema } from '../src/p3dn/schema';

const SAMPLE = resolve(import.meta.dirname, '../sample-data');
const FILES = [
  'RUP-PaketPenyedia-Terumumkan.csv', 'RUP-PaketSwakelola-Terumumkan.csv', 'RUP-StrukturAnggaranPD.csv',
  'SPSE-TenderSelesaiNilai.csv', 'SPSE-NonTenderSelesai.csv', 'SPSE-PencatatanNonTender.csv',
  'SPSE-PencatatanSwakelola.csv', 'SPSE-NonTenderEkontrak-Kontrak.csv', 'Ecat-PaketEPurchasing.csv',
  'Ecat-PaketEPurchasing-V6.csv', 'Bela-TokoDaringRealisasi.csv',
]; // prettier-ignore
const runs = Number(process.argv[2] ?? 5);
const bytes = FILES.map((f) => new Uint8Array(readFileSync(resolve(SAMPLE, f))));

async function once(mode: 'per-file' | 'batch'): Promise<number> {
  const engine = await NodeEngine.create();
  await createSchema(engine);
  const t0 = performance.now();
  const loaded: ImportedFile[] = [];
  for (const [i, f] of FILES.entries()) {
    loaded.push(
      await importFile(engine, {
        data: bytes[i]!.slice(),
        displayName: f,
        isSample: false,
        replace: 'none',
        refresh: mode === 'per-file',
      }),
    );
  }
  if (mode === 'batch') await finishImports(engine, loaded);
  const ms = performance.now() - t0;
  engine.close();
  return ms;
}

async function main() {
  const times: Record<string, number[]> = { 'per-file': [], batch: [] };
  for (let r = 0; r < runs; r++) {
    for (const mode of r % 2 ? (['batch', 'per-file'] as const) : (['per-file', 'batch'] as const)) {
      times[mode]!.push(await once(mode));
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log('mode\truns_ms\tmedian_ms');
  for (const [mode, xs] of Object.entries(times)) {
    console.log(`${mode}\t${xs.map((x) => x.toFixed(0)).join(' ')}\t${median(xs).toFixed(0)}`);
  }
}

void main();
