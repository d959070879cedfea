/** The view's filters as WHERE fragments over a table's own columns (values bound, never inlined); each cube's
 * columns: cube.ts. */
import { ARGS_TABLE } from '../../engine/args';
import { join, raw, sql, type Sql } from '../../engine/sql';
import type { Filters } from './types';

/**
 * A filter's column: its name, or (a table holding several sources, `src`) its name and the sources that carry it —
 * the filter narrows those and lets the others' rows through.
 */
export type FilterCol = string | { col: string; srcs: string };

/** ` AND c1 = ? AND c2 = ?` for the filters that are set; `cols` names the table's columns (absent = not filtered). */
export function where(f: Filters, cols: Partial<Record<keyof Filters, FilterCol>>): Sql {
  const parts: Sql[] = [];
  for (const k of Object.keys(f) as (keyof Filters)[]) {
    const v = f[k];
    const c = cols[k];
    if (v === null || v === undefined || !c) continue;
    parts.push(
      typeof c === 'string'
        ? sql`${raw(c)} = ${v}`
        : sql`(src NOT IN (${raw(c.srcs)}) OR ${raw(c.col)} = ${v})`,
    );
  }
  return parts.length ? sql` AND ${join(parts, ' AND ')}` : raw('');
}

/** The SQL type of each filter's value (the cubes' columns): a value read from the argument row is text. */
const FILTER_TYPE: Record<keyof Filters, string> = {
  pemda: 'VARCHAR',
  tahun: 'INTEGER',
  agency: 'VARCHAR',
  metode: 'VARCHAR',
  jenis: 'VARCHAR',
  sumberDana: 'VARCHAR',
  source: 'VARCHAR',
};

/**
 * The same filters over an aggregate table, as one SQL text whatever is set: every column is tested, an unset
 * filter (NULL) lets every row through. The values are read from the engine's argument row (src/engine/args.ts),
 * so the FROM these tests stand in must join `p3dn_args` (`ARGS_JOIN`): a view change then only runs a statement
 * the engine has prepared before (src/engine/statements.ts), without binding or planning it again — planning
 * costs more than running on a cube. Kept for the cubes: over the raw rows (the drill-down) a filter that is not
 * set must not cost a test per row.
 */
export function cubeWhere(f: Filters, cols: Partial<Record<keyof Filters, FilterCol>>): Sql {
  const parts: Sql[] = [];
  for (const k of Object.keys(cols) as (keyof Filters)[]) {
    const c = cols[k];
    if (!c) continue;
    const v = f[k] ?? null;
    const col = raw(typeof c === 'string' ? c : c.col);
    const test = sql`${col} IS NOT DISTINCT FROM coalesce(CAST(${v} AS ${raw(FILTER_TYPE[k])}), ${col})`;
    parts.push(typeof c === 'string' ? test : sql`(src NOT IN (${raw(c.srcs)}) OR ${test})`);
  }
  return parts.length ? sql` AND ${join(parts, ' AND ')}` : raw('');
}

/** What a FROM joins for `cubeWhere`'s values (and any other `?` of the statement): the argument row. */
export const ARGS_JOIN = `, ${ARGS_TABLE}`;
