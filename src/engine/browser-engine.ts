import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { ARGS_INIT_SQL, argsPrepare, argsStatement, type ArgsStatement } from './args';
import { arrowToRows } from './arrow-rows';
import { ENGINE_LOCK_SQL, WASM_INIT_SQL } from './init-sql';
import { StatementCache, type QueryItem, type QueryOutcome } from './statements';
import {
  EngineCancelled,
  type Engine,
  type ExecOptions,
  type FileSource,
  type Row,
  type SqlParam,
} from './types';

// Only the single-threaded bundles: the threaded `coi` bundle needs COOP/COEP and hangs on registerFileHandle.
const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/**
 * duckdb-wasm keeps its execution-progress handlers in a protected list and offers no public way to add one; a
 * subclass reaches it through the type system, so a duckdb-wasm upgrade that renames it fails the typecheck
 * instead of silently stopping the progress line (tests/e2e/import-cancel.test.ts also checks the bytes read).
 */
class ProgressDuckDB extends duckdb.AsyncDuckDB {
  onExecutionProgress(handler: (p: { percentage: unknown }) => void): void {
    this._onExecutionProgress.push(handler);
  }
}

/** DuckDB-wasm running in its own Web Worker. All calls are queued so statements never interleave. */
export class BrowserEngine implements Engine {
  private queue: Promise<unknown> = Promise.resolve();
  /** Receives DuckDB's progress updates for the statement running now (one at a time: calls are queued). */
  private progressListener: ((fraction: number) => void) | null = null;
  /** Queries with bound values are prepared once per SQL text (./statements.ts). */
  private readonly statements = new StatementCache<duckdb.AsyncPreparedStatement>((sql) =>
    this.conn.prepare(sql),
  );

  private constructor(
    private readonly db: duckdb.AsyncDuckDB,
    private readonly conn: duckdb.AsyncDuckDBConnection,
  ) {}

  static async create(): Promise<BrowserEngine> {
    const bundle = await duckdb.selectBundle(BUNDLES);
    if (!bundle.mainWorker) throw new Error('DuckDB bundle has no worker');
    const worker = new Worker(bundle.mainWorker);
    const db = new ProgressDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(bundle.mainModule);
    // A pending statement runs in slices of this many ms, so a cancel is seen between two slices.
    await db.open({
      query: { castBigIntToDouble: false, castDecimalToDouble: false, queryPollingInterval: 50 },
    });
    const conn = await db.connect();
    for (const s of WASM_INIT_SQL) await conn.query(s);
    // DuckDB's progress bar, shown by duckdb-wasm's own display as PROGRESS_UPDATE messages from the worker.
    await conn.query('SET enable_progress_bar = true');
    await conn.query('SET enable_progress_bar_print = true');
    await conn.query('SET progress_bar_time = 100');
    await conn.query(ENGINE_LOCK_SQL);
    await conn.query(ARGS_INIT_SQL);
    const engine = new BrowserEngine(db, conn);
    db.onExecutionProgress((p) => {
      const pct = Number(p.percentage);
      if (Number.isFinite(pct) && pct >= 0) engine.progressListener?.(Math.min(1, pct / 100));
    });
    return engine;
  }

  /** Calls started and not yet settled (0: the queue is idle). */
  private running = 0;

  /**
   * Run `fn` after every call before it. With nothing running it starts at once, in this very task: a view
   * change's queries (src/queries/prefetch.ts) are posted to the worker in the control's event, before React
   * renders the change, instead of a few microtasks later, after that render.
   */
  private run<T>(fn: () => Promise<T>): Promise<T> {
    let next: Promise<T>;
    if (this.running === 0) {
      try {
        next = fn();
      } catch (e) {
        next = Promise.reject(e);
      }
    } else next = this.queue.then(fn, fn);
    this.running++;
    this.queue = next.then(
      () => void this.running--,
      () => void this.running--,
    );
    return next;
  }

  query(sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
    return this.run(() => this.runQuery({ sql, params }));
  }

  /**
   * Every query's message is posted before any answer is awaited, so the worker runs them back to back whatever
   * the page's main thread is doing meanwhile (React drawing the view's busy state). Safe within one queue slot:
   * each result is materialised in the worker before the next query starts.
   */
  queryMany(items: readonly QueryItem[]): Promise<QueryOutcome[]> {
    return this.run(() => Promise.allSettled(items.map((i) => this.runQuery(i))));
  }

  prepare(sqls: readonly string[]): Promise<void> {
    return this.run(async () => {
      await Promise.allSettled(
        sqls.flatMap((s) => {
          const { refresh, keep } = argsPrepare(s);
          return [this.statements.refresh(refresh), ...(keep ? [this.statements.get(keep)] : [])];
        }),
      );
    });
  }

  private async runQuery({ sql, params }: QueryItem): Promise<Row[]> {
    const args = argsStatement(sql, params);
    if (args) return this.runArgsQuery(args);
    if (params.length === 0) return arrowToRows(await this.conn.query(sql));
    try {
      // A kept statement is handed over synchronously and run at once (no await before its message is posted).
      const kept = this.statements.get(sql);
      const stmt = kept instanceof Promise ? await kept : kept;
      return arrowToRows(await stmt.query(...params));
    } catch (e) {
      this.statements.drop(sql);
      throw e;
    }
  }

  /**
   * A statement that reads the argument row (./args.ts): its UPDATE and the statement are posted back to back, in
   * one task, so the worker runs them one after the other with no other call between (other queries of the same
   * `queryMany` post their own pairs whole, before or after).
   */
  private async runArgsQuery(args: ArgsStatement): Promise<Row[]> {
    try {
      const keptUpdate = args.update === null ? null : this.statements.get(args.update);
      const keptSelect = this.statements.get(args.select);
      const update = keptUpdate instanceof Promise ? await keptUpdate : keptUpdate;
      const select = keptSelect instanceof Promise ? await keptSelect : keptSelect;
      const wrote = update?.query(...args.values);
      const read = select.query();
      const [w, r] = await Promise.allSettled([wrote, read]);
      if (w.status === 'rejected') throw w.reason;
      if (r.status === 'rejected') throw r.reason;
      return arrowToRows(r.value);
    } catch (e) {
      this.statements.drop(args.select);
      throw e;
    }
  }

  exec(sql: string, opts: ExecOptions = {}): Promise<void> {
    const { signal, onProgress } = opts;
    if (!signal && !onProgress) {
      return this.run(async () => {
        await this.conn.query(sql);
      });
    }
    return this.run(async () => {
      if (signal?.aborted) throw new EngineCancelled();
      // `send` starts a pending query and polls it slice by slice; between two polls the worker takes the
      // cancel message, interrupts the statement, and the next poll fails. Progress updates arrive meanwhile.
      let cancelled = false;
      const onAbort = () => {
        cancelled = true;
        void this.conn.cancelSent().catch(() => undefined);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.progressListener = onProgress ?? null;
      try {
        const reader = await this.conn.send(sql);
        // Drain the (empty) result of a statement run for its effect.
        for await (const batch of reader) void batch;
      } catch (e) {
        if (cancelled || signal?.aborted) throw new EngineCancelled();
        throw e;
      } finally {
        this.progressListener = null;
        signal?.removeEventListener('abort', onAbort);
      }
    });
  }

  registerFile(name: string, source: FileSource): Promise<void> {
    return this.run(async () => {
      if (!(source instanceof Uint8Array) && 'path' in source)
        throw new Error('The browser engine reads Files and bytes, not paths on disk.');
      if (source instanceof Uint8Array) await this.db.registerFileBuffer(name, source);
      else await this.db.registerFileHandle(name, source, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
    });
  }

  dropFile(name: string): Promise<void> {
    return this.run(async () => {
      await this.db.dropFile(name);
    });
  }

  // --- snapshot support: a file DuckDB writes in the worker's memory, and its bytes read back.
  registerEmptyFile(name: string): Promise<string> {
    return this.run(async () => {
      await this.db.registerEmptyFileBuffer(name);
      return name;
    });
  }

  copyFileToBuffer(name: string): Promise<Uint8Array> {
    return this.run(() => this.db.copyFileToBuffer(name));
  }
}
