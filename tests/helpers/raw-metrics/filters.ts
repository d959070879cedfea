/** Reference for tests/unit/cube.test.ts: the metric SQL as it read the rows before the cubes (main at b6d2e72), SQL unchanged, the row readers left out. */
import type { Sql } from '../../../src/engine/sql';
import { where } from '../../../src/p3dn/metrics/filters';
import type { Filters } from '../../../src/p3dn/metrics/types';

/** `where` is the same function as the cubes' (it reads no table). */
export { where };

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
