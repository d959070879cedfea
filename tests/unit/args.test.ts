/**
 * The argument row (src/engine/args.ts): a statement that joins `p3dn_args` is run without bound parameters, its
 * `?` reading the row's columns, the values written into the row just before it. Checked on the text (only the
 * placeholders outside quotes and comments move) and on the real engine: the answers are those of the same
 * statement with its values bound, and of literals typed in by hand, for every kind of value, run after run and
 * in batches; the statement is prepared once and then run with no values at all.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ARGS_INIT_SQL, MAX_ARGS, argsSelect, argsStatement, argsUpdate } from '../../src/engine/args';
import type { NodeEngine } from '../../src/engine/node-engine';
import { freshEngine } from '../helpers/engine';

describe('the statement text', () => {
  it('moves each placeholder outside quotes and comments to its column of the row, in order', () => {
    const sql = `SELECT '?' AS q, "a?b" AS c, CAST(? AS INTEGER) AS x -- a ? here
      /* and ? here */ FROM t, p3dn_args WHERE y = ? AND z = 'it''s ?'`;
    const out = argsSelect(sql);
    expect(out).toEqual({
      count: 2,
      text: `SELECT '?' AS q, "a?b" AS c, CAST(p3dn_args.p3dn_a1 AS INTEGER) AS x -- a ? here
      /* and ? here */ FROM t, p3dn_args WHERE y = p3dn_args.p3dn_a2 AND z = 'it''s ?'`,
    });
  });

  it('leaves a statement that does not name the row to be bound', () => {
    expect(argsSelect('SELECT ? AS v FROM p3dn_argsx')).toBeNull();
    expect(argsStatement('SELECT ? AS v', [1])).toBeNull();
  });

  it('writes the values as text, numbers as JavaScript writes them, booleans as true / false', () => {
    const a = argsStatement('SELECT ?, ?, ?, ?, ? FROM p3dn_args', ['x', 2024, 0.1 + 0.2, true, null]);
    expect(a?.values).toEqual(['x', '2024', '0.30000000000000004', 'true', null]);
    expect(a?.update).toBe(
      'UPDATE p3dn_args SET p3dn_a1 = ?, p3dn_a2 = ?, p3dn_a3 = ?, p3dn_a4 = ?, p3dn_a5 = ?',
    );
    expect(argsStatement('SELECT 1 FROM p3dn_args', [])?.update).toBeNull();
  });

  it('refuses what it cannot carry: a count that does not match, too many values, a value that is not finite', () => {
    expect(() => argsStatement('SELECT ? FROM p3dn_args', [])).toThrow(/1 placeholders and 0 values/);
    const many = `SELECT ${Array.from({ length: MAX_ARGS + 1 }, () => '?').join(', ')} FROM p3dn_args`;
    expect(() => argsSelect(many)).toThrow(/at most 64/);
    expect(() => argsStatement('SELECT ? FROM p3dn_args', [Number.NaN])).toThrow(/cannot hold/);
    expect(argsUpdate(MAX_ARGS)).toContain(`p3dn_a${MAX_ARGS} = ?`);
  });
});

describe('on the real engine', () => {
  let engine: NodeEngine;
  let prepared: { sql: string; runs: unknown[][] }[];

  beforeAll(async () => {
    engine = await freshEngine();
    await engine.exec(`CREATE TABLE t AS SELECT i AS id, 2020 + i % 4 AS tahun,
        CASE WHEN i % 3 = 0 THEN NULL ELSE 'k' || (i % 3) END AS k,
        CAST(i * 12.34 AS DECIMAL(18, 2)) AS m, i % 2 = 0 AS even
      FROM range(1, 401) r(i)`);
    // Every statement the engine prepares, and the values each run of it is given.
    prepared = [];
    const conn = (engine as unknown as { conn: { prepare: (s: string) => unknown } }).conn;
    const real = conn.prepare.bind(conn);
    vi.spyOn(conn, 'prepare').mockImplementation((s: string) => {
      const stmt = real(s) as { query: (...v: unknown[]) => unknown };
      const entry = { sql: s, runs: [] as unknown[][] };
      prepared.push(entry);
      const run = stmt.query.bind(stmt);
      stmt.query = (...v: unknown[]) => {
        entry.runs.push(v);
        return run(...v);
      };
      return stmt;
    });
  });
  afterAll(() => engine.close());

  // The filter of the cubes (src/p3dn/metrics/filters.ts), over a table, with a target as an exact decimal.
  const Q = `SELECT CAST(count(*) AS INTEGER) AS n, CAST(sum(m) AS VARCHAR) AS total,
      CAST(sum(m) FILTER (WHERE m >= 1000 * CAST(? AS DECIMAL(9, 6))) AS VARCHAR) AS above
    FROM t, p3dn_args
    WHERE k IS NOT DISTINCT FROM coalesce(CAST(? AS VARCHAR), k)
      AND tahun IS NOT DISTINCT FROM coalesce(CAST(? AS INTEGER), tahun)
      AND even = coalesce(CAST(? AS BOOLEAN), even)`;
  type V = [string, string | null, number | null, boolean | null];
  const literal = (v: string | number | boolean | null) =>
    v === null ? 'NULL' : typeof v === 'string' ? `'${v}'` : String(v);
  /** The same statement with the values typed in, run as plain text (no row, no binding). */
  const typedIn = (v: V) => {
    let i = 0;
    return engine.query(Q.replace(', p3dn_args', '').replace(/\?/g, () => literal(v[i++]!)));
  };
  /** The same statement with its values bound (without the row in its FROM, the engine binds them). */
  const bound = (v: V) => engine.query(Q.replace(', p3dn_args', ''), v);

  const cases: V[] = [
    ['0.400000', null, null, null],
    ['0.400000', 'k1', null, null],
    ['0.125000', 'k2', 2021, null],
    ['1.000000', null, 2023, true],
    ['0.000000', 'k1', null, false],
    ['0.400000', 'none', null, null],
    ['0.400000', null, 1999, null],
  ];

  it('answers as the statement with its values typed in, for every kind of value, run after run', async () => {
    for (let round = 0; round < 2; round++) {
      for (const v of cases) {
        const got = await engine.query(Q, v);
        expect(got).toEqual(await typedIn(v));
        expect(got).toEqual(await bound(v));
      }
    }
    // Independently, for two of them: the counts and exact sums of the table's rows.
    const rows = Array.from({ length: 400 }, (_, k) => k + 1).map((i) => ({
      tahun: 2020 + (i % 4),
      k: i % 3 === 0 ? null : `k${i % 3}`,
      cents: i * 1234,
      even: i % 2 === 0,
    }));
    const sum = (xs: typeof rows) => (xs.reduce((t, r) => t + r.cents, 0) / 100).toFixed(2);
    const k2 = rows.filter((r) => r.k === 'k2' && r.tahun === 2021);
    expect(await engine.query(Q, cases[2]!)).toEqual([
      { n: k2.length, total: sum(k2), above: sum(k2.filter((r) => r.cents >= 12500)) },
    ]);
    expect(await engine.query(Q, cases[5]!)).toEqual([{ n: 0, total: null, above: null }]);
  });

  it('is prepared once and then run with no values; the values go to the row by a bound UPDATE', async () => {
    prepared.length = 0;
    for (const v of cases) await engine.query(Q, v);
    // Prepared by the first test already: only run.
    expect(prepared.map((p) => p.sql)).toEqual([]);
    // A new text: one prepare of the statement (run without values) and one of its UPDATE (given the values).
    const q2 = `${Q} AND id > CAST(? AS INTEGER)`;
    for (const v of cases) await engine.query(q2, [...v, 10]);
    const sel = prepared.find((p) => p.sql.includes('FROM t, p3dn_args'));
    const upd = prepared.find((p) => p.sql.startsWith('UPDATE p3dn_args'));
    expect(prepared).toHaveLength(2);
    expect(sel?.runs).toEqual(cases.map(() => []));
    expect(sel?.sql).not.toContain('?');
    expect(upd?.runs).toEqual(cases.map((v) => [...v.map((x) => (x === null ? null : String(x))), '10']));
  });

  it('answers each query of a batch with its own values, and an error with its own error', async () => {
    const batch = [...cases, ...cases.slice().reverse()];
    const out = await engine.queryMany([
      ...batch.map((v) => ({ sql: Q, params: v })),
      { sql: 'SELECT CAST(? AS INTEGER) AS v FROM p3dn_args', params: ['not a number'] },
    ]);
    for (const [i, v] of batch.entries()) {
      expect(out[i]).toEqual({ status: 'fulfilled', value: await typedIn(v) });
    }
    expect(out.at(-1)?.status).toBe('rejected');
  });

  it('keeps the row out of the dataset: a temporary table, created afresh by each engine', async () => {
    const [r] = await engine.query(
      "SELECT database_name, schema_name, temporary FROM duckdb_tables() WHERE table_name = 'p3dn_args'",
    );
    expect(r).toEqual({ database_name: 'temp', schema_name: 'main', temporary: true });
    expect(ARGS_INIT_SQL).toMatch(/^CREATE OR REPLACE TEMP TABLE p3dn_args AS SELECT/);
  });
});
