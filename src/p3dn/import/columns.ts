/** How a source text column becomes a canonical typed value (the `p3dn_*` macros), and which source feeds which column. */
import { ident, literal } from '../../engine/sql';
import type { ColumnSpec, KindSpec } from '../kinds';
import type { MappingOverride } from '.';
import { PDN_STATUS_WORDS, UKM_STATUS_WORDS, yesNoSql } from '../macros/vocab';
import { sqlType } from '../schema/tables';
import { composedColumns, mapColumns } from './detect';
import type { NumberFormat } from './number-format';

/**
 * The staged source column(s) feeding a canonical column: one column, or the segments of a composed column
 * (`ColumnSpec.parts`, e.g. SIMDA's Kd_Rek_1..Kd_Rek_5) in order, with each segment's zero-padding.
 */
export type ColumnSource = string | { readonly columns: readonly string[]; readonly pads: readonly number[] };

/**
 * Canonical column types DuckDB's CSV reader may type itself (`read_csv(types = …)`), and the type it reads.
 * Only these: for every cell the reader accepts as such, its value is the one the macro gives the text
 * (tests/unit/import-typed.test.ts checks the spellings); a cell it refuses is a CAST reject, and then the whole
 * file is read as text again (./typed-read.ts). Money stays text: the reader rounds `12.345` to a DECIMAL(18, 2)
 * where the importer rejects it.
 */
export const READER_TYPES: Partial<Record<ColumnSpec['type'], string>> = { int: 'INTEGER', bool: 'BOOLEAN' };

/**
 * The SQL expression that turns one source column into its canonical typed value; `typed`: the source column
 * was read by the CSV reader as `READER_TYPES[col.type]` (already the canonical value).
 */
export function columnExpr(
  col: ColumnSpec,
  src: ColumnSource | null,
  format?: NumberFormat,
  typed = false,
): string {
  const expr =
    typed && typeof src === 'string' && READER_TYPES[col.type] ? ident(src) : typedExpr(col, src, format);
  return col.fallback === undefined ? expr : `coalesce(${expr}, ${literal(col.fallback)})`;
}

/** Segments joined with `.`, each zero-padded to its part's width: the text a composed column is typed from. */
function composedText(src: Exclude<ColumnSource, string>): string {
  const segs = src.columns.map((c, i) => `p3dn_segment(${ident(c)}, ${Math.trunc(src.pads[i] ?? 1)})`);
  return `p3dn_segments([${segs.join(', ')}])`;
}

function typedExpr(col: ColumnSpec, src: ColumnSource | null, format?: NumberFormat): string {
  if (src === null) {
    return `CAST(NULL AS ${sqlType(col.type)})`;
  }
  const s = typeof src === 'string' ? ident(src) : composedText(src);
  switch (col.type) {
    case 'text':
      return `p3dn_text(${s})`;
    case 'code':
      return `p3dn_code(${s})`;
    case 'satker_str':
      return `p3dn_satker_str(${s})`;
    case 'multi':
      return `p3dn_multi(${s})`;
    case 'money':
      // The column's decided format (./number-format.ts); the per-cell reading only when none was decided.
      return format ? `p3dn_money_fmt(${s}, ${literal(format)})` : `p3dn_money(${s})`;
    case 'bool':
      return `p3dn_bool(${s})`;
    case 'int':
      // A plain number casts directly; only other text goes through p3dn_code (float damage, blank words).
      return `coalesce(TRY_CAST(${s} AS INTEGER), TRY_CAST(p3dn_code(${s}) AS INTEGER))`;
    case 'date':
      return `p3dn_date(${s})`;
    case 'rekening':
      return `p3dn_rekening(${s})`;
    case 'mak_rekening':
      return `p3dn_mak_rekening(${s})`;
    case 'flag_pdn':
      return yesNoSql(s, PDN_STATUS_WORDS);
    case 'flag_ukm':
      return yesNoSql(s, UKM_STATUS_WORDS);
  }
}

/** Types that keep the source text beside the typed value, so a bad value can be rejected and shown. */
export const KEEPS_RAW = new Set(['money', 'date']);

/** Canonical column -> staged source column(s), from the header row (and the user's corrections). */
export function resolveMapping(
  spec: KindSpec,
  rawColumns: readonly string[],
  fileHeaders: readonly string[] = rawColumns,
  override: MappingOverride = {},
): Map<string, ColumnSource> {
  const headers = fileHeaders.length === rawColumns.length ? fileHeaders : rawColumns;
  const out = new Map<string, ColumnSource>();
  for (const [name, i] of mapColumns(spec, headers, override)) {
    const src = rawColumns[i];
    if (src !== undefined) out.set(name, src);
  }
  for (const [name, c] of composedColumns(spec, headers, override)) {
    const columns = c.index.map((i) => rawColumns[i]);
    if (columns.every((x) => x !== undefined)) out.set(name, { columns: columns as string[], pads: c.pads });
  }
  return out;
}
