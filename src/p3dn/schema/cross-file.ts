/**
 * Counted once across files. A package (`kd_rup`) or a transaction (its source's key: order id, tender /
 * non-tender code, with the contract version for e-kontrak) held by several loaded files is counted from one of
 * them: the most recent export (the file's latest `tanggal_ekspor`, i.e. `_event_date` / `last_update_ref`) when
 * every copy has one, else the file loaded last. The other copies are marked in `file_superseded` (refreshed inside the transaction
 * that loads or replaces a file) and the canonical views give them the exclusion `berkas_lebih_baru`.
 */
import { ident, literal } from '../../engine/sql';
import { KINDS, type KindId } from '../kinds';
import type { LoadedFile } from './tables';

const SUPERSEDED_RULE = 'berkas_lebih_baru';

export const SUPERSEDED_TABLE_SQL = `CREATE TABLE IF NOT EXISTS file_superseded (
  tbl VARCHAR, file_id INTEGER, line BIGINT, winner INTEGER);`;

/** The canonical tables whose rows have an identity across files, and the key of each kind's rows. */
const CROSS_FILE_TABLES = new Set(['rup_penyedia', 'rup_swakelola', 'realisasi']);

/** A kind's row identity across files (its within-file dedup key), or null when its rows have none. */
function crossKey(kind: KindId): string | null {
  const spec = KINDS[kind];
  if (!CROSS_FILE_TABLES.has(spec.table) || !spec.dedup) return null;
  return spec.dedup.key === 'agency_key' ? null : spec.dedup.key;
}

/** Among copies in several files, a later contract version wins before the export date (e-kontrak addenda). */
const VERSION: Partial<Record<KindId, string>> = { spse_ekontrak: 'coalesce(versi_addendum, -1)' };

/** Do the views of `table` read `file_superseded` (several files of it loaded)? */
function hasCrossFile(table: string, files: readonly LoadedFile[]): boolean {
  return (
    CROSS_FILE_TABLES.has(table) &&
    files.filter((f) => KINDS[f.kind].table === table && crossKey(f.kind)).length > 1
  );
}

/** The exclusion of a file's row in the canonical view: its own, else superseded by a more recent file. */
export function crossFileExclusion(table: string, f: LoadedFile, files: readonly LoadedFile[]): string {
  if (!hasCrossFile(table, files) || !crossKey(f.kind)) return ident('exclusion');
  return `coalesce(${ident('exclusion')}, CASE WHEN ${ident('line')} IN (SELECT line FROM file_superseded
    WHERE tbl = ${literal(table)} AND file_id = ${f.fileId}) THEN ${literal(SUPERSEDED_RULE)} END)`;
}

/** Recompute the superseded copies of `table` over the files loaded after the swap. */
export function refreshSupersededSql(table: string, files: readonly LoadedFile[]): string {
  const del = `DELETE FROM file_superseded WHERE tbl = ${literal(table)};`;
  if (!hasCrossFile(table, files)) return del;
  const parts = files
    .filter((f) => KINDS[f.kind].table === table && crossKey(f.kind))
    .map((f) => {
      const spec = KINDS[f.kind];
      const t = ident(f.dataTable);
      const key = ident(crossKey(f.kind)!);
      const dedup = spec.dedup?.code ?? '';
      const exported = spec.columns.some((c) => c.name === 'tanggal_ekspor')
        ? `(SELECT max(tanggal_ekspor) FROM ${t})`
        : 'CAST(NULL AS DATE)';
      return `SELECT ${f.fileId} AS file_id, line, ${literal(f.kind)} AS src, ${key} AS k,
        ${VERSION[f.kind] ?? '0'} AS v, ${exported} AS d,
        exclusion IS NULL AS counted
      FROM ${t} WHERE ${key} IS NOT NULL AND (exclusion IS NULL OR exclusion <> ${literal(dedup)})`;
    });
  // Realisasi: the key is the source's own (an order id of Toko Daring is no SPSE tender code).
  const part = table === 'realisasi' ? 'src, k' : 'k';
  return `${del}
INSERT INTO file_superseded
  SELECT ${literal(table)}, file_id, line, winner FROM (
    SELECT file_id, line, counted, first_value(file_id) OVER w AS winner, row_number() OVER w AS rn
    FROM (SELECT *, bool_and(d IS NOT NULL) OVER (PARTITION BY ${part}) AS dated
      FROM (${parts.join('\n      UNION ALL ')}))
    -- Export dates decide only when every copy has one; otherwise the file loaded last wins.
    WINDOW w AS (PARTITION BY ${part} ORDER BY v DESC, CASE WHEN dated THEN d END DESC NULLS LAST, file_id DESC)
  ) WHERE rn > 1 AND winner <> file_id AND counted;`;
}
