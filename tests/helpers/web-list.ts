/**
 * The SIRUP web list (names only, title case, no codes; some spelled with a Pemda suffix, `&`, extra spaces or an
 * abbreviation) and a coded budget sheet from finance (codes, upper case, Indonesian numbers, `;`): 24 agencies,
 * plus one web-list agency the budget sheet calls by another name. Expected figures come from these rows.
 */
import { toCsv } from '../../scripts/sample/csv';
import { mulberry32 as rng } from '../../scripts/sample/prng';
import { serialize } from './csv-bytes';
import { centsText, centsTextId } from './fixtures';

const titleCase = (s: string) => s.toLowerCase().replace(/(^|\s)\S/g, (c) => c.toUpperCase());

export const NAMES = [
  'DINAS PENDIDIKAN DAN KEBUDAYAAN', 'DINAS KESEHATAN', 'DINAS PEKERJAAN UMUM DAN PENATAAN RUANG',
  'DINAS PERUMAHAN DAN KAWASAN PERMUKIMAN', 'SATUAN POLISI PAMONG PRAJA', 'DINAS SOSIAL',
  'DINAS TENAGA KERJA', 'DINAS PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK', 'DINAS PANGAN',
  'DINAS LINGKUNGAN HIDUP', 'DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL', 'DINAS PERHUBUNGAN',
  'DINAS KOMUNIKASI DAN INFORMATIKA', 'DINAS KOPERASI USAHA KECIL DAN MENENGAH', 'DINAS PENANAMAN MODAL',
  'DINAS KEPEMUDAAN DAN OLAHRAGA', 'DINAS PERPUSTAKAAN', 'DINAS PERTANIAN', 'DINAS PARIWISATA',
  'SEKRETARIAT DAERAH', 'SEKRETARIAT DPRD', 'BADAN PERENCANAAN PEMBANGUNAN DAERAH',
  'BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH', 'INSPEKTORAT DAERAH',
]; // prettier-ignore

/** How the web list spells agency i: title case, and for some a Pemda suffix, `&`, extra spaces or an abbreviation. */
function webName(i: number): string {
  const n = NAMES[i]!;
  if (n === 'DINAS KESEHATAN') return 'Dinkes';
  if (n === 'SEKRETARIAT DAERAH') return 'Setda Kabupaten Uji';
  if (i % 5 === 2) return titleCase(n).replace(' Dan ', ' & ');
  if (i % 5 === 3) return `  ${titleCase(n).replaceAll(' ', '  ')} `;
  if (i % 5 === 4) return `${titleCase(n)} Kabupaten Uji`;
  return titleCase(n);
}
export const code = (i: number) =>
  `${1 + Math.floor(i / 10)}.${String(1 + (i % 10)).padStart(2, '0')}.0.00.0.00.01.0000`;

export interface WebPaket {
  agency: number;
  kd: string;
  cents: bigint;
  pdn: boolean;
  ukm: boolean;
}
const rand = rng(101);
export const webPakets: WebPaket[] = [];
for (let i = 0; i < 24 * 15; i++) {
  webPakets.push({
    agency: i % 24,
    kd: String(80_000_000 + i),
    cents: BigInt(Math.floor(rand() * 900_000_000)) * 100n + BigInt(i % 97),
    pdn: rand() < 0.55,
    ukm: rand() < 0.35,
  });
}
/** One agency of the web list that the budget sheet calls by its old name: mapped by the user's alias. */
export const RENAMED = 'Bagian Umum Lama';
export const renamedPakets: WebPaket[] = [0, 1, 2].map((k) => ({
  agency: -1,
  kd: String(81_000_000 + k),
  cents: 12_345_000_00n + BigInt(k),
  pdn: k !== 1,
  ukm: k === 2,
}));
const WEB_HEADERS = ['Kode RUP', 'Nama Paket', 'Total Pagu', 'Satuan Kerja', 'Produk Dalam Negeri', 'Usaha Kecil/Koperasi']; // prettier-ignore
export const webCsv = toCsv(
  WEB_HEADERS,
  [...webPakets, ...renamedPakets].map((p) => ({
    'Kode RUP': p.kd,
    'Nama Paket': `Paket ${p.kd}`,
    'Total Pagu': centsText(p.cents),
    'Satuan Kerja': p.agency < 0 ? RENAMED : webName(p.agency),
    'Produk Dalam Negeri': p.pdn ? 'Ya' : 'Tidak',
    'Usaha Kecil/Koperasi': p.ukm ? 'Ya' : 'Tidak',
  })),
);
export const budget = NAMES.map((_, i) => 40_000_000_000_00n + BigInt(i) * 1_234_567_89n);
const BUDGET_HEADERS = ['kd_satker_str', 'nama_satker', 'belanja_operasi', 'belanja_modal', 'belanja_btt', 'belanja_non_pengadaan', 'belanja_pengadaan', 'total_belanja']; // prettier-ignore
export const budgetBytes = serialize(
  BUDGET_HEADERS,
  NAMES.map((n, i) => ({
    kd_satker_str: code(i),
    nama_satker: n,
    belanja_operasi: centsTextId(budget[i]! - 1_000_000_00n),
    belanja_modal: centsTextId(1_000_000_00n),
    belanja_btt: '0',
    belanja_non_pengadaan: centsTextId(500_000_00n),
    belanja_pengadaan: centsTextId(budget[i]!),
    total_belanja: centsTextId(budget[i]! + 500_000_00n),
  })),
  { delim: ';' },
).bytes;
