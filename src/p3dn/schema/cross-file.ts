/**
 * Counted once across files. A row held by several loaded files is counted from one of them: the most recent
 * export (the file's latest `tanggal_ekspor`, i.e. `_event_date` / `last_update_ref`) when every copy has one, else
 * the file loaded last. The other copies are marked in `file_superseded` and the canonical views give them the
 * exclusion `berkas_lebih_baru`. What "the same row" means depends on the kind (`KindSpec.crossFile`):
 *   - a key of the row (a package's `kd_rup`; a transaction's key per source: order id, tender / non-tender code,
 *     with the contract version for e-kontrak): decided inside the transaction that loads or replaces a file;
 *   - `agency` (budget exports: StrukturAnggaranPD, APBD/SIPD/SIMDA): per register agency and year, the rows of one
 *     file count — two exports overlapping on an agency never add their budgets up. The agency is the register's,
 *     so this is decided with the register (`agencySupersededSql`, run by ../agency/register.ts).
 * The same file twice (same SHA-256, whatever its name) is never two files: it replaces itself (../import/swap.ts).
 */
import { num } from '../../engine/cells';
import { ident, literal } from '../../engine/sql';
import type { Engine } from '../../engine/types';
import { KINDS, type KindId } from '../kinds';
import type { LoadedFile } from './tables';

const SUPERSEDED_RULE = 'berkas_lebih_baru';

export const SUPERSEDED_TABLE_SQL = `CREATE TABLE IF NOT EXISTS file_superseded (
  tbl VARCHAR, file_id INTEGER, line BIGINT, winner INTEGER);`;

/** The canonical tables whose kinds' dedup key is also their identity across files (plans and transactions). */
const DEDUP_KEYED = new Set(['rup_penyedia', 'rup_swakelola', 'realisasi']);

type CrossKey = { by: 'key'; key: string } | { by: 'agency' };

/** A kind's row identity across files, or null when its rows have none. */
function crossKey(kind: KindId): CrossKey | null {
  const spec = KINDS[kind];
  if (spec.crossFile === 'agency') return { by: 'agency' };
  if (spec.crossFile) return { by: 'key', key: spec.crossFile.key };
  if (!DEDUP_KEYED.has(spec.table) || !spec.dedup || spec.dedup.key === 'agency_key') return null;
  return { by: 'key', key: spec.dedup.key };
}

/** Among copies in several files, a later contract version wins before the export date (e-kontrak addenda). */
const VERSION: Partial<Record<KindId, string>> = { spse_ekontrak: 'coalesce(versi_addendum, -1)' };

/** The budget tables: their copies are decided per register agency and year. */
const AGENCY_KEYED = [
  ...new Set(
    Object.values(KINDS)
      .filter((k) => k.crossFile === 'agency')
      .map((k) => k.table),
  ),
];

/** The loaded files of `table` whose rows have an identity across files. */
const keyedFiles = (table: string, files: readonly LoadedFile[]) =>
  files.filter((f) => KINDS[f.kind].table === table && crossKey(f.kind));

/** Do the views of `table` read `file_superseded` (several files of it loaded)? */
function hasCrossFile(table: string, files: readonly LoadedFile[]): boolean {
  return keyedFiles(table, files).length > 1;
}

/** The exclusion of a file's row in the canonical view: its own, else superseded by a more recent file. */
export function crossFileExclusion(table: string, f: LoadedFile, files: readonly LoadedFile[]): string {
  if (!hasCrossFile(table, files) || !crossKey(f.kind)) return ident('exclusion');
  return `coalesce(${ident('exclusion')}, CASE WHEN ${ident('line')} IN (SELECT line FROM file_superseded
    WHERE tbl = ${literal(table)} AND file_id = ${f.fileId}) THEN ${literal(SUPERSEDED_RULE)} END)`;
}

/** The export date of a loaded file (its latest `tanggal_ekspor`), NULL when its kind has none. */
function exportDate(f: LoadedFile): string {
  return KINDS[f.kind].columns.some((c) => c.name === 'tanggal_ekspor')
    ? `(SELECT max(tanggal_ekspor) FROM ${ident(f.dataTable)})`
    : 'CAST(NULL AS DATE)';
}

/**
 * Mark the copies that do not count. `parts`: rows (file_id, line, k = the key, v = version, d = export date,
 * counted) of every file; `part`: the columns a key is unique within. Of each key, the rows of the winning file
 * count (however many it holds); a copy in another file is marked when it would count otherwise.
 */
function markSql(table: string, parts: readonly string[], part: string): string {
  return `INSERT INTO file_superseded
  SELECT ${literal(table)}, file_id, line, winner FROM (
    SELECT file_id, line, counted, first_value(file_id) OVER w AS winner
    FROM (SELECT *, bool_and(d IS NOT NULL) OVER (PARTITION BY ${part}) AS dated
      FROM (${parts.join('\n      UNION ALL ')}))
    -- Export dates decide only when every copy has one; otherwise the file loaded last wins.
    WINDOW w AS (PARTITION BY ${part} ORDER BY v DESC, CASE WHEN dated THEN d END DESC NULLS LAST, file_id DESC)
  ) WHERE winner <> file_id AND counted;`;
}

/**
 * Recompute the superseded copies of `table` over the files loaded after the swap. A budget table's copies are
 * decided with the register (`agencySupersededSql`): here only the marks of files no longer loaded go.
 */
export function refreshSupersededSql(table: string, files: readonly LoadedFile[]): string {
  const mine = keyedFiles(table, files);
  const del = `DELETE FROM file_superseded WHERE tbl = ${literal(table)}`;
  if (mine.length > 1 && AGENCY_KEYED.includes(table)) {
    const ids = mine.map((f) => f.fileId).join(', ');
    return `${del} AND (file_id NOT IN (${ids}) OR winner NOT IN (${ids}));`;
  }
  if (mine.length < 2) return `${del};`;
  const parts = mine.map((f) => {
    const spec = KINDS[f.kind];
    const t = ident(f.dataTable);
    const ck = crossKey(f.kind)!;
    const key = ident(ck.by === 'key' ? ck.key : 'agency_key');
    const dedup = spec.dedup?.code ?? '';
    return `SELECT ${f.fileId} AS file_id, line, ${literal(f.kind)} AS src, ${key} AS k,
        ${VERSION[f.kind] ?? '0'} AS v, ${exportDate(f)} AS d,
        exclusion IS NULL AS counted
      FROM ${t} WHERE ${key} IS NOT NULL AND (exclusion IS NULL OR exclusion <> ${literal(dedup)})`;
  });
  // Realisasi: the key is the source's own (an order id of Toko Daring is no SPSE tender code).
  return `${del};\n${markSql(table, parts, table === 'realisasi' ? 'src, k' : 'k')}`;
}

/**
 * The budget tables' superseded copies, per register agency and year, over the loaded files: run by the register
 * refresh once `agency_idmap` holds the new map (inside its transaction). Rows are read through the canonical view
 * (its register `agency_key`) after the table's marks are deleted, so each row has its own exclusion only.
 */
export function agencySupersededSql(files: readonly LoadedFile[]): string {
  return AGENCY_KEYED.map((table) => {
    const mine = keyedFiles(table, files);
    const del = `DELETE FROM file_superseded WHERE tbl = ${literal(table)};`;
    if (mine.length < 2) return del;
    const dates = mine.map((f) => `SELECT ${f.fileId} AS file_id, ${exportDate(f)} AS d`).join(' UNION ALL ');
    const rows = `SELECT r.file_id, r.line, '' AS src,
          coalesce(r.agency_key, '') || '|' || coalesce(CAST(r.tahun AS VARCHAR), '') AS k, 0 AS v, e.d,
          true AS counted
        FROM ${ident(table)} r JOIN (${dates}) e ON e.file_id = r.file_id WHERE r.exclusion IS NULL`;
    return `${del}\n${markSql(table, [rows], 'k')}`;
  }).join('\n');
}

/** A file's rows in `file_superseded`: this file's rows another file counts instead, and the other way round. */
export interface CrossFileReport {
  /** Rows of this file not counted because a more recent file holds them (per that file). */
  lostTo: { fileId: number; name: string; n: number }[];
  /** Rows of earlier files this file now counts instead (per file). */
  superseded: { fileId: number; name: string; n: number }[];
}

/** How many rows of this file lost to a more recent file, and how many of other files this one superseded. */
export async function crossFileReport(engine: Engine, fileId: number): Promise<CrossFileReport> {
  const q = (by: 'winner' | 'file_id', where: 'file_id' | 'winner') =>
    engine.query(
      `SELECT s.${by} AS id, any_value(f.name) AS name, count(*) AS n FROM file_superseded s
        JOIN source_file f ON f.file_id = s.${by} WHERE s.${where} = ? GROUP BY 1 ORDER BY 1`,
      [fileId],
    );
  const rows = (r: Awaited<ReturnType<typeof q>>) =>
    r.map((x) => ({ fileId: num(x['id']), name: String(x['name']), n: num(x['n']) }));
  return { lostTo: rows(await q('winner', 'file_id')), superseded: rows(await q('file_id', 'winner')) };
}
