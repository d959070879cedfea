/**
 * Messy export fixtures for every realisasi kind, written from the domain reference (columns, statuses, quirks).
 * Each generated row carries the fate the domain rules give it, decided here and never by the code under test.
 * Headers come from the one declaration of each export's layout (scripts/sample/layouts.ts); most fixtures keep a
 * subset of the real columns, in the export's order.
 */
import {
  EKATALOG_V6_HEADERS,
  omit,
  pick,
  SPSE_NONTENDER_HEADERS,
  SPSE_PENCATATAN_NONTENDER_HEADERS,
  SPSE_PENCATATAN_SWAKELOLA_HEADERS,
  SPSE_TENDER_HEADERS,
  TOKO_DARING_HEADERS,
} from '../../scripts/sample/layouts';
import { mulberry32 } from '../../scripts/sample/prng';
import { money, type MoneyStyle } from './csv-bytes';

/** What the domain rules do with a row: load it, exclude it by a named rule, or reject it with a reason. */
export type Fate =
  { t: 'loaded' } | { t: 'excluded'; rule: string } | { t: 'rejected'; reason: string; column: string };

export interface FixtureRow {
  cells: Record<string, string>;
  fate: Fate;
  cents: bigint;
  pdn: bigint | null;
}

const AGENCIES = [
  { kd: '63421', str: '1.01.2.22.0.00.01.0000', nama: 'DINAS PENDIDIKAN' },
  { kd: '63422', str: '1.02.0.00.0.00.01.0000', nama: 'Dinas Kesehatan' },
  { kd: '63423', str: '4.01.0.00.0.00.01.0000', nama: 'SEKRETARIAT DAERAH' },
];

interface Status {
  cells: Record<string, string>;
  excluded: string | null;
  weight: number;
}

export interface RealisasiFixtureSpec {
  kind: string;
  headers: string[];
  idColumn: string;
  valueColumn: string;
  pdnColumn?: string;
  umkColumn?: string;
  dateColumn?: string;
  statuses: Status[];
  /** Rule for repeated ids (counted once), if the kind has one. */
  dedupCode?: string;
  row: (i: number, id: string, agency: (typeof AGENCIES)[number]) => Record<string, string>;
}

const ident = (a: (typeof AGENCIES)[number]) => ({
  tahun_anggaran: '2025',
  kd_klpd: 'D999',
  nama_klpd: 'Kab. Uji',
  kd_satker: a.kd,
  kd_satker_str: a.str,
  nama_satker: a.nama,
});

export const REALISASI_FIXTURES: RealisasiFixtureSpec[] = [
  {
    kind: 'spse_tender',
    headers: pick(SPSE_TENDER_HEADERS, [
      'tahun_anggaran', 'kd_klpd', 'nama_klpd', 'kd_satker', 'kd_satker_str', 'nama_satker', 'kd_tender',
      'kd_rup_paket', 'nama_paket', 'pagu', 'hps', 'nilai_kontrak', 'nilai_pdn_kontrak', 'nilai_umk_kontrak',
      'nama_penyedia', 'tgl_penetapan_pemenang',
    ]), // prettier-ignore
    idColumn: 'kd_tender',
    valueColumn: 'nilai_kontrak',
    pdnColumn: 'nilai_pdn_kontrak',
    umkColumn: 'nilai_umk_kontrak',
    dateColumn: 'tgl_penetapan_pemenang',
    statuses: [{ cells: {}, excluded: null, weight: 1 }],
    dedupCode: 'duplikat',
    row: (i, id, a) => ({
      ...ident(a),
      kd_tender: id,
      kd_rup_paket: String(40_000_000 + i),
      nama_paket: `Pembangunan gedung ${i}\nTahap ${i % 3}`,
      nama_penyedia: 'CV Maju',
      tgl_penetapan_pemenang: ['2024-08-19T00:00:00.000000Z', '12 Agu 2024', '19/08/2024'][i % 3]!,
    }),
  },
  {
    kind: 'spse_nontender',
    headers: pick(SPSE_NONTENDER_HEADERS, [
      'tahun_anggaran', 'kd_klpd', 'kd_satker', 'kd_satker_str', 'nama_satker', 'kd_nontender', 'kd_rup',
      'nama_paket', 'pagu', 'hps', 'nilai_kontrak', 'nilai_pdn_kontrak', 'nilai_umk_kontrak', 'status_nontender',
    ]), // prettier-ignore
    idColumn: 'kd_nontender',
    valueColumn: 'nilai_kontrak',
    pdnColumn: 'nilai_pdn_kontrak',
    umkColumn: 'nilai_umk_kontrak',
    statuses: [
      { cells: { status_nontender: 'Selesai' }, excluded: null, weight: 6 },
      { cells: { status_nontender: 'Selesai ' }, excluded: null, weight: 1 },
      { cells: { status_nontender: 'Berlangsung' }, excluded: 'nontender_belum_selesai', weight: 1 },
      { cells: { status_nontender: 'Gagal' }, excluded: 'nontender_belum_selesai', weight: 1 },
      { cells: { status_nontender: 'Batal' }, excluded: 'nontender_belum_selesai', weight: 1 },
    ],
    dedupCode: 'duplikat',
    row: (i, id, a) => ({
      ...ident(a),
      kd_nontender: id,
      kd_rup: String(41_000_000 + i),
      nama_paket: `NT ${i}`,
    }),
  },
  {
    kind: 'spse_pencatatan_nontender',
    headers: pick(SPSE_PENCATATAN_NONTENDER_HEADERS, [
      'tahun_anggaran', 'kd_klpd', 'kd_satker', 'kd_satker_str', 'nama_satker', 'kd_nontender_pct', 'kd_rup',
      'nama_paket', 'pagu', 'total_realisasi', 'nilai_pdn_pct', 'nilai_umk_pct', 'status_nontender_pct_ket',
    ]), // prettier-ignore
    idColumn: 'kd_nontender_pct',
    valueColumn: 'total_realisasi',
    pdnColumn: 'nilai_pdn_pct',
    umkColumn: 'nilai_umk_pct',
    statuses: [{ cells: { status_nontender_pct_ket: 'Paket Sedang Berjalan' }, excluded: null, weight: 1 }],
    dedupCode: 'duplikat',
    row: (i, id, a) => ({
      ...ident(a),
      kd_nontender_pct: id,
      kd_rup: String(42_000_000 + i),
      nama_paket: `P ${i}`,
    }),
  },
  {
    kind: 'spse_pencatatan_swakelola',
    headers: pick(SPSE_PENCATATAN_SWAKELOLA_HEADERS, [
      'tahun_anggaran', 'kd_klpd', 'kd_satker', 'kd_satker_str', 'nama_satker', 'kd_swakelola_pct', 'kd_rup',
      'nama_paket', 'pagu', 'total_realisasi', 'nilai_pdn_pct', 'nilai_umk_pct',
    ]), // prettier-ignore
    idColumn: 'kd_swakelola_pct',
    valueColumn: 'total_realisasi',
    pdnColumn: 'nilai_pdn_pct',
    umkColumn: 'nilai_umk_pct',
    statuses: [{ cells: {}, excluded: null, weight: 1 }],
    dedupCode: 'duplikat',
    row: (i, id, a) => ({
      ...ident(a),
      kd_swakelola_pct: id,
      kd_rup: String(43_000_000 + i),
      nama_paket: `S ${i}`,
    }),
  },
  {
    kind: 'ekatalog_v6',
    headers: omit(EKATALOG_V6_HEADERS, ['kd_penyedia', 'nama_penyedia', 'sumber_dana']),
    idColumn: 'kd_paket',
    valueColumn: 'total_harga',
    dateColumn: 'tgl_order',
    statuses: [
      { cells: { status_pkt: 'COMPLETED' }, excluded: null, weight: 5 },
      { cells: { status_pkt: 'ON_PROCESS' }, excluded: 'paket_belum_selesai', weight: 1 },
      { cells: { status_pkt: 'PAYMENT_OUTSIDE_SYSTEM' }, excluded: 'paket_belum_selesai', weight: 1 },
      { cells: { status_pkt: 'ON_ADDENDUM' }, excluded: 'paket_belum_selesai', weight: 1 },
    ],
    row: (i, id, a) => ({
      tahun_anggaran: '2025',
      nama_satker: a.nama,
      kd_klpd: 'D999',
      kd_satker_str: a.str,
      kd_paket: id,
      kd_rup: String(44_000_000 + i),
      rup_nama_pkt: `Katalog ${i}`,
      ongkir: '0',
      tgl_order: ['2025-01-04 22:31:51', '2021-11-25 21:31:20.869', '3 Mei 2025'][i % 3]!,
    }),
  },
  {
    kind: 'tokodaring',
    headers: [...TOKO_DARING_HEADERS],
    idColumn: 'order_id',
    valueColumn: 'valuasi',
    dateColumn: 'tanggal_transaksi',
    statuses: [
      { cells: { status_verif: 'verified', status_konfirmasi_ppmse: 'selesai' }, excluded: null, weight: 6 },
      { cells: { status_verif: 'unverified', status_konfirmasi_ppmse: 'selesai' }, excluded: 'belum_terverifikasi', weight: 1 },
      { cells: { status_verif: 'verified', status_konfirmasi_ppmse: 'gagal' }, excluded: 'pesanan_tidak_selesai', weight: 1 },
    ], // prettier-ignore
    dedupCode: 'order_id_berulang',
    row: (i, id, a) => ({
      tahun: '2025',
      kd_klpd: 'D999',
      nama_klpd: 'Kab. Uji',
      kd_satker: a.kd,
      nama_satker: a.nama,
      order_id: id,
      order_desc: `ATK; kertas, "A4"`,
      kategori: 'Barang',
      tanggal_transaksi: ['2025-02-01', '01/02/2025', '1 Februari 2025'][i % 3]!,
      marketplace: 'Toko Uji',
    }),
  },
];

/**
 * Generate `n` base transactions of a kind, plus repeated ids (for kinds that count an id once) and rejected rows;
 * every row carries its expected fate.
 */
export function realisasiRows(
  spec: RealisasiFixtureSpec,
  n: number,
  seed: number,
  style: MoneyStyle,
): FixtureRow[] {
  const rand = mulberry32(seed);
  const total = spec.statuses.reduce((s, x) => s + x.weight, 0);
  const rows: FixtureRow[] = [];
  for (let i = 0; i < n; i++) {
    const a = AGENCIES[i % AGENCIES.length]!;
    let pick = rand() * total;
    const st = spec.statuses.find((s) => (pick -= s.weight) < 0) ?? spec.statuses[0]!;
    const cents = BigInt(Math.floor(rand() * 2_000_000_000)) * 100n + BigInt(i % 100);
    const pdn = spec.pdnColumn && rand() < 0.5 ? (cents * BigInt(Math.floor(rand() * 100))) / 100n : null;
    const umk = spec.umkColumn && rand() < 0.5 ? cents / 3n : null;
    const id = String(9_000_000 + i);
    const cells = { ...spec.row(i, id, a), ...st.cells, [spec.valueColumn]: money(cents, style) };
    if (spec.pdnColumn) cells[spec.pdnColumn] = pdn === null ? (i % 2 ? '' : 'null') : money(pdn, style);
    if (spec.umkColumn) cells[spec.umkColumn] = umk === null ? '' : money(umk, style);
    rows.push({
      cells,
      fate: st.excluded ? { t: 'excluded', rule: st.excluded } : { t: 'loaded' },
      cents,
      pdn,
    });
  }
  if (spec.dedupCode) {
    // Repeat five counted ids later in the file: each repeat is counted zero times.
    const loaded = rows.filter((r) => r.fate.t === 'loaded').slice(0, 5);
    for (const r of loaded) {
      rows.push({ ...r, cells: { ...r.cells }, fate: { t: 'excluded', rule: spec.dedupCode } });
    }
  }
  // Bad values on a row the rules would count: a row a rule leaves out is excluded by that rule instead.
  const base = rows.find((r) => r.fate.t === 'loaded')!;
  rows.push({
    cells: { ...base.cells, [spec.idColumn]: '9999991', [spec.valueColumn]: 'dua juta' },
    fate: { t: 'rejected', reason: 'angka_tidak_valid', column: 'nilai' },
    cents: 0n,
    pdn: null,
  });
  rows.push({
    cells: { ...base.cells, [spec.idColumn]: '', [spec.valueColumn]: '1000' },
    fate: { t: 'rejected', reason: 'id_transaksi_kosong', column: 'trx_id' },
    cents: 0n,
    pdn: null,
  });
  rows.push({
    cells: { ...base.cells, [spec.idColumn]: '9999992', [spec.valueColumn]: 'null' },
    fate: { t: 'rejected', reason: 'nilai_kosong', column: 'nilai' },
    cents: 0n,
    pdn: null,
  });
  if (spec.dateColumn) {
    rows.push({
      cells: { ...base.cells, [spec.idColumn]: '9999993', [spec.dateColumn]: '31/02/2025' },
      fate: { t: 'rejected', reason: 'tanggal_tidak_valid', column: 'tanggal' },
      cents: 0n,
      pdn: null,
    });
  }
  return rows;
}

/** Expected report of a fixture, from the rows' fates. */
export function expectedReport(rows: readonly FixtureRow[]) {
  const excludedByRule: Record<string, number> = {};
  const rejectedByReason: Record<string, number> = {};
  let loaded = 0;
  let sum = 0n;
  let pdnSum = 0n;
  let pdnUnknown = 0;
  for (const r of rows) {
    if (r.fate.t === 'loaded') {
      loaded++;
      sum += r.cents;
      if (r.pdn === null) pdnUnknown++;
      else pdnSum += r.pdn;
    } else if (r.fate.t === 'excluded') excludedByRule[r.fate.rule] = (excludedByRule[r.fate.rule] ?? 0) + 1;
    else rejectedByReason[r.fate.reason] = (rejectedByReason[r.fate.reason] ?? 0) + 1;
  }
  const sumOf = (o: Record<string, number>) => Object.values(o).reduce((s, x) => s + x, 0);
  return {
    read: rows.length,
    loaded,
    excluded: sumOf(excludedByRule),
    rejected: sumOf(rejectedByReason),
    excludedByRule,
    rejectedByReason,
    sum,
    pdnSum,
    pdnUnknown,
  };
}
