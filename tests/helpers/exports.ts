/**
 * Messy export fixtures for every realisasi kind, written from the domain reference (columns, statuses, quirks).
 * Each generated row carries the fate the domain rules give it, decided here and never by the code under test.
 * Headers come from the one declaration of each export's layout (scripts/sample/layouts.ts); most fixtures keep a
 * subset of the real columns, in the export's order.
 */
import { csvCell, csvRecord } from '../../scripts/sample/csv';
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
import { centsText, centsTextId } from './fixtures';

type Fate =
  { t: 'loaded' } | { t: 'excluded'; rule: string } | { t: 'rejected'; reason: string; column: string };

export interface FixtureRow {
  cells: Record<string, string>;
  fate: Fate;
  cents: bigint;
  pdn: bigint | null;
}

export interface Serialized {
  bytes: Uint8Array;
  /** Physical line each record starts on (header = line 1). */
  lines: number[];
}

/** Rows to CSV bytes, tracking the physical line of every record (quoted line breaks included). */
export function serialize(
  headers: readonly string[],
  rows: readonly Record<string, string>[],
  opts: { delim?: string; bom?: boolean; crlf?: boolean; latin1?: boolean } = {},
): Serialized {
  const delim = opts.delim ?? ',';
  const eol = opts.crlf ? '\r\n' : '\n';
  const out: string[] = [headers.map((h) => csvCell(h, delim)).join(delim)];
  const lines: number[] = [];
  let line = 2;
  for (const r of rows) {
    const text = csvRecord(headers, r, delim);
    lines.push(line);
    line += 1 + (text.match(/\n/g)?.length ?? 0);
    out.push(text);
  }
  const text = (opts.bom ? '\uFEFF' : '') + out.join(eol) + eol;
  const bytes = opts.latin1 ? encodeCp1252(text) : new TextEncoder().encode(text);
  return { bytes, lines };
}

const CP1252: Record<string, number> = {
  '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97,
}; // prettier-ignore

/** Text as Windows-1252 bytes, as Excel on an Indonesian PC saves "CSV". */
function encodeCp1252(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((ch) => {
      const c = ch.codePointAt(0)!;
      const b = CP1252[ch] ?? (c < 0x80 || (c >= 0xa0 && c < 0x100) ? c : undefined);
      if (b === undefined) throw new Error(`not in Windows-1252: ${ch}`);
      return b;
    }),
  );
}

export type MoneyStyle = 'api' | 'id' | 'rp';
export function money(c: bigint, style: MoneyStyle): string {
  if (style === 'api') return centsText(c);
  if (style === 'id') return centsTextId(c);
  return c % 100n === 0n ? `Rp${centsTextId(c).slice(0, -3)},-` : `Rp ${centsTextId(c)}`;
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

// ---- Legacy SIMDA budget/realisation (APBD by kode rekening, Permendagri 13/2006 codes in integer segments) ----

/** SIMDA units: segments and names; the third has a Windows-1252 character (en dash, 0x96). */
export const SIMDA_UNITS = [
  { seg: ['1', '1', '1', '1'], code: '1.01.01.01', unit: 'Dinas Pendidikan', sub: 'Dinas Pendidikan' },
  {
    seg: ['1', '2', '1', '3'],
    code: '1.02.01.03',
    unit: 'Dinas Kesehatan',
    sub: 'UPTD Puskesmas Sungai Raya',
  },
  {
    seg: ['1', '3', '1', '1'],
    code: '1.03.01.01',
    unit: 'Dinas PU',
    sub: 'Dinas Pekerjaan Umum – Bina Marga',
  },
];

/** Accounts of the older code set: Kd_Rek_1..5 and the group the domain reference gives them. */
const SIMDA_ACCOUNTS = [
  { rek: ['5', '1', '1', '1', '1'], name: 'Gaji pokok PNS', group: 'pegawai' },
  { rek: ['5', '2', '1', '2', '1'], name: 'Honorarium panitia', group: 'pegawai' },
  { rek: ['5', '2', '2', '1', '1'], name: 'Belanja alat tulis kantor', group: 'barang_jasa' },
  { rek: ['5', '2', '2', '15', '7'], name: 'Belanja jasa kebersihan', group: 'barang_jasa' },
  { rek: ['5', '2', '3', '26', '2'], name: 'Belanja modal komputer', group: 'modal' },
  { rek: ['5', '2', '3', '49', '11'], name: 'Belanja modal jalan', group: 'modal' },
  { rek: ['5', '1', '4', '6', '1'], name: 'Belanja hibah', group: 'belanja_lain' },
  { rek: ['4', '1', '1', '1', '1'], name: 'Pajak hotel', group: null },
] as const;

export interface SimdaRow {
  cells: Record<string, string>;
  fate: Fate;
  /** The composed account code and agency code the rules give this row (null when rejected). */
  kode: string | null;
  unit: string | null;
  group: string | null;
  anggaran: bigint;
  realisasi: bigint;
}

const seg2 = (s: string) => s.padStart(2, '0');

/**
 * `n` SIMDA rows (Indonesian numbers `1.234.567,89`), a few with float-damaged segments (`15.0`), plus rejected
 * ones: an empty Kd_Rek_1, an Anggaran that is not a number, no unit at all.
 */
export function simdaRows(n: number, seed = 13): SimdaRow[] {
  const rand = mulberry32(seed);
  const out: SimdaRow[] = [];
  for (let i = 0; i < n; i++) {
    const u = SIMDA_UNITS[i % SIMDA_UNITS.length]!;
    const a = SIMDA_ACCOUNTS[Math.floor(rand() * SIMDA_ACCOUNTS.length)]!;
    const anggaran = BigInt(Math.floor(rand() * 5_000_000_000)) * 100n + BigInt(Math.floor(rand() * 100));
    const realisasi = (anggaran * BigInt(Math.floor(rand() * 100))) / 100n;
    const rek: string[] = [...a.rek];
    if (i % 97 === 5) rek[3] = `${rek[3]}.0`; // an id mangled as a float by a spreadsheet
    const cells: Record<string, string> = {
      Tahun: '2019',
      Kd_Urusan: u.seg[0]!,
      Kd_Bidang: u.seg[1]!,
      Kd_Unit: u.seg[2]!,
      Kd_Sub: u.seg[3]!,
      Nm_Unit: u.unit,
      Nm_Sub_Unit: u.sub,
      Kd_Prog: String(1 + (i % 20)),
      Kd_Keg: String(1 + (i % 7)),
      Ket_Kegiatan: `Kegiatan ${i % 7}`,
      Kd_Rek_1: rek[0]!,
      Kd_Rek_2: rek[1]!,
      Kd_Rek_3: rek[2]!,
      Kd_Rek_4: rek[3]!,
      Kd_Rek_5: rek[4]!,
      Nm_Rek_5: a.name,
      Anggaran: centsTextId(anggaran),
      Realisasi: centsTextId(realisasi),
    };
    const kode = `${a.rek[0]}.${a.rek[1]}.${a.rek[2]}.${seg2(a.rek[3])}.${seg2(a.rek[4])}`;
    let fate: Fate = { t: 'loaded' };
    if (i % 211 === 17) {
      cells['Kd_Rek_1'] = '';
      fate = { t: 'rejected', reason: 'rekening_kosong', column: 'kode_rekening' };
    } else if (i % 307 === 29) {
      cells['Anggaran'] = 'dua juta';
      fate = { t: 'rejected', reason: 'angka_tidak_valid', column: 'anggaran' };
    } else if (i % 401 === 33) {
      for (const h of ['Kd_Urusan', 'Kd_Bidang', 'Kd_Unit', 'Kd_Sub', 'Nm_Unit', 'Nm_Sub_Unit'])
        cells[h] = '';
      fate = { t: 'rejected', reason: 'satker_kosong', column: 'nama_satker' };
    }
    const ok = fate.t === 'loaded';
    out.push({
      cells,
      fate,
      kode: ok ? kode : null,
      unit: ok ? u.code : null,
      group: ok ? a.group : null,
      anggaran,
      realisasi,
    });
  }
  return out;
}
