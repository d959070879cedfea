/**
 * Where a file's classified rows are kept: DuckDB's in-memory database (the default), or a database file attached
 * for rows that would not fit in memory (`p3dn_rows`). DuckDB's in-memory tables are uncompressed (≈ 1.5 × the CSV
 * of an export), and DuckDB-wasm has at most 4 GiB: a 2 GB export's rows do not fit. In a database file DuckDB
 * writes the rows of a large `CREATE TABLE AS` to the file as it goes, compressed, and keeps only what its memory
 * limit allows in memory: the file's rows are held once, compressed. In the browser the file is one of DuckDB-wasm's
 * in-memory file buffers (gone with the tab: the dataset is kept in the browser by the snapshot, as every table);
 * in Node, a file in the engine's scratch directory. A file's table is in the file store when its name says so
 * (`isDiskTable`); every other statement reads it by its bare name, found through the search path.
 */
import { num } from '../../engine/cells';
import { ident, literal } from '../../engine/sql';
import type { Engine } from '../../engine/types';

/** The attached database of the file store. */
export const ROW_STORE = 'p3dn_rows';

/** A file's table name in the file store starts with this, in memory with `MEMORY_PREFIX`. */
const DISK_PREFIX = 'p3dn_disk_';
const MEMORY_PREFIX = 'p3dn_file_';

export type RowStore = 'memory' | 'disk';

/** The table name of a loaded file's rows, in the given store. */
export function fileTableName(store: RowStore, unique: string): string {
  return `${store === 'disk' ? DISK_PREFIX : MEMORY_PREFIX}${unique}`;
}

export function isDiskTable(name: string): boolean {
  return name.startsWith(DISK_PREFIX);
}

/** Whether a table is a loaded file's own (in memory or in the file store), by its name. */
export function isFileTable(name: string): boolean {
  return name.startsWith(MEMORY_PREFIX) || isDiskTable(name);
}

/** The table as a statement that creates it names it: in the file store when it is one of its tables. */
export function tableRef(name: string): string {
  return isDiskTable(name) ? `${ident(ROW_STORE)}.${ident(name)}` : ident(name);
}

/**
 * Attach the file store once per engine (the first file that needs it), and put it on the search path after the
 * main database, so that every statement finds a file's table by its bare name.
 */
export async function ensureRowStore(engine: Engine): Promise<void> {
  const [r] = await engine.query(
    `SELECT current_database() AS db, (SELECT count(*) FROM duckdb_databases() WHERE database_name = ?) AS n`,
    [ROW_STORE],
  );
  if (num(r?.['n']) > 0) return;
  const path = await engine.registerEmptyFile(`${ROW_STORE}.duckdb`);
  const main = String(r?.['db'] ?? 'memory');
  await engine.exec(
    `ATTACH ${literal(path)} AS ${ident(ROW_STORE)};
     SET search_path = ${literal(`${main}.main,${ROW_STORE}.main`)};`,
  );
}

/** Bytes of DuckDB memory an export's classified rows take per byte of CSV, uncompressed (measured: 1.46–1.53). */
export const MEMORY_PER_BYTE = 1.5;
/**
 * The share of DuckDB's memory limit the loaded files' rows may take in memory. The rest is for the work on them:
 * the import's own (reading, counting, matching), the cubes built over every row, the drill-down's sorts, and the
 * snapshot written part by part. Measured with 10 files of 5M + 5M rows, one batch: with the rows kept in memory
 * up to 2.0 of the 2.5 GiB (all but a 384 MiB margin), the snapshot save and a rebuild of the cubes ran out of
 * memory; with 1.4 GiB (this share) neither did. A 1 GB export alone stays in memory: its import took 16–21 s there
 * against 22–35 s in the file store, measured in turn (BENCHMARKS.md).
 */
export const MEMORY_SHARE = 0.65;

const UNITS: Record<string, number> = {
  b: 1,
  bytes: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** DuckDB's memory limit as it prints it (`2.5 GiB`, `953.6 MiB`, `8.0 GB`) in bytes; null when unreadable. */
export function parseMemoryLimit(text: string): number | null {
  const m = /^\s*([\d.]+)\s*([a-z]+)\s*$/i.exec(text);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  return m && unit ? Number(m[1]) * unit : null;
}

/**
 * The store for a file of `sizeBytes`: memory while DuckDB's memory with its rows stays within `MEMORY_SHARE` of
 * its limit, the file store otherwise.
 */
export async function chooseRowStore(engine: Engine, sizeBytes: number): Promise<RowStore> {
  const [r] = await engine.query(`SELECT current_setting('memory_limit') AS lim,
    (SELECT coalesce(sum(memory_usage_bytes), 0)::DOUBLE FROM duckdb_memory()) AS used`);
  const limit = parseMemoryLimit(String(r?.['lim'] ?? ''));
  if (limit === null) return 'memory';
  return num(r?.['used']) + sizeBytes * MEMORY_PER_BYTE > limit * MEMORY_SHARE ? 'disk' : 'memory';
}
