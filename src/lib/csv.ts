import { downloadBlob } from './download';

/**
 * CSV for people who open it in Excel, in any locale:
 *   - a text cell that a spreadsheet would run as a formula is prefixed with `'` so it stays text: its first
 *     character, after any leading white space and control characters (NBSP, zero-width and ideographic spaces,
 *     BOM, C0/C1 controls), is `=`, `+`, `-`, `@` or their full-width forms `＝ ＋ － ＠`, or the cell starts with
 *     a tab or a carriage return;
 *   - a text cell is quoted whenever it holds a character that a list separator of any locale could split on
 *     (`,` in English, `;` in Indonesian Excel, tab, `|`) or a quote or line break, whatever the file's own
 *     delimiter: `Paket A;=cmd|' /C calc'!A0` stays one cell in Indonesian Excel instead of running its second part.
 * Numbers stay numbers.
 */
export type CsvValue = string | number | boolean | null | undefined;

/** Leading characters a spreadsheet skips before it looks for a formula sign. */
// White space (incl. NBSP, ideographic space), control (C0/C1) and format characters (zero-width, BOM).
const LEADING = /^[\s\p{Cc}\p{Cf}\p{Zs}\u2028\u2029]*/u;
const FORMULA = /^[=+\-@\uff1d\uff0b\uff0d\uff20]/u;

export function neutralizeFormula(text: string): string {
  if (/^[\t\r]/.test(text)) return `'${text}`;
  return FORMULA.test(text.replace(LEADING, '')) ? `'${text}` : text;
}

/** Characters that split or break a cell in some locale's Excel. */
const NEEDS_QUOTES = /[",;\t|\r\n]/;

export function csvCell(v: CsvValue, delim = ','): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return String(v);
  const s = neutralizeFormula(v);
  return NEEDS_QUOTES.test(s) || s.includes(delim) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Rows to CSV text with a header line, CRLF line ends and a UTF-8 BOM so Excel reads accents right. */
export function toCsv(
  headers: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  delim = ',',
): string {
  const lines = [headers.map((h) => csvCell(h, delim)).join(delim)];
  for (const r of rows) lines.push(r.map((c) => csvCell(c, delim)).join(delim));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** Offer text as a file download (browser only). */
export function downloadText(filename: string, text: string, mime = 'text/csv;charset=utf-8'): void {
  downloadBlob(filename, new Blob([text], { type: mime }));
}
