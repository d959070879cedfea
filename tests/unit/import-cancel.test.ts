import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { ImportError, importCsv, type ImportStage } from '../../src/p3dn/import';
import { HEAD_BYTES } from '../../src/p3dn/import';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS } from '../../scripts/sample/layouts';
import { freshEngine, importText } from '../helpers/engine';
import { centsText, counted, penyediaRow, type Paket } from '../helpers/fixtures';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await freshEngine();
});
afterAll(() => engine.close());

const agency = { kd: '61001', str: '1.01.0.00.0.00.01.0000', nama: 'DINAS UJI BATAL' };
function paket(n: number, from: number): Paket[] {
  return [...Array(n).keys()].map((i) => ({
    agency,
    kdRup: String(from + i),
    cents: BigInt(i + 1) * 1_000_050n,
    pdn: i % 2 === 0,
    ukm: i % 3 === 0,
    deleted: i % 17 === 16,
  }));
}

async function state() {
  const [r] = await engine.query(`SELECT
      (SELECT count(*) FROM rup_penyedia) AS n,
      (SELECT CAST(coalesce(sum(pagu), 0) AS VARCHAR) FROM rup_penyedia WHERE exclusion IS NULL) AS pagu,
      (SELECT count(*) FROM source_file) AS files,
      (SELECT count(*) FROM import_reject) AS rejects,
      (SELECT count(*) FROM duckdb_tables() WHERE starts_with(table_name, 'imp_') OR (
        starts_with(table_name, 'p3dn_file_') AND table_name NOT IN (SELECT data_table FROM source_file)))
        AS temp_tables,
      (SELECT count(*) FROM duckdb_views() WHERE starts_with(view_name, 'imp_')) AS temp_views`);
  return r!;
}

async function importCancelledAt(stage: ImportStage, content: string) {
  const bytes = new TextEncoder().encode(content);
  const name = `cancel_${stage}.csv`;
  await engine.registerFile(name, bytes);
  const ctl = new AbortController();
  try {
    await importCsv(engine, {
      engineFileName: name,
      displayName: 'batal.csv',
      sizeBytes: bytes.length,
      head: bytes.slice(0, HEAD_BYTES),
      isSample: false,
      replace: 'all',
      signal: ctl.signal,
      onProgress: (s) => {
        if (s === stage) ctl.abort();
      },
    });
    return null;
  } catch (e) {
    return e;
  } finally {
    await engine.dropFile(name);
  }
}

describe('cancelling an import', () => {
  const first = paket(2100, 40_000_000);
  const firstSum = first.filter(counted).reduce((s, p) => s + p.cents, 0n);

  it('cancelled at any stage leaves the loaded data as it was and drops its temp tables', async () => {
    const r = await importText(engine, 'awal.csv', toCsv(PENYEDIA_HEADERS, first.map(penyediaRow)));
    expect(r.counts.loaded).toBe(first.filter(counted).length);
    const before = await state();
    expect(before['pagu']).toBe(centsText(firstSum));
    const other = toCsv(PENYEDIA_HEADERS, paket(2300, 41_000_000).map(penyediaRow));
    // The Node engine is synchronous: the abort is honoured at the next statement boundary (the classifying
    // statement for `memeriksa`, the stage check for the later ones).
    for (const stage of ['membaca', 'memeriksa', 'menghitung', 'menyimpan'] as const) {
      const e = await importCancelledAt(stage, other);
      expect(e, stage).toBeInstanceOf(ImportError);
      expect((e as ImportError).code, stage).toBe('dibatalkan');
      expect(await state(), stage).toEqual({ ...before, temp_tables: 0, temp_views: 0 });
    }
  });

  it('the next import after a cancel works', async () => {
    const next = paket(2200, 42_000_000);
    const r = await importText(engine, 'berikut.csv', toCsv(PENYEDIA_HEADERS, next.map(penyediaRow)), {
      replace: 'all',
    });
    expect(r.counts.read).toBe(next.length);
    expect(r.counts.loaded).toBe(next.filter(counted).length);
    const s = await state();
    expect(s['pagu']).toBe(centsText(next.filter(counted).reduce((a, p) => a + p.cents, 0n)));
    expect(s['temp_tables']).toBe(0);
  });
});
