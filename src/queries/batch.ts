import type { QueryItem, QueryOutcome } from '../engine/statements';
import type { Engine, ExecOptions, FileSource, Row, SqlParam } from '../engine/types';

/**
 * One round trip per view change. A view change starts its queries at once (cards, chart, table, breakdowns,
 * monthly line, reconciliation); `BatchingEngine` holds the SELECTs started within one task and hands them to the
 * engine together (`queryMany`): the worker receives every one of them before it answers the first, and runs them
 * back to back, each prepared once per SQL text (src/engine/statements.ts). Statements other than a single SELECT
 * / WITH (DDL, DML, anything with `;`) are not held: pending SELECTs are sent first, then the statement, so the
 * engine sees every call in the order it was made. Each query gets its own rows or its own error.
 */
export class BatchingEngine implements Engine {
  private pending: Pending[] = [];
  private scheduled = false;
  private active = 0;
  private readonly schedule: (fn: () => void) => void;
  private readonly settled = new Set<() => void>();
  /** Calls made of the engine (round trips) and the queries they carried, since the start (the benchmark's). */
  readonly sent = { trips: 0, queries: 0 };

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
      return this.track(this.inner.query(sql, params), 1);
    }
    return new Promise<Row[]>((resolve, reject) => {
      this.pending.push({ sql: sql.trim().replace(/;\s*$/, ''), params, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        this.schedule(() => this.flush());
      }
    });
  }

  queryMany(items: readonly QueryItem[]): Promise<QueryOutcome[]> {
    this.flush();
    return this.track(this.inner.queryMany(items), items.length);
  }

  /** Not counted in `inflight`: idle-time work that no figure waits for (./prewarm.ts). */
  prepare(sqls: readonly string[]): Promise<void> {
    this.flush();
    return this.inner.prepare?.(sqls) ?? Promise.resolve();
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

  /** Call `fn` each time every call sent has been answered (the benchmark waits for it); returns the stop. */
  onSettled(fn: () => void): () => void {
    this.settled.add(fn);
    return () => this.settled.delete(fn);
  }

  private track<T>(p: Promise<T>, queries = 0): Promise<T> {
    this.active++;
    this.sent.trips++;
    this.sent.queries += queries;
    return p.finally(() => {
      this.active--;
      if (this.inflight() === 0) for (const fn of this.settled) fn();
    });
  }

  /** Send what is pending now instead of at the next task (a prefetch made before React renders a change). */
  flushNow(): void {
    this.flush();
  }

  /** Send what is pending now: one query as it is, several together (`queryMany`). */
  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    if (batch.length === 1) {
      const [one] = batch as [Pending];
      void this.track(this.inner.query(one.sql, one.params), 1).then(one.resolve, one.reject);
      return;
    }
    void this.track(this.inner.queryMany(batch), batch.length).then(
      (out) =>
        batch.forEach((b, i) => {
          const o = out[i];
          if (o?.status === 'fulfilled') b.resolve(o.value);
          else b.reject(o ? o.reason : new Error('no answer'));
        }),
      (e: unknown) => batch.forEach((b) => b.reject(e)),
    );
  }
}

interface Pending {
  sql: string;
  params: readonly SqlParam[];
  resolve: (rows: Row[]) => void;
  reject: (e: unknown) => void;
}

/** A single SELECT or WITH … SELECT (no statement separator inside): a read that may wait for its batch. */
export function batchable(sql: string): boolean {
  const s = sql.trim().replace(/;\s*$/, '');
  return /^(SELECT|WITH)\b/i.test(s) && !s.includes(';');
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
