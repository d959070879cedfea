/** CSV exports opened by Excel in any locale: split with `,` (English) and `;` (Indonesian list separator). */
import { describe, expect, it } from 'vitest';
import { csvCell, neutralizeFormula, toCsv } from '../../src/lib/csv';

/**
 * Split CSV text the way Excel does with `sep` as its list separator: a quote opens a quoted run (`""` inside is a
 * quote) that ends at the next lone quote; text after it is appended to the same cell; `sep` and CRLF outside
 * quotes end the cell and the row. Written here from that behaviour, independent of the code under test.
 */
function splitAs(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted && c === '"' && src[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) cell += c;
    else if (c === sep) endCell();
    else if (c === '\r' && src[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}
/** Would a spreadsheet run the cell (a formula sign first once blanks and controls are skipped; not a number)? */
const runsAsFormula = (cell: string) =>
  !/^-?\d+(\.\d+)?$/.test(cell) &&
  /^[=+\-@＝＋－＠]/u.test(cell.replace(/^[\s\p{Cc}\p{Cf}\u00a0\u3000]*/u, ''));

const EVIL = "Paket A;=cmd|' /C calc'!A0";

describe('CSV exports safe in every locale', () => {
  it('keeps a cell with `;` one cell in Indonesian Excel, and nothing in it runs as a formula', () => {
    const text = toCsv(
      ['nama_paket', 'nilai'],
      [
        [EVIL, 1500],
        ['Paket B', -2],
      ],
    );
    for (const sep of [',', ';']) {
      const rows = splitAs(text, sep);
      expect(rows).toHaveLength(3);
      for (const cell of rows.flat()) expect(runsAsFormula(cell), `${sep}: ${cell}`).toBe(false);
      expect(rows[1]![0]!.startsWith(EVIL)).toBe(true);
    }
    // With the file's own delimiter the cell comes back exactly, the number as a number.
    expect(splitAs(text, ',')[1]).toEqual([EVIL, '1500']);
    expect(splitAs(text, ',')[2]).toEqual(['Paket B', '-2']);
  });

  it('quotes text holding any locale separator, quote or line break, with either delimiter', () => {
    for (const s of ['a;b', 'a,b', 'a\tb', 'a|b', 'a"b', 'a\nb', 'a\r\nb']) {
      for (const d of [',', ';']) expect(csvCell(s, d)).toBe(`"${s.replaceAll('"', '""')}"`);
    }
    expect(csvCell('DINAS KESEHATAN', ';')).toBe('DINAS KESEHATAN');
  });

  it('neutralises formula signs behind white space, NBSP, control characters and in full-width form', () => {
    const hidden = [' =1+1', '  +1', '\u00a0=HYPERLINK("x")', '\u3000@SUM(A1)', '\u200b-2', '\ufeff=1', '\u0001=1', '\u00a0 \u2007=1']; // prettier-ignore
    const wide = ['＝1+1', '＋1', '－1', '＠SUM(A1)', ' ＝1'];
    for (const s of [...hidden, ...wide, '\tx', '\rx', '=1', '@x']) {
      expect(neutralizeFormula(s), JSON.stringify(s)).toBe(`'${s}`);
    }
    for (const s of ['DINAS KESEHATAN', 'Paket 1 = 2', '1.01.0.00', "'=already", '']) {
      expect(neutralizeFormula(s)).toBe(s);
    }
    // Numbers are never touched: a negative amount stays a number.
    expect(csvCell(-1500.5)).toBe('-1500.5');
  });
});
