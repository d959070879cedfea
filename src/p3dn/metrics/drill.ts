/** The drill-down: the rows behind an agency's figure (RUP packages or transactions), paged, sorted, searched. */
import { bool, num, str } from '../../engine/cells';
import { ident, join, raw, sql, type Sql } from '../../engine/sql';
import type { Row } from '../../engine/types';
import { D } from './basis';
import { where } from './filters';
import type { Filters, Kpi, Query } from './types';

/**
 * One view over both kinds of rows an auditor can open:
 *   kind 'komitmen'  — counted RUP penyedia packages (nilai = pagu; the PDN/UMK part is all-or-nothing by flag),
 *   kind 'realisasi' — counted transactions mapped to the agency (parts as in realisasi_x).
 */
const DRILL_SQL = `
  SELECT 'komitmen' AS kind, p.agency_key AS agency, 'sirup' AS source, p.kd_rup, CAST(NULL AS VARCHAR) AS trx_id,
    p.nama_paket, p.metode, split_part(p.jenis, ';', 1) AS jenis, CAST(NULL AS VARCHAR) AS sumber_dana, p.tahun,
    CAST(NULL AS DATE) AS tanggal, p.pagu AS nilai,
    CASE WHEN p.is_pdn THEN p.pagu ELSE 0 END AS pdn_part, CASE WHEN p.is_ukm THEN p.pagu ELSE 0 END AS umk_part,
    CASE WHEN p.is_pdn IS NULL THEN 'tanpa' ELSE 'rup' END AS pdn_from,
    CASE WHEN p.is_ukm IS NULL THEN 'tanpa' ELSE 'rup' END AS umk_from,
    p.is_pdn AS pdn_flag, p.is_ukm AS ukm_flag, p.alasan_non_ukm, sf.name AS file_name, p.line
  FROM rup_penyedia p JOIN source_file sf ON sf.file_id = p.file_id WHERE p.exclusion IS NULL
  UNION ALL
  SELECT 'realisasi', agency, source, kd_rup, trx_id, nama_paket, metode_x, jenis_x, sumber_dana, tahun, tanggal,
    nilai, pdn_part, umk_part, pdn_from, umk_from,
    CASE pdn_from WHEN 'nilai' THEN nilai_pdn > 0 WHEN 'rup' THEN rup_pdn END,
    CASE umk_from WHEN 'nilai' THEN nilai_umk > 0 WHEN 'rup' THEN rup_ukm END,
    alasan_non_ukm, file_name, line
  FROM realisasi_x WHERE excl IS NULL`;

export type DrillSortKey =
  'kd_rup' | 'nama_paket' | 'metode' | 'nilai' | 'part' | 'tanggal' | 'source' | 'line';
export const DRILL_SORT_KEYS: readonly DrillSortKey[] = [
  'kd_rup',
  'nama_paket',
  'metode',
  'nilai',
  'part',
  'tanggal',
  'source',
  'line',
];

export interface DrillSpec {
  kind: 'komitmen' | 'realisasi';
  agency: string;
  kpi: Kpi;
  filters: Filters;
  /** Text search over kd_rup, trx id and package name. */
  search: string;
  /** Only rows whose KPI flag is yes / no / unknown. */
  flag: 'all' | 'yes' | 'no' | 'tanpa';
  sort: DrillSortKey;
  dir: 'asc' | 'desc';
}

function drillWhere(s: DrillSpec): Sql {
  const fk = s.kind === 'komitmen' ? { ...s.filters, sumberDana: null, source: null } : s.filters;
  const w = where(
    { ...fk, agency: null },
    { tahun: 'tahun', metode: 'metode', jenis: 'jenis', sumberDana: 'sumber_dana', source: 'source' },
  );
  const parts: Sql[] = [sql`kind = ${s.kind}`, sql`agency = ${s.agency}`];
  const flagCol = s.kpi === 'pdn' ? 'pdn_flag' : 'ukm_flag';
  const fromCol = s.kpi === 'pdn' ? 'pdn_from' : 'umk_from';
  if (s.flag === 'yes') parts.push(raw(`${flagCol} IS TRUE`));
  if (s.flag === 'no') parts.push(raw(`${flagCol} IS FALSE`));
  if (s.flag === 'tanpa') parts.push(raw(`${fromCol} = 'tanpa'`));
  const q = s.search.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(
      sql`(coalesce(kd_rup, '') ILIKE ${like} ESCAPE '\\' OR coalesce(trx_id, '') ILIKE ${like} ESCAPE '\\'
        OR coalesce(nama_paket, '') ILIKE ${like} ESCAPE '\\')`,
    );
  }
  return sql`WHERE ${join(parts, ' AND ')}${w}`;
}

function drillOrder(s: DrillSpec): string {
  const col =
    s.sort === 'part'
      ? s.kpi === 'pdn'
        ? 'pdn_part'
        : 'umk_part'
      : DRILL_SORT_KEYS.includes(s.sort)
        ? s.sort
        : 'nilai';
  const dir = s.dir === 'asc' ? 'ASC' : 'DESC';
  return `ORDER BY ${col} ${dir} NULLS LAST, file_name, line`;
}

/** Count and exact totals of the rows the drill-down shows (the figure that was clicked is `part`). */
export function drillTotalsQuery(s: DrillSpec): Query {
  const w = drillWhere(s);
  const part = s.kpi === 'pdn' ? 'pdn_part' : 'umk_part';
  const from = s.kpi === 'pdn' ? 'pdn_from' : 'umk_from';
  const cols =
    raw(`count(*) AS n, ${D('coalesce(sum(nilai), 0)')} AS nilai, ${D(`coalesce(sum(${part}), 0)`)} AS part,
        count(*) FILTER (WHERE ${from} = 'nilai') AS n_nilai, count(*) FILTER (WHERE ${from} = 'rup') AS n_rup,
        count(*) FILTER (WHERE ${from} = 'tanpa') AS n_tanpa`);
  return sql`SELECT ${cols} FROM (${raw(DRILL_SQL)}) ${w}`;
}

/** One page of drill-down rows (LIMIT/OFFSET over the same filter and order). */
export function drillPageQuery(s: DrillSpec, offset: number, limit: number): Query {
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > 100_000) {
    throw new Error(`Bad page: ${offset}+${limit}`);
  }
  const w = drillWhere(s);
  const part = s.kpi === 'pdn' ? 'pdn_part' : 'umk_part';
  const from = s.kpi === 'pdn' ? 'pdn_from' : 'umk_from';
  const flag = s.kpi === 'pdn' ? 'pdn_flag' : 'ukm_flag';
  const cols =
    raw(`source, kd_rup, trx_id, nama_paket, metode, jenis, sumber_dana, CAST(tanggal AS VARCHAR) AS tanggal,
        ${D('nilai')} AS nilai, ${D(part)} AS part, ${flag} AS flag, ${from} AS flag_from, alasan_non_ukm,
        file_name, line`);
  return sql`SELECT ${cols}
      FROM (${raw(DRILL_SQL)}) ${w} ${raw(drillOrder(s))} LIMIT ${raw(String(limit))} OFFSET ${raw(String(offset))}`;
}

export interface DrillRow {
  source: string;
  kdRup: string | null;
  trxId: string | null;
  namaPaket: string | null;
  metode: string | null;
  jenis: string | null;
  sumberDana: string | null;
  tanggal: string | null;
  nilai: number;
  part: number;
  flag: boolean | null;
  flagFrom: 'nilai' | 'rup' | 'tanpa';
  alasanNonUkm: string | null;
  file: string;
  line: number;
}

export function toDrillRow(r: Row): DrillRow {
  const from = r['flag_from'];
  return {
    source: String(r['source']),
    kdRup: str(r['kd_rup']),
    trxId: str(r['trx_id']),
    namaPaket: str(r['nama_paket']),
    metode: str(r['metode']),
    jenis: str(r['jenis']),
    sumberDana: str(r['sumber_dana']),
    tanggal: str(r['tanggal']),
    nilai: num(r['nilai']),
    part: num(r['part']),
    flag: bool(r['flag']),
    flagFrom: from === 'nilai' || from === 'rup' ? from : 'tanpa',
    alasanNonUkm: str(r['alasan_non_ukm']),
    file: String(r['file_name'] ?? ''),
    line: num(r['line']),
  };
}

// Windowed drill-down: the filtered, sorted rows are materialised once per view into a temp table numbered by
// `rn`; pages are then `WHERE rn BETWEEN …` (constant time), totals and the export read the same table.

const TABLE_RE = /^drill_[a-z0-9_]{1,60}$/;
function drillTable(name: string): string {
  if (!TABLE_RE.test(name)) throw new Error(`Bad drill table name: ${name}`);
  return ident(name);
}

/** CREATE the numbered rows of a drill-down view as temp table `table`. */
export function drillMaterializeQuery(s: DrillSpec, table: string): Query {
  const w = drillWhere(s);
  const part = s.kpi === 'pdn' ? 'pdn_part' : 'umk_part';
  const from = s.kpi === 'pdn' ? 'pdn_from' : 'umk_from';
  const flag = s.kpi === 'pdn' ? 'pdn_flag' : 'ukm_flag';
  const cols =
    raw(`row_number() OVER (${drillOrder(s)}) - 1 AS rn, source, kd_rup, trx_id, nama_paket, metode, jenis,
        sumber_dana, CAST(tanggal AS VARCHAR) AS tanggal, nilai, ${part} AS part, ${flag} AS flag,
        ${from} AS flag_from, alasan_non_ukm, file_name, line`);
  return sql`CREATE OR REPLACE TEMP TABLE ${raw(drillTable(table))} AS
      SELECT ${cols}
      FROM (${raw(DRILL_SQL)}) ${w}`;
}

/** Drop a materialised drill-down table. */
export function drillDropSql(table: string): string {
  return `DROP TABLE IF EXISTS ${drillTable(table)}`;
}

export interface DrillTotals {
  rows: number;
  nilai: number;
  part: number;
  fromNilai: number;
  fromRup: number;
  fromTanpa: number;
}

export function toDrillTotals(r: Row | undefined): DrillTotals {
  const row = r ?? {};
  return {
    rows: num(row['n']),
    nilai: num(row['nilai']),
    part: num(row['part']),
    fromNilai: num(row['n_nilai']),
    fromRup: num(row['n_rup']),
    fromTanpa: num(row['n_tanpa']),
  };
}

export function drillCachedTotalsSql(table: string): string {
  return `SELECT count(*) AS n, ${D('coalesce(sum(nilai), 0)')} AS nilai, ${D('coalesce(sum(part), 0)')} AS part,
      count(*) FILTER (WHERE flag_from = 'nilai') AS n_nilai, count(*) FILTER (WHERE flag_from = 'rup') AS n_rup,
      count(*) FILTER (WHERE flag_from = 'tanpa') AS n_tanpa
    FROM ${drillTable(table)}`;
}

export function drillCachedPageQuery(table: string, offset: number, limit: number): Query {
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1) {
    throw new Error(`Bad page: ${offset}+${limit}`);
  }
  const cols =
    raw(`source, kd_rup, trx_id, nama_paket, metode, jenis, sumber_dana, tanggal, ${D('nilai')} AS nilai,
        ${D('part')} AS part, flag, flag_from, alasan_non_ukm, file_name, line`);
  return sql`SELECT ${cols}
      FROM ${raw(drillTable(table))} WHERE rn >= ${offset} AND rn < ${offset + limit} ORDER BY rn`;
}
