import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS } from '../../scripts/sample/layouts';
import { freshEngine, importText } from '../helpers/engine';
import { centsText, penyediaRow, type Paket } from '../helpers/fixtures';

// Each loaded file's rows live in a table of their own; the canonical table is a view over the loaded files'
// tables. These tests check that the view shows exactly the loaded files and that nothing is left behind.
let engine: NodeEngine;
beforeAll(async () => {
  engine = await freshEngine();
});
afterAll(() => engine.close());

const agency = { kd: '62001', str: '1.02.0.00.0.00.01.0000', nama: 'DINAS UJI SIMPAN' };
function file(from: number, n: number, badAt = -1): { csv: string; cents: bigint } {
  const ps: Paket[] = [...Array(n).keys()].map((i) => ({
    agency,
    kdRup: String(from + i),
    cents: BigInt(i + 1) * 12_345n,
    pdn: i % 2 === 0,
    ukm: i % 3 === 0,
  }));
  const rows = ps.map((p, i) => ({ ...penyediaRow(p), ...(i === badAt ? { pagu: 'dua juta' } : {}) }));
  return {
    csv: toCsv(PENYEDIA_HEADERS, rows),
    cents: ps.reduce((s, p, i) => (i === badAt ? s : s + p.cents), 0n),
  };
}

async function view() {
  const [r] = await engine.query(`SELECT count(*) AS n, CAST(coalesce(sum(pagu), 0) AS VARCHAR) AS pagu,
      count(DISTINCT file_id) AS files FROM rup_penyedia`);
  return r!;
}

async function fileTables() {
  const rows = await engine.query(
    `SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, 'p3dn_file_') ORDER BY 1`,
  );
  const loaded = await engine.query(`SELECT data_table FROM source_file ORDER BY 1`);
  return { tables: rows.map((r) => r['table_name']), loaded: loaded.map((r) => r['data_table']) };
}

describe("each file's rows in a table of its own, the canonical table a view", () => {
  const a = file(80_000_000, 2100, 5);
  const b = file(81_000_000, 2200);
  const a2 = file(82_000_000, 2050);

  it('shows two added files, without the rejected row, and keeps one table per loaded file', async () => {
    const ra = await importText(engine, 'a.csv', a.csv, { replace: 'all' });
    expect(ra.counts).toMatchObject({ read: 2100, loaded: 2099, rejected: 1 });
    await importText(engine, 'b.csv', b.csv, { replace: 'none' });
    expect(await view()).toEqual({ n: 2099 + 2200, pagu: centsText(a.cents + b.cents), files: 2 });
    const rej = await engine.query('SELECT line, reason FROM import_reject WHERE file_id = ?', [ra.fileId]);
    expect(rej).toEqual([{ line: 7, reason: 'angka_tidak_valid' }]);
    const t = await fileTables();
    expect(t.tables).toHaveLength(2);
    expect(t.tables).toEqual(t.loaded);
  });

  it('drops the tables of the files a new export replaces', async () => {
    await importText(engine, 'a2.csv', a2.csv, { replace: 'same_kind' });
    expect(await view()).toEqual({ n: 2050, pagu: centsText(a2.cents), files: 1 });
    const t = await fileTables();
    expect(t.tables).toHaveLength(1);
    expect(t.tables).toEqual(t.loaded);
  });

  it('re-importing the same file replaces it instead of counting it twice', async () => {
    await importText(engine, 'a2.csv', a2.csv, { replace: 'none' });
    expect(await view()).toEqual({ n: 2050, pagu: centsText(a2.cents), files: 1 });
    expect((await fileTables()).tables).toHaveLength(1);
  });

  it('an empty canonical view still has its columns and types', async () => {
    const cols = await engine.query(
      `SELECT column_name, column_type AS data_type FROM (DESCRIBE realisasi) WHERE column_name IN ('nilai', 'tanggal', 'line')
       ORDER BY 1`,
    );
    expect(cols).toEqual([
      { column_name: 'line', data_type: 'BIGINT' },
      { column_name: 'nilai', data_type: 'DECIMAL(20,2)' },
      { column_name: 'tanggal', data_type: 'DATE' },
    ]);
    expect((await engine.query('SELECT count(*) AS n FROM realisasi'))[0]).toEqual({ n: 0 });
  });
});
