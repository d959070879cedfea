import type { Engine } from '../../engine/types';
import { refreshAgencyMap } from '../agency/realisasi-map';
import {
  canonicalViewSql,
  dataTables,
  isDerivedTable,
  loadedSource,
  sqlType,
  type LoadedFile,
} from '../schema';
import { ROW_STORE, ensureRowStore, isDiskTable, isFileTable, tableRef } from '../schema/row-store';
import { KINDS, KIND_IDS, type KindId } from '../kinds';
import { ident, literal } from '../../engine/sql';

/**
 * A snapshot of the loaded dataset: every table of the main schema as a typed CSV file, and a manifest naming
 * each table's file, columns, DuckDB types and row count. Generic on purpose: whatever tables the importer and
 * the schema create, the catalogue lists them, so schema changes elsewhere need no change here. Views are not
 * stored: the schema's own code recreates them (`canonicalViewSql` from `source_file`).
 *
 * A snapshot is restored whole when it was made with the running schema (`schema`, the fast path). Made by a version
 * whose derived tables (the register and the cubes: ../schema/derived.ts), views or macros differ but whose loaded
 * rows this one reads alike (`rows`), only the loaded rows' tables are restored and the rest is derived again, as
 * after an import (`SnapshotFit`).
 *
 * CSV round trips exactly with the types declared on read (DECIMAL as text, NULL as an empty field, an empty
 * string as `""`, quotes, separators and line breaks quoted). Used for the user's data in the browser's storage
 * (OPFS) and for the bundled sample, prebuilt at build time (scripts/build-sample-snapshot.ts).
 */

/** Bump when the layout of a snapshot (this file) changes. */
const SNAPSHOT_FORMAT = 1;
export const MANIFEST_NAME = 'manifest.json';

interface SnapshotColumn {
  name: string;
  type: string;
}

interface SnapshotTable {
  name: string;
  file: string;
  rows: number;
  bytes: number;
  columns: SnapshotColumn[];
}

interface SnapshotFile {
  name: string;
  kind: string;
  rowsLoaded: number;
}

export interface Manifest {
  format: number;
  app: 'pantau-pdn';
  /** Fingerprint of the empty schema (tables, columns, views, macros) the data was made with. */
  schema: string;
  /**
   * Fingerprint of what the loaded rows are read with (`rowsFingerprint`): the loaded rows' tables and the files'
   * own tables. Absent (a manifest made before it was recorded): unknown, and only the same `schema` is restored.
   */
  rows?: string;
  savedAt: string;
  /**
   * Whose data: the bundled sample or the user's own files, as `source_file.is_sample` says (`loadedSource`); for
   * the message about an unusable store. A restore reads the answer from the restored `source_file` itself.
   */
  source: 'sample' | 'own';
  /** The loaded files, for the badge and for the message when a stored dataset cannot be used. */
  files: SnapshotFile[];
  tables: SnapshotTable[];
  /**
   * The core (its source fingerprint, build/core-hash.ts) that made the stored register and cubes, written only
   * by the caller when they are known to match the stored rows and aliases (nothing changed the data while it was
   * saved). Absent: unknown, and the loader matches the agencies again after the restore.
   */
  derivation?: string;
}

/** Column types a CSV field holds exactly; anything nested (LIST, STRUCT, MAP…) is refused rather than mangled. */
const SCALAR_TYPE =
  /^(BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|VARCHAR|DATE|TIME|TIMESTAMP|TIMESTAMP WITH TIME ZONE|DECIMAL\(\d+,\s*\d+\))$/;

export class SnapshotError extends Error {
  constructor(
    readonly code: 'format' | 'schema' | 'corrupt' | 'unsupported',
    detail: string,
  ) {
    super(detail);
    this.name = 'SnapshotError';
  }
}

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v));

/** FNV-1a, 64-bit, hex: a stable fingerprint of a text (not a security hash). */
function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  const bytes = new TextEncoder().encode(text);
  for (const b of bytes) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

/**
 * The fingerprint of the schema as created, before any data: every table's columns and types, every view's SQL,
 * every macro's definition. Any change to the schema, the canonical views or the parsing macros changes it, so a
 * stored dataset made by another version is recognised as such instead of being read against the wrong schema.
 */
export async function schemaFingerprint(engine: Engine): Promise<string> {
  const cols = await engine.query(`SELECT table_name || '.' || column_name || ':' || data_type AS d
    FROM duckdb_columns() WHERE schema_name = 'main' AND database_name = current_database() AND NOT internal
    ORDER BY table_name, column_index`);
  const views = await engine.query(`SELECT view_name || '=' || sql AS d FROM duckdb_views()
    WHERE schema_name = 'main' AND database_name = current_database() AND NOT internal ORDER BY view_name`);
  const macros = await engine.query(`SELECT function_name || '=' || coalesce(macro_definition, '') AS d
    FROM duckdb_functions() WHERE schema_name = 'main' AND function_type IN ('macro', 'table_macro')
      AND NOT internal ORDER BY function_name, macro_definition`);
  return fnv1a64([...cols, ...views, ...macros].map((r) => String(r['d'])).join('\n'));
}

/**
 * The fingerprint of what the loaded rows are read with: the columns and types of every table of the main schema
 * that holds what the user loaded (not derived: ../schema/derived.ts; not a file's own table), and of every kind the
 * columns a file's own table holds (../import/classify.ts writes every column of the kind, typed). Equal: a snapshot
 * of another version holds rows this version reads alike, even when its register, cubes, views or macros changed.
 * The same on an empty schema and on a loaded one (the files' tables are left out), so a save takes it itself.
 */
export async function rowsFingerprint(engine: Engine): Promise<string> {
  const tables = (await mainTables(engine))
    .filter((t) => !isDerivedTable(t.name) && !isFileTable(t.name))
    .flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}:${c.type}`));
  const kinds = [...KIND_IDS]
    .sort()
    .map((k) => `kind ${k}: ${KINDS[k].columns.map((c) => `${c.name}:${sqlType(c.type)}`).join(', ')}`);
  return fnv1a64(['rows', ...tables, ...kinds].join('\n'));
}

/**
 * The base tables of the main schema, and the loaded files' tables in the file store (../schema/row-store.ts),
 * with their columns and types in order.
 */
async function mainTables(engine: Engine): Promise<{ name: string; columns: SnapshotColumn[] }[]> {
  const rows = await engine.query(
    `SELECT t.table_name, c.column_name, c.data_type
    FROM duckdb_tables() t JOIN duckdb_columns() c
      ON c.database_name = t.database_name AND c.schema_name = t.schema_name AND c.table_name = t.table_name
    WHERE t.schema_name = 'main' AND NOT t.temporary AND NOT t.internal AND (t.database_name = current_database()
      OR (t.database_name = ? AND t.table_name IN (SELECT data_table FROM source_file)))
    ORDER BY t.table_name, c.column_index`,
    [ROW_STORE],
  );
  const out = new Map<string, SnapshotColumn[]>();
  for (const r of rows) {
    const t = String(r['table_name']);
    if (!out.has(t)) out.set(t, []);
    out.get(t)!.push({ name: String(r['column_name']), type: String(r['data_type']) });
  }
  return [...out].map(([name, columns]) => ({ name, columns }));
}

/** The loaded files as `source_file` lists them. */
async function loadedFiles(engine: Engine): Promise<(LoadedFile & SnapshotFile)[]> {
  const rows = await engine.query(
    'SELECT file_id, name, kind, rows_loaded, data_table FROM source_file ORDER BY file_id',
  );
  return rows.map((r) => ({
    fileId: num(r['file_id']),
    name: String(r['name']),
    kind: String(r['kind']) as KindId,
    rowsLoaded: num(r['rows_loaded']),
    dataTable: String(r['data_table']),
  }));
}

/** The CSV options a snapshot is written with; read back with the same and the declared column types. */
const CSV_OPTIONS = `delim = ',', quote = '"', escape = '"', header = true`;

/** Rows of a table written out per COPY: a file's table of millions of rows is written part by part. */
const PART_ROWS = 500_000;

/**
 * Write every table of the main schema as CSV through `write` and return the manifest; the caller stores the
 * manifest last, so a snapshot whose writing was interrupted has none and is never read. One table at a time, and
 * a large table in parts of `partRows` rows (ranges of its `rowid`, in order; the header with the first part, the
 * others appended to the same file by `write(file, bytes, true)`): only one part's text is in the engine's memory
 * at once, so a table of a 2 GB export can be stored beside itself (written whole, its CSV text outgrew DuckDB-wasm's
 * 4 GiB memory after a 1 GB import).
 */
export async function saveSnapshot(
  engine: Engine,
  opts: {
    schema: string;
    write: (file: string, bytes: Uint8Array, append?: boolean) => Promise<void>;
    now?: Date;
    partRows?: number;
  },
): Promise<Manifest> {
  const partRows = Math.max(1, Math.trunc(opts.partRows ?? PART_ROWS));
  const tables: SnapshotTable[] = [];
  for (const [i, t] of (await mainTables(engine)).entries()) {
    const odd = t.columns.find((c) => !SCALAR_TYPE.test(c.type));
    if (odd) throw new SnapshotError('unsupported', `${t.name}.${odd.name}: ${odd.type}`);
    const file = `t${i}.csv`;
    const [n] = await engine.query(
      `SELECT count(*) AS n, min(rowid) AS lo, max(rowid) AS hi FROM ${ident(t.name)}`,
    );
    const rows = num(n?.['n']);
    const lo = rows > partRows ? num(n?.['lo']) : 0;
    const parts = rows > partRows ? Math.ceil((num(n?.['hi']) - lo + 1) / partRows) : 1;
    let bytes = 0;
    for (let k = 0; k < parts; k++) {
      const from =
        parts === 1
          ? ident(t.name)
          : `(SELECT * FROM ${ident(t.name)} WHERE rowid BETWEEN ${lo + k * partRows} AND ${lo + (k + 1) * partRows - 1})`;
      const path = await engine.registerEmptyFile(`snapshot_${file}`);
      try {
        await engine.exec(`COPY ${from} TO ${literal(path)} (FORMAT csv, HEADER ${k === 0}, DELIMITER ',',
          QUOTE '"', ESCAPE '"', NULL '')`);
        const part = await engine.copyFileToBuffer(path);
        bytes += part.length;
        await opts.write(file, part, k > 0);
      } finally {
        await engine.dropFile(path).catch(() => undefined);
      }
    }
    tables.push({ name: t.name, file, rows, bytes, columns: t.columns });
  }
  const files = (await loadedFiles(engine)).map(({ name, kind, rowsLoaded }) => ({ name, kind, rowsLoaded }));
  return {
    format: SNAPSHOT_FORMAT,
    app: 'pantau-pdn',
    schema: opts.schema,
    rows: await rowsFingerprint(engine),
    savedAt: (opts.now ?? new Date()).toISOString(),
    source: await loadedSource(engine),
    files,
    tables,
  };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The file names a manifest lists, as far as it can be read (for the message about an unusable store). */
export function manifestFileNames(raw: unknown): string[] {
  if (!isObj(raw) || !Array.isArray(raw['files'])) return [];
  return raw['files'].flatMap((f) => (isObj(f) && typeof f['name'] === 'string' ? [f['name']] : []));
}

/**
 * Validate a manifest's shape and version against the running schema (`schema`), or, when `rows` is given, against
 * what the running version reads the loaded rows with (`rowsFingerprint`; a manifest without it never matches);
 * throws `SnapshotError`.
 */
export function parseManifest(text: string, schema: string, rows?: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new SnapshotError('corrupt', 'manifest is not JSON');
  }
  if (!isObj(raw) || raw['app'] !== 'pantau-pdn')
    throw new SnapshotError('corrupt', 'not a Pantau PDN manifest');
  if (raw['format'] !== SNAPSHOT_FORMAT) throw new SnapshotError('format', `format ${String(raw['format'])}`);
  if (raw['schema'] !== schema && (rows === undefined || raw['rows'] !== rows))
    throw new SnapshotError('schema', `schema ${String(raw['schema'])}`);
  const tables = raw['tables'];
  const okTable = (t: unknown) =>
    isObj(t) &&
    typeof t['name'] === 'string' &&
    typeof t['file'] === 'string' &&
    /^t\d+\.csv$/.test(t['file']) &&
    typeof t['rows'] === 'number' &&
    Array.isArray(t['columns']) &&
    t['columns'].length > 0 &&
    t['columns'].every(
      (c) =>
        isObj(c) &&
        typeof c['name'] === 'string' &&
        typeof c['type'] === 'string' &&
        SCALAR_TYPE.test(c['type']),
    );
  if (!Array.isArray(tables) || !tables.every(okTable) || !tables.some((t) => t.name === 'source_file'))
    throw new SnapshotError('corrupt', 'manifest tables');
  if (typeof raw['savedAt'] !== 'string' || Number.isNaN(Date.parse(raw['savedAt'])))
    throw new SnapshotError('corrupt', 'manifest date');
  const source = raw['source'] === 'sample' ? 'sample' : 'own';
  const files = Array.isArray(raw['files'])
    ? raw['files'].flatMap((f) =>
        isObj(f) && typeof f['name'] === 'string'
          ? [{ name: f['name'], kind: String(f['kind']), rowsLoaded: num(f['rowsLoaded']) }]
          : [],
      )
    : [];
  const { derivation, rows: rowsPrint, ...rest } = raw as unknown as Manifest;
  // Anything but a string: unknown (the agencies are matched again), never a reason to refuse the data.
  return {
    ...rest,
    source,
    files,
    ...(typeof rowsPrint === 'string' ? { rows: rowsPrint } : {}),
    ...(typeof derivation === 'string' ? { derivation } : {}),
  };
}

/**
 * What of a snapshot a restore reads. `all`: every table as stored (made with the running schema). `rows`: only the
 * loaded rows' tables (made by another version that reads them alike: same `rowsFingerprint`); the derived tables
 * are made again, as after an import, and the dataset should be stored again in this version's format.
 */
export type SnapshotFit = 'all' | 'rows';

/**
 * A stored manifest checked against the running engine: the same schema (`all`, nothing more asked of the engine),
 * else the same loaded rows' schema (`rows`, its fingerprint taken only then); throws `SnapshotError` otherwise.
 */
export async function openManifest(
  engine: Engine,
  text: string,
  schema: string,
): Promise<{ manifest: Manifest; fit: SnapshotFit }> {
  try {
    return { manifest: parseManifest(text, schema), fit: 'all' };
  } catch (e) {
    if (!(e instanceof SnapshotError) || e.code !== 'schema') throw e;
    return { manifest: parseManifest(text, schema, await rowsFingerprint(engine)), fit: 'rows' };
  }
}

/**
 * Load a snapshot into an engine whose schema was just created (no data): each table is read from its CSV with
 * its declared types, in one transaction with the row counts checked, then the canonical views are recreated
 * from `source_file`. On any failure the transaction is rolled back and the engine holds what it held before.
 * Returns whose data was restored, from the restored `source_file` (`loadedSource`), never from the manifest's
 * word: the sample is known as the sample (the user's first file replaces it), the user's own data as own.
 *
 * `fit` `rows` (a snapshot of another version, `openManifest`): only the loaded rows' tables are read (the derived
 * tables' files are not even opened; one missing from the snapshot or unknown here is no matter), then the register
 * and the cubes are made again from them and the restored aliases, as after an import (`refreshAgencyMap`). When that
 * fails, the restored rows are taken out again and the engine is left empty, as it was.
 */
export async function restoreSnapshot(
  engine: Engine,
  manifest: Manifest,
  read: (file: string) => Promise<File | Uint8Array>,
  fit: SnapshotFit = 'all',
): Promise<'sample' | 'own'> {
  const existing = new Set((await mainTables(engine)).map((t) => t.name));
  const rowsOnly = fit === 'rows';
  // Every table of the schema holds part of the dataset (files, rows, rejects, register, superseded copies…): a
  // snapshot without one of them would restore an inconsistent dataset. Restoring the loaded rows only, every table
  // that holds them (the derived ones are made again).
  const needed = [...existing].filter((name) => !rowsOnly || !isDerivedTable(name));
  const missing = needed.filter((name) => !manifest.tables.some((t) => t.name === name));
  if (missing.length > 0) throw new SnapshotError('corrupt', `tables missing: ${missing.join(', ')}`);
  const tables = rowsOnly
    ? manifest.tables.filter((t) => isFileTable(t.name) || (existing.has(t.name) && !isDerivedTable(t.name)))
    : manifest.tables;
  const registered: string[] = [];
  /** Tables made in the file store by this restore, until it is complete. */
  const diskMade: string[] = [];
  try {
    // Every file asked for at once (the engine queues them): no wait between two. All settled before going on, so
    // that a failed read leaves no registration behind after the clean-up below.
    const done = await Promise.allSettled(
      tables.map(async (t) => {
        const name = `restore_${t.file}`;
        await engine.registerFile(name, await read(t.file));
        registered.push(name);
      }),
    );
    const failed = done.find((d) => d.status === 'rejected');
    if (failed) throw failed.reason;
    const src = (t: SnapshotTable) => {
      const cols = t.columns.map((c) => `${literal(c.name)}: ${literal(c.type)}`).join(', ');
      return `SELECT * FROM read_csv(${literal(`restore_${t.file}`)}, ${CSV_OPTIONS}, auto_detect = false,
          nullstr = '', allow_quoted_nulls = false, strict_mode = true, columns = {${cols}})`;
    };
    // Files' tables of the file store first, each its own statement (a transaction writes to one database); the
    // main database's in one transaction. On failure the file store's are dropped again.
    const onDisk = tables.filter((t) => isDiskTable(t.name) && !existing.has(t.name));
    if (onDisk.length) await ensureRowStore(engine);
    for (const t of onDisk) {
      diskMade.push(t.name);
      await engine.exec(`CREATE TABLE ${tableRef(t.name)} AS ${src(t)};`);
    }
    let source: 'sample' | 'own';
    await engine.exec('BEGIN TRANSACTION');
    try {
      // A statement per table (measured with 1M rows: one statement for all the tables restores slower), one
      // query for all their row counts.
      for (const t of tables) {
        if (onDisk.includes(t)) continue;
        await engine.exec(
          existing.has(t.name)
            ? `DELETE FROM ${ident(t.name)};\nINSERT INTO ${ident(t.name)} BY NAME ${src(t)};`
            : `CREATE TABLE ${ident(t.name)} AS ${src(t)};`,
        );
      }
      const counts = await engine.query(
        tables.map((t, i) => `SELECT ${i} AS i, count(*) AS n FROM ${ident(t.name)}`).join(' UNION ALL '),
      );
      const rows = new Map(counts.map((r) => [num(r['i']), num(r['n'])]));
      tables.forEach((t, i) => {
        if (rows.get(i) !== t.rows)
          throw new SnapshotError('corrupt', `${t.name}: ${String(rows.get(i))} rows, ${t.rows} expected`);
      });
      const files = await loadedFiles(engine);
      await engine.exec(
        dataTables()
          .map((table) => canonicalViewSql(table, files))
          .join('\n'),
      );
      source = await loadedSource(engine);
      if (source !== manifest.source)
        throw new SnapshotError('corrupt', `source_file says ${source}, the manifest ${manifest.source}`);
      await engine.exec('COMMIT');
    } catch (e) {
      await engine.exec('ROLLBACK').catch(() => undefined);
      throw e instanceof SnapshotError
        ? e
        : new SnapshotError('corrupt', e instanceof Error ? e.message : String(e));
    }
    if (rowsOnly) {
      try {
        await refreshAgencyMap(engine);
      } catch (e) {
        await unloadRows(engine, tables, existing);
        throw new SnapshotError('corrupt', `derived again: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    diskMade.length = 0;
    return source;
  } finally {
    for (const name of diskMade)
      await engine.exec(`DROP TABLE IF EXISTS ${tableRef(name)}`).catch(() => undefined);
    for (const name of registered) await engine.dropFile(name).catch(() => undefined);
  }
}

/**
 * Take restored rows out again (a restore of the loaded rows whose deriving failed): the schema's tables emptied,
 * the files' tables in memory dropped (the file store's by the caller), the canonical views over no file, the
 * register and cubes made again over nothing. Best effort: the engine is in trouble already.
 */
async function unloadRows(
  engine: Engine,
  tables: readonly SnapshotTable[],
  existing: ReadonlySet<string>,
): Promise<void> {
  const quiet = (q: string) => engine.exec(q).catch(() => undefined);
  await quiet(
    dataTables()
      .map((t) => canonicalViewSql(t, []))
      .join('\n'),
  );
  for (const t of tables) {
    if (existing.has(t.name)) await quiet(`DELETE FROM ${ident(t.name)}`);
    else if (!isDiskTable(t.name)) await quiet(`DROP TABLE IF EXISTS ${ident(t.name)}`);
  }
  await refreshAgencyMap(engine).catch(() => undefined);
}
