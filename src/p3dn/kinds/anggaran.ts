/** Budget exports (anggaran): SIRUP StrukturAnggaranPD, PaketAnggaranPenyedia, APBD/SIPD/SIMDA by kode rekening. */
import { EXPORT_DATE, IDENTITY, KD_RUP, PAGU, SIRUP_AGENCY_KEY, moneyRejections } from './common';
import type { KindId, KindSpec } from './types';

export const ANGGARAN_KINDS = {
  struktur_anggaran: {
    id: 'struktur_anggaran',
    group: 'anggaran',
    table: 'struktur_anggaran',
    signature: ['belanja_pengadaan', 'belanja_operasi', 'belanja_modal', 'nama_satker'],
    columns: [
      ...IDENTITY,
      { name: 'belanja_operasi', type: 'money', aliases: ['belanja_operasi'] },
      { name: 'belanja_modal', type: 'money', aliases: ['belanja_modal'] },
      { name: 'belanja_btt', type: 'money', aliases: ['belanja_btt'] },
      { name: 'belanja_non_pengadaan', type: 'money', aliases: ['belanja_non_pengadaan'] },
      { name: 'belanja_pengadaan', type: 'money', aliases: ['belanja_pengadaan'] },
      { name: 'total_belanja', type: 'money', aliases: ['total_belanja'] },
      EXPORT_DATE,
    ],
    rejections: [
      { code: 'satker_kosong', column: 'nama_satker', sql: 'agency_key IS NULL' },
      ...moneyRejections([
        'belanja_operasi',
        'belanja_modal',
        'belanja_btt',
        'belanja_non_pengadaan',
        'belanja_pengadaan',
        'total_belanja',
      ]),
    ],
    exclusions: [],
    // One row per agency and fiscal year (a sheet may hold several years).
    dedup: { key: 'agency_key', alsoBy: ['tahun'], code: 'duplikat' },
    // Two exports giving an agency's budget structure (a renamed re-save, overlapping downloads): one counts.
    crossFile: 'agency',
    agencyKey: SIRUP_AGENCY_KEY,
  },
  rup_paket_anggaran: {
    id: 'rup_paket_anggaran',
    group: 'anggaran',
    table: 'rup_paket_anggaran',
    signature: ['kd_rup', 'pagu', 'mak'],
    columns: [
      ...IDENTITY,
      KD_RUP,
      PAGU,
      { name: 'mak', type: 'text', aliases: ['mak'] },
      { name: 'kode_rekening', type: 'mak_rekening', aliases: ['mak'] },
      { name: 'sumber_dana', type: 'multi', aliases: ['sumber_dana'] },
      EXPORT_DATE,
    ],
    rejections: [
      { code: 'kd_rup_kosong', column: 'kd_rup', sql: 'kd_rup IS NULL' },
      { code: 'pagu_kosong', column: 'pagu', sql: 'p3dn_blank(raw_pagu)' },
      { code: 'angka_tidak_valid', column: 'pagu', sql: 'pagu IS NULL AND NOT p3dn_blank(raw_pagu)' },
    ],
    exclusions: [],
    // A package's account lines come from one file: the most recent export holding the package.
    crossFile: { key: 'kd_rup' },
    agencyKey: SIRUP_AGENCY_KEY,
    required: ['kd_rup', 'pagu'],
  },
  apbd_rekening: {
    id: 'apbd_rekening',
    group: 'anggaran',
    accounts: true,
    table: 'apbd_rekening',
    signature: ['kode_rekening', 'nama_satker', ['anggaran', 'realisasi']],
    columns: [
      { name: 'tahun', type: 'int', aliases: ['tahun_anggaran', 'tahun', 'ta'] },
      {
        name: 'kd_satker_str',
        type: 'satker_str',
        aliases: ['kode_skpd', 'kd_skpd', 'kode_sub_unit', 'kode_unit', 'kd_satker_str', 'kode_opd'],
        // SIMDA: Kd_Urusan.Kd_Bidang.Kd_Unit.Kd_Sub (`1.01.01.01`).
        parts: [
          [
            { aliases: ['kd_urusan'] },
            { aliases: ['kd_bidang'], pad: 2 },
            { aliases: ['kd_unit'], pad: 2 },
            { aliases: ['kd_sub', 'kd_sub_unit'], pad: 2 },
          ],
        ],
      },
      {
        name: 'nama_satker',
        type: 'text',
        aliases: [
          'nama_skpd',
          'skpd',
          'nama_sub_unit',
          'nama_unit',
          'perangkat_daerah',
          'nama_opd',
          'opd',
          'nm_sub_unit',
          'nm_unit',
        ],
      },
      { name: 'kd_satker', type: 'code', aliases: ['id_skpd', 'kd_satker'] },
      {
        name: 'sub_kegiatan',
        type: 'text',
        aliases: ['nama_sub_kegiatan', 'sub_kegiatan', 'ket_kegiatan', 'nm_kegiatan'],
      },
      {
        name: 'kode_rekening',
        type: 'rekening',
        aliases: ['kode_rekening', 'kode_akun', 'kd_rekening', 'kode_rek', 'rekening', 'kd_akun'],
        parts: [
          // [inferred] SIMDA releases on Permendagri 90/2019 codes add a sixth segment: Kd_Rek_1..Kd_Rek_6 in the
          // SIPD layout (`5.1.02.01.01.0024`), so 5.1.02 stays barang & jasa.
          [
            { aliases: ['kd_rek_1'] },
            { aliases: ['kd_rek_2'] },
            { aliases: ['kd_rek_3'], pad: 2 },
            { aliases: ['kd_rek_4'], pad: 2 },
            { aliases: ['kd_rek_5'], pad: 2 },
            { aliases: ['kd_rek_6'], pad: 4 },
          ],
          // SIMDA (Permendagri 13/2006): Kd_Rek_1.Kd_Rek_2.Kd_Rek_3.Kd_Rek_4.Kd_Rek_5 (`5.2.2.01.07`).
          [
            { aliases: ['kd_rek_1'] },
            { aliases: ['kd_rek_2'] },
            { aliases: ['kd_rek_3'] },
            { aliases: ['kd_rek_4'], pad: 2 },
            { aliases: ['kd_rek_5'], pad: 2 },
          ],
        ],
      },
      {
        name: 'nama_rekening',
        type: 'text',
        aliases: ['nama_rekening', 'nama_akun', 'uraian', 'uraian_rekening', 'nm_rek_5'],
      },
      {
        name: 'anggaran',
        type: 'money',
        aliases: [
          'anggaran_setelah_perubahan',
          'anggaran_perubahan',
          'anggaran',
          'pagu',
          'nilai_anggaran',
          'anggaran_murni',
          'total_anggaran',
        ],
      },
      { name: 'realisasi', type: 'money', aliases: ['realisasi', 'nilai_realisasi', 'realisasi_anggaran'] },
    ],
    rejections: [
      { code: 'rekening_kosong', column: 'kode_rekening', sql: 'kode_rekening IS NULL' },
      ...moneyRejections(['anggaran', 'realisasi']),
      { code: 'satker_kosong', column: 'nama_satker', sql: 'agency_key IS NULL' },
    ],
    exclusions: [],
    // An agency's budget lines of a year come from one file: two SIPD exports overlapping on an agency never add up.
    crossFile: 'agency',
    agencyKey: `coalesce('str:' || kd_satker_str, 'nama:' || upper(nama_satker))`,
    // Legacy SIMDA: account code in integer segments, Permendagri 13/2006 codes (src/p3dn/apbd.ts classifies them).
    variants: [
      { id: 'simda_90', marker: 'kd_rek_6' },
      { id: 'simda', marker: 'kd_rek_1' },
    ],
  },
} satisfies Partial<Record<KindId, KindSpec>>;
