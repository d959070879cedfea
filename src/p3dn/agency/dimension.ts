/**
 * The register's tables. `agency_alias` holds the user's aliases (the app persists them and writes them here);
 * `agency_ids` every distinct agency identity of every loaded file (cached per file table); `agency_idmap` the
 * register agency and Pemda of each identity and how it was matched (the canonical views join it: register.ts);
 * `agency_register` one row per register agency; `pemda_dim` one row per Pemda. Created before the canonical
 * views, which read `agency_idmap`.
 */
export const AGENCY_TABLES_SQL = `
CREATE TABLE IF NOT EXISTS agency_alias (alias_key VARCHAR PRIMARY KEY, agency_key VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS agency_ids (data_table VARCHAR, file_id INTEGER, kd_klpd VARCHAR, nama_klpd VARCHAR,
  kd_satker VARCHAR, kd_satker_str VARCHAR, nama_satker VARCHAR, n BIGINT);
CREATE TABLE IF NOT EXISTS agency_idmap (file_id INTEGER, kd_klpd VARCHAR, nama_klpd VARCHAR, kd_satker VARCHAR,
  kd_satker_str VARCHAR, nama_satker VARCHAR, pemda_key VARCHAR, agency_key VARCHAR, match_path VARCHAR,
  alias_key VARCHAR, pemda_path VARCHAR);
CREATE TABLE IF NOT EXISTS agency_register (agency_key VARCHAR, pemda_key VARCHAR, nama VARCHAR, kode VARCHAR,
  has_komitmen BOOLEAN, has_anggaran BOOLEAN, has_realisasi BOOLEAN);
CREATE TABLE IF NOT EXISTS pemda_dim (pemda_key VARCHAR, nama VARCHAR, kd_klpd VARCHAR, agencies BIGINT);
`;

/**
 * The register's tables that every register refresh rebuilds from the loaded files and the aliases
 * (register.ts; `agency_ids` is its cache of identities per file, collected again for a file it lacks): derived,
 * never a part of what the user loaded. `agency_alias` is the user's.
 */
export const REGISTER_TABLES = ['agency_ids', 'agency_idmap', 'agency_register', 'pemda_dim'] as const;

/** The agencies of the figures (those with a plan or a budget: komitmen or anggaran), with their Pemda. */
export const AGENCY_VIEWS_SQL = `
CREATE OR REPLACE VIEW agency_dim AS
  SELECT agency_key, nama, kode, pemda_key FROM agency_register WHERE has_komitmen OR has_anggaran;
`;

/** The key an unmatched agency is listed under and an alias is stored under (normalised name, else code). */
export const ALIAS_KEY_SQL = (nameExpr: string, codeExpr: string, kdExpr: string) =>
  `coalesce(p3dn_norm_name(${nameExpr}), 'kode:' || p3dn_norm_code(${codeExpr}), 'id:' || ${kdExpr})`;

/**
 * How an identity joined its register agency: by SIRUP id or code, by normalised name, or by the user's alias.
 * `sendiri`: nothing to match against (no file of a partner group loaded); NULL: unmatched.
 */
export type MatchPath = 'kode' | 'nama' | 'alias';
export const MATCH_PATHS: readonly MatchPath[] = ['kode', 'nama', 'alias'];

/** The Pemda key of rows whose Pemda cannot be told (several Pemda loaded, the file names none). */
export const UNKNOWN_PEMDA = 'tanpa_pemda';

/**
 * How an identity's Pemda is known (`agency_idmap.pemda_path`), strongest first:
 *   `kd_klpd`          its own kd_klpd;
 *   `nama_klpd`        its own nama_klpd (the Pemda of that name, by its kd_klpd when a file gives both);
 *   `perangkat_daerah` it names no Pemda, but the register agency it was matched into (by SIRUP id, code or name)
 *                      has an identity of another file that does;
 *   `satu_pemda`       neither it nor its agency names a Pemda: it belongs to the one Pemda the dataset names;
 *   `tanpa_pemda`      neither, and the dataset names several Pemda (or none): the unknown-Pemda bucket.
 */
export type PemdaPath = 'kd_klpd' | 'nama_klpd' | 'perangkat_daerah' | 'satu_pemda' | 'tanpa_pemda';
const PEMDA_PATHS: readonly PemdaPath[] = [
  'kd_klpd',
  'nama_klpd',
  'perangkat_daerah',
  'satu_pemda',
  'tanpa_pemda',
];
const PATH_RANK = `CASE pemda_path ${PEMDA_PATHS.map((p, i) => `WHEN '${p}' THEN ${i}`).join(' ')} END`;

/** Per register agency of the figures: its Pemda and the strongest way one of its identities knows it. */
export const AGENCY_PEMDA_SQL = `SELECT m.agency_key, any_value(m.pemda_key) AS pemda_key,
    arg_min(m.pemda_path, ${PATH_RANK}) AS pemda_path
  FROM agency_idmap m SEMI JOIN agency_dim d USING (agency_key) GROUP BY m.agency_key`;

/**
 * Per loaded file: the Pemda its rows belong to and how that is known, with the rows (loaded: counted or excluded)
 * and register agencies of each; by file, Pemda name, path.
 */
export const FILE_PEMDA_SQL = `SELECT a.file_id, m.pemda_key, p.nama AS pemda, p.kd_klpd, m.pemda_path,
    CAST(sum(a.n) AS BIGINT) AS n_rows, count(DISTINCT m.agency_key) AS agencies
  FROM agency_ids a JOIN source_file sf ON sf.file_id = a.file_id AND sf.data_table = a.data_table
    JOIN agency_idmap m ON m.file_id = a.file_id AND m.kd_klpd IS NOT DISTINCT FROM a.kd_klpd
      AND m.nama_klpd IS NOT DISTINCT FROM a.nama_klpd AND m.kd_satker IS NOT DISTINCT FROM a.kd_satker
      AND m.kd_satker_str IS NOT DISTINCT FROM a.kd_satker_str AND m.nama_satker IS NOT DISTINCT FROM a.nama_satker
    LEFT JOIN pemda_dim p ON p.pemda_key = m.pemda_key
  GROUP BY a.file_id, m.pemda_key, p.nama, p.kd_klpd, m.pemda_path
  ORDER BY a.file_id, m.pemda_key = '${UNKNOWN_PEMDA}', p.nama, m.pemda_key, ${PATH_RANK}`;

/** The register agencies, for menus (filters, alias mapping), with their Pemda's name. */
export const AGENCY_LIST_SQL = `SELECT d.agency_key, coalesce(d.nama, d.agency_key) AS nama, d.kode, d.pemda_key,
    p.nama AS pemda
  FROM agency_dim d LEFT JOIN pemda_dim p USING (pemda_key) ORDER BY nama, p.nama`;

/** The Pemda of the dataset (key, name, kd_klpd, number of agencies), by name. */
export const PEMDA_LIST_SQL = `SELECT pemda_key, nama, kd_klpd, agencies FROM pemda_dim
  ORDER BY pemda_key = '${UNKNOWN_PEMDA}', nama, pemda_key`;
