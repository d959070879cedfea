/**
 * The classifying statement as it was before its rejection rules were tested once per row (main at deb5a39,
 * src/p3dn/import/classify.ts), kept only as the reference tests/unit/classify-equivalence.test.ts compares the
 * current statement with. Run it through `toReference` (./macros-reference.ts) to call the reference macros.
 */
import { ident, literal } from '../../src/engine/sql';
import type { KindSpec } from '../../src/p3dn/kinds';
import { KEEPS_RAW, columnExpr, resolveMapping, type ColumnSource } from '../../src/p3dn/import/columns';
import type { ClassifyRead } from '../../src/p3dn/import/classify';
import type { NumberFormat } from '../../src/p3dn/import/number-format';

/**
 * Build the statement that classifies every record of a staged raw table: typed canonical columns, the line the
 * record starts on, the first rejection reason (if any), then the first exclusion rule (if any). Repeated keys
 * are marked afterwards by `dedupSql`.
 */
export function referenceClassifySql(
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
  const rejectCase = (what: (r: { code: string; column?: string }) => string) =>
    spec.rejections.length === 0
      ? 'CAST(NULL AS VARCHAR)'
      : `CASE ${spec.rejections.map((r) => `WHEN ${r.sql} THEN ${what(r)}`).join(' ')} END`;
  const rejectValue =
    spec.rejections.length === 0
      ? 'CAST(NULL AS VARCHAR)'
      : `CASE ${spec.rejections
          .map((r) => {
            const c = r.column ? spec.columns.find((x) => x.name === r.column) : undefined;
            const v = c
              ? KEEPS_RAW.has(c.type)
                ? ident(`raw_${c.name}`)
                : `CAST(${ident(c.name)} AS VARCHAR)`
              : 'NULL';
            return `WHEN ${r.sql} THEN ${v}`;
          })
          .join(' ')} END`;
  const exclCase =
    spec.exclusions.length === 0
      ? 'CAST(NULL AS VARCHAR)'
      : `CASE ${spec.exclusions.map((r) => `WHEN ${r.sql} THEN ${literal(r.code)}`).join(' ')} END`;
  const raws = spec.columns.filter((c) => KEEPS_RAW.has(c.type)).map((c) => `, ${ident(`raw_${c.name}`)}`);
  // A table of the main schema, not a temp one: once loaded it holds the file's rows (see `canonicalViewSql`).
  return `CREATE OR REPLACE TABLE ${ident(out)} AS
    WITH typed AS (
      SELECT ordinality AS rec, ${sel.join(',\n        ')} FROM ${read.from ?? ident(rawTable)}
    ), keyed AS (
      SELECT *, ${spec.agencyKey} AS agency_key, rec + 1 AS line FROM typed
    ), excluded AS (
      -- A named rule first: a row the rules leave out anyway (a failed tender without a contract value, a
      -- deleted package) is excluded by that rule, not rejected for the value it never needed.
      SELECT *, ${exclCase} AS excl0 FROM keyed
    ), rejected AS (
      SELECT *,
        CASE WHEN excl0 IS NULL THEN ${rejectCase(code)} END AS reject_code,
        CASE WHEN excl0 IS NULL THEN ${rejectCase((r) => literal(r.column ?? ''))} END AS reject_column,
        CASE WHEN excl0 IS NULL THEN ${rejectValue} END AS reject_value
      FROM excluded
    )
    SELECT * EXCLUDE (excl0${raws.join('')}${extraOut}), excl0 AS exclusion${extraOut} FROM rejected`;
}
