import { listLiteral } from '../../engine/sql';
import { GENERIC_FLAGS, type YesNo } from '../macros/vocab';
import { moneyRejections } from './common';
import type { KindId, KindSpec } from './types';

// ---- generik: a hand-made sheet (an agency's own list of purchases), mapped by the user ----

/** The kind proposed (never chosen silently) for a file no known kind matches. */
export const GENERIC_KIND: Extract<KindId, 'generik'> = 'generik';
/** The highest confidence a generic proposal gets: it always asks the user to check the mapping. */
export const GENERIC_MAX_CONFIDENCE = 0.5;

/** The flag of a staged text column: true, false, or NULL when blank or not one of the words. */
function genericFlagSql(col: string, words: YesNo): string {
  const v = `upper(trim(regexp_replace(${col}, '[\\s_./-]+', ' ', 'g')))`;
  return `CASE WHEN list_contains(${listLiteral(words.yes)}, ${v}) THEN true
    WHEN list_contains(${listLiteral(words.no)}, ${v}) THEN false END`;
}

const GENERIC_PDN_FLAG = genericFlagSql('status_pdn', GENERIC_FLAGS.pdn);
const GENERIC_UKM_FLAG = genericFlagSql('status_ukm', GENERIC_FLAGS.ukm);

/**
 * A reported value wins; else the flag: true = the whole value, false = 0, blank = NULL (not reported, so the
 * row inherits the RUP package's status through kd_rup, else it is "Tanpa Status").
 */
const fromFlag = (value: string, flag: string) =>
  `coalesce(${value}, CASE (${flag}) WHEN true THEN nilai WHEN false THEN CAST(0 AS DECIMAL(20, 2)) END)`;

export const GENERIK: KindSpec = {
  id: 'generik',
  group: 'realisasi',
  table: 'realisasi',
  // Not used by `detectKind` (a generic confidence comes from `genericConfidence`); the same as `required`.
  signature: ['nilai', ['nama_satker', 'kd_satker_str']],
  required: ['nilai', ['nama_satker', 'kd_satker_str']],
  columns: [
    {
      name: 'nama_satker',
      type: 'text',
      aliases: [
        'nama_satker', 'nama_skpd', 'nama_opd', 'nama_perangkat_daerah', 'nama_satuan_kerja', 'nama_instansi',
        'nama_unit_kerja', 'nama_dinas', 'satker', 'satuan_kerja', 'skpd', 'opd', 'perangkat_daerah', 'pd',
        'instansi', 'dinas', 'unit_kerja', 'nama_unit', 'unit', 'namasatker', 'agency', 'agency_name',
      ],
    },
    {
      name: 'kd_satker_str',
      type: 'satker_str',
      aliases: [
        'kd_satker_str', 'kode_skpd', 'kd_skpd', 'kode_opd', 'kd_opd', 'kode_satker', 'kd_satker',
        'kode_perangkat_daerah', 'kode_instansi', 'kode_unit_kerja', 'kode_unit', 'kode_pd',
      ],
    },
    {
      name: 'nilai',
      type: 'money',
      aliases: [
        'nilai', 'jumlah', 'total', 'nilai_kontrak', 'nilai_transaksi', 'realisasi', 'nilai_realisasi',
        'total_realisasi', 'nominal', 'harga_total', 'total_harga', 'jumlah_harga', 'nilai_rp', 'jumlah_rp',
        'total_rp', 'nilai_belanja', 'jumlah_belanja', 'nilai_pembelian', 'nilai_pengadaan', 'nilai_akhir',
        'total_nilai', 'jumlah_nilai', 'valuasi', 'amount', 'value',
      ],
    },
    {
      name: 'nilai_pdn',
      type: 'money',
      aliases: [
        'nilai_pdn', 'nilai_pdn_rp', 'nilai_pdn_kontrak', 'nilai_pdn_pct', 'realisasi_pdn', 'pdn_rp',
        'nilai_produk_dalam_negeri',
      ],
    },
    {
      name: 'nilai_umk',
      type: 'money',
      aliases: [
        'nilai_umk', 'nilai_umk_rp', 'nilai_ukm', 'nilai_umkk', 'nilai_umk_k', 'nilai_umk_kontrak', 'nilai_umk_pct',
        'realisasi_umk', 'umk_rp', 'ukm_rp',
      ],
    },
    {
      name: 'status_pdn',
      type: 'text',
      stageOnly: true,
      aliases: [
        'status_pdn', 'pdn', 'produk_dalam_negeri', 'is_pdn', 'statuspdn', 'flag_pdn', 'pdn_non_pdn',
        'pdn_ya_tidak', 'kategori_pdn', 'jenis_produk',
      ],
    },
    {
      name: 'status_ukm',
      type: 'text',
      stageOnly: true,
      aliases: [
        'status_ukm', 'status_umk', 'ukm', 'umk', 'umkk', 'umk_k', 'umkm', 'is_ukm', 'usaha_kecil',
        'usaha_kecil_koperasi', 'statususahakecil', 'flag_ukm', 'ukm_ya_tidak', 'umk_ya_tidak', 'kategori_usaha',
      ],
    },
    { name: 'kd_rup', type: 'code', aliases: ['kd_rup', 'kode_rup', 'id_rup', 'idrup', 'kd_rup_paket', 'rup'] },
    {
      name: 'trx_id',
      type: 'code',
      // Specific names first: a plain `no` is often a running number (and then never repeats).
      aliases: [
        'trx_id', 'no_transaksi', 'nomor_transaksi', 'id_transaksi', 'kode_transaksi', 'no_kontrak',
        'nomor_kontrak', 'no_spk', 'nomor_spk', 'no_pesanan', 'nomor_pesanan', 'order_id', 'no_bukti',
        'nomor_bukti', 'no_faktur', 'nomor_faktur', 'kd_paket', 'no', 'nomor', 'id',
      ],
    },
    {
      name: 'nama_paket',
      type: 'text',
      aliases: [
        'nama_paket', 'uraian', 'keterangan', 'nama_barang', 'nama_barang_jasa', 'uraian_pekerjaan',
        'nama_pekerjaan', 'uraian_barang', 'uraian_belanja', 'uraian_transaksi', 'deskripsi', 'paket', 'namapaket',
        'rup_nama_pkt', 'description', 'item',
      ],
    },
    {
      name: 'tanggal',
      type: 'date',
      aliases: [
        'tanggal', 'tgl', 'tanggal_transaksi', 'tgl_transaksi', 'tanggal_kontrak', 'tgl_kontrak',
        'tanggal_pembelian', 'tgl_pembelian', 'tanggal_pesanan', 'tgl_pesanan', 'tanggal_spk', 'tgl_spk',
        'tanggal_bayar', 'tgl_bayar', 'tanggal_order', 'tgl_order', 'date',
      ],
    },
    { name: 'tahun', type: 'int', aliases: ['tahun', 'tahun_anggaran', 'tahunanggaran', 'ta', 'year'] },
    {
      name: 'metode',
      type: 'text',
      aliases: ['metode', 'metode_pengadaan', 'metode_pemilihan', 'mtd_pemilihan', 'cara_pengadaan'],
    },
    {
      name: 'jenis',
      type: 'multi',
      aliases: ['jenis', 'jenis_pengadaan', 'kategori_pengadaan', 'jenis_belanja', 'kategori'],
    },
    { name: 'sumber_dana', type: 'multi', aliases: ['sumber_dana', 'sumberdana', 'sumber_anggaran', 'dana'] },
  ], // prettier-ignore
  rejections: [
    { code: 'nilai_kosong', column: 'nilai', sql: 'p3dn_blank(raw_nilai)' },
    ...moneyRejections(['nilai', 'nilai_pdn', 'nilai_umk']),
    ...['nilai', 'nilai_pdn', 'nilai_umk'].map((c) => ({ code: 'nilai_negatif', column: c, sql: `${c} < 0` })),
    { code: 'pdn_melebihi_nilai', column: 'nilai_pdn', sql: 'nilai_pdn > nilai' },
    { code: 'umk_melebihi_nilai', column: 'nilai_umk', sql: 'nilai_umk > nilai' },
    { code: 'tanggal_tidak_valid', column: 'tanggal', sql: 'tanggal IS NULL AND NOT p3dn_blank(raw_tanggal)' },
    { code: 'status_tidak_dikenal', column: 'status_pdn', sql: `status_pdn IS NOT NULL AND (${GENERIC_PDN_FLAG}) IS NULL` },
    { code: 'status_tidak_dikenal', column: 'status_ukm', sql: `status_ukm IS NOT NULL AND (${GENERIC_UKM_FLAG}) IS NULL` },
    { code: 'satker_kosong', column: 'nama_satker', sql: 'agency_key IS NULL' },
  ], // prettier-ignore
  exclusions: [],
  dedup: { key: 'trx_id', code: 'id_berulang' },
  agencyKey: `coalesce('str:' || kd_satker_str, 'nama:' || upper(nama_satker))`,
  stored: {
    nilai_pdn: fromFlag('nilai_pdn', GENERIC_PDN_FLAG),
    nilai_umk: fromFlag('nilai_umk', GENERIC_UKM_FLAG),
    tahun: 'coalesce(tahun, year(tanggal))',
  },
};
