/** Shared by the snapshot and row-store tests: an in-memory snapshot store, table contents, every figure. */
import { expect } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { DEFAULT_TARGETS } from '../../src/p3dn/metrics';
import {
  BASES,
  DENOMINATORS,
  NO_FILTERS,
  apbdBelanjaQuery,
  basisAgencyQuery,
  basisSummaryQuery,
  breakdownQuery,
  matchSummaryQuery,
  metodeBreakdownQuery,
  monthlyQuery,
  pemdaRankingQuery,
  registerMatchQuery,
  unmatchedQuery,
  unmatchedRegisterQuery,
} from '../../src/p3dn/metrics';

/** An in-memory snapshot store: file name → bytes (`append`: added to the file's end). */
export function memoryStore() {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    write: async (name: string, bytes: Uint8Array, append?: boolean) => {
      const before = append ? (files.get(name) ?? new Uint8Array()) : new Uint8Array();
      files.set(name, new Uint8Array([...before, ...bytes]));
    },
    read: async (name: string) => {
      const b = files.get(name);
      if (!b) throw new Error(`missing ${name}`);
      return b.slice();
    },
  };
}

/** Every row of a table or view as text (DECIMALs as their exact digits), sorted: equal iff the contents are. */
export async function content(engine: NodeEngine, table: string): Promise<string[]> {
  const rows = await engine.query(
    `SELECT CAST(x AS VARCHAR) AS r FROM (SELECT t AS x FROM "${table}" t) ORDER BY r`,
  );
  return rows.map((r) => String(r['r']));
}

/** Every figure the views show, for every basis and denominator: the same answers on both engines. */
export async function expectSameFigures(a: NodeEngine, b: NodeEngine): Promise<void> {
  const queries = [
    registerMatchQuery(NO_FILTERS),
    unmatchedRegisterQuery(NO_FILTERS),
    matchSummaryQuery(NO_FILTERS),
    unmatchedQuery(NO_FILTERS),
    metodeBreakdownQuery(NO_FILTERS),
    apbdBelanjaQuery('agency'),
    ...(['metode', 'jenis', 'source', 'bulan'] as const).map((d) => breakdownQuery(d, NO_FILTERS)),
    monthlyQuery('belanja_pengadaan', NO_FILTERS),
    ...DENOMINATORS.flatMap((den) => [
      ...BASES.flatMap((basis) => [
        basisAgencyQuery(basis, den, DEFAULT_TARGETS, NO_FILTERS),
        basisSummaryQuery(basis, den, DEFAULT_TARGETS, NO_FILTERS),
        pemdaRankingQuery(basis, den, DEFAULT_TARGETS, NO_FILTERS),
      ]),
    ]),
  ];
  for (const q of queries)
    expect(await b.query(q.sql, q.params), q.sql).toEqual(await a.query(q.sql, q.params));
}
