import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../src/engine/sql';
import type { Engine, Row } from '../../src/engine/types';
import type { NodeEngine } from '../../src/engine/node-engine';
import { AGENCY_LIST_SQL } from '../../src/p3dn/agency';
import {
  FACETS_SQL,
  NO_FILTERS,
  basisAgencyQuery,
  basisSummaryQuery,
  breakdownQuery,
  matchSummaryQuery,
  monthlyQuery,
  pemdaRankingQuery,
  registerMatchQuery,
  unmatchedQuery,
  unmatchedRegisterQuery,
} from '../../src/p3dn/metrics';
import { BatchingEngine, batchable } from '../../src/queries/batch';
import { counting, freshEngine, importText } from '../helpers/engine';
import { SAMPLE } from '../helpers/sample';

let engine: NodeEngine;

beforeAll(async () => {
  engine = await freshEngine();
  for (const f of [
    'RUP-PaketPenyedia-Terumumkan.csv',
    'RUP-StrukturAnggaranPD.csv',
    'Bela-TokoDaringRealisasi.csv',
    'SPSE-TenderSelesaiNilai.csv',
  ])
    await importText(engine, f, readFileSync(join(SAMPLE, f)));
});
afterAll(() => engine.close());

describe('BatchingEngine: the queries of one view change in one call', () => {
  it('answers each query exactly as the engine does alone (rows, order, columns), in one call', async () => {
    const [y] = await engine.query('SELECT max(tahun) AS y FROM rup_penyedia');
    const f = { ...NO_FILTERS, tahun: Number(y?.['y']) };
    const t = { pdn: 0.4, umk: 0.4 };
    const qs: (Sql | string)[] = [
      basisAgencyQuery('realisasi', 'belanja_pengadaan', t, f),
      basisSummaryQuery('realisasi', 'belanja_pengadaan', t, f),
      ...(['metode', 'jenis', 'source', 'bulan'] as const).map((d) => breakdownQuery(d, f)),
      monthlyQuery('rup_total', f),
      matchSummaryQuery(f),
      unmatchedQuery(f),
      pemdaRankingQuery('komitmen', 'apbd_barang_jasa', t, f),
      registerMatchQuery(f),
      unmatchedRegisterQuery(f),
      FACETS_SQL,
      AGENCY_LIST_SQL,
      'SELECT 1 AS x WHERE false', // no rows
    ];
    const run = (e: Engine, q: Sql | string) =>
      typeof q === 'string' ? e.query(q) : e.query(q.sql, q.params);
    const alone: Row[][] = [];
    for (const q of qs) alone.push(await run(engine, q));
    expect(alone[0]!.length).toBeGreaterThan(5);
    const { e, calls } = counting(engine);
    const b = new BatchingEngine(e);
    const together = await Promise.all(qs.map((q) => run(b, q)));
    expect(calls).toHaveLength(1);
    expect(together).toEqual(alone);
    // Column order is kept too (a table's columns are read in order by the exports).
    together.forEach((rows, i) =>
      rows.forEach((r, j) => expect(Object.keys(r)).toEqual(Object.keys(alone[i]![j]!))),
    );
    expect(b.inflight()).toBe(0);
  });

  it('keeps the order of calls: statements that change data are not held behind later reads', async () => {
    const { e, calls } = counting(engine);
    const b = new BatchingEngine(e);
    const before = b.query('SELECT count(*) AS n FROM agency_alias');
    const write = b.exec("INSERT INTO agency_alias VALUES ('UJI BATCH', 'kd:1')");
    const after = b.query('SELECT count(*) AS n FROM agency_alias');
    const dml = b.query('DELETE FROM agency_alias WHERE alias_key = ?', ['UJI BATCH']);
    const gone = b.query('SELECT count(*) AS n FROM agency_alias');
    const [n0, , n1, , n2] = await Promise.all([before, write, after, dml, gone]);
    expect(Number(n1![0]!['n'])).toBe(Number(n0![0]!['n']) + 1);
    expect(n2).toEqual(n0);
    expect(calls[1]).toContain('INSERT');
    expect(calls[3]).toContain('DELETE');
  });

  it('gives a failing query its own error and the others their answers', async () => {
    const { e, calls } = counting(engine);
    const b = new BatchingEngine(e);
    const ok = b.query('SELECT ? AS v', [7]);
    const bad = b.query('SELECT no_such_column FROM rup_penyedia');
    await expect(bad).rejects.toThrow(/no_such_column/);
    expect(await ok).toEqual([{ v: 7 }]);
    expect(calls.length).toBe(1); // together: each query its own outcome
  });

  it('holds only single SELECT / WITH statements', () => {
    expect(batchable('  select 1')).toBe(true);
    expect(batchable('WITH a AS (SELECT 1) SELECT * FROM a;')).toBe(true);
    expect(batchable('SELECT 1; DROP TABLE x')).toBe(false);
    expect(batchable('INSERT INTO t SELECT 1')).toBe(false);
    expect(batchable('SELECTED')).toBe(false);
  });
});
