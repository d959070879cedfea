/** The view's filters as WHERE fragments over a table's own columns (values bound, never inlined); each cube's
 * columns: cube.ts. */
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
