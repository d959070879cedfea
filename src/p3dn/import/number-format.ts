/**
 * Numbers decided per column: the format of each money column (`plain` 1234567.89, `en` 1,234,567.89, `id`
 * 1.234.567,89; `Rp`, parentheses and a trailing `,-` allowed in each) is decided from all its cells in one pass
 * over the staged file, then every cell of the column is read with that one format (`p3dn_money_fmt`). A cell that
 * does not fit, or has more than two decimals, is rejected with its reason (`p3dn_money_why`), never rounded.
 */
import { num } from '../../engine/cells';
import { ident } from '../../engine/sql';
import type { Engine } from '../../engine/types';
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

/**
 * Decide the format of every money column mapped to a single source column: one statement over `source`.
 * Cells that are plain API numbers (the common case) are counted without the costly parsing.
 */
export async function decideNumberFormats(
  engine: Engine,
  spec: KindSpec,
  source: string,
  mapping: ReadonlyMap<string, ColumnSource>,
  sig: { signal?: AbortSignal } = {},
): Promise<Map<string, NumberFormat>> {
  const cols = spec.columns
    .filter((c) => c.type === 'money')
    .flatMap((c) => {
      const src = mapping.get(c.name);
      return typeof src === 'string' ? [{ name: c.name, src }] : [];
    });
  const out = new Map<string, NumberFormat>();
  if (cols.length === 0) return out;
  const fast = (s: string) => `regexp_full_match(${s}, '-?[0-9]{1,16}(\\.[0-9]{1,2})?')`;
  const aggs = cols.flatMap(({ src }, i) => {
    const s = ident(src);
    const core = `p3dn_num_core(${s})`;
    return [
      `count(*) FILTER (WHERE ${fast(s)}) AS fast_${i}`,
      `count(*) FILTER (WHERE ${fast(s)} AND contains(${s}, '.')) AS dot_${i}`,
      ...(['plain', 'en', 'id'] as const).map(
        (f) => `count(*) FILTER (WHERE NOT ${fast(s)} AND p3dn_fmt_fits(${core}, '${f}')) AS ${f}_${i}`,
      ),
    ];
  });
  // One statement (a scan of the money columns only); cancelling is checked between the importer's steps.
  if (sig.signal?.aborted) return out;
  const [r] = await engine.query(`SELECT ${aggs.join(',\n')} FROM ${ident(source)}`);
  cols.forEach(({ name }, i) => {
    const n = (k: string) => num(r?.[`${k}_${i}`]);
    const fastN = n('fast');
    out.set(
      name,
      pickFormat({ plain: fastN + n('plain'), en: fastN + n('en'), id: fastN - n('dot') + n('id') }),
    );
  });
  return out;
}
