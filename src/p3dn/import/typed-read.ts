/**
 * The one pass over the file that classifies every record, with as little per-cell SQL as exactly possible:
 *
 * - **The reader types what it can type exactly.** Source columns feeding a year (`int`) or yes/no (`bool`)
 *   column are read by DuckDB's CSV reader itself (`read_csv(types = …)`, ./columns.ts `READER_TYPES`) when every
 *   one of the file's first records holds such a value; codes, text, money and dates stay text and go through the
 *   `p3dn_*` macros. A cell further down that the reader refuses (a CAST reject: `ya`, `2025/26`) would drop its
 *   record, so then the typed result is thrown away and the whole file is read as text again, exactly as before
 *   (`fallback`).
 * - **Money formats without a second scan** (./number-format.ts): guessed from the first records, checked against
 *   every cell's flags after the pass, the file classified again when the decision differs (`reclassified`).
 *
 * Either way the classified table is the one the all-text reading gives: same values, same rejects, same lines.
 */
import { num } from '../../engine/cells';
import { ident } from '../../engine/sql';
import type { Engine } from '../../engine/types';
import type { KindSpec } from '../kinds';
import { classifySql } from './classify';
import { READER_TYPES, type ColumnSource } from './columns';
import { formatCounts, formatFlags, formatsFromFlags, type NumberFormat } from './number-format';
import { rawSelect, type ReadHow, type ReaderTypes } from './read';
import type { CsvHead } from './sniff';

/** The records the guesses (formats, typed columns) are made from: what DuckDB's own sniffer samples. */
export const HEAD_RECORDS = 2048;

/** How the file was read (reported with the import; the tests check which path was taken). */
export interface ReadPath {
  /** Source columns the CSV reader typed in the pass kept (empty: every column read as text). */
  typed: string[];
  /** A typed read met a cell the reader refused: the file was read again as text. */
  fallback: boolean;
  /** The money formats decided from every cell differ from the guess: the file was classified again. */
  reclassified: boolean;
}

export interface ClassifyCtx {
  spec: KindSpec;
  file: string;
  head: CsvHead;
  /** The staged view (already created as text), its rejects tables, the view the classifying SQL reads. */
  raw: string;
  rej: string;
  scan: string;
  source: string;
  /** How the staged view reads the file (./read.ts): a typed read reads it the same way. */
  how: ReadHow;
  rawColumns: readonly string[];
  mapping: ReadonlyMap<string, ColumnSource>;
  cls: string;
  sig: { signal?: AbortSignal };
  onProgress?: (fraction: number) => void;
}

/** Source columns that feed exactly one canonical column, of a type the reader can read (none for latin-1). */
function candidates(c: ClassifyCtx): Map<string, string> {
  const out = new Map<string, string>();
  if (c.head.encoding !== 'utf-8' || c.source !== c.raw) return out;
  const uses = new Map<string, number>();
  for (const src of c.mapping.values())
    for (const s of typeof src === 'string' ? [src] : src.columns) uses.set(s, (uses.get(s) ?? 0) + 1);
  for (const col of c.spec.columns) {
    const src = c.mapping.get(col.name);
    const t = READER_TYPES[col.type];
    if (t && typeof src === 'string' && uses.get(src) === 1) out.set(src, t);
  }
  return out;
}

/**
 * Classify the staged file into `cls`; returns the money formats decided from all cells and the path taken.
 * Statements that read the file bind it again (DuckDB sniffs it each time): the guesses are one query over the
 * first records, and the typed read is inlined in the classifying statement (the staged view stays all text: the
 * fallback, the search for quoted line breaks and the re-read of swallowed lines read text).
 */
export async function classifyFile(
  engine: Engine,
  c: ClassifyCtx,
): Promise<{ formats: Map<string, NumberFormat>; path: ReadPath }> {
  const fmt = formatCounts(c.spec, c.mapping);
  const cand = [...candidates(c)];
  const typedAggs = cand.map(
    ([s, t], i) => `bool_and(${ident(s)} IS NULL OR TRY_CAST(${ident(s)} AS ${t}) IS NOT NULL) AS typed_${i}`,
  );
  const aggs = [...fmt.aggs, ...typedAggs];
  const [r] = aggs.length
    ? await engine.query(
        `SELECT ${aggs.join(',\n')} FROM (SELECT * FROM ${ident(c.source)} LIMIT ${HEAD_RECORDS})`,
      )
    : [];
  const guess = fmt.decideFrom(r);
  let types: ReaderTypes = new Map(cand.filter((_, i) => r?.[`typed_${i}`] === true));
  const flags = formatFlags(c.spec, c.mapping);
  const path: ReadPath = { typed: [...types.keys()], fallback: false, reclassified: false };
  const classify = (formats: ReadonlyMap<string, NumberFormat>) =>
    engine.exec(
      classifySql(c.spec, c.source, c.rawColumns, c.cls, c.mapping, formats, {
        typed: new Set(types.keys()),
        extra: flags,
        ...(types.size ? { from: `(${rawSelect(c.file, c.head, c.rej, c.scan, types, c.how)})` } : {}),
      }),
      { ...c.sig, ...(c.onProgress ? { onProgress: c.onProgress } : {}) },
    );
  await classify(guess);
  if (types.size) {
    const [n] = await engine.query(`SELECT count(*) AS n FROM ${ident(c.rej)} WHERE error_type = 'CAST'`);
    if (num(n?.['n']) > 0) {
      // A cell the reader refused dropped its record: read the whole file as text, as if never typed.
      types = new Map();
      path.typed = [];
      path.fallback = true;
      for (const t of [c.rej, c.scan]) await engine.exec(`DROP TABLE IF EXISTS ${ident(t)}`);
      await classify(guess);
    }
  }
  const formats = await formatsFromFlags(engine, c.cls, flags);
  if ([...formats].some(([k, f]) => guess.get(k) !== f)) {
    path.reclassified = true;
    await classify(formats);
  }
  for (const f of flags) await engine.exec(`ALTER TABLE ${ident(c.cls)} DROP COLUMN ${ident(f.name)}`);
  return { formats, path };
}
