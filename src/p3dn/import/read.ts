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
  return columnsLiteral(names, types);
}

/** `read_csv`'s `columns`: each name with its type, text unless `types` names it. */
const columnsLiteral = (names: readonly string[], types: ReaderTypes) =>
  `{${names.map((n) => `${literal(n)}: ${literal(types.get(n) ?? 'VARCHAR')}`).join(', ')}}`;

/**
 * How the file is read after staging: with what DuckDB's sniffer found in it (`sniff_csv`, once: every later read
 * passes it on and binds without sniffing again), or, when the sniffer gave up, `'header'`: columns named from our
 * own reading of the header row.
 */
export type ReadHow = Sniffed | 'header';

/** What DuckDB's sniffer found in a file: the dialect it detected beside ours, and the columns' names. */
interface Sniffed {
  names: string[];
  newLine: string;
  skip: number;
  comment: string;
}

/**
 * The reader over `file` (every column text, or the `types` given for some: ./typed-read.ts), with its line
 * numbers (`ordinality`), never sniffing: with the sniffer's findings, or its columns named from the header.
 */
export function rawSelect(
  file: string,
  head: CsvHead,
  rej: string,
  scan: string,
  types: ReaderTypes,
  how: ReadHow,
): string {
  const opts = csvOptions(head, rej, scan);
  if (how === 'header')
    return `SELECT * FROM read_csv(${literal(file)}, header = true, auto_detect = false,
        columns = ${explicitColumns(head.headers, types)}, ${opts}) WITH ORDINALITY`;
  const columns = columnsLiteral(how.names, types);
  return `SELECT * FROM read_csv(${literal(file)}, header = true, auto_detect = false,
      new_line = ${literal(how.newLine)}, skip = ${how.skip}, comment = ${literal(how.comment)},
      columns = ${columns}, ${opts}) WITH ORDINALITY`;
}

/**
 * DuckDB's sniffer over `file` with our dialect options (what a `read_csv` with them would detect by itself at
 * every bind: line ends, rows to skip, a comment character, the columns' names), run once. Throws as the reader
 * would when the sniffer gives up.
 */
async function sniffFile(engine: Engine, file: string, head: CsvHead, rej: string, scan: string) {
  const rows = await engine.query(
    `SELECT NewLineDelimiter AS nl, SkipRows AS skip, Comment AS cm, unnest(Columns).name AS name
      FROM sniff_csv(${literal(file)}, header = true, ${csvOptions(head, rej, scan)})`,
  );
  const first = rows[0];
  if (!first) throw new Error('sniff_csv gave no columns');
  const cm = String(first['cm']);
  return {
    names: rows.map((r) => String(r['name'])),
    newLine: String(first['nl']),
    skip: Number(first['skip']),
    // sniff_csv shows "no comment character" as the text "(empty)"; its own read_csv call passes ''.
    comment: cm === '(empty)' ? '' : cm,
  } satisfies Sniffed;
}

/**
 * Stage `file` as the view `raw`, every column text. DuckDB sniffs the dialect from a sample of the file, once
 * (`sniff_csv`): a `read_csv` left to sniff would do it again at every statement that binds it (the view, the
 * first records' guesses, the classifying pass: in Chromium 0.1–0.3 s each per 100 MB beside the hash worker).
 * A quote opened and never closed inside that sample makes the sniffer give up. The delimiter, quote and header are
 * already known (our own sniff of the head), so the file is then read without DuckDB's sniffer, its columns named
 * from the header. Returns how it was read: a typed read of the file must read it the same way.
 */
export async function readRaw(
  engine: Engine,
  file: string,
  head: CsvHead,
  raw: string,
  rej: string,
  scan: string,
): Promise<{ how: ReadHow }> {
  let how: ReadHow;
  try {
    how = await sniffFile(engine, file, head, rej, scan);
  } catch (e) {
    if (!/sniff/i.test(e instanceof Error ? e.message : String(e))) throw e;
    how = 'header';
  }
  // A view, not a table: the file is scanned once, by the classifying statement, and never held twice in memory.
  await engine.exec(
    `CREATE OR REPLACE TEMP VIEW ${ident(raw)} AS ${rawSelect(file, head, rej, scan, new Map(), how)}`,
  );
  return { how };
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
