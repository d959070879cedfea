import { ident, literal } from '../../engine/sql';
import type { Engine } from '../../engine/types';
import { registerJoinSql } from '../agency/view-join';
import { KINDS, type ColumnType, type KindId, type KindSpec } from '../kinds';
import { REALISASI_COLUMNS } from './realisasi';
import { SUPERSEDED_TABLE_SQL, crossFileExclusion } from './cross-file';

export function sqlType(t: ColumnType): string {
  switch (t) {
    case 'money':
      return 'DECIMAL(20, 2)';
    case 'bool':
    case 'flag_pdn':
    case 'flag_ukm':
      return 'BOOLEAN';
    case 'int':
      return 'INTEGER';
    case 'date':
      return 'DATE';
    default:
      return 'VARCHAR';
  }
}

/**
 * Canonical columns of a kind's table, in order: provenance, the kind's columns, agency key, exclusion rule.
 * Realisasi kinds share the fixed `realisasi` table (./realisasi.ts).
 */
export function tableColumns(spec: KindSpec): { name: string; type: string }[] {
  if (spec.table === 'realisasi') return REALISASI_COLUMNS.map((c) => ({ name: c.name, type: c.type }));
  return [
    { name: 'file_id', type: 'INTEGER' },
    { name: 'line', type: 'BIGINT' },
    ...spec.columns.filter((c) => !c.stageOnly).map((c) => ({ name: c.name, type: sqlType(c.type) })),
    { name: 'agency_key', type: 'VARCHAR' },
    { name: 'exclusion', type: 'VARCHAR' },
  ];
}

/** Every canonical table a kind writes to, once. */
export function dataTables(): string[] {
  return [...new Set(Object.values(KINDS).map((k) => k.table))];
}

/** A loaded file and the table that holds its classified rows. */
export interface LoadedFile {
  fileId: number;
  kind: KindId;
  dataTable: string;
}

/**
 * The canonical table `table` as a view: the rows of every loaded file of its kinds, one file's table each
 * (`UNION ALL`). Importing a file classifies its rows once into a table of its own, and loading it only replaces
 * this view: the rows are never copied a second time, and memory never holds two copies of a large file. Each
 * file's table holds the canonical columns under their names (plus staging columns the view leaves out);
 * `file_id` and, for realisasi, `source` come from the file; a kind's `stored` expressions are computed here.
 */
export function canonicalViewSql(table: string, files: readonly LoadedFile[]): string {
  const spec = Object.values(KINDS).find((k) => k.table === table);
  if (!spec) throw new Error(`No kind writes to ${table}`);
  const cols = tableColumns(spec);
  const parts = files
    .filter((f) => KINDS[f.kind].table === table)
    .map((f) => {
      const k = KINDS[f.kind];
      const staged = new Set([...k.columns.map((c) => c.name), 'line', 'agency_key', 'exclusion']);
      const sel = cols.map((c) => {
        const v =
          c.name === 'exclusion'
            ? crossFileExclusion(table, f, files)
            : c.name === 'file_id'
              ? String(f.fileId)
              : c.name === 'source' && table === 'realisasi'
                ? literal(k.id)
                : k.stored && Object.hasOwn(k.stored, c.name)
                  ? `(${k.stored[c.name]})`
                  : staged.has(c.name)
                    ? ident(c.name)
                    : 'NULL';
        return `CAST(${v} AS ${c.type}) AS ${ident(c.name)}`;
      });
      return `SELECT ${sel.join(', ')} FROM ${ident(f.dataTable)}`;
    });
  if (parts.length === 0) {
    parts.push(
      `SELECT ${cols.map((c) => `CAST(NULL AS ${c.type}) AS ${ident(c.name)}`).join(', ')} WHERE false`,
    );
  }
  // The register (../agency): each row's register agency (register_key; agency_key too, transactions aside)
  // and its Pemda (pemda_key).
  const union = parts.join('\nUNION ALL\n');
  const names = cols.map((c) => c.name);
  return `CREATE OR REPLACE VIEW ${ident(table)} AS\n${registerJoinSql(union, names, table !== 'realisasi')};`;
}

/** The dataset's own tables (files, checksums, exclusions, rejects) and an empty view per canonical table. */
export function datasetTablesSql(): string {
  return [
    `CREATE TABLE IF NOT EXISTS source_file (
      file_id INTEGER PRIMARY KEY, name VARCHAR, kind VARCHAR, size_bytes BIGINT, encoding VARCHAR,
      delimiter VARCHAR, is_sample BOOLEAN, rows_read BIGINT, rows_loaded BIGINT, rows_excluded BIGINT,
      rows_rejected BIGINT, fingerprint VARCHAR, mode VARCHAR, data_table VARCHAR);`,
    // SHA-256 of each loaded file (hex), computed at import; a table of its own so source_file's INSERT is unchanged.
    `CREATE TABLE IF NOT EXISTS source_checksum (file_id INTEGER, sha256 VARCHAR);`,
    `CREATE TABLE IF NOT EXISTS import_exclusion (file_id INTEGER, rule VARCHAR, n BIGINT);`,
    `CREATE TABLE IF NOT EXISTS import_reject (
      file_id INTEGER, line BIGINT, column_name VARCHAR, value VARCHAR, reason VARCHAR, detail VARCHAR);`,
    SUPERSEDED_TABLE_SQL,
    ...dataTables().map((t) => canonicalViewSql(t, [])),
  ].join('\n');
}

/**
 * Whose data is loaded, derived from the data itself (`source_file.is_sample`, kept in every snapshot): the sample
 * only when every loaded file is the sample's; the user's own otherwise (nothing loaded counts as own: there is no
 * sample to replace). The one answer the import (the first own file replaces the sample), the restore of a
 * stored dataset or of the sample's snapshot, and the snapshot's manifest all use.
 */
export async function loadedSource(engine: Engine): Promise<'sample' | 'own'> {
  const [r] = await engine.query(
    'SELECT count(*) AS n, count(*) FILTER (WHERE is_sample) AS s FROM source_file',
  );
  const n = Number(r?.['n'] ?? 0);
  return n > 0 && Number(r?.['s'] ?? 0) === n ? 'sample' : 'own';
}
