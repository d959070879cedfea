/** Agency reconciliation figures: counted realisasi by match path, and the agencies that match nothing. */
import { raw, sql } from '../../engine/sql';
import { kindsWith } from '../kinds';
import { D } from './basis';
import { N, RX_CUBE_COLS } from './cube';
import { ARGS_JOIN, cubeWhere, where } from './filters';
import type { Filters, Query } from './types';

/** Counted realisasi by how the agency was matched (kode / nama / alias / NULL = unmatched). */
export function matchSummaryQuery(f: Filters): Query {
  return sql`SELECT coalesce(match_path, 'none') AS path, ${raw(N)} AS n, ${raw(D('sum(nilai)'))} AS total
      FROM cube_rx${raw(ARGS_JOIN)} WHERE true${cubeWhere({ ...f, agency: null }, RX_CUBE_COLS)} GROUP BY 1 ORDER BY 1`;
}

/** Agencies of other systems that match no SIRUP agency: the rupiah at stake, rows, spellings and sources. */
export function unmatchedQuery(f: Filters): Query {
  return sql`SELECT alias_key, any_value(pemda_key) AS pemda_key, ${raw(N)} AS n, ${raw(D('sum(nilai)'))} AS total,
        string_agg(DISTINCT nama_satker, ' | ' ORDER BY nama_satker) AS names,
        string_agg(DISTINCT kd_satker_str, ' | ' ORDER BY kd_satker_str) AS codes,
        string_agg(DISTINCT source, ', ' ORDER BY source) AS sources
      FROM cube_rx${raw(ARGS_JOIN)} WHERE agency IS NULL${cubeWhere({ ...f, agency: null }, RX_CUBE_COLS)}
      GROUP BY alias_key ORDER BY total DESC`;
}

/**
 * Every counted row of every file kind with its Pemda, match path and the rupiah it carries, from the cubes:
 * pagu (RUP penyedia, swakelola, paket anggaran), belanja_pengadaan (StrukturAnggaranPD), anggaran (APBD), nilai
 * (transactions, under their source system's kind); `n` rows behind each cube row.
 */
const REGISTER_ROWS_SQL = `
  SELECT 'rup_penyedia' AS kind, pemda_key, tahun, agency_path, agency_alias, nama_satker, kd_satker_str, n,
    pagu AS nilai FROM cube_pen
  UNION ALL SELECT 'rup_swakelola', pemda_key, tahun, agency_path, agency_alias, nama_satker, kd_satker_str, n, pagu
    FROM cube_swa
  UNION ALL SELECT 'struktur_anggaran', pemda_key, tahun, agency_path, agency_alias, nama_satker, kd_satker_str, n,
    belanja_pengadaan FROM cube_str
  UNION ALL SELECT 'rup_paket_anggaran', pemda_key, tahun, agency_path, agency_alias, nama_satker, kd_satker_str, n,
    pagu FROM cube_pa
  UNION ALL SELECT 'apbd_rekening', pemda_key, tahun, agency_path, agency_alias, nama_satker, kd_satker_str, n,
    anggaran FROM cube_ap
  UNION ALL SELECT source, pemda_key, tahun, agency_path, alias_key, nama_satker, kd_satker_str, n, nilai
    FROM cube_rx`;

const REG_COLS = { pemda: 'pemda_key', tahun: 'tahun' } as const;

/**
 * Per file kind and match path (kode / nama / alias / none = unmatched / sendiri = no partner file loaded): the
 * rows and the rupiah. A plan or budget row is matched when its agency is in the other (komitmen ↔ anggaran); a
 * transaction when its agency has a plan or a budget.
 */
export function registerMatchQuery(f: Filters): Query {
  return sql`SELECT kind, coalesce(agency_path, 'none') AS path, ${raw(N)} AS n,
        ${raw(D('coalesce(sum(nilai), 0)'))} AS total
      FROM (${raw(REGISTER_ROWS_SQL)}) WHERE true${where(f, REG_COLS)} GROUP BY 1, 2 ORDER BY 1, 2`;
}

/** The unmatched agencies of plan and budget files (RUP without a budget, a budget without RUP): the alias key
 * they are listed and mapped under, their Pemda, spellings, codes, kinds, rows and rupiah at stake. */
export function unmatchedRegisterQuery(f: Filters): Query {
  return sql`SELECT r.agency_alias AS alias_key, r.pemda_key, any_value(p.nama) AS pemda, ${raw(N)} AS n,
        ${raw(D('coalesce(sum(nilai), 0)'))} AS total,
        string_agg(DISTINCT nama_satker, ' | ' ORDER BY nama_satker) AS names,
        string_agg(DISTINCT kd_satker_str, ' | ' ORDER BY kd_satker_str) AS codes,
        string_agg(DISTINCT kind, ', ' ORDER BY kind) AS kinds
      FROM (${raw(REGISTER_ROWS_SQL)}) r LEFT JOIN pemda_dim p USING (pemda_key)
      WHERE r.agency_path IS NULL AND r.kind NOT IN (${raw(kindsWith((k) => k.group === 'realisasi'))})${where(f, REG_COLS)}
      GROUP BY r.agency_alias, r.pemda_key ORDER BY total DESC, alias_key`;
}
