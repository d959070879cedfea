/** Agency reconciliation figures: counted realisasi by match path, and the agencies that match nothing. */
import { raw, sql } from '../../engine/sql';
import { D } from './basis';
import { N, RX_CUBE_COLS } from './cube';
import { where } from './filters';
import type { Filters, Query } from './types';

/** Counted realisasi by how the agency was matched (kode / nama / alias / NULL = unmatched). */
export function matchSummaryQuery(f: Filters): Query {
  return sql`SELECT coalesce(match_path, 'none') AS path, ${raw(N)} AS n, ${raw(D('sum(nilai)'))} AS total
      FROM cube_rx WHERE true${where({ ...f, agency: null }, RX_CUBE_COLS)} GROUP BY 1 ORDER BY 1`;
}

/** Agencies of other systems that match no SIRUP agency: the rupiah at stake, rows, spellings and sources. */
export function unmatchedQuery(f: Filters): Query {
  return sql`SELECT alias_key, ${raw(N)} AS n, ${raw(D('sum(nilai)'))} AS total,
        string_agg(DISTINCT nama_satker, ' | ' ORDER BY nama_satker) AS names,
        string_agg(DISTINCT kd_satker_str, ' | ' ORDER BY kd_satker_str) AS codes,
        string_agg(DISTINCT source, ', ' ORDER BY source) AS sources
      FROM cube_rx WHERE agency IS NULL${where({ ...f, agency: null }, RX_CUBE_COLS)}
      GROUP BY alias_key ORDER BY total DESC`;
}
