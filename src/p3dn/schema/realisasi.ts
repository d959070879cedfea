/**
 * The canonical table of realised transactions (realisasi): the contract between the importers (which fill it
 * from SPSE, e-Katalog and Toko Daring exports, and from hand-made sheets as `generik`) and the realisasi
 * metrics (which read it).
 *
 * The kinds it holds are REALISASI_SOURCES (../kinds/types.ts).
 *
 * One row per source record as loaded. `exclusion` names the rule that keeps a row out of the totals (failed or
 * unfinished order, repeated order id, superseded addendum, …); NULL = counted. Money is exact DECIMAL rupiah.
 *
 * - nilai      realised value of the row (nilai_kontrak, total_realisasi, total_harga, valuasi)
 * - nilai_pdn  PDN part as reported by the source; NULL = not reported (unknown), never 0 by default
 * - nilai_umk  UMK part as reported; NULL = not reported
 * - kd_rup     RUP package the transaction belongs to, when the source carries it (for flag inheritance)
 * - kd_satker  the agency id *as used by that source system* (SPSE ids differ from SIRUP ids)
 */
export const REALISASI_COLUMNS = [
  { name: 'file_id', type: 'INTEGER' },
  { name: 'line', type: 'BIGINT' },
  { name: 'source', type: 'VARCHAR' },
  { name: 'tahun', type: 'INTEGER' },
  { name: 'kd_klpd', type: 'VARCHAR' },
  { name: 'kd_satker', type: 'VARCHAR' },
  { name: 'kd_satker_str', type: 'VARCHAR' },
  { name: 'nama_satker', type: 'VARCHAR' },
  { name: 'trx_id', type: 'VARCHAR' }, // kd_tender / kd_nontender / kd_*_pct / kd_paket / order_id
  { name: 'kd_rup', type: 'VARCHAR' },
  { name: 'nama_paket', type: 'VARCHAR' },
  { name: 'metode', type: 'VARCHAR' },
  { name: 'jenis', type: 'VARCHAR' },
  { name: 'sumber_dana', type: 'VARCHAR' },
  { name: 'nilai', type: 'DECIMAL(20, 2)' },
  { name: 'nilai_pdn', type: 'DECIMAL(20, 2)' },
  { name: 'nilai_umk', type: 'DECIMAL(20, 2)' },
  { name: 'tanggal', type: 'DATE' },
  { name: 'status', type: 'VARCHAR' },
  { name: 'agency_key', type: 'VARCHAR' },
  { name: 'exclusion', type: 'VARCHAR' },
] as const;
