/**
 * Two Pemda in one dataset whose agencies have the same names and the same Permendagri codes (a province's
 * kab/kota): RUP penyedia and StrukturAnggaranPD of both in one file each, and Toko Daring orders spelled by name
 * only. The expected figures (BigInt cents) come from these rows, never from the code under test.
 */
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS, STRUKTUR_HEADERS } from '../../scripts/sample/layouts';
import { mulberry32 as rng } from '../../scripts/sample/prng';
import { centsText, penyediaRow, type Agency } from './fixtures';

const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);

export interface Pemda {
  kd: string;
  nama: string;
}
export const P1: Pemda = { kd: 'D101', nama: 'Pemerintah Kabupaten Alpha' };
export const P2: Pemda = { kd: 'D202', nama: 'Pemerintah Kota Beta' };
export const SAME = [
  { str: '1.02.0.00.0.00.01.0000', nama: 'DINAS KESEHATAN' },
  { str: '1.01.0.00.0.00.01.0000', nama: 'DINAS PENDIDIKAN' },
  { str: '4.01.0.00.0.00.01.0000', nama: 'SEKRETARIAT DAERAH' },
];
export const PA = SAME.map((a, i): Agency & { pemda: Pemda } => ({
  ...a,
  kd: String(610_000 + i),
  pemda: P1,
}));
export const PB = SAME.map((a, i): Agency & { pemda: Pemda } => ({
  ...a,
  kd: String(620_000 + i),
  pemda: P2,
}));
export const ALL = [...PA, ...PB];
const rand2 = rng(202);
const pk = ALL.flatMap((a, j) =>
  Array.from({ length: 40 }, (_, i) => ({
    agency: a,
    kdRup: String(90_000_000 + j * 100 + i),
    cents: BigInt(Math.floor(rand2() * 500_000_000)) * 100n + BigInt(i),
    pdn: rand2() < (a.pemda === P1 ? 0.7 : 0.3),
    ukm: rand2() < 0.4,
  })),
);
const den2 = new Map(ALL.map((a, j) => [a, 15_000_000_000_00n + BigInt(j) * 3_000_000_000_00n]));
const klpd = (a: { pemda: Pemda }) => ({ kd_klpd: a.pemda.kd, nama_klpd: a.pemda.nama });
export const rupCsv = toCsv(
  PENYEDIA_HEADERS,
  pk.map((p) => ({ ...penyediaRow(p), ...klpd(p.agency) })),
);
export const strukturCsv = toCsv(
  STRUKTUR_HEADERS,
  ALL.map((a) => ({
    tahun_anggaran: '2025',
    ...klpd(a),
    kd_satker: a.kd,
    kd_satker_str: a.str,
    nama_satker: a.nama,
    belanja_operasi: centsText(den2.get(a)!),
    belanja_modal: '0',
    belanja_btt: '0',
    belanja_non_pengadaan: '0',
    belanja_pengadaan: centsText(den2.get(a)!),
    total_belanja: centsText(den2.get(a)!),
  })),
);
// Toko Daring orders spelled by name only (no satker id, no code), each Pemda's "Dinas Kesehatan".
const TD_HEADERS = ['tahun', 'kd_klpd', 'nama_klpd', 'kd_satker', 'nama_satker', 'order_id', 'order_desc', 'valuasi', 'kategori', 'metode_bayar', 'tanggal_transaksi', 'marketplace', 'merchant_name', 'jenis_transaksi', 'kota_kab', 'provinsi', 'nama_pemesan', 'status_verif', 'sumber_data', 'status_konfirmasi_ppmse', 'keterangan_ppmse']; // prettier-ignore
const orders = [PA[0]!, PB[0]!, PA[0]!, PB[0]!, PB[0]!].map((a, i) => ({ a, id: `TD-${i}`, cents: 25_000_000_00n + BigInt(i) * 1_111_11n })); // prettier-ignore
export const tdCsv = toCsv(
  TD_HEADERS,
  orders.map((o) => ({
    tahun: '2025',
    kd_klpd: o.a.pemda.kd,
    nama_klpd: o.a.pemda.nama,
    kd_satker: '',
    nama_satker: 'Dinas Kesehatan',
    order_id: o.id,
    order_desc: 'ATK',
    valuasi: centsText(o.cents),
    kategori: 'ATK',
    metode_bayar: 'transfer',
    tanggal_transaksi: '2025-03-04',
    marketplace: 'X',
    merchant_name: 'Toko',
    jenis_transaksi: 'PDN',
    kota_kab: '',
    provinsi: '',
    nama_pemesan: 'A',
    status_verif: 'verified',
    sumber_data: 'x',
    status_konfirmasi_ppmse: 'selesai',
    keterangan_ppmse: '',
  })),
);

/** The figures of one agency: PDN and UMK-K komitmen, belanja_pengadaan, Toko Daring realisasi (cents). */
export function exp(a: (typeof ALL)[number]) {
  const mine = pk.filter((p) => p.agency === a);
  return {
    pdn: sum(mine.filter((p) => p.pdn).map((p) => p.cents)),
    umk: sum(mine.filter((p) => p.ukm).map((p) => p.cents)),
    den: den2.get(a)!,
    real: sum(orders.filter((o) => o.a === a).map((o) => o.cents)),
  };
}
