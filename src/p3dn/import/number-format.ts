/**
 * Numbers decided per column: the format of each money column (`plain` 1234567.89, `en` 1,234,567.89, `id`
 * 1.234.567,89; `Rp`, parentheses and a trailing `,-` allowed in each) is decided from all its cells, then every
 * cell of the column is read with that one format (`p3dn_money_fmt`). A cell that does not fit, or has more than
 * two decimals, is rejected with its reason (`p3dn_money_why`), never rounded.
 *
 * Without a second pass over the file: the format is first guessed from the file's first records
 * (`decideNumberFormats` over a head view), the classifying statement reads every cell with the guess and records,
 * per cell, which formats it fits (`formatFlags`, a small bit mask); the counts over the classified table
 * (`formatsFromFlags`) then decide the format from all the cells, exactly as one scan of the file would. When the
 * decision differs from the guess, the file is classified again with the decided formats.
 */
import { num } from '../../engine/cells';
import { ident } from '../../engine/sql';
import type { Engine, Row } from '../../engine/types';
import type { KindSpec } from '../kinds';
import type { ColumnSource } from './columns';

export type NumberFormat = 'plain' | 'en' | 'id';

/** Order of preference when two formats fit as many cells (plain ⊂ en; the Indonesian locale before English). */
const PREFERENCE: readonly NumberFormat[] = ['plain', 'id', 'en'];

/** The format that fits the most cells (counts per format); ties go by `PREFERENCE`. */
function pickFormat(fits: Readonly<Record<NumberFormat, number>>): NumberFormat {
  let best: NumberFormat = 'plain';
  for (const f of PREFERENCE) if (fits[f] > fits[best]) best = f;
  return best;
}

/** Money columns mapped to a single source column: the ones whose format is decided. */
function moneyColumns(spec: KindSpec, mapping: ReadonlyMap<string, ColumnSource>) {
  return spec.columns
    .filter((c) => c.type === 'money')
    .flatMap((c) => {
      const src = mapping.get(c.name);
      return typeof src === 'string' ? [{ name: c.name, src }] : [];
    });
}

/** Plain API numbers (the common case): counted for `plain` and `en`, and for `id` when they have no dot. */
const fast = (s: string) => `regexp_full_match(${s}, '-?[0-9]{1,16}(\\.[0-9]{1,2})?')`;

/** Counts per format -> the decided format (`n(k)`: cells that are fast, fast with a dot, or fit k otherwise). */
function decide(n: (k: 'fast' | 'dot' | NumberFormat) => number): NumberFormat {
  const fastN = n('fast');
  return pickFormat({ plain: fastN + n('plain'), en: fastN + n('en'), id: fastN - n('dot') + n('id') });
}

/**
 * The aggregates that count, over a scan of the staged file, the cells of each money column fitting each format,
 * and the decision from their row (`decideFrom`). `decideNumberFormats` runs them alone; the importer with its
 * other questions about the file's first records (./typed-read.ts).
 */
export function formatCounts(
  spec: KindSpec,
  mapping: ReadonlyMap<string, ColumnSource>,
): { aggs: string[]; decideFrom: (row: Row | undefined) => Map<string, NumberFormat> } {
  const cols = moneyColumns(spec, mapping);
  const aggs = cols.flatMap(({ src }, i) => {
    const s = ident(src);
    const core = `p3dn_num_core(${s})`;
    return [
      `count(*) FILTER (WHERE ${fast(s)}) AS fmt_fast_${i}`,
      `count(*) FILTER (WHERE ${fast(s)} AND contains(${s}, '.')) AS fmt_dot_${i}`,
      ...(['plain', 'en', 'id'] as const).map(
        (f) => `count(*) FILTER (WHERE NOT ${fast(s)} AND p3dn_fmt_fits(${core}, '${f}')) AS fmt_${f}_${i}`,
      ),
    ];
  });
  const decideFrom = (r: Row | undefined) =>
    new Map(cols.map(({ name }, i) => [name, decide((k) => num(r?.[`fmt_${k}_${i}`]))] as const));
  return { aggs, decideFrom };
}

/** Decide the format of every money column mapped to a single source column: one statement over `source`. */
export async function decideNumberFormats(
  engine: Engine,
  spec: KindSpec,
  source: string,
  mapping: ReadonlyMap<string, ColumnSource>,
  sig: { signal?: AbortSignal } = {},
): Promise<Map<string, NumberFormat>> {
  const { aggs, decideFrom } = formatCounts(spec, mapping);
  // Cancelling is checked between the importer's steps.
  if (aggs.length === 0 || sig.signal?.aborted) return new Map();
  const [r] = await engine.query(`SELECT ${aggs.join(',\n')} FROM ${ident(source)}`);
  return decideFrom(r);
}

/** Bits of a cell's format flags: the counts `decideNumberFormats` takes, per cell. */
const BIT = { fast: 1, dot: 2, plain: 4, en: 8, id: 16 } as const;

/**
 * Per money column, the classifying statement's extra output column (`name`) holding what its cell fits (`expr`,
 * a UTINYINT bit mask of `BIT`; 0 for a blank cell). The costly fits are tested only for cells that are not plain
 * API numbers, as in `decideNumberFormats`.
 */
export function formatFlags(
  spec: KindSpec,
  mapping: ReadonlyMap<string, ColumnSource>,
): { column: string; name: string; expr: string }[] {
  return moneyColumns(spec, mapping).map(({ name, src }) => {
    const s = ident(src);
    const core = `p3dn_num_core(${s})`;
    const fits = (['plain', 'en', 'id'] as const)
      .map((f) => `CASE WHEN p3dn_fmt_fits(${core}, '${f}') THEN ${BIT[f]} ELSE 0 END`)
      .join(' + ');
    return {
      column: name,
      name: `p3dn_fmt_${name}`,
      expr: `CAST(CASE WHEN ${fast(s)} THEN CASE WHEN contains(${s}, '.') THEN ${BIT.fast + BIT.dot} ELSE ${BIT.fast} END
        ELSE coalesce(${fits}, 0) END AS UTINYINT)`,
    };
  });
}

/** The formats decided from every cell's flags in the classified table `cls` (one scan of small columns). */
export async function formatsFromFlags(
  engine: Engine,
  cls: string,
  flags: readonly { column: string; name: string }[],
): Promise<Map<string, NumberFormat>> {
  const out = new Map<string, NumberFormat>();
  if (flags.length === 0) return out;
  const aggs = flags.flatMap(({ name }, i) =>
    Object.entries(BIT).map(([k, b]) => `count(*) FILTER (WHERE ${ident(name)} & ${b} <> 0) AS ${k}_${i}`),
  );
  const [r] = await engine.query(`SELECT ${aggs.join(', ')} FROM ${ident(cls)}`);
  flags.forEach(({ column }, i) =>
    out.set(
      column,
      decide((k) => num(r?.[`${k}_${i}`])),
    ),
  );
  return out;
}
