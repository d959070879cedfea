/** The one transaction that loads a classified file (or replaces earlier ones) into the canonical views. */
import { num } from '../../engine/cells';
import type { Engine, SqlParam } from '../../engine/types';
import { ident, literal } from '../../engine/sql';
import { KINDS, type KindId, type KindSpec } from '../kinds';
import { refreshSupersededSql } from '../schema/cross-file';
import { isDiskTable, tableRef } from '../schema/row-store';
import { canonicalViewSql, type LoadedFile } from '../schema/tables';
import type { CsvHead } from './sniff';
import type { ImportCounts, ImportMode, ImportRequest } from './types';

/** A short fingerprint of a file (name, size, first bytes): the same export imported twice is recognised. */
export function fingerprint(name: string, size: number, head: Uint8Array): string {
  let h = 0x811c9dc5;
  const n = Math.min(head.length, 65536);
  for (let i = 0; i < n; i++) {
    h ^= head[i]!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${name}|${size}|${h.toString(16)}`;
}

/**
 * Load a classified file: inside one transaction the new file's id is taken, the files it replaces are decided
 * (every file, files of its kind, or none; the same file — same SHA-256 — always), and `swapSql` runs. Anything
 * failing rolls the whole transaction back: the loaded data stays as it was.
 */
export async function runSwap(
  engine: Engine,
  t: {
    spec: KindSpec;
    cls: string;
    rej: string;
    req: ImportRequest;
    head: CsvHead;
    counts: ImportCounts;
    fp: string;
    format: string;
  },
): Promise<{ fileId: number; replaced: number[]; mode: ImportMode }> {
  // The rejected rows leave the file's table before the transaction, which writes to the main database only (a
  // transaction writes to one database, and the file's table may be in the file store): the table is not read
  // by anything until the transaction commits, and is dropped if it fails.
  const rejRows = `${t.cls}_rejrows`;
  await engine.exec(`CREATE OR REPLACE TEMP TABLE ${ident(rejRows)} AS
    SELECT line, reject_column, reject_value, reject_code FROM ${ident(t.cls)} WHERE reject_code IS NOT NULL;
    DELETE FROM ${ident(t.cls)} WHERE reject_code IS NOT NULL;`);
  let done: { fileId: number; replaced: number[]; mode: ImportMode; gone: LoadedFile[] };
  await engine.exec('BEGIN TRANSACTION');
  try {
    const ids = async (q: string, p: SqlParam[] = []) =>
      (await engine.query(q, p)).map((r) => num(r['file_id']));
    const [fileId = 1] = await ids('SELECT coalesce(max(file_id), 0) + 1 AS file_id FROM source_file');
    const sameFile = await ids('SELECT file_id FROM source_file WHERE fingerprint = ?', [t.fp]);
    const byMode =
      t.req.replace === 'all'
        ? await ids('SELECT file_id FROM source_file')
        : t.req.replace === 'same_kind'
          ? await ids('SELECT file_id FROM source_file WHERE kind = ?', [t.spec.id])
          : [];
    const replaced = [...new Set([...byMode, ...sameFile])].sort((a, b) => a - b);
    const mode: ImportMode =
      sameFile.length > 0 && byMode.every((id) => sameFile.includes(id))
        ? 'same_file'
        : replaced.length > 0
          ? 'replace'
          : 'add';
    const files: LoadedFile[] = (
      await engine.query('SELECT file_id, kind, data_table FROM source_file ORDER BY file_id')
    ).map((r) => ({
      fileId: num(r['file_id']),
      kind: r['kind'] as KindId,
      dataTable: String(r['data_table']),
    }));
    const w: Swap = { fileId, replaced, files, counts: t.counts, fp: t.fp, mode, format: t.format };
    await engine.exec(swapSql(t.spec, t.cls, rejRows, t.rej, t.req, t.head, w));
    await engine.exec('COMMIT');
    done = { fileId, replaced, mode, gone: files.filter((f) => replaced.includes(f.fileId)) };
  } catch (e) {
    await engine.exec('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${ident(rejRows)}`).catch(() => undefined);
  }
  // Replaced files' tables in the file store go after the commit (in memory they went inside it). Nothing reads
  // them any more; one left behind by a failure here only takes room, and is never saved (../persist/snapshot.ts).
  for (const f of done.gone.filter((g) => isDiskTable(g.dataTable)))
    await engine.exec(`DROP TABLE IF EXISTS ${tableRef(f.dataTable)}`).catch(() => undefined);
  return { fileId: done.fileId, replaced: done.replaced, mode: done.mode };
}

interface Swap {
  fileId: number;
  /** Loaded files this import replaces. */
  replaced: number[];
  /** Every loaded file before the import. */
  files: LoadedFile[];
  counts: ImportCounts;
  fp: string;
  mode: ImportMode;
  format: string;
}

/**
 * The body of the swap transaction: the replaced files go (their tables are dropped), the new file's rejected rows move to
 * `import_reject`, its table becomes part of the canonical view of its kind, and `source_file` records it. The
 * classified rows are not copied: the file's table is what the view reads.
 */
function swapSql(
  spec: KindSpec,
  cls: string,
  rejRows: string,
  rej: string,
  req: ImportRequest,
  head: CsvHead,
  w: Swap,
): string {
  const { fileId, counts: c } = w;
  const ids = w.replaced.length ? w.replaced.join(', ') : 'NULL';
  const gone = w.files.filter((f) => w.replaced.includes(f.fileId));
  const after = [
    ...w.files.filter((f) => !w.replaced.includes(f.fileId)),
    { fileId, kind: spec.id, dataTable: cls },
  ];
  const views = new Set([spec.table, ...gone.map((f) => KINDS[f.kind].table)]);
  const excl = Object.entries(c.excludedByRule)
    .map(([k, n]) => `(${fileId}, ${literal(k)}, ${n})`)
    .join(', ');
  return [
    ...['import_reject', 'import_exclusion', 'source_file'].map(
      (t) => `DELETE FROM ${ident(t)} WHERE file_id IN (${ids});`,
    ),
    ...gone
      .filter((f) => !isDiskTable(f.dataTable))
      .map((f) => `DROP TABLE IF EXISTS ${ident(f.dataTable)};`),
    `INSERT INTO import_reject SELECT ${fileId}, line, reject_column, reject_value, reject_code, NULL
      FROM ${ident(rejRows)};`,
    `INSERT INTO import_reject SELECT ${fileId}, line, any_value(column_name), any_value(csv_line), 'struktur_baris',
      any_value(error_type) FROM ${ident(rej)} GROUP BY line;`,
    `INSERT INTO import_reject SELECT ${fileId}, line, NULL, value, reason, detail FROM ${ident(`${cls}_lines`)};`,
    excl ? `INSERT INTO import_exclusion VALUES ${excl};` : '',
    `INSERT INTO source_file VALUES (${fileId}, ${literal(req.displayName)}, ${literal(spec.id)}, ${req.sizeBytes},
      ${literal(w.format)}, ${literal(head.delimiter)}, ${req.isSample}, ${c.read}, ${c.loaded}, ${c.excluded},
      ${c.rejected}, ${literal(w.fp)}, ${literal(w.mode)}, ${literal(cls)});`,
    ...[...views].map((t) => canonicalViewSql(t, after)),
    ...[...views].map((t) => refreshSupersededSql(t, after)),
  ].join('\n');
}
