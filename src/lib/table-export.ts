import type { Cell, SheetData } from 'write-excel-file';
import { neutralizeFormula, toCsv, type CsvValue } from './csv';

/**
 * A table to export, with what it shows written into the file: a title and labelled lines for the active
 * basis, denominator, targets and filters, then the header and the rows. Text that a spreadsheet would run as
 * a formula is neutralised in both CSV and XLSX; numbers stay numbers.
 */
export interface ExportTable {
  title: string;
  /** [label, value] lines written above the table. */
  meta: readonly (readonly [string, string])[];
  headers: readonly string[];
  rows: readonly (readonly (string | number | null)[])[];
}

export function tableToCsv(t: ExportTable): string {
  const lines: CsvValue[][] = [
    ...t.meta.map(([k, v]) => [k, v]),
    [],
    [...t.headers],
    ...t.rows.map((r) => [...r]),
  ];
  return toCsv([t.title], lines);
}

function textCell(v: string, bold = false): Cell {
  return { type: String, value: neutralizeFormula(v), ...(bold ? { fontWeight: 'bold' as const } : {}) };
}

export function tableToSheet(t: ExportTable): SheetData {
  return [
    [textCell(t.title, true)],
    ...t.meta.map(([k, v]) => [textCell(k, true), textCell(v)]),
    [],
    t.headers.map((h) => textCell(h, true)),
    ...t.rows.map((r) =>
      r.map((c): Cell =>
        c === null ? null : typeof c === 'number' ? { type: Number, value: c } : textCell(c),
      ),
    ),
  ];
}

export async function tableToXlsx(t: ExportTable): Promise<Blob> {
  const widths = t.headers.map((h, i) =>
    Math.min(60, Math.max(h.length, ...t.rows.map((r) => String(r[i] ?? '').length)) + 2),
  );
  // Loaded on first use: the XLSX writer (with its zip library) stays out of the start-up bundle.
  const { default: writeXlsxFile } = await import('write-excel-file');
  return writeXlsxFile(tableToSheet(t), {
    columns: widths.map((width) => ({ width })),
    sheet: t.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '),
  });
}

/** A safe file name stem from a title. */
export function fileStem(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .toLowerCase()
      .slice(0, 60) || 'pantau-pdn'
  );
}
