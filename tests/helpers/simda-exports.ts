/**
 * Legacy SIMDA budget/realisation exports (APBD by kode rekening, Permendagri 13/2006 codes in integer segments),
 * written from the domain reference. Each generated row carries the fate and the codes the domain rules give it,
 * decided here and never by the code under test.
 */
import { mulberry32 } from '../../scripts/sample/prng';
import type { Fate } from './exports';
import { centsTextId } from './fixtures';

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
