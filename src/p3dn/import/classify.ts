import { ident, literal } from '../../engine/sql';
import type { KindSpec } from '../kinds';
import { tableRef } from '../schema/row-store';
import { KEEPS_RAW, columnExpr, resolveMapping, type ColumnSource } from './columns';
import type { NumberFormat } from './number-format';

/** How the staged source was read: source columns the CSV reader typed itself, extra output columns (last). */
export interface ClassifyRead {
  typed?: ReadonlySet<string>;
  extra?: readonly { name: string; expr: string }[];
  /** What to read instead of `rawTable` (a subquery: the typed reader over the file, same columns). */
  from?: string;
}

/**
 * Build the statement that classifies every record of a staged raw table: typed canonical columns, the line the
 * record starts on, the first rejection reason (if any), then the first exclusion rule (if any). Repeated keys
 * are marked afterwards by `dedupSql`.
 */
export function classifySql(
  spec: KindSpec,
  rawTable: string,
  rawColumns: readonly string[],
  out: string,
  mapping: ReadonlyMap<string, ColumnSource> = resolveMapping(spec, rawColumns),
  formats: ReadonlyMap<string, NumberFormat> = new Map(),
  read: ClassifyRead = {},
): string {
  const typed = read.typed ?? new Set<string>();
  const sel = spec.columns.map((c) => {
    const src = mapping.get(c.name) ?? null;
    const raw = KEEPS_RAW.has(c.type)
      ? `, ${typeof src !== 'string' ? 'CAST(NULL AS VARCHAR)' : ident(src)} AS ${ident(`raw_${c.name}`)}`
      : '';
    const isTyped = typeof src === 'string' && typed.has(src);
    return `${columnExpr(c, src, formats.get(c.name), isTyped)} AS ${ident(c.name)}${raw}`;
  });
  const extra = read.extra ?? [];
  sel.push(...extra.map((x) => `${x.expr} AS ${ident(x.name)}`));
  const extraOut = extra.map((x) => `, ${ident(x.name)}`).join('');
  // A money cell that does not read in its column's format says why (more decimals, another format).
  const code = (r: { code: string; column?: string }) => {
    const f = r.code === 'angka_tidak_valid' && r.column ? formats.get(r.column) : undefined;
    return f
      ? `coalesce(p3dn_money_why(${ident(`raw_${r.column}`)}, ${literal(f)}), ${literal(r.code)})`
      : literal(r.code);
  };
  // The rules are tested once per row (the first that holds, by its position); its code, column and value
  // are then read off that position, instead of testing every rule three times.
  const rejectWhich =
    spec.rejections.length === 0
      ? 'CAST(NULL AS INTEGER)'
      : `CASE ${spec.rejections.map((r, i) => `WHEN ${r.sql} THEN ${i + 1}`).join(' ')} END`;
  const byRule = (what: (r: { code: string; column?: string }) => string) =>
    spec.rejections.length === 0
      ? 'CAST(NULL AS VARCHAR)'
      : `CASE WHEN p3dn_reject_i IS NULL THEN NULL ${spec.rejections
          .map((r, i) => `WHEN p3dn_reject_i = ${i + 1} THEN ${what(r)}`)
          .join(' ')} END`;
  const rejectValue = (r: { column?: string }) => {
    const c = r.column ? spec.columns.find((x) => x.name === r.column) : undefined;
    return c
      ? KEEPS_RAW.has(c.type)
        ? ident(`raw_${c.name}`)
        : `CAST(${ident(c.name)} AS VARCHAR)`
      : 'CAST(NULL AS VARCHAR)';
  };
  const exclCase =
    spec.exclusions.length === 0
      ? 'CAST(NULL AS VARCHAR)'
      : `CASE ${spec.exclusions.map((r) => `WHEN ${r.sql} THEN ${literal(r.code)}`).join(' ')} END`;
  const raws = spec.columns.filter((c) => KEEPS_RAW.has(c.type)).map((c) => `, ${ident(`raw_${c.name}`)}`);
  // A table of the main schema (or of the file store), not a temp one: once loaded it holds the file's rows (see
  // `canonicalViewSql`).
  return `CREATE OR REPLACE TABLE ${tableRef(out)} AS
    WITH typed AS (
      SELECT ordinality AS rec, ${sel.join(',\n        ')} FROM ${read.from ?? ident(rawTable)}
    ), keyed AS (
      SELECT *, ${spec.agencyKey} AS agency_key, rec + 1 AS line FROM typed
    ), excluded AS (
      -- A named rule first: a row the rules leave out anyway (a failed tender without a contract value, a
      -- deleted package) is excluded by that rule, not rejected for the value it never needed.
      SELECT *, ${exclCase} AS excl0 FROM keyed
    ), rejected AS (
      SELECT *, CASE WHEN excl0 IS NULL THEN ${rejectWhich} END AS p3dn_reject_i FROM excluded
    )
    SELECT * EXCLUDE (excl0, p3dn_reject_i${raws.join('')}${extraOut}),
      ${byRule(code)} AS reject_code,
      ${byRule((r) => literal(r.column ?? ''))} AS reject_column,
      ${byRule(rejectValue)} AS reject_value,
      excl0 AS exclusion${extraOut} FROM rejected`;
}

/**
 * Mark repeated keys among the rows still counted: all but the kept one get the kind's dedup rule. A hash
 * aggregate over the keys, then an update of the repeated ones only (no sort of the whole file).
 */
export function dedupSql(spec: KindSpec, cls: string): string | null {
  const d = spec.dedup;
  if (!d) return null;
  const t = ident(cls);
  const k = ident(d.key);
  const also = (d.alsoBy ?? []).map((c, i) => ({ col: ident(c), as: `d${i}` }));
  const sel = also.map((a) => `, ${a.col} AS ${a.as}`).join('');
  const on = also.map((a) => ` AND ${t}.${a.col} IS NOT DISTINCT FROM d.${a.as}`).join('');
  return `UPDATE ${t} SET exclusion = ${literal(d.code)}
    FROM (SELECT ${k} AS dk${sel}, ${d.keep ?? 'min(rec)'} AS keep FROM ${t}
      WHERE reject_code IS NULL AND exclusion IS NULL AND ${k} IS NOT NULL GROUP BY ALL HAVING count(*) > 1) d
    WHERE ${t}.${k} = d.dk${on} AND ${t}.rec <> d.keep AND ${t}.reject_code IS NULL AND ${t}.exclusion IS NULL`;
}
