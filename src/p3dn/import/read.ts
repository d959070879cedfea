/** Staging a CSV file for the importer: DuckDB's reader over the registered file, as a view (scanned once). */
import { ident, literal } from '../../engine/sql';
import type { Engine } from '../../engine/types';
import type { CsvHead } from './sniff';

/** The reader options every read of an export shares (the staged file, a re-read of swallowed lines). */
export function csvOptions(head: CsvHead, rej: string, scan: string): string {
  return `all_varchar = true, delim = ${literal(head.delimiter)}, quote = '"', escape = '"',
      encoding = ${literal(head.encoding)}, store_rejects = true, null_padding = false,
      rejects_table = ${literal(rej)}, rejects_scan = ${literal(scan)}`;
}

/** Source columns the CSV reader types itself (column -> DuckDB type; every other column is read as text). */
export type ReaderTypes = ReadonlyMap<string, string>;

const typesOption = (types: ReaderTypes) =>
  types.size === 0
    ? ''
    : `, types = {${[...types].map(([c, t]) => `${literal(c)}: ${literal(t)}`).join(', ')}}`;

/**
 * Column names for a read without DuckDB's sniffer: the header texts, blank or repeated ones made unique; each
 * read as text unless `types` names it.
 */
export function explicitColumns(headers: readonly string[], types: ReaderTypes = new Map()): string {
  const seen = new Set<string>();
  const names = headers.map((h, i) => {
    let n = h.trim() === '' ? `column${i}` : h.trim();
    while (seen.has(n.toLowerCase())) n = `${n}_${i}`;
    seen.add(n.toLowerCase());
    return n;
  });
  return `{${names.map((n) => `${literal(n)}: ${literal(types.get(n) ?? 'VARCHAR')}`).join(', ')}}`;
}

/**
 * The reader over `file` (every column text, or the `types` given for some: ./typed-read.ts), with its line
 * numbers (`ordinality`): with DuckDB's sniffer, or `explicit`ly without it, its columns named from the header.
 */
export function rawSelect(
  file: string,
  head: CsvHead,
  rej: string,
  scan: string,
  types: ReaderTypes,
  explicit: boolean,
): string {
  const opts = csvOptions(head, rej, scan);
  return explicit
    ? `SELECT * FROM read_csv(${literal(file)}, header = true, auto_detect = false,
        columns = ${explicitColumns(head.headers, types)}, ${opts}) WITH ORDINALITY`
    : `SELECT * FROM read_csv(${literal(file)}, header = true, ${opts}${typesOption(types)}) WITH ORDINALITY`;
}

/**
 * Stage `file` as the view `raw`, every column text. DuckDB sniffs the dialect from a sample of the file; a quote
 * opened and never closed inside that sample makes the sniffer give up. The delimiter, quote and header are
 * already known (our own sniff of the head), so the file is then read again without DuckDB's sniffer, its columns
 * named from the header (`explicit`, returned: a typed read of the file must read it the same way).
 */
export async function readRaw(
  engine: Engine,
  file: string,
  head: CsvHead,
  raw: string,
  rej: string,
  scan: string,
): Promise<{ explicit: boolean }> {
  // A view, not a table: the file is scanned once, by the classifying statement, and never held twice in memory.
  const view = (explicit: boolean) =>
    engine.exec(
      `CREATE OR REPLACE TEMP VIEW ${ident(raw)} AS ${rawSelect(file, head, rej, scan, new Map(), explicit)}`,
    );
  try {
    await view(false);
    return { explicit: false };
  } catch (e) {
    if (!/sniff/i.test(e instanceof Error ? e.message : String(e))) throw e;
    await view(true);
    return { explicit: true };
  }
}

/**
 * The staged view's source columns (its line numbers aside), in order: the names the view was bound with, read
 * from the catalog. A `DESCRIBE` of the view would bind it again, and so sniff the file once more (in Chromium
 * 0.1–0.3 s per 100 MB, beside the hash worker).
 */
export async function stagedColumns(engine: Engine, raw: string): Promise<string[]> {
  const rows = await engine.query(
    `SELECT column_name FROM duckdb_columns() WHERE database_name = 'temp' AND table_name = ? ORDER BY column_index`,
    [raw],
  );
  return rows.map((r) => String(r['column_name'])).filter((c) => c !== 'ordinality');
}
