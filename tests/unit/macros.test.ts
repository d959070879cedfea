import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { freshEngine } from '../helpers/engine';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await freshEngine();
});
afterAll(() => engine.close());

async function one(sql: string, param: string | null): Promise<unknown> {
  const rows = await engine.query(`SELECT ${sql} AS v`, [param]);
  return rows[0]?.['v'];
}

describe('p3dn_money', () => {
  // Each case: text as it appears in a real export -> rupiah as exact text (cast to VARCHAR inside DuckDB).
  const cases: [string | null, string | null][] = [
    ['1399818654.61', '1399818654.61'],
    ['250000000', '250000000.00'],
    ['1.234.567,89', '1234567.89'],
    ['1.234.567', '1234567.00'],
    ['1.234', '1234.00'],
    ['Rp 1.234.567', '1234567.00'],
    ['Rp1.234.567,-', '1234567.00'],
    ['Rp. 5.000.000,50', '5000000.50'],
    ['(1.000)', '-1000.00'],
    ['-2.500,5', '-2500.50'],
    ['1,234,567.89', '1234567.89'],
    ['12,5', '12.50'],
    ['  750000  ', '750000.00'],
    ['null', null],
    ['', null],
    [null, null],
    ['-', null],
    ['abc', null],
    ['12a', null],
  ];
  it.each(cases)('%s -> %s', async (input, expected) => {
    expect(await one('CAST(p3dn_money(CAST(? AS VARCHAR)) AS VARCHAR)', input)).toBe(expected);
  });

  it('flags text that is present but not a number', async () => {
    expect(await one('p3dn_money_bad(CAST(? AS VARCHAR))', 'abc')).toBe(true);
    expect(await one('p3dn_money_bad(CAST(? AS VARCHAR))', 'null')).toBe(false);
    expect(await one('p3dn_money_bad(CAST(? AS VARCHAR))', '1.000,00')).toBe(false);
  });
});

describe('codes and flags', () => {
  it('keeps ids as text and undoes float damage', async () => {
    expect(await one('p3dn_code(CAST(? AS VARCHAR))', '1215490705000.0')).toBe('1215490705000');
    expect(await one('p3dn_code(CAST(? AS VARCHAR))', '007')).toBe('007');
    expect(await one('p3dn_code(CAST(? AS VARCHAR))', ' null ')).toBe(null);
    expect(await one('p3dn_satker_str(CAST(? AS VARCHAR))', '1. 20. 03')).toBe('1.20.03');
  });
  it('reads booleans in the spellings exports use', async () => {
    for (const t of ['true', 'TRUE', '1', 'Ya', 't'])
      expect(await one('p3dn_bool(CAST(? AS VARCHAR))', t)).toBe(true);
    for (const f of ['false', '0', 'Tidak', 'f'])
      expect(await one('p3dn_bool(CAST(? AS VARCHAR))', f)).toBe(false);
    expect(await one('p3dn_bool(CAST(? AS VARCHAR))', 'maybe')).toBe(null);
  });
});

describe('fast paths give the same answers as the careful ones', () => {
  // The macros skip trim/lower for clean cells (no surrounding spaces, longer than any blank word). Each case is
  // a cell as it appears in exports -> the value the careful definition (trim, lower, compare) gives.
  const text: [string | null, string | null][] = [
    ['Dinas Kesehatan', 'Dinas Kesehatan'],
    ['  Dinas Kesehatan ', 'Dinas Kesehatan'],
    ['Dinas  Kesehatan', 'Dinas  Kesehatan'],
    ['NULL', null],
    ['Null', null],
    [' null ', null],
    ['NaN', null],
    ['#N/A', null],
    ['-', null],
    [' - ', null],
    ['', null],
    ['   ', null],
    [null, null],
    ['nUlL', null],
    ['n/A', null],
    ['#1', '#1'],
    ['Nama', 'Nama'],
    ['nulls', 'nulls'],
    ['Non', 'Non'],
    ['a', 'a'],
    ['\tTab', '\tTab'],
  ];
  it.each(text)('p3dn_text(%j) -> %j', async (input, expected) => {
    expect(await one('p3dn_text(CAST(? AS VARCHAR))', input)).toBe(expected);
  });

  const code: [string | null, string | null][] = [
    ['00123', '00123'],
    [' 00123 ', '00123'],
    ['12.0', '12'],
    [' 12.00 ', '12'],
    ['1.01.2.22', '1.01.2.22'],
    ['N/A', null],
    ['x', 'x'],
  ];
  it.each(code)('p3dn_code(%j) -> %j', async (input, expected) => {
    expect(await one('p3dn_code(CAST(? AS VARCHAR))', input)).toBe(expected);
  });

  const bools: [string | null, boolean | null][] = [
    ['yA', true],
    [' Ya ', true],
    ['YES', true],
    ['tIdAk', false],
    [' 0', false],
    ['No', false],
    ['null', null],
    ['', null],
  ];
  it.each(bools)('p3dn_bool(%j) -> %j', async (input, expected) => {
    expect(await one('p3dn_bool(CAST(? AS VARCHAR))', input)).toBe(expected);
  });

  it('removes every kind of white space from a kd_satker_str and trims multi-valued cells', async () => {
    expect(await one('p3dn_satker_str(CAST(? AS VARCHAR))', '1.20\t.03')).toBe('1.20.03');
    expect(await one('p3dn_satker_str(CAST(? AS VARCHAR))', '1.20.03')).toBe('1.20.03');
    expect(await one('p3dn_multi(CAST(? AS VARCHAR))', ' Barang ')).toBe('Barang');
    expect(await one('p3dn_multi(CAST(? AS VARCHAR))', 'Barang')).toBe('Barang');
    expect(await one('p3dn_multi(CAST(? AS VARCHAR))', 'Barang; Barang ')).toBe('Barang');
    expect(await one('p3dn_multi(CAST(? AS VARCHAR))', ' null ')).toBe(null);
  });
});

describe('arrow boundary', () => {
  it('refuses DECIMAL values reaching JS', async () => {
    await expect(engine.query('SELECT CAST(1.5 AS DECIMAL(18, 2)) AS x')).rejects.toThrow(/DECIMAL/);
  });
  it('turns BIGINT into exact numbers', async () => {
    expect((await engine.query('SELECT CAST(9007199254740991 AS BIGINT) AS x'))[0]?.['x']).toBe(
      9007199254740991,
    );
    await expect(engine.query('SELECT CAST(9007199254740993 AS BIGINT) AS x')).rejects.toThrow(/too large/);
  });
});

describe('p3dn_date', () => {
  const cases: [string | null, string | null][] = [
    ['2025-01-01', '2025-01-01'],
    ['2025-01-04 22:31:51', '2025-01-04'],
    ['2024-08-19T00:00:00.000000Z', '2024-08-19'],
    ['2021-11-25 21:31:20.869', '2021-11-25'],
    ['19/08/2024', '2024-08-19'],
    ['5-8-2024', '2024-08-05'],
    ['12 Agu 2024', '2024-08-12'],
    ['12 Agt 2024', '2024-08-12'],
    ['1 Mei 2025', '2025-05-01'],
    ['3 Desember 2024', '2024-12-03'],
    ['7 Oct 2024', '2024-10-07'],
    ['12-Agu-2024', '2024-08-12'],
    ['31/02/2025', null],
    ['null', null],
    ['', null],
    ['kemarin', null],
  ];
  it.each(cases)('%s -> %s', async (input, expected) => {
    expect(await one('CAST(p3dn_date(CAST(? AS VARCHAR)) AS VARCHAR)', input)).toBe(expected);
  });
  it('flags a present value that is not a date', async () => {
    expect(await one('p3dn_date_bad(CAST(? AS VARCHAR))', '31/02/2025')).toBe(true);
    expect(await one('p3dn_date_bad(CAST(? AS VARCHAR))', 'null')).toBe(false);
  });
});

describe('p3dn_multi (multi-valued cells)', () => {
  // Rule: split on `;` or `,`, trim, drop blanks and repeats (first kept, order kept), join with `; `.
  const cases: [string | null, string | null][] = [
    ['Barang;Barang', 'Barang'],
    ['Barang', 'Barang'],
    ['  Jasa Lainnya  ', 'Jasa Lainnya'],
    ['3;3;4', '3; 4'],
    ['4;3;3', '4; 3'],
    ['APBD,APBDP', 'APBD; APBDP'],
    ['APBD, APBD ,APBDP;', 'APBD; APBDP'],
    ['Barang; Pekerjaan Konstruksi;Barang', 'Barang; Pekerjaan Konstruksi'],
    [';;', null],
    ['null', null],
    ['APBD;null', 'APBD'],
    ['', null],
    [null, null],
  ];
  it.each(cases)('%s -> %s', async (input, expected) => {
    expect(await one('p3dn_multi(CAST(? AS VARCHAR))', input)).toBe(expected);
  });
});
