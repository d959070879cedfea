/** The physical line each record starts on: records with quoted line breaks, lines the CSV reader rejected. */
import { num } from '../../engine/cells';
import { ident } from '../../engine/sql';
import type { Engine } from '../../engine/types';

/**
 * Records with line breaks inside quoted cells span several lines: every later record starts that much further
 * down. When the caller counted the file's lines and they match one line per record, there is nothing to do.
 * Otherwise the file is read again for the records that hold line breaks (tested column by column: a concat of
 * every cell per row costs more), and each record moves down by the breaks of the records before it (an ASOF
 * join on the running sum, so only the records with breaks are kept aside). Returns the line breaks found inside
 * cells (the lines that belong to a record started on an earlier line).
 */
export async function shiftForQuotedBreaks(
  engine: Engine,
  t: {
    cls: string;
    source: string;
    rawColumns: readonly string[];
    /** Records read, the CSV reader's rejected lines included. */
    records: number;
    lines: Promise<number | null> | undefined;
  },
  sig: { signal?: AbortSignal },
): Promise<number> {
  const cls = ident(t.cls);
  const lines = t.lines ? await t.lines : null;
  if (lines !== null && 1 + t.records === lines) return 0;
  if (t.rawColumns.length === 0) return 0;
  const cell = (c: string) => `coalesce(${ident(c)}, '')`;
  const anyBreak = t.rawColumns.map((c) => `contains(${cell(c)}, chr(10))`).join(' OR ');
  const breaks = t.rawColumns
    .map((c) => `(length(${cell(c)}) - length(replace(${cell(c)}, chr(10), '')))`)
    .join(' + ');
  const brk = ident(`${t.cls}_brk`);
  try {
    await engine.exec(
      `CREATE OR REPLACE TEMP TABLE ${brk} AS
        SELECT ordinality AS rec, ${breaks} AS extra FROM ${ident(t.source)} WHERE ${anyBreak}`,
      sig,
    );
    const [r] = await engine.query(
      `SELECT count(*) AS n, CAST(coalesce(sum(extra), 0) AS BIGINT) AS b FROM ${brk}`,
    );
    if (num(r?.['n']) === 0) return 0;
    await engine.exec(
      `UPDATE ${cls} SET line = ${cls}.line + s.shift FROM (
        SELECT c.rec, b.cum AS shift FROM ${cls} c
        ASOF JOIN (SELECT rec, sum(extra) OVER (ORDER BY rec) AS cum FROM ${brk}) b ON c.rec > b.rec
      ) s WHERE ${cls}.rec = s.rec`,
      sig,
    );
    return num(r?.['b']);
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${brk}`);
  }
}

/**
 * Records the CSV reader rejected (wrong column count…) are not in the staged table, so every later record moves
 * down one line per rejected line before it.
 */
export async function shiftForRejectedLines(
  engine: Engine,
  cls: string,
  rej: string,
  sig: { signal?: AbortSignal },
) {
  const [r] = await engine.query(`SELECT count(*) AS n FROM ${ident(rej)}`);
  if (num(r?.['n']) === 0) return;
  await engine.exec(
    `UPDATE ${ident(cls)} SET line = line + coalesce((
      SELECT count(*) FROM (
        SELECT line - row_number() OVER (ORDER BY line) AS t FROM (SELECT DISTINCT line FROM ${ident(rej)})
      ) r WHERE r.t < ${ident(cls)}.line), 0)`,
    sig,
  );
}
