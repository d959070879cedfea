/** E-purchasing exports (realisasi): e-Katalog v5 and v6, Toko Daring (Bela Pengadaan). */
import { realisasiKind } from './realisasi-kind';
import type { KindId, KindSpec } from './types';

export const EPURCHASING_KINDS = {
  ekatalog_v5: realisasiKind('ekatalog_v5', {
    signature: ['trx_id', 'nilai', 'status'],
    metode: 'E-Purchasing',
    sirupSatkerId: true,
    trx: ['kd_paket', 'no_paket'],
    nilai: ['total_harga'],
    tanggal: ['tanggal_buat_paket', 'tgl_buat_paket'],
    status: ['paket_status_str'],
    exclusions: [{ code: 'paket_belum_selesai', sql: "lower(coalesce(status, '')) <> 'paket selesai'" }],
    ignored: [{ header: 'total', note: 'total_berulang' }],
  }),
  ekatalog_v6: realisasiKind('ekatalog_v6', {
    signature: ['trx_id', 'nilai', 'status'],
    metode: 'E-Purchasing',
    sirupSatkerId: true,
    trx: ['kd_paket', 'no_paket'],
    nilai: ['total_harga'],
    tanggal: ['tgl_order', 'tanggal_order'],
    status: ['status_pkt'],
    exclusions: [{ code: 'paket_belum_selesai', sql: "upper(coalesce(status, '')) <> 'COMPLETED'" }],
    ignored: [{ header: 'total', note: 'total_berulang' }],
  }),
  tokodaring: realisasiKind('tokodaring', {
    signature: ['trx_id', 'nilai', 'status_verif'],
    metode: 'E-Purchasing',
    sirupSatkerId: true,
    trx: ['order_id'],
    nilai: ['valuasi', 'nilai_transaksi'],
    tanggal: ['tanggal_transaksi', 'tgl_transaksi'],
    status: ['status_konfirmasi_ppmse'],
    extra: [{ name: 'status_verif', type: 'text', aliases: ['status_verif'], stageOnly: true }],
    exclusions: [
      { code: 'belum_terverifikasi', sql: "lower(coalesce(status_verif, '')) <> 'verified'" },
      { code: 'pesanan_tidak_selesai', sql: "lower(coalesce(status, '')) <> 'selesai'" },
    ],
    dedup: { key: 'trx_id', code: 'order_id_berulang' },
  }),
} satisfies Partial<Record<KindId, KindSpec>>;
