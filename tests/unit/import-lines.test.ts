import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { freshEngine, importText } from '../helpers/engine';
import { csvCell } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS } from '../../scripts/sample/layouts';
import { centsText, penyediaRow } from '../helpers/fixtures';
import { writeXlsx, type XCell } from '../helpers/xlsx-writer';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await freshEngine();
});
afterAll(() => engine.close());

const agency = { kd: '81001', str: '1.01.0.00.0.00.01.0000', nama: 'DINAS BARIS' };

interface Built {
  text: string;
  /** kd_rup -> the physical line its record starts on, counted while writing. */
  lineOf: Map<string, number>;
  cents: Map<string, bigint>;
  physical: number;
}

/**
 * A RUP penyedia export written line by line. `nama(i)` gives the raw (already quoted or not) nama_paket cell of
 * record i; `blankAfter` records are followed by an empty line.
 */
function build(n: number, kd0: number, nama: (i: number) => string, blankAfter: number[] = []): Built {
  const out = [PENYEDIA_HEADERS.join(',')];
  const lineOf = new Map<string, number>();
  const cents = new Map<string, bigint>();
  let line = 1;
  for (let i = 1; i <= n; i++) {
    const kd = String(kd0 + i);
    const c = BigInt(1_000_000 + i) * 100n + BigInt(i % 100);
    const row = penyediaRow({ agency, kdRup: kd, cents: c, pdn: i % 2 === 0, ukm: false });
    const cells = PENYEDIA_HEADERS.map((h) => (h === 'nama_paket' ? nama(i) : csvCell(row[h] ?? '')));
    const rec = cells.join(',');
    line += 1;
    lineOf.set(kd, line);
    cents.set(kd, c);
    out.push(rec);
    line += (rec.match(/\n/g) ?? []).length;
    if (blankAfter.includes(i)) {
      out.push('');
      line += 1;
    }
  }
  return { text: out.join('\n') + '\n', lineOf, cents, physical: line };
}

async function loadedLines(fileId: number): Promise<Map<string, number>> {
  const rows = await engine.query('SELECT kd_rup, line FROM rup_penyedia WHERE file_id = ?', [fileId]);
  return new Map(rows.map((r) => [String(r['kd_rup']), Number(r['line'])]));
}

async function paguSum(fileId: number): Promise<string> {
  const [r] = await engine.query(
    'SELECT CAST(sum(pagu) AS VARCHAR) AS s FROM rup_penyedia WHERE file_id = ? AND exclusion IS NULL',
    [fileId],
  );
  return String(r?.['s']);
}

describe('every physical line accounted for', () => {
  it('an unclosed quote at record 30,000 of 40,000: its swallowed lines are read again, later lines stay right', async () => {
    const b = build(
      40_000,
      82_000_000,
      (i) =>
        i === 30_000
          ? '"Pengadaan ATK kantor'
          : i === 30_500
            ? '"Paket, dengan koma"'
            : i === 100
              ? '"Belanja\nmulti baris"'
              : `Paket ${i}`,
      [200],
    );
    const res = await importText(engine, 'rup-40k.csv', b.text);
    const open = b.lineOf.get(String(82_000_000 + 30_000))!;
    expect(res.counts).toMatchObject({
      read: 40_000,
      loaded: 39_999,
      rejected: 1,
      rejectedByReason: { kutip_tidak_tertutup: 1 },
    });
    expect(res.lineCheck).toEqual({
      physical: b.physical,
      records: expect.any(Number),
      blank: 1,
      swallowed: [{ from: open + 1, to: open + 500, recovered: 500 }],
      unexplained: 0,
    });
    const rej = await engine.query('SELECT line, reason, detail FROM import_reject WHERE file_id = ?', [
      res.fileId,
    ]);
    expect(rej).toEqual([{ line: open, reason: 'kutip_tidak_tertutup', detail: `${open}-${open + 500}` }]);
    // Every loaded record on the line it starts on in the file, before, inside and after the swallowed lines.
    const got = await loadedLines(res.fileId);
    const expected = new Map([...b.lineOf].filter(([kd]) => kd !== String(82_030_000)));
    expect(got.size).toBe(expected.size);
    const wrong = [...expected].filter(([kd, l]) => got.get(kd) !== l);
    expect(wrong.slice(0, 5)).toEqual([]);
    const sum = [...b.cents].filter(([kd]) => kd !== String(82_030_000)).reduce((a, [, c]) => a + c, 0n);
    expect(await paguSum(res.fileId)).toBe(centsText(sum));
  }, 120_000);

  it('an unclosed quote inside the sniff sample: read without the sniffer, the rest recovered', async () => {
    const b = build(3_000, 83_000_000, (i) => (i === 30 ? '"Tanpa tutup kutip' : `Paket ${i}`));
    const res = await importText(engine, 'rup-sniff.csv', b.text);
    const open = b.lineOf.get(String(83_000_030))!;
    expect(res.counts).toMatchObject({
      read: 3_000,
      loaded: 2_999,
      rejectedByReason: { kutip_tidak_tertutup: 1 },
    });
    expect(res.lineCheck.swallowed).toEqual([{ from: open + 1, to: b.physical, recovered: 2_970 }]);
    const got = await loadedLines(res.fileId);
    expect([...b.lineOf].filter(([kd, l]) => kd !== '83000030' && got.get(kd) !== l)).toEqual([]);
  }, 60_000);

  it('.xlsx: the line of a rejected row is its Excel row, whatever line breaks the cells above hold', async () => {
    const head: XCell[] = [
      'kd_satker',
      'nama_satker',
      'kd_rup',
      'nama_paket',
      'pagu',
      'status_pdn',
      'status_ukm',
    ];
    const rows: XCell[][] = [head];
    for (let i = 0; i < 6; i++) {
      rows.push([
        '81001', 'DINAS BARIS', String(84_000_000 + i),
        i === 1 ? 'Belanja\nmulti\nbaris' : `Paket ${i}`,
        i === 3 ? 'bukan angka' : { n: String(1000 + i) }, 'PDN', 'UKM',
      ]); // prettier-ignore
    }
    const res = await importText(engine, 'rup.xlsx', writeXlsx(rows));
    expect(res.counts).toMatchObject({ read: 6, loaded: 5, rejected: 1 });
    const rej = await engine.query('SELECT line, reason FROM import_reject WHERE file_id = ?', [res.fileId]);
    // Sheet row 1 is the header; record i is on row i + 2: the rejected one (i = 3) on row 5.
    expect(rej).toEqual([{ line: 5, reason: 'angka_tidak_valid' }]);
    const got = await loadedLines(res.fileId);
    expect(got.get('84000005')).toBe(7);
  });
});
