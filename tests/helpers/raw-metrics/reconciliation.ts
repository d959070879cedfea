/** Reference for tests/unit/cube.test.ts: the metric SQL as it read the rows before the cubes (main at c467b19), SQL unchanged (the row readers left out). */
/** Agency reconciliation figures: counted realisasi by match path, and the agencies that match nothing. */
import { raw, sql } from '../../../src/engine/sql';
import { D } from './basis';
import { RX_COLS, where } from './filters';
import type { Filters, Query } from '../../../src/p3dn/metrics/types';

/** Counted realisasi by how the agency was matched (kode / nama / alias / NULL = unmatched). */
export function matchSummaryQuery(f: Filters): Query {
  return sql`SELECT coalesce(match_path, 'none') AS path, count(*) AS n, ${raw(D('sum(nilai)'))} AS total
      FROM realisasi_x WHERE excl IS NULL${where({ ...f, agency: null }, RX_COLS)} GROUP BY 1 ORDER BY 1`;
}

/** Agencies of other systems that match no SIRUP agency: the rupiah at stake, rows, spellings and sources. */
export function unmatchedQuery(f: Filters): Query {
  return sql`SELECT alias_key, count(*) AS n, ${raw(D('sum(nilai)'))} AS total,
        string_agg(DISTINCT nama_satker, ' | ') AS names,
        string_agg(DISTINCT kd_satker_str, ' | ') AS codes,
        string_agg(DISTINCT source, ', ') AS sources
      FROM realisasi_x WHERE excl IS NULL AND agency IS NULL${where({ ...f, agency: null }, RX_COLS)}
      GROUP BY alias_key ORDER BY total DESC`;
}
