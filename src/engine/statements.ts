import type { Row, SqlParam } from './types';

/** One query of a `queryMany` call. */
export interface QueryItem {
  sql: string;
  params: readonly SqlParam[];
}

/**
 * How many prepared statements an engine keeps: the dashboard's 90 (queries/prewarm.ts) and the other views' with
 * room to spare.
 */
const STATEMENT_CACHE_SIZE = 200;

/**
 * Prepared statements kept by their SQL text, least recently used dropped first. Preparing a dashboard query
 * (binding and planning 3–4 KB of SQL) costs DuckDB-wasm more than running it on the small aggregate tables, and
 * the SQL of a view change is one of a few dozen texts (the values are bound): each is prepared once, then only
 * run. A statement stays right when tables change under it: DuckDB binds it again when the catalog has changed
 * since it was prepared (tests/unit/statements.test.ts).
 */
export class StatementCache<S extends { close(): unknown }> {
  private readonly held = new Map<string, S | Promise<S>>();

  constructor(
    private readonly prepare: (sql: string) => S | Promise<S>,
    private readonly size = STATEMENT_CACHE_SIZE,
  ) {}

  /** The statement for `sql`: the kept one (now the most recent) or a new one. */
  get(sql: string): S | Promise<S> {
    const kept = this.held.get(sql);
    if (kept !== undefined) {
      this.held.delete(sql);
      this.held.set(sql, kept);
      return kept;
    }
    const made = this.prepare(sql);
    this.held.set(sql, made);
    // Once prepared, the statement itself is kept (not its promise): the next `get` hands it over synchronously,
    // so a query on it is sent in the very task that asks (src/engine/browser-engine.ts).
    if (made instanceof Promise)
      made.then(
        (stmt) => {
          if (this.held.get(sql) === made) this.held.set(sql, stmt);
        },
        () => {
          if (this.held.get(sql) === made) this.held.delete(sql);
        },
      );
    while (this.held.size > this.size) this.drop(this.held.keys().next().value as string);
    return made;
  }

  /** Prepare `sql` again now (the tables under it changed since): its next run does not bind it again. */
  refresh(sql: string): S | Promise<S> {
    this.drop(sql);
    return this.get(sql);
  }

  /** Forget (and close) the statement of `sql`: dropped from the cache, or failed; it is prepared again next time. */
  drop(sql: string): void {
    const s = this.held.get(sql);
    if (s === undefined) return;
    this.held.delete(sql);
    void Promise.resolve(s).then(
      (x) => x.close(),
      () => undefined,
    );
  }

  /** The SQL texts kept now, oldest first (tests). */
  keys(): string[] {
    return [...this.held.keys()];
  }
}

/** A `queryMany` answer: each query's rows, or its own error. */
export type QueryOutcome = PromiseSettledResult<Row[]>;

/** `queryMany` for an engine that runs one statement at a time anyway: each query in turn, its own outcome. */
export async function oneByOne(
  items: readonly QueryItem[],
  query: (sql: string, params: readonly SqlParam[]) => Promise<Row[]>,
): Promise<QueryOutcome[]> {
  const out: QueryOutcome[] = [];
  for (const i of items) {
    try {
      out.push({ status: 'fulfilled', value: await query(i.sql, i.params) });
    } catch (reason) {
      out.push({ status: 'rejected', reason });
    }
  }
  return out;
}
