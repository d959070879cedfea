/** The one transaction that loads a classified file (or replaces earlier ones) into the canonical views. */
import { ident, literal } from '../../engine/sql';
import { KINDS, type KindSpec } from '../kinds';
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

export interface Swap {
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
 * One transaction: the replaced files go (their tables are dropped), the new file's rejected rows move to
 * `import_reject`, its table becomes part of the canonical view of its kind, and `source_file` records it. The
 * classified rows are not copied: the file's table is what the view reads.
 */
export function swapSql(
  spec: KindSpec,
  cls: string,
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
    'BEGIN TRANSACTION;',
    ...['import_reject', 'import_exclusion', 'source_file'].map(
      (t) => `DELETE FROM ${ident(t)} WHERE file_id IN (${ids});`,
    ),
    ...gone.map((f) => `DROP TABLE IF EXISTS ${ident(f.dataTable)};`),
    `INSERT INTO import_reject SELECT ${fileId}, line, reject_column, reject_value, reject_code, NULL
      FROM ${ident(cls)} WHERE reject_code IS NOT NULL;`,
    `INSERT INTO import_reject SELECT ${fileId}, line, any_value(column_name), any_value(csv_line), 'struktur_baris',
      any_value(error_type) FROM ${ident(rej)} GROUP BY line;`,
    `DELETE FROM ${ident(cls)} WHERE reject_code IS NOT NULL;`,
    excl ? `INSERT INTO import_exclusion VALUES ${excl};` : '',
    `INSERT INTO source_file VALUES (${fileId}, ${literal(req.displayName)}, ${literal(spec.id)}, ${req.sizeBytes},
      ${literal(w.format)}, ${literal(head.delimiter)}, ${req.isSample}, ${c.read}, ${c.loaded}, ${c.excluded},
      ${c.rejected}, ${literal(w.fp)}, ${literal(w.mode)}, ${literal(cls)});`,
    ...[...views].map((t) => canonicalViewSql(t, after)),
    'COMMIT;',
  ].join('\n');
}
