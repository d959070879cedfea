/**
 * Prepared statements kept by SQL text (src/engine/statements.ts), on the real engine: a query is prepared once
 * and then only run; its answers stay those of a query prepared afresh when the tables under it are replaced
 * (other values, other types), a statement that fails is prepared again, and the cache keeps the most recently
 * used texts up to its size, closing what it drops.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { StatementCache } from '../../src/engine/statements';
import { freshEngine } from '../helpers/engine';

let engine: NodeEngine;
let prepare: ReturnType<typeof vi.spyOn>;

beforeAll(async () => {
  engine = await freshEngine();
  // The engine's connection (private): every prepare it makes is counted.
  prepare = vi.spyOn((engine as unknown as { conn: { prepare: (s: string) => unknown } }).conn, 'prepare');
});
afterAll(() => engine.close());

/** The same query on a statement prepared for this call only, on another engine holding the same table. */
async function afresh(make: string, sql: string, params: (string | number)[]) {
  const other = await freshEngine();
  try {
    await other.exec(make);
    return await other.query(sql, params);
  } finally {
    other.close();
  }
}

describe('prepared statements kept by SQL text', () => {
  const q =
    'SELECT a, CAST(sum(m) AS DOUBLE) AS s, CAST(count(*) AS INTEGER) AS n FROM t WHERE z = ? GROUP BY a ORDER BY a';

  it('prepares a query once, then runs it with new values, answering as a fresh statement does', async () => {
    const make = `CREATE TABLE t AS SELECT i % 3 AS a, CASE WHEN i % 2 = 0 THEN 'x' ELSE 'y' END AS z,
      CAST(i * 1.25 AS DECIMAL(18,2)) AS m FROM range(1, 2001) r(i)`;
    await engine.exec(make);
    prepare.mockClear();
    const x = await engine.query(q, ['x']);
    const y = await engine.query(q, ['y']);
    expect(prepare).toHaveBeenCalledTimes(1);
    // Independently: i from 1 to 2000, grouped by i % 3, even i are 'x'.
    const expected = (even: boolean) =>
      [0, 1, 2].map((a) => {
        const is = Array.from({ length: 2000 }, (_, k) => k + 1).filter(
          (i) => i % 3 === a && (i % 2 === 0) === even,
        );
        return { a, s: is.reduce((t, i) => t + i * 1.25, 0), n: is.length };
      });
    expect(x).toEqual(expected(true));
    expect(y).toEqual(expected(false));
    expect(x).toEqual(await afresh(make, q, ['x']));
  });

  it('stays right when the table under it is replaced, with other values and other column types', async () => {
    await engine.exec(`CREATE OR REPLACE TABLE t AS SELECT * FROM (VALUES (1, 'x', 2.5), (1, 'x', 4.0), (2, 'y', 1.0))
      v(a, z, m)`);
    expect(await engine.query(q, ['x'])).toEqual([{ a: 1, s: 6.5, n: 2 }]);
    const make = `CREATE TABLE t (z VARCHAR, a VARCHAR, m DOUBLE);
      INSERT INTO t VALUES ('x', 'k', 0.5), ('x', 'k', 0.25), ('x', 'j', 1)`;
    await engine.exec(`DROP TABLE t; ${make}`);
    const rows = await engine.query(q, ['x']);
    expect(rows).toEqual([
      { a: 'j', s: 1, n: 1 },
      { a: 'k', s: 0.75, n: 2 },
    ]);
    expect(rows).toEqual(await afresh(make, q, ['x']));
  });

  it('forgets a statement that failed: it is prepared again once the table is back', async () => {
    await engine.exec('DROP TABLE t');
    await expect(engine.query(q, ['x'])).rejects.toThrow(/t does not exist/);
    await engine.exec("CREATE TABLE t AS SELECT 5 AS a, 'x' AS z, 2 AS m");
    prepare.mockClear();
    expect(await engine.query(q, ['x'])).toEqual([{ a: 5, s: 2, n: 1 }]);
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it('answers a batch of queries each with its own rows or its own error, in order', async () => {
    const out = await engine.queryMany([
      { sql: q, params: ['x'] },
      { sql: 'SELECT no_such FROM t', params: [] },
      { sql: 'SELECT ? + 1 AS v', params: [41] },
    ]);
    expect(out.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(out[0]).toEqual({ status: 'fulfilled', value: [{ a: 5, s: 2, n: 1 }] });
    expect(out[2]).toEqual({ status: 'fulfilled', value: [{ v: 42 }] });
  });
});

describe('StatementCache', () => {
  it('keeps the most recently used texts up to its size and closes what it drops', () => {
    const closed: string[] = [];
    const made: string[] = [];
    const cache = new StatementCache((sql: string) => {
      made.push(sql);
      return { sql, close: () => closed.push(sql) };
    }, 3);
    for (const s of ['a', 'b', 'c']) cache.get(s);
    cache.get('a'); // now the most recent
    cache.get('d'); // drops b, the least recently used
    expect(cache.keys()).toEqual(['c', 'a', 'd']);
    cache.get('b');
    expect(made).toEqual(['a', 'b', 'c', 'd', 'b']);
    cache.drop('a');
    expect(cache.keys()).toEqual(['d', 'b']);
    return Promise.resolve().then(() => expect(closed).toEqual(['b', 'c', 'a']));
  });

  it('hands over a statement prepared asynchronously as itself once ready, so a query can be sent at once', async () => {
    type Stmt = { sql: string; close: () => void };
    // Every prepare's resolvers, per text, in the order asked.
    const pending = new Map<string, { ok: (s: Stmt) => void; fail: (e: Error) => void }[]>();
    let prepared = 0;
    const cache = new StatementCache(
      (sql: string) =>
        new Promise<Stmt>((ok, fail) => {
          prepared++;
          pending.set(sql, [...(pending.get(sql) ?? []), { ok, fail }]);
        }),
    );
    const first = cache.get('q');
    expect(first).toBeInstanceOf(Promise);
    // Asked again before it is ready: the same promise, no second prepare.
    expect(cache.get('q')).toBe(first);
    pending.get('q')![0]!.ok({ sql: 'q', close: () => undefined });
    const stmt = await first;
    // Ready: the statement itself, synchronously.
    expect(cache.get('q')).toBe(stmt);
    expect(prepared).toBe(1);

    // A failed prepare is forgotten: the next get prepares again.
    const bad = cache.get('bad');
    pending.get('bad')![0]!.fail(new Error('no such table'));
    await expect(bad).rejects.toThrow('no such table');
    expect(cache.keys()).toEqual(['q']);
    expect(cache.get('bad')).toBeInstanceOf(Promise);
    expect(prepared).toBe(3);

    // Prepared again meanwhile (refresh): the older promise, once it resolves, does not replace the newer one.
    const older = cache.get('r');
    const newer = cache.refresh('r');
    expect(newer).not.toBe(older);
    pending.get('r')![1]!.ok({ sql: 'r-new', close: () => undefined });
    await newer;
    pending.get('r')![0]!.ok({ sql: 'r-old', close: () => undefined });
    await older;
    expect((cache.get('r') as Stmt).sql).toBe('r-new');
  });
});
