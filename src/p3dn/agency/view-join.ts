/**
 * The register at the source level: every canonical view joins the materialised identity → register map
 * (`agency_idmap`), so each row's `agency_key` is its register agency and `pemda_key` its Pemda, and every metric
 * keeps grouping by `agency_key`. Until the map knows a file (between its load and the register refresh that
 * follows), its rows keep the identity key the importer gave them.
 */

/** The identity columns of an agency, in the map's order. A table without one of them matches it as NULL. */
export const IDENTITY_COLUMNS = [
  'kd_klpd',
  'nama_klpd',
  'kd_satker',
  'kd_satker_str',
  'nama_satker',
] as const;

/**
 * `inner` (the union of a canonical table's files) with its rows' register agency (`register_key`), Pemda and match
 * path. `replaceKey`: `agency_key` becomes the register key too (plan and budget tables, whose metrics group by
 * it); transactions keep their identity key in `agency_key` and are read through `realisasi_x.agency`.
 */
export function registerJoinSql(inner: string, columns: readonly string[], replaceKey: boolean): string {
  const on = IDENTITY_COLUMNS.filter((c) => columns.includes(c))
    .map((c) => ` AND m.${c} IS NOT DISTINCT FROM u.${c}`)
    .join('');
  const star = replaceKey ? 'u.* REPLACE (coalesce(m.agency_key, u.agency_key) AS agency_key)' : 'u.*';
  return `SELECT ${star}, coalesce(m.agency_key, u.agency_key) AS register_key,
  coalesce(m.pemda_key, 'tanpa_pemda') AS pemda_key, m.match_path AS agency_path, m.alias_key AS agency_alias
FROM (
${inner}
) u LEFT JOIN agency_idmap m ON m.file_id = u.file_id${on}`;
}
