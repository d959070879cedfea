/**
 * The CSV writer of the sample data, the test fixtures and the benches: a header line, RFC 4180 quoting, `\n`
 * line endings and plain API numbers, as the portals' exports are. The app's own export writer (src/lib/csv.ts)
 * differs on purpose: BOM, CRLF and neutralised spreadsheet formulas, for people opening it in Excel.
 */

export type CsvValue = string | number | boolean | null;

/** Plain API-style number: `250000000` or `1399818654.61`. */
function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toFixed(0) : value.toFixed(2);
}

/** A value as the exports write it: empty for null (or a column the row does not have), `true`/`false`. */
function formatCell(value: CsvValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return formatNumber(value);
  return value;
}

/** One cell, quoted when it holds a quote, a line break or the delimiter. */
export function csvCell(text: string, delim = ','): string {
  return /["\r\n]/.test(text) || text.includes(delim) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record: the row's cells in column order (a missing column is empty). */
export function csvRecord<C extends string>(
  columns: readonly C[],
  row: Partial<Record<C, CsvValue>>,
  delim = ',',
): string {
  return columns.map((column) => csvCell(formatCell(row[column]), delim)).join(delim);
}

/** A header line and one record per row, each line ended by `\n`. */
export function toCsv<C extends string>(
  columns: readonly C[],
  rows: readonly Partial<Record<C, CsvValue>>[],
  delim = ',',
): string {
  const lines = [columns.map((column) => csvCell(column, delim)).join(delim)];
  for (const row of rows) lines.push(csvRecord(columns, row, delim));
  return `${lines.join('\n')}\n`;
}
