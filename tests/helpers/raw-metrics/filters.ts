/** Reference for tests/unit/cube.test.ts: the metric SQL as it read the rows before the cubes (main at b6d2e72), SQL unchanged, the row readers left out. */
/** The view's filters as WHERE fragments over each table's own columns (values bound, never inlined). */
import { join, raw, sql, type Sql } from '../../../src/engine/sql';
import type { Filters } from '../../../src/p3dn/metrics/types';

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

export const RUP_COLS = {
  pemda: 'pemda_key',
  tahun: 'tahun',
  agency: 'agency_key',
  metode: 'metode',
  jenis: "split_part(jenis, ';', 1)",
} as const;
export const AG_COLS = { pemda: 'pemda_key', tahun: 'tahun', agency: 'agency_key' } as const;
export const RX_COLS = {
  pemda: 'pemda_key',
  tahun: 'tahun',
  agency: 'agency',
  metode: 'metode_x',
  jenis: 'jenis_x',
  sumberDana: 'sumber_dana',
  source: 'source',
} as const;

/** The filters that apply to RUP penyedia packages (year, agency, metode, jenis); sumber dana and source do not. */
export function rupPenyediaWhere(f: Filters): Sql {
  return where(f, RUP_COLS);
}
