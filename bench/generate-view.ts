/**
 * Generated exports for the view-change benchmark (bench/view-bench.ts), written to bench/out/ (git-ignored):
 * `n` SIRUP RUP-PaketPenyedia packages and `n` Toko Daring orders of one fictional Pemda with 60 agencies, two
 * fiscal years, six methods and four kinds of procurement, so that every filter of the view has values to pick;
 * past `FILE_ROWS` rows each kind is split over several files (a user's batch of exports), each under the app's
 * per-file limit. `countPackages` reads the written files back for the figure the dashboard must show.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { csvCell } from '../scripts/sample/csv';
import { PENYEDIA_HEADERS } from '../scripts/sample/layouts';
import { mulberry32 as rng } from '../scripts/sample/prng';
import { centsText } from '../tests/helpers/fixtures';

const out = resolve(import.meta.dirname, 'out');

export const AGENCIES = [...Array(60).keys()].map((k) => ({
  kd: String(3_519_100 + k),
  str: `1.${String(k).padStart(2, '0')}.0.00.0.00.01.0000`,
  nama: `DINAS UJI BEBAN ${k + 1}`,
}));
const METODE = [
  ['8', 'Pengadaan Langsung'],
  ['9', 'E-Purchasing'],
  ['13', 'Tender'],
  ['10', 'Penunjukan Langsung'],
  ['14', 'Seleksi'],
  ['16', 'Dikecualikan'],
] as const;
const JENIS = [
  ['1', 'Barang'],
  ['2', 'Pekerjaan Konstruksi'],
  ['3', 'Jasa Konsultansi'],
  ['4', 'Jasa Lainnya'],
] as const;
const TOKO_HEADERS = [
  'tahun', 'kd_klpd', 'nama_klpd', 'kd_satker', 'nama_satker', 'order_id', 'order_desc', 'valuasi', 'kategori',
  'metode_bayar', 'tanggal_transaksi', 'marketplace', 'merchant_name', 'jenis_transaksi', 'kota_kab', 'provinsi',
  'nama_pemesan', 'status_verif', 'sumber_data', 'status_konfirmasi_ppmse', 'keterangan_ppmse',
]; // prettier-ignore

async function writeCsv(
  path: string,
  headers: readonly string[],
  n: number,
  row: (i: number) => Record<string, string>,
) {
  if (existsSync(path) && statSync(path).size > 0) return path;
  mkdirSync(out, { recursive: true });
  const tmp = `${path}.part`;
  const ws = createWriteStream(tmp);
  const write = (s: string) => new Promise<void>((ok) => (ws.write(s) ? ok() : ws.once('drain', () => ok())));
  await write(headers.join(',') + '\n');
  for (let i = 0; i < n;) {
    const lines: string[] = [];
    for (let j = 0; j < 5000 && i < n; j++, i++) {
      const r = row(i);
      lines.push(headers.map((h) => csvCell(r[h] ?? '')).join(','));
    }
    await write(lines.join('\n') + '\n');
  }
  await new Promise<void>((ok) => ws.end(ok));
  renameSync(tmp, path);
  return path;
}

/** Rows per generated file past one file: ≈ 250 MB, far under the app's 2 GiB per-file limit. */
export const FILE_ROWS = 1_000_000;

export interface ViewData {
  /** The RUP penyedia files, in order; the packages are numbered across them (kd_rup never repeats). */
  rup: string[];
  /** The Toko Daring files, in order; order ids never repeat across them. */
  toko: string[];
}

/**
 * `n` RUP penyedia packages (3 % deleted) and `n` Toko Daring orders (5 % not completed). Up to `fileRows`: one file
 * of each (the files generated before the split, reused). Past it: parts of `fileRows` rows (the last one shorter),
 * part k holding rows k·fileRows… with a seed of its own, so the parts are shared by every size (5M is the first
 * five parts of 10M) and a part is generated once. Returns the paths.
 */
export async function generateViewData(n: number, fileRows = FILE_ROWS): Promise<ViewData> {
  if (n <= fileRows) {
    const rand = rng(n);
    return {
      rup: [await writeCsv(resolve(out, `RUP-PaketPenyedia-${n}.csv`), PENYEDIA_HEADERS, n, ROW_RUP(rand))],
      toko: [
        await writeCsv(resolve(out, `Bela-TokoDaringRealisasi-${n}.csv`), TOKO_HEADERS, n, ROW_TOKO(rand)),
      ],
    };
  }
  const files: ViewData = { rup: [], toko: [] };
  for (let k = 0; k * fileRows < n; k++) {
    const first = k * fileRows;
    const count = Math.min(fileRows, n - first);
    const name = (base: string) =>
      resolve(out, `${base}-part${fileRows}-${k + 1}${count < fileRows ? `-${count}rows` : ''}.csv`);
    const rupRow = ROW_RUP(rng(7919 * (k + 1) + fileRows));
    const tokoRow = ROW_TOKO(rng(104_729 * (k + 1) + fileRows));
    files.rup.push(
      await writeCsv(name('RUP-PaketPenyedia'), PENYEDIA_HEADERS, count, (j) => rupRow(first + j)),
    );
    files.toko.push(
      await writeCsv(name('Bela-TokoDaringRealisasi'), TOKO_HEADERS, count, (j) => tokoRow(first + j)),
    );
  }
  return files;
}

const ROW_RUP =
  (rand: () => number) =>
  (i: number): Record<string, string> => {
    const a = AGENCIES[i % AGENCIES.length]!;
    const m = METODE[Math.floor(rand() * METODE.length)]!;
    const j = JENIS[Math.floor(rand() * JENIS.length)]!;
    const r = rand();
    return {
      tahun_anggaran: rand() < 0.2 ? '2024' : '2025',
      kd_klpd: 'D999',
      nama_klpd: 'Kabupaten Uji Beban (fiktif)',
      jenis_klpd: 'Kabupaten',
      kd_satker: a.kd,
      kd_satker_str: a.str,
      nama_satker: a.nama,
      kd_rup: String(40_000_000 + i),
      nama_paket: `Paket uji ${i}`,
      pagu: centsText(BigInt(Math.floor(rand() * 5e10))),
      kd_metode_pengadaan: m[0],
      metode_pengadaan: m[1],
      kd_jenis_pengadaan: j[0],
      jenis_pengadaan: j[1],
      status_pdn: r < 0.6 ? 'PDN' : 'Non-PDN',
      status_ukm: rand() < 0.35 ? 'UKM' : 'Non-UKM',
      status_aktif_rup: 'true',
      status_delete_rup: r > 0.97 ? 'true' : 'false',
      status_umumkan_rup: 'Terumumkan',
      tgl_buat_paket: '2025-01-04 22:31:51',
    };
  };

const ROW_TOKO =
  (rand: () => number) =>
  (i: number): Record<string, string> => {
    const a = AGENCIES[(i * 7) % AGENCIES.length]!;
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
    const year = rand() < 0.2 ? '2024' : '2025';
    return {
      tahun: year,
      kd_klpd: 'D999',
      nama_klpd: 'Kabupaten Uji Beban (fiktif)',
      kd_satker: a.kd,
      nama_satker: a.nama,
      order_id: `BELA-UJI-${i}`,
      order_desc: 'Pembelian Alat Tulis Kantor',
      valuasi: String(100_000 + Math.floor(rand() * 50_000_000)),
      kategori: 'Perlengkapan Kantor',
      metode_bayar: 'Virtual Account',
      tanggal_transaksi: `${year}-${month}-${day} 10:20:51`,
      marketplace: 'Pasar Daring A',
      merchant_name: 'Koperasi Uji',
      jenis_transaksi: 'PL',
      kota_kab: 'Kab. Uji',
      provinsi: 'Provinsi Uji',
      nama_pemesan: 'Bambang',
      status_verif: 'verified',
      sumber_data: 'Bela Pengadaan',
      status_konfirmasi_ppmse: rand() < 0.95 ? 'selesai' : 'gagal',
    };
  };

/** The CSV fields of one line (the generated files quote with `"` and double it inside; no line breaks in fields). */
function fields(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/**
 * Read back from the files themselves (not from the generator): the data lines of each file, and the packages the
 * dashboard counts — RUP penyedia lines that are announced, active and not deleted, each kd_rup once.
 */
export async function countPackages(paths: readonly string[]): Promise<{ lines: number[]; counted: number }> {
  const lines: number[] = [];
  let counted = 0;
  // kd_rup seen among the counted lines: a bit per code below 2^28, a set above (a repeated code counts once).
  const bits = new Uint8Array(2 ** 25);
  const big = new Set<string>();
  const firstTime = (kd: string) => {
    const k = Number(kd);
    if (!/^\d+$/.test(kd) || k >= 2 ** 28) return big.has(kd) ? false : (big.add(kd), true);
    const seen = bits[k >> 3]! & (1 << (k & 7));
    bits[k >> 3]! |= 1 << (k & 7);
    return !seen;
  };
  for (const path of paths) {
    const rl = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
    let head: string[] | null = null;
    let n = 0;
    let at = { del: -1, aktif: -1, umumkan: -1, kd: -1 };
    for await (const line of rl) {
      if (head === null) {
        head = fields(line);
        at = {
          del: head.indexOf('status_delete_rup'),
          aktif: head.indexOf('status_aktif_rup'),
          umumkan: head.indexOf('status_umumkan_rup'),
          kd: head.indexOf('kd_rup'),
        };
        if (Object.values(at).some((v) => v < 0)) throw new Error(`${path}: not a RUP penyedia export`);
        continue;
      }
      if (line === '') continue;
      n++;
      const f = fields(line);
      const counts = f[at.del] === 'false' && f[at.aktif] === 'true' && f[at.umumkan] === 'Terumumkan';
      if (counts && firstTime(f[at.kd] ?? '')) counted++;
    }
    lines.push(n);
  }
  return { lines, counted };
}
