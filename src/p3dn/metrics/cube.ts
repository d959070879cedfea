/**
 * The data cubes: small aggregate tables behind every card, chart, table, breakdown and slide (after Mosaic's
 * pre-aggregation). Built from the same sources the metric SQL read before (counted rows only), keyed by every
 * dimension a view filters or groups on, with exact DECIMAL sums and row counts; a view change then aggregates a
 * few thousand cube rows instead of millions of rows. Only the drill-down reads rows.
 *
 *   cube_pen     RUP penyedia     agency, pemda, tahun, metode, jenis (first), PDN / UKM flag, spelling
 *   cube_swa     RUP swakelola    agency, pemda, tahun, spelling
 *   cube_str     struktur         agency, pemda, tahun, spelling
 *   cube_rx      realisasi_x      agency (NULL = unmatched), match path, pemda, tahun, metode, jenis, sumber dana,
 *                                 source system, month, where the PDN / UMK part came from (nilai / rup / tanpa);
 *                                 for unmatched rows also the alias key and the spelling (the reconciliation list)
 *   cube_agency  agency_dim       one row per SIRUP agency (name and code by mode over every RUP row)
 *   cube_facets  the filter menus' values
 *
 * Measures: `n` (rows), the DECIMAL sums, and `pos` (the first row of the group in scan order), so that the
 * agency's name and code, which the metric SQL took as `mode(…)` (most frequent, ties to the first row), come out
 * the same from the cube (`cubeMode`). `pemda_key` is the rows' own `kd_klpd` (the register's pemda key is not on
 * the sources yet).
 *
 * Refreshed by `importFile` after the agencies are re-matched and by `writeAliases` (realisasi only): a cube is
 * never older than the rows it summarises.
 */
import { raw, sql, type Sql } from '../../engine/sql';
import type { Engine } from '../../engine/types';
import type { Filters } from './types';

const SPELLING = 'nama_satker, kd_satker_str';

const PEN_SQL = `
CREATE OR REPLACE TABLE cube_pen AS
SELECT agency_key, kd_klpd AS pemda_key, nama_klpd, tahun, metode, split_part(jenis, ';', 1) AS jenis, is_pdn, is_ukm,
  ${SPELLING}, count(*) AS n, min(pos) AS pos, sum(pagu) AS pagu
FROM (SELECT *, row_number() OVER () AS pos FROM rup_penyedia WHERE exclusion IS NULL)
GROUP BY ALL;`;

/** Swakelola and struktur: agency, pemda, year and spelling; `m` is their money column. */
const agencySql = (cube: string, table: string, m: string) => `
CREATE OR REPLACE TABLE ${cube} AS
SELECT agency_key, kd_klpd AS pemda_key, nama_klpd, tahun, ${SPELLING}, count(*) AS n, min(pos) AS pos,
  sum(${m}) AS ${m}
FROM (SELECT *, row_number() OVER () AS pos FROM ${table} WHERE exclusion IS NULL)
GROUP BY ALL;`;

const RX_SQL = `
CREATE OR REPLACE TABLE cube_rx AS
SELECT agency, match_path,
  CASE WHEN agency IS NULL THEN alias_key END AS alias_key,
  CASE WHEN agency IS NULL THEN nama_satker END AS nama_satker,
  CASE WHEN agency IS NULL THEN kd_satker_str END AS kd_satker_str,
  kd_klpd AS pemda_key, tahun, metode_x, jenis_x, sumber_dana, source, bulan, pdn_from, umk_from,
  count(*) AS n, sum(nilai) AS nilai, sum(pdn_part) AS pdn_part, sum(umk_part) AS umk_part
FROM realisasi_x WHERE excl IS NULL
GROUP BY ALL;`;

/** The mode of `col` per agency over cube rows `from` (see `cubeMode`), as SQL text for the build. */
const modeText = (from: string, col: string) => `SELECT agency_key, arg_max(v, (n, -pos)) AS v FROM (
    SELECT agency_key, ${col} AS v, sum(n) AS n, min(pos) AS pos FROM ${from} WHERE ${col} IS NOT NULL GROUP BY 1, 2
  ) GROUP BY 1`;

/**
 * `agency_dim` from the three RUP cubes instead of every row again: the same modes over penyedia, swakelola and
 * struktur rows in that order (the positions of the later cubes follow the earlier ones').
 */
const AGENCY_SQL = `
CREATE OR REPLACE TABLE cube_agency AS
WITH p AS (SELECT coalesce(max(pos), 0) AS m FROM cube_pen), s AS (SELECT coalesce(max(pos), 0) AS m FROM cube_swa),
u AS MATERIALIZED (
  SELECT agency_key, ${SPELLING}, n, pos FROM cube_pen
  UNION ALL SELECT agency_key, ${SPELLING}, n, pos + p.m FROM cube_swa, p
  UNION ALL SELECT agency_key, ${SPELLING}, n, pos + p.m + s.m FROM cube_str, p, s
)
SELECT ag.agency_key, nm.v AS nama, kd.v AS kode
FROM (SELECT DISTINCT agency_key FROM u) ag
  LEFT JOIN (${modeText('u', 'nama_satker')}) nm USING (agency_key)
  LEFT JOIN (${modeText('u', 'kd_satker_str')}) kd USING (agency_key);`;

/**
 * The filter menus' values, as the menus always listed them: years of every row, metode / jenis of counted RUP
 * packages and of every transaction, sumber dana and source system of every transaction. Each table read once.
 */
const FACETS_BUILD_SQL = `
CREATE OR REPLACE TABLE cube_facets AS
WITH rp AS MATERIALIZED (
  SELECT DISTINCT tahun, exclusion IS NULL AS counted, metode, split_part(jenis, ';', 1) AS jenis FROM rup_penyedia
), rx AS MATERIALIZED (SELECT DISTINCT tahun, metode_x, jenis_x, sumber_dana, source FROM realisasi_x)
  SELECT 'tahun' AS facet, CAST(tahun AS VARCHAR) AS v FROM (
    SELECT tahun FROM rp UNION SELECT tahun FROM rx UNION SELECT tahun FROM struktur_anggaran)
    WHERE tahun IS NOT NULL
  UNION SELECT 'metode', metode FROM rp WHERE metode IS NOT NULL AND counted
  UNION SELECT 'metode', metode_x FROM rx WHERE metode_x IS NOT NULL
  UNION SELECT 'jenis', jenis FROM rp WHERE jenis IS NOT NULL AND counted
  UNION SELECT 'jenis', jenis_x FROM rx WHERE jenis_x IS NOT NULL
  UNION SELECT 'sumberDana', sumber_dana FROM rx WHERE sumber_dana IS NOT NULL
  UNION SELECT 'source', source FROM rx;`;

/** The build statements, in order (exported for the benchmark, which times each one). */
export const CUBE_BUILD_SQL = [
  PEN_SQL,
  agencySql('cube_swa', 'rup_swakelola', 'pagu'),
  agencySql('cube_str', 'struktur_anggaran', 'belanja_pengadaan'),
  RX_SQL,
  AGENCY_SQL,
  FACETS_BUILD_SQL,
];

/**
 * Rebuild the cubes in one transaction. `realisasi`: only the transaction cube (an alias change moves
 * transactions between agencies and nothing else).
 */
export async function refreshCubes(engine: Engine, scope: 'all' | 'realisasi' = 'all'): Promise<void> {
  const stmts = scope === 'all' ? CUBE_BUILD_SQL : [RX_SQL];
  try {
    await engine.exec(`BEGIN TRANSACTION;\n${stmts.join('\n')}\nCOMMIT;`);
  } catch (e) {
    await engine.exec('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** The filter columns of each cube (absent = the cube's rows carry no such dimension: not filtered). */
export const PEN_CUBE_COLS = {
  tahun: 'tahun',
  agency: 'agency_key',
  metode: 'metode',
  jenis: 'jenis',
} as const;
export const AG_CUBE_COLS = { tahun: 'tahun', agency: 'agency_key' } as const;
export const RX_CUBE_COLS = {
  tahun: 'tahun',
  agency: 'agency',
  metode: 'metode_x',
  jenis: 'jenis_x',
  sumberDana: 'sumber_dana',
  source: 'source',
} as const satisfies Partial<Record<keyof Filters, string>>;

/**
 * `mode(col)` per agency over the cube rows `where` selects, as DuckDB computes it over the rows: the most
 * frequent non-NULL value, ties to the value seen first. A CTE body: `agency_key, v`.
 */
export function cubeMode(cube: string, col: string, where: Sql): Sql {
  return sql`SELECT agency_key, arg_max(v, (n, -pos)) AS v FROM (
      SELECT agency_key, ${raw(col)} AS v, sum(n) AS n, min(pos) AS pos FROM ${raw(cube)}
      WHERE ${raw(col)} IS NOT NULL${where} GROUP BY 1, 2
    ) GROUP BY 1`;
}

/** Rows behind cube rows (count(*) of the rows: 0, not NULL, over none); DuckDB sums as HUGEINT, the readers take BIGINT. */
export const N = 'CAST(coalesce(sum(n), 0) AS BIGINT)';

/**
 * The SIRUP agencies for menus, as `AGENCY_LIST_SQL` (agency/dimension.ts) lists them, from the agency cube: the
 * reconciliation panel asks at every filter change, and `agency_dim` takes the mode over every RUP row.
 */
export const AGENCY_LIST_CUBE_SQL = `SELECT agency_key, coalesce(nama, agency_key) AS nama, kode FROM cube_agency ORDER BY nama`;
