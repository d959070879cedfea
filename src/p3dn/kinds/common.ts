/** Columns, rules and agency keys shared by several export families. */
import type { ColumnSpec, RowRule } from './types';

/**
 * Any one of these identifies a row's agency. With none of them mapped every row would be rejected, so a file
 * of a kind that requires them cannot be loaded until the user maps one (the review step says which).
 */
export const AGENCY_COLUMNS = ['nama_satker', 'kd_satker_str', 'kd_satker'] as const;

/** Identity of an agency inside the SIRUP family: its SIRUP id, else its code string, else its name. */
export const SIRUP_AGENCY_KEY = `coalesce('kd:' || kd_satker, 'str:' || kd_satker_str, 'nama:' || upper(nama_satker))`;
/**
 * Realisasi rows (SPSE ids differ from SIRUP's): the normalised code string, else the name; reconciliation maps
 * them later. Exports with neither (e-Katalog v5 often has only `satker_id`) fall back to the source's own id.
 */
export const REALISASI_AGENCY_KEY = `coalesce('str:' || kd_satker_str, 'nama:' || upper(nama_satker), 'id:' || kd_satker)`;

export const IDENTITY: ColumnSpec[] = [
  { name: 'tahun', type: 'int', aliases: ['tahun_anggaran', 'tahunanggaran', 'tahun', 'ta'] },
  { name: 'kd_klpd', type: 'code', aliases: ['kd_klpd', 'kode_klpd'] },
  { name: 'nama_klpd', type: 'text', aliases: ['nama_klpd', 'klpd'] },
  {
    name: 'kd_satker',
    type: 'code',
    aliases: ['kd_satker', 'kodesatker', 'idsatker', 'kode_satker', 'satker_id'],
  },
  { name: 'kd_satker_str', type: 'satker_str', aliases: ['kd_satker_str'] },
  {
    name: 'nama_satker',
    type: 'text',
    aliases: ['nama_satker', 'namasatker', 'satuan_kerja', 'satker', 'nama_satuan_kerja'],
  },
];

export const RUP_STATUS: ColumnSpec[] = [
  { name: 'status_aktif', type: 'bool', aliases: ['status_aktif_rup', 'statusaktifpaket', 'status_aktif'] },
  {
    name: 'status_delete',
    type: 'bool',
    aliases: ['status_delete_rup', 'statusdeletepaket', 'status_delete'],
  },
  {
    name: 'status_umumkan',
    type: 'text',
    aliases: ['status_umumkan_rup', 'statusumumkan', 'status_umumkan'],
  },
];

/** Ids damaged into scientific notation (`1.23457E+11`): their digits are lost, so the row cannot be identified. */
export function sciCodeRejections(cols: readonly string[]): RowRule[] {
  return cols.map((c) => ({ code: 'kode_notasi_ilmiah', column: c, sql: `p3dn_code_sci(${c})` }));
}

export const RUP_REJECTIONS: RowRule[] = [
  { code: 'kd_rup_kosong', column: 'kd_rup', sql: 'kd_rup IS NULL' },
  ...sciCodeRejections(['kd_rup', 'kd_satker']),
  { code: 'pagu_kosong', column: 'pagu', sql: 'p3dn_blank(raw_pagu)' },
  { code: 'angka_tidak_valid', column: 'pagu', sql: 'pagu IS NULL AND NOT p3dn_blank(raw_pagu)' },
  { code: 'nilai_negatif', column: 'pagu', sql: 'pagu < 0' },
  { code: 'satker_kosong', column: 'nama_satker', sql: 'agency_key IS NULL' },
];

export const RUP_EXCLUSIONS: RowRule[] = [
  { code: 'paket_dihapus', sql: 'status_delete IS TRUE' },
  { code: 'paket_tidak_aktif', sql: 'status_aktif IS FALSE' },
  { code: 'belum_diumumkan', sql: "status_umumkan IS NOT NULL AND lower(status_umumkan) <> 'terumumkan'" },
];

/**
 * The export's own date (`_event_date` of ISB exports, `last_update_ref` of INAPROC v1): of two files holding the
 * same package or transaction, the one exported last is counted (src/p3dn/schema/cross-file.ts).
 */
export const EXPORT_DATE: ColumnSpec = {
  name: 'tanggal_ekspor',
  type: 'date',
  aliases: ['event_date', 'last_update_ref'],
  stageOnly: true,
};

export const KD_RUP: ColumnSpec = {
  name: 'kd_rup',
  type: 'code',
  aliases: ['kd_rup', 'idrup', 'kode_rup', 'id_rup', 'kd_rup_paket'],
};
export const NAMA_PAKET: ColumnSpec = {
  name: 'nama_paket',
  type: 'text',
  aliases: ['nama_paket', 'namapaket', 'paket', 'rup_nama_pkt'],
};
export const PAGU: ColumnSpec = {
  name: 'pagu',
  type: 'money',
  aliases: ['pagu', 'jumlahpagu', 'total_pagu', 'pagu_rup'],
};

/** Money columns: a present value that is not a number rejects the row. */
export function moneyRejections(cols: readonly string[]): RowRule[] {
  return cols.map((c) => ({
    code: 'angka_tidak_valid',
    column: c,
    sql: `${c} IS NULL AND NOT p3dn_blank(raw_${c})`,
  }));
}
