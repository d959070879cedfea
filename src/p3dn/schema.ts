import { KINDS, type ColumnType, type KindSpec } from './kinds';
import { APBD_MACROS_SQL, MACROS_SQL } from './macros';
import { REALISASI_COLUMNS } from './realisasi-schema';
import { ident } from './sql';

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
 * Realisasi kinds share the fixed `realisasi` table (src/p3dn/realisasi-schema.ts).
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

export function schemaSql(): string {
  const seen = new Set<string>();
  const tables: string[] = [];
  for (const spec of Object.values(KINDS)) {
    if (seen.has(spec.table)) continue;
    seen.add(spec.table);
    tables.push(
      `CREATE TABLE IF NOT EXISTS ${ident(spec.table)} (${tableColumns(spec)
        .map((c) => `${ident(c.name)} ${c.type}`)
        .join(', ')});`,
    );
  }
  return [
    MACROS_SQL,
    APBD_MACROS_SQL,
    `CREATE TABLE IF NOT EXISTS source_file (
      file_id INTEGER PRIMARY KEY, name VARCHAR, kind VARCHAR, size_bytes BIGINT, encoding VARCHAR,
      delimiter VARCHAR, is_sample BOOLEAN, rows_read BIGINT, rows_loaded BIGINT, rows_excluded BIGINT,
      rows_rejected BIGINT, fingerprint VARCHAR, mode VARCHAR);`,
    // SHA-256 of each loaded file (hex), computed at import; a table of its own so source_file's INSERT is unchanged.
    `CREATE TABLE IF NOT EXISTS source_checksum (file_id INTEGER, sha256 VARCHAR);`,
    `CREATE TABLE IF NOT EXISTS import_exclusion (file_id INTEGER, rule VARCHAR, n BIGINT);`,
    `CREATE TABLE IF NOT EXISTS import_reject (
      file_id INTEGER, line BIGINT, column_name VARCHAR, value VARCHAR, reason VARCHAR, detail VARCHAR);`,
    ...tables,
  ].join('\n');
}
