/** Generated SIRUP RUP-PaketPenyedia exports of a given size for the import benchmarks (bench/out/, git-ignored). */
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { csvRecord } from '../scripts/sample/csv';
import { PENYEDIA_HEADERS } from '../scripts/sample/layouts';
import { mulberry32 } from '../scripts/sample/prng';
import { penyediaRow } from '../tests/helpers/fixtures';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'bench/out');

export async function generate(mb: number): Promise<string> {
  const path = resolve(out, `RUP-PaketPenyedia-${mb}MB.csv`);
  if (existsSync(path) && statSync(path).size >= mb * 1024 * 1024) return path;
  mkdirSync(out, { recursive: true });
  const ws = createWriteStream(path);
  const rand = mulberry32(mb);
  const target = mb * 1024 * 1024;
  let size = 0;
  let i = 0;
  const write = (s: string) => new Promise<void>((ok) => (ws.write(s) ? ok() : ws.once('drain', () => ok())));
  await write(PENYEDIA_HEADERS.join(',') + '\n');
  const agencies = [...Array(40).keys()].map((k) => ({
    kd: String(60000 + k),
    str: `1.${k}.0.00.0.00.01.0000`,
    nama: `DINAS NOMOR ${k}`,
  }));
  while (size < target) {
    const lines: string[] = [];
    for (let j = 0; j < 5000; j++, i++) {
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
    size += Buffer.byteLength(chunk);
    await write(chunk);
  }
  await new Promise<void>((ok) => ws.end(ok));
  return path;
}
