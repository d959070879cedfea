/**
 * The data cubes: small aggregate tables behind every card, chart, table, breakdown, ranking and slide (after
 * Mosaic's pre-aggregation). Built from the counted rows of the canonical views (whose `agency_key` / `pemda_key`
 * are already the register's: ../agency/view-join.ts), keyed by every dimension a view filters or groups on, with
 * exact DECIMAL sums and row counts: a view change aggregates a few thousand cube rows, not millions of rows.
 * Only the drill-down reads rows.
 *
 *   cube_pen   RUP penyedia       agency, Pemda, year, metode, jenis (first), PDN / UKM flag
 *   cube_swa   RUP swakelola      agency, Pemda, year
 *   cube_str   struktur anggaran  agency, Pemda, year
 *   cube_ap    APBD lines         agency, Pemda, year, spending group (p3dn_akun_kelompok)
 *   cube_pa    paket anggaran     agency, Pemda, year (the reconciliation view only)
 *   cube_rx    realisasi_x        agency (NULL = unmatched), match path, Pemda, year, metode, jenis, sumber dana,
 *                                 source system, month, where the PDN / UMK part came from (nilai / rup / tanpa)
 *   cube_base  all of the above for the agency figures, one `src` per source (basis.ts)
 *   cube_agency_dims  the agency figures' sums per agency, Pemda, year, metode, jenis, sumber dana and source (read
 *                     while one of the last four is filtered)
 *   cube_agency_year  the agency figures' sums per agency, Pemda and year (read while no other dimension is filtered)
 *   cube_agency the register's agencies of the figures with their name, code and Pemda (one join, not two)
 *   cube_facets the filter menus' values (and, as facet `years`, every year of every row: year over year)
 * Every cube keeps the register's match path, and the alias key and spelling of unmatched rows: the
 * reconciliation view lists them.
 *
 * Measures: `n` (rows) and the DECIMAL sums. An agency's name is the register's (agency_register), not the cubes'.
 *
 * Refreshed after every register refresh (an import, an alias change: ../agency/realisasi-map.ts): a cube is never
 * older than the rows and the register it summarises.
 */
import { raw, sql, type Sql } from '../../engine/sql';
import { agencySumsSql } from './agency-sums';
import { ARGS_JOIN, cubeWhere, type FilterCol } from './filters';
import type { Engine } from '../../engine/types';
import type { Filters } from './types';

/**
 * What every plan / budget cube groups by besides its own dimensions: agency, Pemda, year, match path, and for
 * the rows of an agency without its partner (path NULL: listed for mapping) the alias key and the spelling.
 */
const AGENCY = `agency_key, pemda_key, tahun, agency_path,
  CASE WHEN agency_path IS NULL THEN agency_alias END AS agency_alias,
  CASE WHEN agency_path IS NULL THEN nama_satker END AS nama_satker,
  CASE WHEN agency_path IS NULL THEN kd_satker_str END AS kd_satker_str`;

/** A plan / budget cube over `table`'s counted rows; `dims` its own dimensions, `m` its money column. */
const agencyCube = (cube: string, table: string, m: string, dims = '') => `
CREATE OR REPLACE TABLE ${cube} AS
SELECT ${AGENCY}${dims ? `, ${dims}` : ''}, count(*) AS n, sum(${m}) AS ${m}
FROM ${table} WHERE exclusion IS NULL
GROUP BY ALL;`;

const PEN_SQL = agencyCube(
  'cube_pen',
  "(SELECT * REPLACE (split_part(jenis, ';', 1) AS jenis) FROM rup_penyedia)",
  'pagu',
  'metode, jenis, is_pdn, is_ukm',
);
const SWA_SQL = agencyCube('cube_swa', 'rup_swakelola', 'pagu');
const STR_SQL = agencyCube('cube_str', 'struktur_anggaran', 'belanja_pengadaan');
const PA_SQL = agencyCube('cube_pa', 'rup_paket_anggaran', 'pagu');
const AP_SQL = agencyCube(
  'cube_ap',
  '(SELECT *, p3dn_akun_kelompok(kode_rekening) AS kelompok FROM apbd_rekening)',
  'anggaran',
  'kelompok',
);

const RX_SQL = `
CREATE OR REPLACE TABLE cube_rx AS
SELECT agency, match_path, agency_path,
  CASE WHEN agency IS NULL THEN alias_key END AS alias_key,
  CASE WHEN agency IS NULL THEN nama_satker END AS nama_satker,
  CASE WHEN agency IS NULL THEN kd_satker_str END AS kd_satker_str,
  pemda_key, tahun, metode_x, jenis_x, sumber_dana, source, bulan, pdn_from, umk_from,
  count(*) AS n, sum(nilai) AS nilai, sum(pdn_part) AS pdn_part, sum(umk_part) AS umk_part
FROM realisasi_x WHERE excl IS NULL
GROUP BY ALL;`;

/**
 * The filter menus' values, as the menus always listed them: years of every row, metode / jenis of counted RUP
 * packages and of every transaction, sumber dana and source system of every transaction; `years`: every year of
 * every plan, budget and transaction row (the years compared year over year). Each table read once.
 */
const FACETS_BUILD_SQL = `
CREATE OR REPLACE TABLE cube_facets AS
WITH rp AS MATERIALIZED (
  SELECT DISTINCT tahun, exclusion IS NULL AS counted, metode, split_part(jenis, ';', 1) AS jenis FROM rup_penyedia
), rx AS MATERIALIZED (SELECT DISTINCT tahun, metode_x, jenis_x, sumber_dana, source FROM realisasi_x),
st AS MATERIALIZED (SELECT DISTINCT tahun FROM struktur_anggaran)
  SELECT 'tahun' AS facet, CAST(tahun AS VARCHAR) AS v FROM (
    SELECT tahun FROM rp UNION SELECT tahun FROM rx UNION SELECT tahun FROM st)
    WHERE tahun IS NOT NULL
  UNION SELECT 'years', CAST(tahun AS VARCHAR) FROM (
    SELECT tahun FROM rp UNION SELECT tahun FROM rx UNION SELECT tahun FROM st
    UNION SELECT DISTINCT tahun FROM apbd_rekening) WHERE tahun IS NOT NULL
  UNION SELECT 'metode', metode FROM rp WHERE metode IS NOT NULL AND counted
  UNION SELECT 'metode', metode_x FROM rx WHERE metode_x IS NOT NULL
  UNION SELECT 'jenis', jenis FROM rp WHERE jenis IS NOT NULL AND counted
  UNION SELECT 'jenis', jenis_x FROM rx WHERE jenis_x IS NOT NULL
  UNION SELECT 'sumberDana', sumber_dana FROM rx WHERE sumber_dana IS NOT NULL
  UNION SELECT 'source', source FROM rx;`;

/**
 * Every figure source in one table for the agency figures (basis.ts): the cubes above re-summed without their
 * reconciliation columns, one `src` per source (pen, swa, str, ap, rx: matched transactions only), the columns a
 * source does not have NULL. A few hundred rows per agency at most.
 */
const BASE_SQL = `
CREATE OR REPLACE TABLE cube_base AS
SELECT 'pen' AS src, agency_key, pemda_key, tahun, metode, jenis, is_pdn, is_ukm, sum(n) AS n, sum(pagu) AS amount
  FROM cube_pen GROUP BY ALL
UNION ALL BY NAME SELECT 'swa' AS src, agency_key, pemda_key, tahun, sum(n) AS n, sum(pagu) AS amount
  FROM cube_swa GROUP BY ALL
UNION ALL BY NAME SELECT 'str' AS src, agency_key, pemda_key, tahun, sum(n) AS n, sum(belanja_pengadaan) AS amount
  FROM cube_str GROUP BY ALL
UNION ALL BY NAME SELECT 'ap' AS src, agency_key, pemda_key, tahun, kelompok, sum(n) AS n, sum(anggaran) AS amount
  FROM cube_ap GROUP BY ALL
UNION ALL BY NAME SELECT 'rx' AS src, agency AS agency_key, pemda_key, tahun, metode_x AS metode, jenis_x AS jenis,
    sumber_dana, source, pdn_from, umk_from, sum(n) AS n, sum(nilai) AS amount, sum(pdn_part) AS pdn_part,
    sum(umk_part) AS umk_part
  FROM cube_rx WHERE agency IS NOT NULL GROUP BY ALL;`;

/**
 * The agency figures' sums (agency-sums.ts) pre-added per agency, Pemda, year and every dimension a filter narrows,
 * what the figures read while a metode / jenis / sumber dana / source filter is set: plain sums of a row per
 * combination, where `cube_base` needs a FILTERed sum per figure (measured in Node on the sample, a metode filter:
 * the agencies statement 9.2 → 6.1 ms, the totals 4.3 → 3.3). `src` keeps apart the rows each filter narrows
 * (`BASE_FILTERS`): RUP penyedia (`pen`: metode, jenis), transactions (`rx`: all four) and the sources that carry
 * none of them (`other`: swakelola, struktur anggaran, APBD; their dimension columns NULL), so a filter narrows a
 * row here exactly as it narrows the `cube_base` rows the row adds up.
 */
const AGENCY_DIMS_SQL = `
CREATE OR REPLACE TABLE cube_agency_dims AS
SELECT CASE WHEN src IN ('pen', 'rx') THEN src ELSE 'other' END AS src, agency_key, pemda_key, tahun,
      metode, jenis, sumber_dana, source,
      ${agencySumsSql(false, false)}
FROM cube_base GROUP BY ALL;`;

/**
 * The same sums pre-added per agency, Pemda and year: what the figures read while no metode / jenis / sumber dana
 * / source filter is set — a row per agency and year.
 */
const AGENCY_YEAR_SQL = `
CREATE OR REPLACE TABLE cube_agency_year AS
SELECT agency_key, pemda_key, tahun,
      ${agencySumsSql(false, true)}
FROM cube_agency_dims GROUP BY agency_key, pemda_key, tahun;`;

/**
 * The agencies of the figures (agency_dim) with their Pemda's name, one row each: what the agency figures join,
 * once, for names and Pemda (two joins per query cost ≈ a fifth of the agencies query's planning).
 */
const AGENCY_SQL = `
CREATE OR REPLACE TABLE cube_agency AS
SELECT d.agency_key, d.nama, d.kode, d.pemda_key, p.nama AS pemda
FROM agency_dim d LEFT JOIN pemda_dim p USING (pemda_key);`;

/** The build statements, in order (exported for the benchmark, which times each one). */
export const CUBE_BUILD_SQL = [
  PEN_SQL,
  SWA_SQL,
  STR_SQL,
  PA_SQL,
  AP_SQL,
  RX_SQL,
  BASE_SQL,
  AGENCY_DIMS_SQL,
  AGENCY_YEAR_SQL,
  AGENCY_SQL,
  FACETS_BUILD_SQL,
];

/**
 * The filters over `cube_agency_dims` (as over `cube_base`): each narrows the sources that carry its column and lets the others through —
 * year, agency and Pemda every source; metode and jenis RUP penyedia and transactions; sumber dana and source
 * system transactions only (as each source's own table was filtered before).
 */
const BASE_FILTERS = {
  pemda: 'pemda_key',
  tahun: 'tahun',
  agency: 'agency_key',
  metode: { col: 'metode', srcs: "'pen', 'rx'" },
  jenis: { col: 'jenis', srcs: "'pen', 'rx'" },
  sumberDana: { col: 'sumber_dana', srcs: "'rx'" },
  source: { col: 'source', srcs: "'rx'" },
} as const satisfies Partial<Record<keyof Filters, FilterCol>>;
const baseWhere = (f: Filters): Sql => cubeWhere(f, BASE_FILTERS);

/** The filters `cube_agency_year` serves (every source carries them). */
const AGENCY_YEAR_FILTERS = { pemda: 'pemda_key', tahun: 'tahun', agency: 'agency_key' } as const;

/**
 * What the agency figures read under `f` (their sums pre-added, to be added up again: agency-sums.ts, `pivoted`):
 * `cube_agency_year`, or `cube_agency_dims` when a filter needs a dimension only that holds.
 */
export function agencyFigureSource(f: Filters): Sql {
  const narrowed = [f.metode, f.jenis, f.sumberDana, f.source].some((v) => v !== null && v !== undefined);
  return narrowed
    ? sql`cube_agency_dims${raw(ARGS_JOIN)} WHERE true${baseWhere(f)}`
    : sql`cube_agency_year${raw(ARGS_JOIN)} WHERE true${cubeWhere(f, AGENCY_YEAR_FILTERS)}`;
}

/** Rebuild every cube in one transaction (a failed build leaves the previous cubes, never half of them). */
export async function refreshCubes(engine: Engine): Promise<void> {
  try {
    await engine.exec(`BEGIN TRANSACTION;\n${CUBE_BUILD_SQL.join('\n')}\nCOMMIT;`);
  } catch (e) {
    await engine.exec('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** The filter columns of each cube (absent = the cube's rows carry no such dimension: not filtered). */
export const PEN_CUBE_COLS = {
  pemda: 'pemda_key',
  tahun: 'tahun',
  agency: 'agency_key',
  metode: 'metode',
  jenis: 'jenis',
} as const satisfies Partial<Record<keyof Filters, string>>;
export const RX_CUBE_COLS = {
  pemda: 'pemda_key',
  tahun: 'tahun',
  agency: 'agency',
  metode: 'metode_x',
  jenis: 'jenis_x',
  sumberDana: 'sumber_dana',
  source: 'source',
} as const satisfies Partial<Record<keyof Filters, string>>;

/** Rows behind cube rows (count(*) of the rows: 0, not NULL, over none); DuckDB sums as HUGEINT, the readers take BIGINT. */
export const N = 'CAST(coalesce(sum(n), 0) AS BIGINT)';
