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
