/** SPSE (LPSE) exports (realisasi): tender, non-tender, pencatatan, e-kontrak. */
import { SPSE_VALUES, realisasiKind } from './realisasi-kind';
import type { KindId, KindSpec } from './types';

export const SPSE_KINDS = {
  spse_tender: realisasiKind('spse_tender', {
    contract: 'selesai',
    signature: ['trx_id', 'nilai', 'kd_rup'],
    forbidden: ['versi_addendum', 'apakah_addendum', 'kd_nontender'],
    trx: ['kd_tender', 'kode_tender'],
    kdRup: ['kd_rup_paket', 'kd_rup', 'kode_rup'],
    ...SPSE_VALUES,
    tanggal: ['tgl_penetapan_pemenang', 'tgl_pengumuman_tender', 'tanggal'],
    status: ['status_tender', 'nama_status_tender'],
    dedup: { key: 'trx_id', code: 'duplikat' },
  }),
  spse_nontender: realisasiKind('spse_nontender', {
    contract: 'selesai',
    signature: ['trx_id', 'nilai', 'status'],
    forbidden: ['versi_addendum', 'apakah_addendum'],
    trx: ['kd_nontender', 'kode_nontender'],
    ...SPSE_VALUES,
    tanggal: ['tgl_penetapan_pemenang', 'tgl_pengumuman_nontender', 'tanggal'],
    status: ['status_nontender'],
    exclusions: [{ code: 'nontender_belum_selesai', sql: "lower(coalesce(status, '')) <> 'selesai'" }],
    dedup: { key: 'trx_id', code: 'duplikat' },
  }),
  spse_pencatatan_nontender: realisasiKind('spse_pencatatan_nontender', {
    signature: ['trx_id', 'nilai'],
    trx: ['kd_nontender_pct'],
    nilai: ['total_realisasi', 'nilai_realisasi'],
    pdn: ['nilai_pdn_pct'],
    umk: ['nilai_umk_pct'],
    tanggal: ['tgl_buat_paket', 'tanggal'],
    status: ['status_nontender_pct_ket', 'status_nontender_pct'],
    exclusions: [{ code: 'pencatatan_dibatalkan', sql: "lower(coalesce(status, '')) LIKE '%batal%'" }],
    dedup: { key: 'trx_id', code: 'duplikat' },
  }),
  spse_pencatatan_swakelola: realisasiKind('spse_pencatatan_swakelola', {
    signature: ['trx_id', 'nilai'],
    trx: ['kd_swakelola_pct'],
    nilai: ['total_realisasi', 'nilai_realisasi'],
    pdn: ['nilai_pdn_pct'],
    umk: ['nilai_umk_pct'],
    tanggal: ['tgl_buat_paket', 'tanggal'],
    status: ['status_swakelola_pct_ket', 'status_swakelola_pct'],
    exclusions: [{ code: 'pencatatan_dibatalkan', sql: "lower(coalesce(status, '')) LIKE '%batal%'" }],
    metode: 'Swakelola',
    dedup: { key: 'trx_id', code: 'duplikat' },
  }),
  spse_ekontrak: realisasiKind('spse_ekontrak', {
    contract: 'ekontrak',
    signature: ['trx_id', 'nilai', 'versi_addendum'],
    trx: ['kd_tender', 'kd_nontender', 'kode_tender', 'kode_nontender'],
    ...SPSE_VALUES,
    tanggal: ['tgl_kontrak', 'tanggal_kontrak'],
    status: ['status_kontrak'],
    extra: [{ name: 'versi_addendum', type: 'int', aliases: ['versi_addendum'], stageOnly: true }],
    dedup: {
      key: 'trx_id',
      // The latest version; among equal versions the last line.
      keep: 'arg_max(rec, [coalesce(versi_addendum, -1), rec])',
      code: 'addendum_lama',
    },
  }),
} satisfies Partial<Record<KindId, KindSpec>>;
