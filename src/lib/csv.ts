import { downloadBlob } from './download';

/**
 * CSV for people who open it in Excel, in any locale:
 *   - a text cell that a spreadsheet would run as a formula is prefixed with `'` so it stays text: its first
 *     character, after any leading white space and control characters (NBSP, zero-width and ideographic spaces,
 *     BOM, C0/C1 controls), is `=`, `+`, `-`, `@` or their full-width forms `＝ ＋ － ＠`, or the cell starts with
 *     a tab or a carriage return;
 *   - a text cell is quoted whenever it holds a character that a list separator of any locale could split on
 *     (`,` in English, `;` in Indonesian Excel, tab, `|`) or a quote or line break, whatever the file's own
 *     delimiter: `Paket A;=cmd|' /C calc'!A0` stays one cell in Indonesian Excel instead of running its second part;
 *   - a record holding such a quoted cell after its first cell has its first cell quoted too. Excel honours quotes
 *     only in a field that begins with one (a quote inside `abc"def` is a character); opening this comma-separated
 *     file with `;` as list separator, a whole line is one field, so a line that begins with a quote is read as
 *     quoted runs throughout and a `;` or line break inside a later cell never splits it (that later cell's quote is
 *     not at a field start there). Otherwise such a `;` would start a new cell with what follows it.
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
  const lines = [csvRecord(headers, delim)];
  for (const r of rows) lines.push(csvRecord(r, delim));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** One record: its cells, the first quoted as well when a later one is (see the file's comment). */
function csvRecord(values: readonly CsvValue[], delim: string): string {
  const cells = values.map((c) => csvCell(c, delim));
  const first = cells[0];
  if (first !== undefined && !first.startsWith('"') && cells.slice(1).some((c) => c.startsWith('"')))
    cells[0] = `"${first.replaceAll('"', '""')}"`;
  return cells.join(delim);
}

/** Offer text as a file download (browser only). */
export function downloadText(filename: string, text: string, mime = 'text/csv;charset=utf-8'): void {
  downloadBlob(filename, new Blob([text], { type: mime }));
}
