/**
 * The header layout of every export the project writes or reads in tests, declared once: the sample generator,
 * the test fixtures and the benches take their columns from here. Names and order as the exports spell them
 * (/work/shared/domain/P3DN.md §2); `pick`/`omit` give a fixture a subset in the export's own order.
 */

// ---- SIRUP (komitmen) -----------------------------------------------------------------------------------------

/** RUP-PaketPenyedia-Terumumkan, the current schema (48 columns; `urarian_pekerjaan` is misspelled at source). */
// prettier-ignore
export const PENYEDIA_HEADERS = [
  'tahun_anggaran', 'kd_klpd', 'nama_klpd', 'jenis_klpd', 'kd_satker', 'kd_satker_str', 'nama_satker', 'kd_rup',
  'nama_paket', 'pagu', 'kd_metode_pengadaan', 'metode_pengadaan', 'kd_jenis_pengadaan', 'jenis_pengadaan',
  'status_pradipa', 'status_pdn', 'status_ukm', 'alasan_non_ukm', 'status_konsolidasi', 'tipe_paket',
  'kd_rup_swakelola', 'kd_rup_lokal', 'volume_pekerjaan', 'urarian_pekerjaan', 'spesifikasi_pekerjaan',
  'tgl_awal_pemilihan', 'tgl_akhir_pemilihan', 'tgl_awal_kontrak', 'tgl_akhir_kontrak', 'tgl_awal_pemanfaatan',
  'tgl_akhir_pemanfaatan', 'tgl_buat_paket', 'tgl_pengumuman_paket', 'nip_ppk', 'nama_ppk', 'username_ppk',
  'status_aktif_rup', 'status_delete_rup', 'status_umumkan_rup', 'status_dikecualikan', 'alasan_dikecualikan',
  'tahun_pertama', 'kode_rup_tahun_pertama', 'nomor_kontrak', 'spp_aspek_ekonomi', 'spp_aspek_sosial',
  'spp_aspek_lingkungan', '_event_date',
] as const;

/** RUP-PaketSwakelola-Terumumkan. */
// prettier-ignore
export const SWAKELOLA_HEADERS = [
  'tahun_anggaran', 'kd_klpd', 'nama_klpd', 'jenis_klpd', 'kd_satker', 'kd_satker_str', 'nama_satker', 'kd_rup',
  'nama_paket', 'pagu', 'tipe_swakelola', 'volume_pekerjaan', 'uraian_pekerjaan', 'tgl_awal_pelaksanaan_kontrak',
  'tgl_akhir_pelaksanaan_kontrak', 'nip_ppk', 'nama_ppk', 'username_ppk', 'status_aktif_rup', 'status_delete_rup',
  'status_umumkan_rup', '_event_date',
] as const;

/** RUP-StrukturAnggaranPD: the budget structure per agency (the default denominator). */
// prettier-ignore
export const STRUKTUR_HEADERS = [
  'tahun_anggaran', 'kd_klpd', 'nama_klpd', 'kd_satker', 'kd_satker_str', 'nama_satker', 'belanja_operasi',
  'belanja_modal', 'belanja_btt', 'belanja_non_pengadaan', 'belanja_pengadaan', 'total_belanja',
] as const;

/** RUP penyedia in the legacy schema (≤ 2022). */
// prettier-ignore
export const SIRUP_LEGACY_HEADERS = [
  'idrup', 'namapaket', 'jumlahpagu', 'namasatker', 'kodesatker', 'idsatker', 'metodepengadaan',
  'jenispengadaan', 'statuspdn', 'statususahakecil', 'statusdeletepaket', 'statusaktifpaket', 'statusumumkan',
  'tahunanggaran', 'kd_klpd',
] as const;

/** A hand-made RUP sheet with the SIRUP web page's labels. */
// prettier-ignore
export const SIRUP_WEB_LABEL_HEADERS = [
  'Kode RUP', 'Nama Paket', 'Total Pagu', 'Satuan Kerja', 'Produk Dalam Negeri', 'Usaha Kecil/Koperasi',
] as const;

// ---- SPSE (realisasi with PDN/UMK values) ----------------------------------------------------------------------

/** SPSE-TenderSelesaiNilai. */
// prettier-ignore
export const SPSE_TENDER_HEADERS = [
  'tahun_anggaran', 'kd_klpd', 'nama_klpd', 'jenis_klpd', 'kd_satker', 'kd_satker_str', 'nama_satker', 'kd_lpse',
  'kd_tender', 'kd_paket', 'kd_rup_paket', 'nama_paket', 'mtd_pemilihan', 'jenis_pengadaan', 'sumber_dana', 'pagu',
  'hps', 'nilai_penawaran', 'nilai_terkoreksi', 'nilai_negosiasi', 'nilai_kontrak', 'nilai_pdn_kontrak',
  'nilai_umk_kontrak', 'kd_penyedia', 'nama_penyedia', 'npwp_penyedia', 'tgl_pengumuman_tender',
  'tgl_penetapan_pemenang',
] as const;

/** SPSE-NonTenderSelesai. */
// prettier-ignore
export const SPSE_NONTENDER_HEADERS = [
  'tahun_anggaran', 'kd_klpd', 'nama_klpd', 'jenis_klpd', 'kd_satker', 'kd_satker_str', 'nama_satker', 'kd_lpse',
  'kd_nontender', 'kd_paket', 'kd_rup', 'nama_paket', 'mtd_pemilihan', 'jenis_pengadaan', 'sumber_dana', 'pagu',
  'hps', 'nilai_penawaran', 'nilai_negosiasi', 'nilai_kontrak', 'nilai_pdn_kontrak', 'nilai_umk_kontrak',
  'kd_penyedia', 'nama_penyedia', 'status_nontender', 'tgl_buat_paket', 'tgl_selesai_paket',
] as const;

/** SPSE-PencatatanNonTender. */
// prettier-ignore
export const SPSE_PENCATATAN_NONTENDER_HEADERS = [
  'tahun_anggaran', 'kd_klpd', 'nama_klpd', 'jenis_klpd', 'kd_satker', 'kd_satker_str', 'nama_satker', 'kd_lpse',
  'kd_nontender_pct', 'kd_rup', 'nama_paket', 'mtd_pemilihan', 'jenis_pengadaan', 'sumber_dana', 'pagu',
  'total_realisasi', 'nilai_pdn_pct', 'nilai_umk_pct', 'status_nontender_pct', 'status_nontender_pct_ket',
  'tgl_buat_paket', 'tgl_selesai_paket',
] as const;

/** SPSE-PencatatanSwakelola. */
// prettier-ignore
export const SPSE_PENCATATAN_SWAKELOLA_HEADERS = [
  'tahun_anggaran', 'kd_klpd', 'nama_klpd', 'jenis_klpd', 'kd_satker', 'kd_satker_str', 'nama_satker', 'kd_lpse',
  'kd_swakelola_pct', 'kd_rup', 'nama_paket', 'tipe_swakelola', 'sumber_dana', 'pagu', 'total_realisasi',
  'nilai_pdn_pct', 'nilai_umk_pct', 'status_swakelola_pct', 'status_swakelola_pct_ket', 'tgl_buat_paket',
  'tgl_selesai_paket',
] as const;

/** SPSE-NonTenderEkontrak-Kontrak: one row per contract version (addendum). */
// prettier-ignore
const SPSE_EKONTRAK_HEADERS = [
  'tahun_anggaran', 'kd_klpd', 'nama_klpd', 'kd_satker', 'kd_satker_str', 'nama_satker', 'kd_lpse', 'kd_nontender',
  'kd_rup', 'nama_paket', 'no_kontrak', 'tgl_kontrak', 'nilai_kontrak', 'nilai_pdn_kontrak', 'nilai_umk_kontrak',
  'kd_penyedia', 'nama_penyedia', 'status_kontrak', 'apakah_addendum', 'versi_addendum',
] as const;

// ---- e-Purchasing: e-Katalog and Toko Daring ------------------------------------------------------------------

/** Ecat-PaketEPurchasing (e-Katalog v5): one row per product line, the package `total` repeated on each. */
// prettier-ignore
export const EKATALOG_V5_HEADERS = [
  'tahun_anggaran', 'kd_klpd', 'satker_id', 'nama_satker', 'kd_paket', 'no_paket', 'nama_paket', 'kd_rup',
  'nama_sumber_dana', 'kd_komoditas', 'kd_produk', 'kd_penyedia', 'kuantitas', 'harga_satuan', 'ongkos_kirim',
  'total_harga', 'tanggal_buat_paket', 'tanggal_edit_paket', 'paket_status_str', 'total',
] as const;

/** Ecat-PaketEPurchasing-V6 (e-Katalog v6). */
// prettier-ignore
export const EKATALOG_V6_HEADERS = [
  'tahun_anggaran', 'nama_satker', 'kd_klpd', 'kd_satker_str', 'kd_paket', 'kd_rup', 'rup_nama_pkt',
  'kd_penyedia', 'nama_penyedia', 'sumber_dana', 'total_harga', 'ongkir', 'tgl_order', 'status_pkt',
] as const;

/** Bela-TokoDaringRealisasi (Toko Daring, Bela Pengadaan). */
// prettier-ignore
export const TOKO_DARING_HEADERS = [
  'tahun', 'kd_klpd', 'nama_klpd', 'kd_satker', 'nama_satker', 'order_id', 'order_desc', 'valuasi', 'kategori',
  'metode_bayar', 'tanggal_transaksi', 'marketplace', 'merchant_name', 'jenis_transaksi', 'kota_kab', 'provinsi',
  'nama_pemesan', 'status_verif', 'sumber_data', 'status_konfirmasi_ppmse', 'keterangan_ppmse',
] as const;

// ---- APBD by kode rekening ------------------------------------------------------------------------------------

/** Legacy SIMDA budget/realisation (Permendagri 13/2006 codes in integer segments). */
// prettier-ignore
export const SIMDA_HEADERS = [
  'Tahun', 'Kd_Urusan', 'Kd_Bidang', 'Kd_Unit', 'Kd_Sub', 'Nm_Unit', 'Nm_Sub_Unit', 'Kd_Prog', 'Kd_Keg',
  'Ket_Kegiatan', 'Kd_Rek_1', 'Kd_Rek_2', 'Kd_Rek_3', 'Kd_Rek_4', 'Kd_Rek_5', 'Nm_Rek_5', 'Anggaran', 'Realisasi',
] as const;

// ---- The sample's files ---------------------------------------------------------------------------------------

/** The three SIRUP exports of the sample. */
export const RUP_FILES = {
  penyedia: 'RUP-PaketPenyedia-Terumumkan.csv',
  swakelola: 'RUP-PaketSwakelola-Terumumkan.csv',
  struktur: 'RUP-StrukturAnggaranPD.csv',
} as const;

/** The eight transaction (realisasi) exports of the sample. */
export const REALISASI_FILES = {
  tender: 'SPSE-TenderSelesaiNilai.csv',
  nonTender: 'SPSE-NonTenderSelesai.csv',
  pencatatanNonTender: 'SPSE-PencatatanNonTender.csv',
  pencatatanSwakelola: 'SPSE-PencatatanSwakelola.csv',
  ekontrak: 'SPSE-NonTenderEkontrak-Kontrak.csv',
  ekatalogV5: 'Ecat-PaketEPurchasing.csv',
  ekatalogV6: 'Ecat-PaketEPurchasing-V6.csv',
  tokoDaring: 'Bela-TokoDaringRealisasi.csv',
} as const;
export type RealisasiFileKey = keyof typeof REALISASI_FILES;

export const REALISASI_HEADERS = {
  tender: SPSE_TENDER_HEADERS,
  nonTender: SPSE_NONTENDER_HEADERS,
  pencatatanNonTender: SPSE_PENCATATAN_NONTENDER_HEADERS,
  pencatatanSwakelola: SPSE_PENCATATAN_SWAKELOLA_HEADERS,
  ekontrak: SPSE_EKONTRAK_HEADERS,
  ekatalogV5: EKATALOG_V5_HEADERS,
  ekatalogV6: EKATALOG_V6_HEADERS,
  tokoDaring: TOKO_DARING_HEADERS,
} as const satisfies Record<RealisasiFileKey, readonly string[]>;

// ---- Subsets for fixtures -------------------------------------------------------------------------------------

/** The columns `keep` of a layout, in the layout's order (a fixture with fewer columns than the real export). */
export function pick<C extends string>(layout: readonly C[], keep: readonly NoInfer<C>[]): C[] {
  return layout.filter((column) => keep.includes(column));
}

/** A layout without the columns `drop`, in the layout's order. */
export function omit<C extends string>(layout: readonly C[], drop: readonly NoInfer<C>[]): C[] {
  return layout.filter((column) => !drop.includes(column));
}
