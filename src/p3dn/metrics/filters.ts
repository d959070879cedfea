/** The view's filters as WHERE fragments over a table's own columns (values bound, never inlined); each cube's
 * columns: cube.ts. */
import { join, raw, sql, type Sql } from '../../engine/sql';
import type { Filters } from './types';

/** ` AND c1 = ? AND c2 = ?` for the filters that are set; `cols` names the table's columns (absent = not filtered). */
export function where(f: Filters, cols: Partial<Record<keyof Filters, string>>): Sql {
  const parts: Sql[] = [];
  for (const k of Object.keys(f) as (keyof Filters)[]) {
    const v = f[k];
    const c = cols[k];
    if (v === null || v === undefined || !c) continue;
    parts.push(sql`${raw(c)} = ${v}`);
  }
  return parts.length ? sql` AND ${join(parts, ' AND ')}` : raw('');
}
