import type { QueryItem, QueryOutcome } from './statements';
/** A value that can be bound to a `?` placeholder. */
export type SqlParam = string | number | boolean | null;

/** A plain result cell: money and counts arrive as JS numbers, never BigInt or Arrow decimals. */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/**
 * What `registerFile` reads: a browser File (read in place), bytes, or a file on disk by path (Node engines
 * only; the native engine reads it in place, the wasm Node engine copies it into memory).
 */
export type FileSource = File | Uint8Array | { readonly path: string };

/**
 * The one interface the app and the tests talk to DuckDB through.
 * Browser: AsyncDuckDB in its Web Worker. Node (tests, CLI): the blocking build of the same wasm.
 */
export interface Engine {
  /** Run one statement, binding `params` to its `?` placeholders; return plain rows. */
  query(sql: string, params?: readonly SqlParam[]): Promise<Row[]>;
  /**
   * Several SELECTs sent to the engine at once (one view change's queries), run in order with nothing between
   * them; each query's rows or its own error, in the order given.
   */
  queryMany(items: readonly QueryItem[]): Promise<QueryOutcome[]>;
  /**
   * Prepare these SELECTs now, while the page is idle, so that the queries with these texts only run (engines
   * that keep prepared statements: src/engine/statements.ts). Never fails: a text that does not prepare is left.
   */
  prepare?(sqls: readonly string[]): Promise<void>;
  /**
   * Run one or more statements for their effect. With `signal`, an abort interrupts the statement: the browser
   * engine cancels it while it runs (DuckDB rolls the statement back); the Node engine is synchronous and can only
   * refuse to start a statement once the signal is aborted (it checks before and after, never during). Either way
   * the promise rejects with `EngineCancelled`.
   */
  exec(sql: string, opts?: ExecOptions): Promise<void>;
  /**
   * Make a file readable by `read_csv('<name>')`. A browser File is read in place, never copied whole. A path is
   * refused by the browser engine.
   */
  registerFile(name: string, source: FileSource): Promise<void>;
  dropFile(name: string): Promise<void>;
  // --- snapshot support (src/p3dn/persist): a file DuckDB writes (`COPY … TO`) and the bytes read back.
  /**
   * Make `name` a file DuckDB can write (`COPY t TO …`); returns the name to use in SQL (the browser keeps it in
   * memory; the Node engine, whose DuckDB writes to disk, gives a path in a scratch directory of its own). Read it
   * with `copyFileToBuffer`, free it with `dropFile`.
   */
  registerEmptyFile(name: string): Promise<string>;
  /** The whole content of a file DuckDB wrote, copied out of the engine. */
  copyFileToBuffer(name: string): Promise<Uint8Array>;
}

export interface ExecOptions {
  signal?: AbortSignal;
  /**
   * DuckDB's own progress estimate for the running statement, 0..1 (browser engine only; the Node engine never
   * calls it). For a statement that scans one CSV file this is the share of the file's bytes the reader has
   * consumed (DuckDB's CSV scanner reports bytes read / file size).
   */
  onProgress?: (fraction: number) => void;
}

/** The statement was interrupted (or never started) because its AbortSignal fired. */
export class EngineCancelled extends Error {
  constructor() {
    super('Statement cancelled');
    this.name = 'EngineCancelled';
  }
}
