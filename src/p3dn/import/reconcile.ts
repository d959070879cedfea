/**
 * Every physical line accounted for. The caller counted the file's lines; the reader accounts for the header, its
 * records (with the line breaks inside their cells) and the lines it rejected. When these fall short, two things
 * can explain it:
 * - blank lines, which DuckDB's reader skips: each later record moves down a line;
 * - a record that opens a quote and never closes it: the reader takes every following line as part of that one
 *   cell, up to the next quote character, and rejects the whole (one "line" to it). Those swallowed lines are read
 *   again on their own (a second reader over just those lines) and their records loaded, excluded or rejected
 *   like any other, on their own line numbers; the opening record is rejected as `kutip_tidak_tertutup`, naming
 *   the lines it swallowed, and every later record moves down by as many lines.
 * What is still unexplained after this is reported as a number, never hidden.
 */
import { num, text } from '../../engine/cells';
import { ident, literal } from '../../engine/sql';
import type { Engine } from '../../engine/types';
import { csvOptions, explicitColumns } from './read';
import type { CsvHead } from './sniff';

/** Recovered records get `rec` values from here on (after every record the first reader returned). */
const RECOVERED = 1_000_000_000_000;

export interface LineCheck {
  /** Physical lines of the file (null: not counted by the caller). */
  physical: number | null;
  /** Lines of records (a record with line breaks in its cells counts each of its lines), rejected lines included. */
  records: number;
  /** Blank lines (skipped by the reader). */
  blank: number;
  /** Lines swallowed by unclosed quotes, and what became of them. */
  swallowed: { from: number; to: number; recovered: number }[];
  /** Physical lines none of the above explains (0 when everything adds up). */
  unexplained: number;
}

/** A physical line rejected by the line check itself (not a record the reader returned). */
export const LINE_REJECT_SQL = (t: string) =>
  `CREATE OR REPLACE TEMP TABLE ${ident(t)} (line BIGINT, value VARCHAR, reason VARCHAR, detail VARCHAR)`;

export interface ReconcileCtx {
  file: string;
  head: CsvHead;
  /** The staged file's column names (the re-read names its columns the same). */
  columns: readonly string[];
  cls: string;
  rej: string;
  /** Where rejected physical lines go (LINE_REJECT_SQL). */
  lineRej: string;
  /** Header + records + cell breaks + rejected lines as the reader accounted for them. */
  accounted: number;
  lines: number | null;
  /** Classify the records of a staged view into a table (the importer's own statement). */
  classify: (source: string, out: string) => Promise<void>;
  sig: { signal?: AbortSignal };
}

export async function reconcileLines(engine: Engine, c: ReconcileCtx): Promise<LineCheck> {
  const check: LineCheck = {
    physical: c.lines,
    records: c.accounted - 1,
    blank: 0,
    swallowed: [],
    unexplained: 0,
  };
  if (c.lines === null || c.accounted >= c.lines) {
    check.unexplained = c.lines === null ? 0 : c.lines - c.accounted;
    return check;
  }
  const phys = ident(`${c.cls}_phys`);
  const cls = ident(c.cls);
  const rej = ident(c.rej);
  const tmp = [`${c.cls}_phys`, `${c.cls}_rec`, `${c.cls}_rec_rej`, `${c.cls}_rec_scan`];
  const recFile = `${c.file}.swallowed.csv`;
  try {
    // Every physical line as text: no quote, a delimiter that never occurs.
    await engine.exec(
      `CREATE OR REPLACE TEMP TABLE ${phys} AS SELECT ordinality AS ln,
        ${c.head.encoding === 'latin-1' ? 'p3dn_cp1252(l)' : 'l'} AS l
      FROM read_csv(${literal(c.file)}, header = false, auto_detect = false, columns = {'l': 'VARCHAR'},
        delim = ${literal('\u0001')}, quote = '', escape = '', encoding = ${literal(c.head.encoding)},
        strict_mode = false, null_padding = true, ignore_errors = true) WITH ORDINALITY`,
      c.sig,
    );
    const blanks = (
      await engine.query(
        `SELECT ln FROM ${phys} WHERE ln > 1 AND (l IS NULL OR trim(l, chr(13)) = '') ORDER BY ln`,
      )
    ).map((r) => num(r['ln']));
    check.blank = blanks.length;
    let deficit = c.lines - c.accounted - blanks.length;
    // Rejected records that span lines (a quote left open), in file order, with their first line's text.
    const open = await engine.query(`SELECT line, any_value(csv_line) AS csv,
        max(length(csv_line)) >= 10000 AS cut,
        max(length(csv_line) - length(replace(csv_line, chr(10), ''))) AS brk
      FROM ${rej} GROUP BY line HAVING bool_or(contains(csv_line, chr(10))) ORDER BY line`);
    const spans = open.map((o) => (o['cut'] ? 0 : num(o['brk'])));
    const known = spans.reduce((a, b) => a + b, 0);
    const cutAt = open.findIndex((o) => o['cut']);
    if (deficit > known && cutAt >= 0) spans[cutAt] = deficit - (known - spans[cutAt]!);
    for (const [i, o] of open.entries()) {
      const extra = Math.min(spans[i]!, deficit);
      if (extra <= 0) continue;
      const first = (text(o['csv']) ?? '').split('\n')[0]!.replace(/\r$/, '');
      const [m] = await engine.query(
        `SELECT min(ln) AS p FROM ${phys} WHERE ln >= ? AND rtrim(l, chr(13)) = ?`,
        [num(o['line']), first],
      );
      if (m?.['p'] === null || m?.['p'] === undefined) continue;
      const p = num(m['p']);
      deficit -= extra;
      const to = p + extra;
      // Records after the swallowed lines move down (their lines do not yet count blank lines: compare so).
      const before = blanks.filter((b) => b < p).length;
      await engine.exec(`UPDATE ${cls} SET line = line + ${extra} WHERE line > ${p - before}`, c.sig);
      await engine.exec(`DELETE FROM ${rej} WHERE line = ${num(o['line'])}`);
      await engine.query(`INSERT INTO ${ident(c.lineRej)} VALUES (?, ?, 'kutip_tidak_tertutup', ?)`, [
        p,
        first.slice(0, 500),
        `${p}-${to}`,
      ]);
      const recovered = await recoverLines(engine, c, phys, recFile, p, to, tmp);
      check.swallowed.push({ from: p + 1, to, recovered });
    }
    if (blanks.length) {
      await engine.exec(
        `UPDATE ${cls} SET line = line + (SELECT count(*) FROM (
          SELECT ln - row_number() OVER (ORDER BY ln) AS t FROM ${phys}
          WHERE ln > 1 AND (l IS NULL OR trim(l, chr(13)) = '')) b WHERE b.t < ${cls}.line)
        WHERE rec < ${RECOVERED}`,
        c.sig,
      );
    }
    check.unexplained = deficit;
    return check;
  } finally {
    for (const t of tmp) await engine.exec(`DROP TABLE IF EXISTS ${ident(t)}`).catch(() => undefined);
    await engine.exec(`DROP VIEW IF EXISTS ${ident(`${c.cls}_recv`)}`).catch(() => undefined);
    await engine.dropFile(recFile).catch(() => undefined);
  }
}

/**
 * Read the physical lines `p+1..to` again as CSV records of their own (under the file's header) and add them to
 * the classified table on their own lines; lines the second reader rejects go to the line rejects. Returns the
 * records recovered.
 */
async function recoverLines(
  engine: Engine,
  c: ReconcileCtx,
  phys: string,
  recFile: string,
  p: number,
  to: number,
  tmp: string[],
): Promise<number> {
  const rows = await engine.query(
    `SELECT coalesce(l, '') AS l FROM ${phys} WHERE ln = 1 OR ln BETWEEN ? AND ? ORDER BY ln`,
    [p + 1, to],
  );
  const bytes = new TextEncoder().encode(rows.map((r) => String(r['l'])).join('\n') + '\n');
  await engine.registerFile(recFile, bytes);
  const [, out, rrej, rscan] = tmp as [string, string, string, string];
  const view = `${c.cls}_recv`;
  await engine.exec(`CREATE OR REPLACE TEMP VIEW ${ident(view)} AS
    SELECT * FROM read_csv(${literal(recFile)}, header = true, auto_detect = false,
      columns = ${explicitColumns(c.columns)},
      ${csvOptions({ ...c.head, encoding: 'utf-8' }, rrej, rscan)}) WITH ORDINALITY`);
  await c.classify(view, out);
  // A recovered record k sits on physical line p + k (the mini file's header is line 1).
  await engine.exec(`INSERT INTO ${ident(c.cls)} SELECT * REPLACE (rec + ${RECOVERED} AS rec, ${p} + rec AS line)
    FROM ${ident(out)}`);
  await engine.exec(`INSERT INTO ${ident(c.lineRej)} SELECT ${p - 1} + line, any_value(csv_line), 'struktur_baris',
      any_value(error_type) FROM ${ident(rrej)} GROUP BY line`);
  const [n] = await engine.query(`SELECT count(*) AS n FROM ${ident(out)}`);
  return num(n?.['n']);
}
