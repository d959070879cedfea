/** CSV exports opened by Excel in any locale: split with `,` (English) and `;` (Indonesian list separator). */
import { describe, expect, it } from 'vitest';
import { csvCell, neutralizeFormula, toCsv } from '../../src/lib/csv';
import { runsAsFormula, splitAs, splitExcel } from '../helpers/excel-split';

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

  it('keeps a record whole in Excel of either list separator when a later cell holds `;` or a line break', () => {
    // A drill-down row: the package name is the fourth column; Excel honours a quote only at a field's start.
    const rows = [
      ['rup_penyedia', '86000001', 'Tender', EVIL, 1500.25],
      ['tokodaring', 'TD-1', '', 'Belanja\n=1+1 baris', -2],
      ['spse_tender', 'T-1', 'Seleksi', 'DINAS, "KUTIP"; \u00a0@SUM(A1)', 0],
    ];
    const text = toCsv(['sumber', 'kode', 'metode', 'nama_paket', 'nilai'], rows);
    const id = splitExcel(text, ';');
    // Indonesian Excel puts a comma-separated record in one cell: never split at the `;` or the line break.
    expect(id.map((r) => r.length)).toEqual([1, 1, 1, 1]);
    expect(id[1]![0]).toBe(`rup_penyedia,86000001,Tender,${EVIL},1500.25`);
    const en = splitExcel(text, ',');
    expect(en.slice(1)).toEqual(rows.map((r) => r.map(String)));
    for (const cell of [...id, ...en].flat()) expect(runsAsFormula(cell), cell).toBe(false);
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
