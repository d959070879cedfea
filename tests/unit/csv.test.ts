import { describe, expect, it } from 'vitest';
import { csvCell, neutralizeFormula, toCsv } from '../../src/lib/csv';

describe('CSV export', () => {
  it('neutralises spreadsheet formulas', () => {
    expect(neutralizeFormula('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
    for (const s of ['+1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutralizeFormula(s)).toBe(`'${s}`);
    expect(neutralizeFormula('DINAS KESEHATAN')).toBe('DINAS KESEHATAN');
  });
  it('quotes and keeps numbers as numbers', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(-1500.5)).toBe('-1500.5');
    expect(csvCell(null)).toBe('');
    expect(toCsv(['nama', 'nilai'], [['=1+1', 10]])).toBe("\uFEFFnama,nilai\r\n'=1+1,10\r\n");
  });
});
