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

/** Column names for a read without DuckDB's sniffer: the header texts, blank or repeated ones made unique. */
export function explicitColumns(headers: readonly string[]): string {
  const seen = new Set<string>();
  const names = headers.map((h, i) => {
    let n = h.trim() === '' ? `column${i}` : h.trim();
    while (seen.has(n.toLowerCase())) n = `${n}_${i}`;
    seen.add(n.toLowerCase());
    return n;
  });
  return `{${names.map((n) => `${literal(n)}: 'VARCHAR'`).join(', ')}}`;
}

/**
 * Stage `file` as the view `raw`. DuckDB sniffs the dialect from a sample of the file; a quote opened and never
 * closed inside that sample makes the sniffer give up. The delimiter, quote and header are already known (our own
 * sniff of the head), so the file is then read again without DuckDB's sniffer, its columns named from the header.
 */
export async function readRaw(
  engine: Engine,
  file: string,
  head: CsvHead,
  raw: string,
  rej: string,
  scan: string,
): Promise<void> {
  const opts = csvOptions(head, rej, scan);
  // A view, not a table: the file is scanned once, by the classifying statement, and never held twice in memory.
  try {
    await engine.exec(`CREATE OR REPLACE TEMP VIEW ${ident(raw)} AS
      SELECT * FROM read_csv(${literal(file)}, header = true, ${opts}) WITH ORDINALITY`);
  } catch (e) {
    if (!/sniff/i.test(e instanceof Error ? e.message : String(e))) throw e;
    await engine.exec(`CREATE OR REPLACE TEMP VIEW ${ident(raw)} AS
      SELECT * FROM read_csv(${literal(file)}, header = true, auto_detect = false,
        columns = ${explicitColumns(head.headers)}, ${opts}) WITH ORDINALITY`);
  }
}
