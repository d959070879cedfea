import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { ARGS_INIT_SQL, argsPrepare, argsStatement } from './args';
import { arrowToRows } from './arrow-rows';
import { ENGINE_LOCK_SQL, WASM_INIT_SQL } from './init-sql';
import { StatementCache, oneByOne, type QueryItem, type QueryOutcome } from './statements';
import {
  EngineCancelled,
  type Engine,
  type ExecOptions,
  type FileSource,
  type Row,
  type SqlParam,
} from './types';

type Prepared = ReturnType<duckdb.DuckDBConnection['prepare']>;

/** The same DuckDB-wasm build, synchronous, for tests and command-line use in Node. */
export class NodeEngine implements Engine {
  private constructor(
    private readonly db: duckdb.DuckDBBindings,
    private readonly conn: duckdb.DuckDBConnection,
  ) {}

  static async create(): Promise<NodeEngine> {
    const require = createRequire(import.meta.url);
    const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'));
    const db = await duckdb.createDuckDB(
      {
        mvp: {
          mainModule: join(dist, 'duckdb-mvp.wasm'),
          mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs'),
        },
        eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
      },
      new duckdb.VoidLogger(),
      duckdb.NODE_RUNTIME,
    );
    await db.instantiate();
    const conn = db.connect();
    for (const s of WASM_INIT_SQL) conn.query(s);
    conn.query(ENGINE_LOCK_SQL);
    conn.query(ARGS_INIT_SQL);
    return new NodeEngine(db, conn);
  }

  /** Queries with bound values are prepared once per SQL text, as in the browser (./statements.ts). */
  private readonly statements = new StatementCache<Prepared>((sql) => this.conn.prepare(sql));

  async query(sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
    const args = argsStatement(sql, params);
    if (args) {
      // The values into the argument row, then the statement without parameters (./args.ts).
      try {
        if (args.update) (this.statements.get(args.update) as Prepared).query(...args.values);
        return arrowToRows((this.statements.get(args.select) as Prepared).query());
      } catch (e) {
        this.statements.drop(args.select);
        throw e;
      }
    }
    if (params.length === 0) return arrowToRows(this.conn.query(sql));
    try {
      const stmt = this.statements.get(sql) as Prepared;
      return arrowToRows(stmt.query(...params));
    } catch (e) {
      this.statements.drop(sql);
      throw e;
    }
  }

  async prepare(sqls: readonly string[]): Promise<void> {
    for (const s of sqls) {
      try {
        const { refresh, keep } = argsPrepare(s);
        if (keep) this.statements.get(keep);
        this.statements.refresh(refresh);
      } catch {
        // Left unprepared (the cache keeps no failed statement): the query prepares it again, and fails there.
      }
    }
  }

  /** One after the other (this engine is synchronous). */
  queryMany(items: readonly QueryItem[]): Promise<QueryOutcome[]> {
    return oneByOne(items, (sql, params) => this.query(sql, params));
  }

  /** Blocking: an abort can only be honoured between statements (checked before and after this one). */
  async exec(sql: string, opts: ExecOptions = {}): Promise<void> {
    if (opts.signal?.aborted) throw new EngineCancelled();
    this.conn.query(sql);
    if (opts.signal?.aborted) throw new EngineCancelled();
  }

  /** A path is read into memory whole (this engine has no file system of its own). */
  async registerFile(name: string, source: FileSource): Promise<void> {
    const bytes =
      source instanceof Uint8Array
        ? source
        : 'path' in source
          ? new Uint8Array(await readFile(source.path))
          : new Uint8Array(await source.arrayBuffer());
    this.db.registerFileBuffer(name, bytes);
  }

  async dropFile(name: string): Promise<void> {
    this.db.dropFile(name);
    if (this.scratch && name.startsWith(this.scratch)) rmSync(name, { force: true });
  }

  // --- snapshot support: the Node runtime's DuckDB writes `COPY … TO` to disk, so into a scratch directory.
  private scratch: string | null = null;

  async registerEmptyFile(name: string): Promise<string> {
    this.scratch ??= mkdtempSync(join(tmpdir(), 'pantau-engine-'));
    return join(this.scratch, name.replaceAll(/[^\w.-]/g, '_'));
  }

  async copyFileToBuffer(name: string): Promise<Uint8Array> {
    return this.db.copyFileToBuffer(name);
  }

  close(): void {
    this.conn.close();
    if (this.scratch) rmSync(this.scratch, { recursive: true, force: true });
  }
}
