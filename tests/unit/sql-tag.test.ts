import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bool, num, numOrNull, str, text } from '../../src/engine/cells';
import { NodeEngine } from '../../src/engine/node-engine';
import { ident, join, listLiteral, literal, raw, sql } from '../../src/engine/sql';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(() => engine.close());

describe('the sql tag', () => {
  it('turns each value into a placeholder and inlines fragments with their parameters in order', () => {
    const a = sql`x = ${1}`;
    const b = sql`y = ${'two'} AND z IS ${null}`;
    const q = sql`SELECT * FROM t WHERE ${a} AND ${b} AND w = ${true}`;
    expect(q.sql).toBe('SELECT * FROM t WHERE x = ? AND y = ? AND z IS ? AND w = ?');
    expect(q.params).toEqual([1, 'two', null, true]);
  });

  it('joins fragments with a separator and keeps raw text as it is', () => {
    const parts = [sql`a = ${1}`, raw('b IS NULL'), sql`c = ${3}`];
    const j = join(parts, ' AND ');
    expect(j).toEqual({ sql: 'a = ? AND b IS NULL AND c = ?', params: [1, 3] });
    expect(join([], ', ')).toEqual({ sql: '', params: [] });
  });

  it('binds composed values on the real engine: a value with quotes is data, never SQL', async () => {
    const evil = "x'; DROP TABLE t; --";
    const inner = sql`${evil} AS s`;
    const q = sql`SELECT ${inner}, ${41} + 1 AS n`;
    expect(await engine.query(q.sql, q.params)).toEqual([{ s: evil, n: 42 }]);
  });

  it('quotes identifiers and literals, doubling their quote characters', async () => {
    expect(ident('a"b')).toBe('"a""b"');
    expect(literal("it's")).toBe("'it''s'");
    expect(listLiteral(['a', "b'c"])).toBe("['a', 'b''c']");
    const [r] = await engine.query(
      `SELECT ${literal("it's")} AS ${ident('we"ird')}, ${listLiteral(["b'c"])}[1] AS l`,
    );
    expect(r).toEqual({ 'we"ird': "it's", l: "b'c" });
  });
});

describe('the row-cell readers', () => {
  it('say what a missing or mistyped cell becomes', () => {
    expect([num(3), num(null), num(undefined), num('3')]).toEqual([3, 0, 0, 0]);
    expect([numOrNull(3), numOrNull(null), numOrNull(Number.NaN), numOrNull(Infinity)]).toEqual([
      3,
      null,
      null,
      null,
    ]);
    expect([bool(true), bool(false), bool(null), bool(1)]).toEqual([true, false, null, null]);
    expect([str('a'), str(null), str(1)]).toEqual(['a', null, null]);
    expect([text('a'), text(null), text(undefined), text(2)]).toEqual(['a', '', '', '2']);
  });
});
