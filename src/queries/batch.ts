import type { Engine, ExecOptions, FileSource, Row, SqlParam } from '../engine/types';

/**
 * One round trip per view change. A view change starts a dozen queries at once (cards, chart, table, breakdowns,
 * monthly line, reconciliation); each would be its own trip to the worker (three with bound parameters: prepare,
 * run, close). `BatchingEngine` holds the SELECTs started within one task and sends them as ONE statement:
 *
 *   SELECT 0 AS __q, row_number() OVER () AS __r, COLUMNS(*) AS 'q0_\0' FROM (<query 0>)
 *   UNION ALL BY NAME SELECT 1 AS __q, … FROM (<query 1>) …  ORDER BY __q, __r
 *
 * Each query's columns carry its own prefix, so no two queries' columns meet (types never widen) and each query's
 * rows come back in its own order; the rows are split again here. Statements other than a single SELECT / WITH
 * (DDL, DML, anything with `;`) are not held: pending SELECTs are sent first, then the statement, so the engine
 * sees every call in the order it was made. If the combined statement fails, each query is run alone, so an error
 * belongs to the query that caused it.
 */
export class BatchingEngine implements Engine {
  private pending: Pending[] = [];
  private scheduled = false;
  private active = 0;
  private readonly schedule: (fn: () => void) => void;

  constructor(
    private readonly inner: Engine,
    schedule?: (fn: () => void) => void,
  ) {
    this.schedule = schedule ?? nextTask();
  }

  /** Calls sent and not yet answered (the benchmark waits for 0). */
  inflight(): number {
    return this.active + this.pending.length;
  }

  query(sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
    if (!batchable(sql)) {
      this.flush();
      return this.track(this.inner.query(sql, params));
    }
    return new Promise<Row[]>((resolve, reject) => {
      this.pending.push({ sql: sql.trim().replace(/;\s*$/, ''), params, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        this.schedule(() => this.flush());
      }
    });
  }

  exec(sql: string, opts?: ExecOptions): Promise<void> {
    this.flush();
    return this.track(this.inner.exec(sql, opts));
  }

  registerFile(name: string, source: FileSource): Promise<void> {
    this.flush();
    return this.track(this.inner.registerFile(name, source));
  }

  dropFile(name: string): Promise<void> {
    this.flush();
    return this.track(this.inner.dropFile(name));
  }

  registerEmptyFile(name: string): Promise<string> {
    this.flush();
    return this.track(this.inner.registerEmptyFile(name));
  }

  copyFileToBuffer(name: string): Promise<Uint8Array> {
    this.flush();
    return this.track(this.inner.copyFileToBuffer(name));
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.active++;
    return p.finally(() => this.active--);
  }

  /** Send what is pending now instead of at the next task (a prefetch made before React renders a change). */
  flushNow(): void {
    this.flush();
  }

  /** Send what is pending now: one query as it is, several as one statement. */
  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    if (batch.length === 1) {
      const [one] = batch as [Pending];
      void this.track(this.inner.query(one.sql, one.params)).then(one.resolve, one.reject);
      return;
    }
    const { sql, params } = combine(batch);
    void this.track(this.inner.query(sql, params)).then(
      (rows) => {
        const out = split(rows, batch.length);
        batch.forEach((b, i) => b.resolve(out[i] ?? []));
      },
      () => {
        // Each alone: the failing query rejects with its own error, the others answer.
        for (const b of batch) void this.track(this.inner.query(b.sql, b.params)).then(b.resolve, b.reject);
      },
    );
  }
}

interface Pending {
  sql: string;
  params: readonly SqlParam[];
  resolve: (rows: Row[]) => void;
  reject: (e: unknown) => void;
}

/** A single SELECT or WITH … SELECT (no statement separator inside): safe to wrap as a subquery. */
export function batchable(sql: string): boolean {
  const s = sql.trim().replace(/;\s*$/, '');
  return /^(SELECT|WITH)\b/i.test(s) && !s.includes(';');
}

/** The queries as one statement (see the class comment); their parameters in the same order. */
function combine(batch: readonly { sql: string; params: readonly SqlParam[] }[]): {
  sql: string;
  params: SqlParam[];
} {
  const parts = batch.map(
    (b, i) =>
      `SELECT ${i} AS __q, row_number() OVER () AS __r, COLUMNS(*) AS 'q${i}_\\0' FROM (\n${b.sql}\n)`,
  );
  return {
    sql: `SELECT * FROM (\n${parts.join('\nUNION ALL BY NAME\n')}\n) ORDER BY __q, __r`,
    params: batch.flatMap((b) => b.params),
  };
}

/** The combined rows back to each query's own rows and column names. */
function split(rows: readonly Row[], n: number): Row[][] {
  const out: Row[][] = Array.from({ length: n }, () => []);
  for (const r of rows) {
    const i = Number(r['__q']);
    const prefix = `q${i}_`;
    const row: Row = {};
    for (const [k, v] of Object.entries(r)) if (k.startsWith(prefix)) row[k.slice(prefix.length)] = v;
    out[i]?.push(row);
  }
  return out;
}

/** Run `fn` in the next task (after every query started by the current one has been queued). */
function nextTask(): (fn: () => void) => void {
  if (typeof MessageChannel === 'undefined' || typeof window === 'undefined')
    return (fn) => setTimeout(fn, 0);
  const ch = new MessageChannel();
  const queue: (() => void)[] = [];
  ch.port1.onmessage = () => queue.shift()?.();
  return (fn) => {
    queue.push(fn);
    ch.port2.postMessage(null);
  };
}
