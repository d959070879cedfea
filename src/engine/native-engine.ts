import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  BOOLEAN,
  DOUBLE,
  DuckDBInstance,
  DuckDBTypeId,
  SQLNULL,
  VARCHAR,
  type DuckDBConnection,
  type DuckDBResultReader,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { ARGS_INIT_SQL } from './args';
import { ENGINE_INIT_SQL, ENGINE_LOCK_SQL } from './init-sql';
import { oneByOne, type QueryItem, type QueryOutcome } from './statements';
import {
  EngineCancelled,
  type Cell,
  type Engine,
  type ExecOptions,
  type FileSource,
  type Row,
  type SqlParam,
} from './types';

export interface NativeEngineOptions {
  /**
   * Directory of the database file, its spill files and the registered files. Default: a fresh directory under
   * the OS temp dir, removed again by `close()` (a given directory is left in place).
   */
  dir?: string;
  /** DuckDB `memory_limit` (e.g. `4GB`); beyond it operators spill to `<dir>/spill`. Default: DuckDB's (80 % RAM). */
  memoryLimit?: string;
  /** Worker threads. Default: DuckDB's (one per core). */
  threads?: number;
  /** How often DuckDB's progress estimate is read while a statement with `onProgress` runs (default 250 ms). */
  progressMs?: number;
  /** `false`: no spill directory (a statement past the memory limit fails). Default: spill to `<dir>/spill`. */
  spill?: boolean;
}

/** Peaks of DuckDB's own memory (its buffer manager: `duckdb_memory()`) and of its temporary (spill) storage. */
export interface MemoryPeak {
  memoryBytes: number;
  spillBytes: number;
  samples: number;
}

const MEMORY_SQL = `SELECT CAST(sum(memory_usage_bytes) AS BIGINT) AS m, CAST(sum(temporary_storage_bytes) AS BIGINT) AS t
  FROM duckdb_memory()`;

/** Directories this process created and has not removed yet: removed at exit, even if `close()` never ran. */
const ownedDirs = new Set<string>();
process.once('exit', () => {
  for (const d of ownedDirs) rmSync(d, { recursive: true, force: true });
});

/**
 * The Engine on native DuckDB (@duckdb/node-api), for the command line: multi-threaded, on a database file on disk
 * so that an input larger than memory spills to `temp_directory` instead of failing. Same init settings as the
 * wasm engines (no extension is loaded or installed). Rows come back as the wasm engines give them: DECIMAL (and
 * HUGEINT, which reaches the wasm engines as a decimal) refused, BIGINT as an exact number, DATE / TIMESTAMP as
 * epoch milliseconds, TIME as microseconds. `?` parameters bind as in duckdb-wasm: numbers as DOUBLE.
 *
 * Files are registered by name as the wasm engines do: a path is linked into `<dir>/files` (read in place, never
 * copied), bytes are written there; `file_search_path` points DuckDB at that directory.
 */
export class NativeEngine implements Engine {
  private closed = false;
  private watch: { timer: ReturnType<typeof setInterval>; conn: DuckDBConnection } | null = null;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    readonly dir: string,
    private readonly filesDir: string,
    private readonly ownsDir: boolean,
    private readonly progressMs: number,
  ) {}

  static async create(opts: NativeEngineOptions = {}): Promise<NativeEngine> {
    const ownsDir = opts.dir === undefined;
    const dir = opts.dir ? resolve(opts.dir) : mkdtempSync(join(tmpdir(), 'pantau-pdn-'));
    if (ownsDir) ownedDirs.add(dir);
    const filesDir = join(dir, 'files');
    const spill = join(dir, 'spill');
    mkdirSync(filesDir, { recursive: true });
    mkdirSync(spill, { recursive: true });
    const config: Record<string, string> = {
      autoload_known_extensions: 'false',
      autoinstall_known_extensions: 'false',
      temp_directory: opts.spill === false ? '' : spill,
    };
    if (opts.memoryLimit) config['memory_limit'] = opts.memoryLimit;
    if (opts.threads) config['threads'] = String(opts.threads);
    const instance = await DuckDBInstance.create(join(dir, 'pantau.duckdb'), config);
    const conn = await instance.connect();
    for (const s of ENGINE_INIT_SQL) await conn.run(s);
    await conn.run(`SET file_search_path = '${filesDir.replaceAll("'", "''")}'`);
    // Progress is tracked (for `onProgress`) but never printed.
    await conn.run(
      'SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 0',
    );
    // Last: no later statement, whatever its text, changes the configuration (as the wasm engines do).
    await conn.run(ENGINE_LOCK_SQL);
    // The argument row the dashboard's statements join (./args.ts); here their values are bound as usual: the
    // CLI runs each statement once, so a statement planned again at each run costs it nothing.
    await conn.run(ARGS_INIT_SQL);
    return new NativeEngine(instance, conn, dir, filesDir, ownsDir, opts.progressMs ?? 250);
  }

  async query(sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
    const reader =
      params.length === 0
        ? await this.conn.runAndReadAll(sql)
        : await this.conn.runAndReadAll(sql, [...params], params.map(paramType));
    return toRows(reader);
  }

  /** One after the other (the CLI's reports run their queries in turn). */
  queryMany(items: readonly QueryItem[]): Promise<QueryOutcome[]> {
    return oneByOne(items, (sql, params) => this.query(sql, params));
  }

  /** The running statement is interrupted when `signal` aborts (DuckDB rolls it back). */
  async exec(sql: string, opts: ExecOptions = {}): Promise<void> {
    const { signal, onProgress } = opts;
    if (signal?.aborted) throw new EngineCancelled();
    const onAbort = () => this.conn.interrupt();
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = onProgress
      ? setInterval(() => {
          const p = this.conn.progress.percentage;
          if (p >= 0) onProgress(Math.min(1, p / 100));
        }, this.progressMs)
      : undefined;
    try {
      await this.conn.run(sql);
    } catch (e) {
      if (signal?.aborted) throw new EngineCancelled();
      throw e;
    } finally {
      if (timer) clearInterval(timer);
      signal?.removeEventListener('abort', onAbort);
    }
    if (signal?.aborted) throw new EngineCancelled();
  }

  async registerFile(name: string, source: FileSource): Promise<void> {
    const target = this.filePath(name);
    rmSync(target, { force: true });
    if (source instanceof Uint8Array) writeFileSync(target, source);
    else if ('path' in source) symlinkSync(resolve(source.path), target);
    else await pipeline(Readable.fromWeb(source.stream() as never), createWriteStream(target));
  }

  async dropFile(name: string): Promise<void> {
    try {
      unlinkSync(this.filePath(name));
    } catch {
      // Not registered: nothing to drop.
    }
  }

  // --- snapshot support (src/p3dn/persist): DuckDB writes `COPY … TO` into the engine's own files folder.
  async registerEmptyFile(name: string): Promise<string> {
    const target = this.filePath(name);
    rmSync(target, { force: true });
    return target;
  }

  async copyFileToBuffer(name: string): Promise<Uint8Array> {
    return new Uint8Array(await readFile(name));
  }

  /**
   * Sample DuckDB's memory on a second connection every `everyMs` while statements run on the first (for the
   * CLI's `--memory-stats` and the bench); `peak()` reads the peaks so far. Stopped by `close()`.
   */
  async watchMemory(everyMs = 250): Promise<{ peak: () => MemoryPeak }> {
    const conn = await this.instance.connect();
    const peak: MemoryPeak = { memoryBytes: 0, spillBytes: 0, samples: 0 };
    let busy = false;
    const sample = async () => {
      if (busy || this.closed) return;
      busy = true;
      try {
        const row = (await conn.runAndReadAll(MEMORY_SQL)).getRowObjects()[0] ?? {};
        peak.memoryBytes = Math.max(peak.memoryBytes, Number(row['m'] ?? 0));
        peak.spillBytes = Math.max(peak.spillBytes, Number(row['t'] ?? 0));
        peak.samples++;
      } catch {
        // Closing meanwhile: the last sample is lost, the peaks so far stand.
      } finally {
        busy = false;
      }
    };
    await sample();
    const timer = setInterval(() => void sample(), everyMs);
    timer.unref();
    this.watch = { timer, conn };
    return { peak: () => ({ ...peak }) };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.watch) {
      clearInterval(this.watch.timer);
      this.watch.conn.closeSync();
      this.watch = null;
    }
    this.conn.closeSync();
    this.instance.closeSync();
    if (this.ownsDir) {
      rmSync(this.dir, { recursive: true, force: true });
      ownedDirs.delete(this.dir);
    }
  }

  private filePath(name: string): string {
    if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) throw new Error(`Invalid file name: ${name}`);
    return join(this.filesDir, name);
  }
}

function paramType(p: SqlParam): DuckDBType {
  if (p === null) return SQLNULL;
  if (typeof p === 'number') return DOUBLE;
  if (typeof p === 'boolean') return BOOLEAN;
  return VARCHAR;
}

function toRows(reader: DuckDBResultReader): Row[] {
  const names = reader.columnNames();
  const types = reader.columnTypes().map((t) => t.typeId);
  types.forEach((t, i) => {
    if (t === DuckDBTypeId.DECIMAL || t === DuckDBTypeId.HUGEINT || t === DuckDBTypeId.UHUGEINT) {
      throw new Error(
        `Column "${names[i]}" is DECIMAL: cast it to DOUBLE or VARCHAR in SQL before it reaches JS.`,
      );
    }
  });
  return reader.getRows().map((values) => {
    const out: Row = {};
    values.forEach((v, i) => {
      const name = names[i] ?? String(i);
      out[name] = toCell(name, types[i] ?? DuckDBTypeId.INVALID, v);
    });
    return out;
  });
}

function exactNumber(name: string, v: bigint): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n))
    throw new Error(`Column "${name}": integer ${v} is too large for a JS number.`);
  return n;
}

/** One cell as the wasm engines' `arrowToRows` gives it. */
function toCell(name: string, type: DuckDBTypeId, v: DuckDBValue): Cell {
  if (v === null) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
    case 'number':
      return v;
    case 'bigint':
      return exactNumber(name, v);
  }
  const o = v as unknown as Record<string, unknown>;
  switch (type) {
    case DuckDBTypeId.DATE:
      return Number(o['days']) * 86_400_000;
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return exactNumber(name, (o['micros'] as bigint) / 1000n);
    case DuckDBTypeId.TIMESTAMP_MS:
      return exactNumber(name, o['millis'] as bigint);
    case DuckDBTypeId.TIMESTAMP_S:
      return exactNumber(name, (o['seconds'] as bigint) * 1000n);
    case DuckDBTypeId.TIMESTAMP_NS:
      return exactNumber(name, (o['nanos'] as bigint) / 1_000_000n);
    case DuckDBTypeId.TIME:
      return exactNumber(name, o['micros'] as bigint);
    case DuckDBTypeId.UUID:
    case DuckDBTypeId.ENUM:
      return String(v);
    default:
      throw new Error(`Column "${name}": unsupported value type ${DuckDBTypeId[type] ?? type}.`);
  }
}
