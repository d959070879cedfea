/** Generated SIRUP RUP-PaketPenyedia exports of a given size for the import benchmarks (bench/out/, git-ignored). */
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { csvRecord } from '../scripts/sample/csv';
import { PENYEDIA_HEADERS } from '../scripts/sample/layouts';
import { mulberry32 } from '../scripts/sample/prng';
import { penyediaRow } from '../tests/helpers/fixtures';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'bench/out');

/** An export of at least `mb` MB (whole blocks of 5 000 packages). */
export function generate(mb: number): Promise<string> {
  return write(resolve(out, `RUP-PaketPenyedia-${mb}MB.csv`), mb, { mb });
}

/** An export of exactly `rows` packages (the same generator: ≈ 333 MB per million). */
export function generateRows(rows: number): Promise<string> {
  return write(resolve(out, `RUP-PaketPenyedia-${rows}rows.csv`), rows, { rows });
}

async function write(path: string, seed: number, size: { mb: number } | { rows: number }): Promise<string> {
  const target = 'mb' in size ? size.mb * 1024 * 1024 : Infinity;
  const rows = 'rows' in size ? size.rows : Infinity;
  if (existsSync(path) && (target === Infinity || statSync(path).size >= target)) return path;
  mkdirSync(out, { recursive: true });
  // Written aside and renamed when complete: an interrupted run never leaves a short file that is reused.
  const ws = createWriteStream(`${path}.part`);
  const rand = mulberry32(seed);
  let bytes = 0;
  let i = 0;
  const put = (s: string) => new Promise<void>((ok) => (ws.write(s) ? ok() : ws.once('drain', () => ok())));
  await put(PENYEDIA_HEADERS.join(',') + '\n');
  const agencies = [...Array(40).keys()].map((k) => ({
    kd: String(60000 + k),
    str: `1.${k}.0.00.0.00.01.0000`,
    nama: `DINAS NOMOR ${k}`,
  }));
  while (bytes < target && i < rows) {
    const lines: string[] = [];
    for (let j = 0; j < 5000 && i < rows; j++, i++) {
      const r = rand();
      const row = penyediaRow({
        agency: agencies[i % agencies.length]!,
        kdRup: String(10_000_000 + i),
        cents: BigInt(Math.floor(rand() * 5e10)),
        pdn: r < 0.6,
        ukm: r < 0.3,
        deleted: r > 0.97,
      });
      lines.push(csvRecord(PENYEDIA_HEADERS, row));
    }
    const chunk = lines.join('\n') + '\n';
    bytes += Buffer.byteLength(chunk);
    await put(chunk);
  }
  await new Promise<void>((ok) => ws.end(ok));
  renameSync(`${path}.part`, path);
  return path;
}
