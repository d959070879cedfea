import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { tableToCsv, tableToSheet, type ExportTable } from '../../src/lib/table-export';

const table: ExportTable = {
  title: '=Judul',
  meta: [
    ['Basis', 'Komitmen'],
    ['Filter', '@semua'],
  ],
  headers: ['Perangkat daerah', 'Nilai', '-Porsi'],
  rows: [
    ['=HYPERLINK("http://x","y")', 1234567.5, 38.5],
    ['+62 DINAS', -5, null],
    ['DINAS BIASA', 0, 12],
  ],
};

describe('table export', () => {
  it('writes the view lines, the header and the rows to CSV, neutralising formulas', () => {
    const rows = Papa.parse<string[]>(tableToCsv(table).slice(1), { skipEmptyLines: false }).data;
    expect(rows.slice(0, 7)).toEqual([
      ["'=Judul"],
      ['Basis', 'Komitmen'],
      ['Filter', "'@semua"],
      [''],
      ['Perangkat daerah', 'Nilai', "'-Porsi"],
      ['\'=HYPERLINK("http://x","y")', '1234567.5', '38.5'],
      ["'+62 DINAS", '-5', ''],
    ]);
  });

  it('types XLSX cells: text neutralised, numbers as numbers (negative numbers untouched)', () => {
    const sheet = tableToSheet(table);
    const data = sheet.slice(5);
    expect(data[0]?.[0]).toMatchObject({ type: String, value: '\'=HYPERLINK("http://x","y")' });
    expect(data[0]?.[1]).toEqual({ type: Number, value: 1234567.5 });
    expect(data[1]?.[0]).toMatchObject({ type: String, value: "'+62 DINAS" });
    expect(data[1]?.[1]).toEqual({ type: Number, value: -5 });
    expect(data[1]?.[2]).toBeNull();
    expect(sheet[0]?.[0]).toMatchObject({ type: String, value: "'=Judul" });
    expect(sheet[2]?.[1]).toMatchObject({ type: String, value: "'@semua" });
    // No cell is ever a formula.
    for (const row of sheet) for (const c of row) expect(c?.type).not.toBe('Formula');
  });
});
