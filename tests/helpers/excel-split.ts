/**
 * CSV text split the way a spreadsheet opening it would, with `sep` as its list separator (`,` English, `;`
 * Indonesian), written here from the behaviour, independent of the code under test. Two readings of quotes:
 *   - `splitAs`: any quote opens or closes a quoted run (lenient);
 *   - `splitExcel`: as Excel (and SheetJS, which mimics it): quotes count only in a field that begins with one; in
 *     such a field each quote opens or closes a run (`""` inside a run is a quote); elsewhere a quote is a plain
 *     character (`12" pipe`), so a separator or line break after it ends the field or the row.
 */

/**
 * Split CSV text leniently with `sep` as the list separator: any quote opens a quoted run (`""` inside is a quote)
 * that ends at the next lone quote; text after it is appended to the same cell; `sep` and CRLF outside quotes end
 * the cell and the row.
 */
export function splitAs(text: string, sep: string): string[][] {
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
export const runsAsFormula = (cell: string) =>
  !/^-?\d+(\.\d+)?$/.test(cell) &&
  /^[=+\-@＝＋－＠]/u.test(cell.replace(/^[\s\p{Cc}\p{Cf}\u00a0\u3000]*/u, ''));

/** Split as Excel does (see the file's comment): rows of cells, the runs' quotes removed. */
export function splitExcel(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let started = false; // any character of the field read yet
  let quotedField = false; // the field began with a quote
  let inRun = false;
  const src = text.replace(/^\uFEFF/, '');
  const endCell = () => {
    row.push(cell);
    cell = '';
    started = quotedField = inRun = false;
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '"' && !started) {
      started = quotedField = inRun = true;
      continue;
    }
    started = true;
    if (c === '"' && quotedField) {
      if (inRun && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else inRun = !inRun;
    } else if (inRun) cell += c;
    else if (c === sep) endCell();
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endCell();
      rows.push(row);
      row = [];
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}
