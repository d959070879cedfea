/** The physical line of every record, and the check that every physical line of the file is accounted for. */
import { num } from '../../engine/cells';
import { ident } from '../../engine/sql';
import type { Engine } from '../../engine/types';
import { shiftForQuotedBreaks, shiftForRejectedLines } from './lines';
import { reconcileLines, type LineCheck } from './reconcile';
import type { CsvHead } from './sniff';
import type { ImportRequest } from './types';

export async function accountLines(
  engine: Engine,
  t: {
    req: ImportRequest;
    head: CsvHead;
    cls: string;
    rej: string;
    lineRej: string;
    source: string;
    rawColumns: readonly string[];
    sig: { signal?: AbortSignal };
    classify: (view: string, out: string) => Promise<void>;
  },
): Promise<LineCheck> {
  const [n] = await engine.query(`SELECT (SELECT count(*) FROM ${ident(t.cls)}) AS recs,
    (SELECT count(DISTINCT line) FROM ${ident(t.rej)}) AS structural`);
  const records = num(n?.['recs']) + num(n?.['structural']);
  if (t.req.format === 'xlsx') {
    // A converted sheet: record k is the sheet's row k + 1 (the converter writes one record per row, the header
    // row first), whatever line breaks its cells hold. That row is the line the user looks for in Excel.
    return { physical: null, records, blank: 0, swallowed: [], unexplained: 0 };
  }
  const lines = t.req.lines ? await t.req.lines : null;
  const breaks = await shiftForQuotedBreaks(
    engine,
    { cls: t.cls, source: t.source, rawColumns: t.rawColumns, records, lines: Promise.resolve(lines) },
    t.sig,
  );
  await shiftForRejectedLines(engine, t.cls, t.rej, t.sig);
  return reconcileLines(engine, {
    file: t.req.engineFileName,
    head: t.head,
    columns: t.rawColumns,
    cls: t.cls,
    rej: t.rej,
    lineRej: t.lineRej,
    accounted: 1 + records + breaks,
    lines,
    classify: t.classify,
    sig: t.sig,
  });
}
