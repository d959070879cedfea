/** Reference for tests/unit/cube.test.ts: the metric SQL as it read the rows before the cubes (main at b6d2e72), SQL unchanged, the row readers left out. */
/** Agency reconciliation figures: counted realisasi by match path, and the agencies that match nothing. */
import { raw, sql } from '../../../src/engine/sql';
import { kindsWith } from '../../../src/p3dn/kinds';
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
  return sql`SELECT alias_key, any_value(pemda_key) AS pemda_key, count(*) AS n, ${raw(D('sum(nilai)'))} AS total,
        string_agg(DISTINCT nama_satker, ' | ') AS names,
        string_agg(DISTINCT kd_satker_str, ' | ') AS codes,
        string_agg(DISTINCT source, ', ') AS sources
      FROM realisasi_x WHERE excl IS NULL AND agency IS NULL${where({ ...f, agency: null }, RX_COLS)}
      GROUP BY alias_key ORDER BY total DESC`;
}

/**
 * Every counted row of every file kind with its register agency, Pemda, match path and the rupiah it carries:
 * pagu (RUP penyedia, swakelola, paket anggaran), belanja_pengadaan (StrukturAnggaranPD), anggaran (APBD), nilai
 * (transactions, under their source system's kind).
 */
const REGISTER_ROWS_SQL = `
  SELECT 'rup_penyedia' AS kind, pemda_key, tahun, agency_path, agency_alias, nama_satker, kd_satker_str, pagu AS nilai
    FROM rup_penyedia WHERE exclusion IS NULL
  UNION ALL SELECT 'rup_swakelola', pemda_key, tahun, agency_path, agency_alias, nama_satker, kd_satker_str, pagu
    FROM rup_swakelola WHERE exclusion IS NULL
  UNION ALL SELECT 'struktur_anggaran', pemda_key, tahun, agency_path, agency_alias, nama_satker, kd_satker_str,
    belanja_pengadaan FROM struktur_anggaran WHERE exclusion IS NULL
  UNION ALL SELECT 'rup_paket_anggaran', pemda_key, tahun, agency_path, agency_alias, nama_satker, kd_satker_str, pagu
    FROM rup_paket_anggaran WHERE exclusion IS NULL
  UNION ALL SELECT 'apbd_rekening', pemda_key, tahun, agency_path, agency_alias, nama_satker, kd_satker_str, anggaran
    FROM apbd_rekening WHERE exclusion IS NULL
  UNION ALL SELECT source, pemda_key, tahun, agency_path, agency_alias, nama_satker, kd_satker_str, nilai
    FROM realisasi_x WHERE excl IS NULL`;

const REG_COLS = { pemda: 'pemda_key', tahun: 'tahun' } as const;

/**
 * Per file kind and match path (kode / nama / alias / none = unmatched / sendiri = no partner file loaded): the
 * rows and the rupiah. A plan or budget row is matched when its agency is in the other (komitmen ↔ anggaran); a
 * transaction when its agency has a plan or a budget.
 */
export function registerMatchQuery(f: Filters): Query {
  return sql`SELECT kind, coalesce(agency_path, 'none') AS path, count(*) AS n,
        ${raw(D('coalesce(sum(nilai), 0)'))} AS total
      FROM (${raw(REGISTER_ROWS_SQL)}) WHERE true${where(f, REG_COLS)} GROUP BY 1, 2 ORDER BY 1, 2`;
}

/** The unmatched agencies of plan and budget files (RUP without a budget, a budget without RUP): the alias key
 * they are listed and mapped under, their Pemda, spellings, codes, kinds, rows and rupiah at stake. */
export function unmatchedRegisterQuery(f: Filters): Query {
  return sql`SELECT r.agency_alias AS alias_key, r.pemda_key, any_value(p.nama) AS pemda, count(*) AS n,
        ${raw(D('coalesce(sum(nilai), 0)'))} AS total,
        string_agg(DISTINCT nama_satker, ' | ') AS names, string_agg(DISTINCT kd_satker_str, ' | ') AS codes,
        string_agg(DISTINCT kind, ', ') AS kinds
      FROM (${raw(REGISTER_ROWS_SQL)}) r LEFT JOIN pemda_dim p USING (pemda_key)
      WHERE r.agency_path IS NULL AND r.kind NOT IN (${raw(kindsWith((k) => k.group === 'realisasi'))})${where(f, REG_COLS)}
      GROUP BY r.agency_alias, r.pemda_key ORDER BY total DESC, alias_key`;
}
