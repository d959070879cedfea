import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS } from '../../scripts/sample/layouts';
import { freshEngine, importText } from '../helpers/engine';
import { penyediaRow } from '../helpers/fixtures';

/*
 * Every record of a RUP penyedia export keeps its physical line, with and without the line count the app passes
 * in: past a line the CSV reader rejects, and past a line break inside a quoted cell.
 */
let engine: NodeEngine;
beforeAll(async () => {
  engine = await freshEngine();
});
afterAll(() => engine.close());

describe('line numbers, with and without the line count the app passes in', () => {
  // 2,100 packages; record i is on line i + 2 (header on line 1) until a line with one field too many (rejected by
  // the CSV reader), and one line further down after it.
  const agency = { kd: '63421', str: '1.01.2.22', nama: 'DINAS UJI' };
  const bad = 1500;
  const rows = [...Array(2100).keys()].map((i) =>
    penyediaRow({
      agency,
      kdRup: String(70_000_000 + i),
      cents: BigInt(i + 1) * 100n,
      pdn: true,
      ukm: i % 2 === 0,
    }),
  );
  const lines = toCsv(PENYEDIA_HEADERS, rows).split('\n');
  lines.splice(bad + 1, 0, `${lines[bad + 1]},extra`);
  const plain = lines.join('\n');
  const expectedLine = (i: number) => (i < bad ? i + 2 : i + 3);

  // The same records with a line break inside one quoted cell of record 700: later records move down one line.
  const broken = toCsv(
    PENYEDIA_HEADERS,
    rows.map((r, i) => (i === 700 ? { ...r, nama_paket: 'Paket\ndua baris' } : r)),
  );

  async function linesOf(fileId: number, kds: number[]) {
    const got = await engine.query(
      `SELECT kd_rup, line FROM rup_penyedia WHERE file_id = ? AND kd_rup IN (${kds.map((i) => `'${70_000_000 + i}'`).join(', ')}) ORDER BY line`,
      [fileId],
    );
    return got.map((r) => [String(r['kd_rup']), Number(r['line'])]);
  }
  const sample = [0, 699, 700, 701, 1499, 1500, 2099];

  it.each([true, false])('puts every record on its line (line count given: %s)', async (count) => {
    const res = await importText(engine, `lines-${count}.csv`, plain, { countLines: count, replace: 'all' });
    expect(res.counts).toMatchObject({ read: 2101, loaded: 2100, rejected: 1 });
    expect(await linesOf(res.fileId, sample)).toEqual(
      sample.map((i) => [String(70_000_000 + i), expectedLine(i)]),
    );
    const rej = await engine.query('SELECT line, reason FROM import_reject WHERE file_id = ?', [res.fileId]);
    expect(rej).toEqual([{ line: bad + 2, reason: 'struktur_baris' }]);
  });

  it.each([true, false])(
    'counts the line break inside a quoted cell (line count given: %s)',
    async (count) => {
      const res = await importText(engine, `broken-${count}.csv`, broken, {
        countLines: count,
        replace: 'all',
      });
      expect(res.counts).toMatchObject({ read: 2100, loaded: 2100, rejected: 0 });
      expect(await linesOf(res.fileId, sample)).toEqual(
        sample.map((i) => [String(70_000_000 + i), i <= 700 ? i + 2 : i + 3]),
      );
    },
  );
});
