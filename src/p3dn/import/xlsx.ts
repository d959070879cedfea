import { ImportError } from './errors';

/**
 * Excel sheets join the CSV pipeline: a sheet read by `read-excel-file` (numbers kept as their stored text, so
 * ids and rupiah are never turned into floats) becomes RFC 4180 CSV text, comma-delimited, UTF-8.
 */
/** A cell as `read-excel-file` gives it: string, number (or its text), boolean, Date or null. */
export type SheetCell = unknown;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** A date cell as ISO text: `2024-08-12`, or `2024-08-12 09:30:00` when it has a time of day (UTC, as Excel stores). */
export function isoFromDate(d: Date): string {
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h || m || s ? `${day} ${pad(h)}:${pad(m)}:${pad(s)}` : day;
}

function cellText(v: SheetCell): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : isoFromDate(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') return String(v);
  return '';
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Rows of a sheet (first row = headers) to CSV text. Trailing empty rows are dropped. */
export function sheetToCsv(rows: readonly (readonly SheetCell[])[]): string {
  let end = rows.length;
  while (end > 0 && (rows[end - 1] ?? []).every((c) => cellText(c) === '')) end--;
  const width = rows.slice(0, end).reduce((w, r) => Math.max(w, r.length), 0);
  const out: string[] = [];
  for (let i = 0; i < end; i++) {
    const r = rows[i] ?? [];
    const cells: string[] = [];
    for (let j = 0; j < width; j++) cells.push(quote(cellText(r[j])));
    out.push(cells.join(','));
  }
  return out.length ? out.join('\n') + '\n' : '';
}

/**
 * Read an .xlsx with the given reader (browser or Node build of `read-excel-file`) and return CSV bytes. A file
 * the reader cannot open is refused with `excel_tidak_terbaca`.
 */
export async function xlsxToCsvBytes(
  read: () => Promise<readonly (readonly SheetCell[])[]>,
): Promise<Uint8Array> {
  let rows: readonly (readonly SheetCell[])[];
  try {
    rows = await read();
  } catch (e) {
    throw new ImportError('excel_tidak_terbaca', e instanceof Error ? e.message : String(e));
  }
  return new TextEncoder().encode(sheetToCsv(rows));
}

/** Does this look like an .xlsx (a ZIP archive)? */
export function isXlsx(name: string, head: Uint8Array): boolean {
  return (
    /\.xlsx$/i.test(name) || (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)
  );
}
