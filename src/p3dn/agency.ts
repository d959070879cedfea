/**
 * Agency reconciliation across files and systems.
 *
 * The canonical agency dimension comes from SIRUP (RUP penyedia, RUP swakelola, StrukturAnggaranPD): its key is the
 * komitmen `agency_key`. A realisasi row (SPSE, e-Katalog, Toko Daring) is mapped onto it by, in order:
 *   1. `kode`  — its normalised `kd_satker_str` equals the normalised code of exactly one SIRUP agency
 *               (e-Katalog and Toko Daring also by `kd_satker` = SIRUP `kd_satker`; SPSE ids differ, never used);
 *   2. `nama`  — its normalised name equals a normalised SIRUP name of exactly one agency;
 *   3. `alias` — the user's alias table maps its normalised name (or code, when it has no name) to an agency.
 * Whatever stays unmatched is listed with the rupiah at stake; it never silently leaves the totals.
 *
 * Normalised code: spaces removed, leading zeros of each dotted segment dropped (`1. 20. 03` = `1.20.3`).
 * Normalised name: upper case, `&` = DAN, punctuation to spaces, common abbreviations expanded (DINKES, SETDA,
 * BPKAD, …), a trailing Pemda suffix (`… PROVINSI KALBAR`, `… KABUPATEN X`, `… KOTA X`) dropped, spaces collapsed.
 */

/** Abbreviations written out before names are compared. Whole words only. */
export const NAME_ABBREVIATIONS: readonly (readonly [string, string])[] = [
  ['DINKES', 'DINAS KESEHATAN'],
  ['DISDIK', 'DINAS PENDIDIKAN'],
  ['DISDIKBUD', 'DINAS PENDIDIKAN DAN KEBUDAYAAN'],
  ['DISKOMINFO', 'DINAS KOMUNIKASI DAN INFORMATIKA'],
  ['DISHUB', 'DINAS PERHUBUNGAN'],
  ['DINSOS', 'DINAS SOSIAL'],
  ['DLH', 'DINAS LINGKUNGAN HIDUP'],
  ['DISDUKCAPIL', 'DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL'],
  ['DUKCAPIL', 'KEPENDUDUKAN DAN PENCATATAN SIPIL'],
  ['PUPR', 'PEKERJAAN UMUM DAN PENATAAN RUANG'],
  ['PERKIM', 'PERUMAHAN DAN KAWASAN PERMUKIMAN'],
  ['SETDA', 'SEKRETARIAT DAERAH'],
  ['SETWAN', 'SEKRETARIAT DPRD'],
  ['SEKRETARIAT DEWAN PERWAKILAN RAKYAT DAERAH', 'SEKRETARIAT DPRD'],
  ['BPKAD', 'BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH'],
  ['BAPPEDA', 'BADAN PERENCANAAN PEMBANGUNAN DAERAH'],
  ['BPBD', 'BADAN PENANGGULANGAN BENCANA DAERAH'],
  ['SATPOL PP', 'SATUAN POLISI PAMONG PRAJA'],
  ['RUMAH SAKIT UMUM DAERAH', 'RSUD'],
  ['DIS', 'DINAS'],
  ['KEC', 'KECAMATAN'],
  ['KAB', 'KABUPATEN'],
  ['PROV', 'PROVINSI'],
  ['PKM', 'PUSKESMAS'],
];

function abbreviationSql(expr: string): string {
  let out = expr;
  for (const [from, to] of NAME_ABBREVIATIONS) {
    out = `regexp_replace(${out}, '\\b${from}\\b', '${to}', 'g')`;
  }
  return out;
}

export const AGENCY_MACROS_SQL = `
CREATE OR REPLACE MACRO p3dn_norm_code(s) AS
  CASE WHEN p3dn_blank(s) THEN NULL
    ELSE regexp_replace(regexp_replace(trim(s), '\\s+', '', 'g'), '(^|\\.)0+([0-9])', '\\1\\2', 'g') END;

CREATE OR REPLACE MACRO p3dn_norm_name_0(s) AS
  regexp_replace(replace(upper(trim(s)), '&', ' DAN '), '[^A-Z0-9]+', ' ', 'g');

CREATE OR REPLACE MACRO p3dn_norm_name(s) AS
  CASE WHEN p3dn_blank(s) THEN NULL ELSE nullif(trim(regexp_replace(
    regexp_replace(
      ${abbreviationSql("' ' || p3dn_norm_name_0(s) || ' '")},
      '\\s+(PEMERINTAH\\s+)?(PROVINSI|KABUPATEN|KOTA|PEMKAB|PEMKOT|PEMPROV)\\s+\\S.*$', ''),
    '\\s+', ' ', 'g')), '') END;
`;

/**
 * Tables and views of the reconciliation. `agency_alias` holds the user's aliases (the app persists them and writes
 * them here); `agency_dim` is the SIRUP dimension; `agency_code_map` / `agency_name_map` the unambiguous matches.
 */
export const AGENCY_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS agency_alias (alias_key VARCHAR PRIMARY KEY, agency_key VARCHAR NOT NULL);

CREATE OR REPLACE VIEW agency_rows AS
  SELECT agency_key, kd_satker, kd_satker_str, nama_satker FROM rup_penyedia WHERE exclusion IS NULL
  UNION ALL SELECT agency_key, kd_satker, kd_satker_str, nama_satker FROM rup_swakelola WHERE exclusion IS NULL
  UNION ALL SELECT agency_key, kd_satker, kd_satker_str, nama_satker FROM struktur_anggaran WHERE exclusion IS NULL;

-- Distinct identities first: normalising is done per spelling, not per row.
CREATE OR REPLACE VIEW agency_src AS
  SELECT DISTINCT agency_key, kd_satker, kd_satker_str, nama_satker FROM agency_rows;

CREATE OR REPLACE VIEW agency_dim AS
  SELECT agency_key, mode(nama_satker) AS nama, mode(kd_satker_str) AS kode
  FROM agency_rows GROUP BY agency_key;

CREATE OR REPLACE VIEW agency_code_map AS
  SELECT n_code, any_value(agency_key) AS agency_key FROM (
    SELECT DISTINCT p3dn_norm_code(kd_satker_str) AS n_code, agency_key FROM agency_src
  ) WHERE n_code IS NOT NULL GROUP BY n_code HAVING count(DISTINCT agency_key) = 1;

CREATE OR REPLACE VIEW agency_kd_map AS
  SELECT kd_satker, any_value(agency_key) AS agency_key FROM (
    SELECT DISTINCT kd_satker, agency_key FROM agency_src
  ) WHERE kd_satker IS NOT NULL GROUP BY kd_satker HAVING count(DISTINCT agency_key) = 1;

CREATE OR REPLACE VIEW agency_name_map AS
  SELECT n_name, any_value(agency_key) AS agency_key FROM (
    SELECT DISTINCT p3dn_norm_name(nama_satker) AS n_name, agency_key FROM agency_src
  ) WHERE n_name IS NOT NULL GROUP BY n_name HAVING count(DISTINCT agency_key) = 1;
`;

/** The key an unmatched agency is listed under and an alias is stored under (normalised name, else code). */
export const ALIAS_KEY_SQL = (nameExpr: string, codeExpr: string, kdExpr: string) =>
  `coalesce(p3dn_norm_name(${nameExpr}), 'kode:' || p3dn_norm_code(${codeExpr}), 'id:' || ${kdExpr})`;

export type MatchPath = 'kode' | 'nama' | 'alias';
export const MATCH_PATHS: readonly MatchPath[] = ['kode', 'nama', 'alias'];

/** The SIRUP agencies, for menus (filters, alias mapping). */
export const AGENCY_LIST_SQL = `SELECT agency_key, coalesce(nama, agency_key) AS nama, kode FROM agency_dim ORDER BY nama`;
