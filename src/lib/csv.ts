import { downloadBlob } from './download';

/**
 * CSV for people who open it in Excel: cells that a spreadsheet would run as a formula (starting with `=`, `+`,
 * `-`, `@`, tab or carriage return) are prefixed with `'` so they stay text. Numbers stay numbers.
 */
export type CsvValue = string | number | boolean | null | undefined;

export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvCell(v: CsvValue, delim = ','): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? neutralizeFormula(v) : String(v);
  return /["\r\n]/.test(s) || s.includes(delim) ? `"${s.replaceAll('"', '""')}"` : s;
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
