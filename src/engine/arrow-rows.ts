import type { Cell, Row } from './types';

/** The parts of an Arrow table we read; typed structurally so the app never imports apache-arrow. */
interface ArrowLikeTable {
  schema: { fields: { name: string; type: { toString(): string } }[] };
  toArray(): { toJSON(): Record<string, unknown> }[];
}

/**
 * Convert a (small) Arrow result to plain rows.
 * DECIMAL columns are refused: their raw value is the unscaled integer (a silent 100x error for DECIMAL(x,2)),
 * so SQL must cast them at the boundary (`CAST(... AS DOUBLE)`). 64-bit integers become numbers when exact.
 */
export function arrowToRows(table: ArrowLikeTable): Row[] {
  for (const f of table.schema.fields) {
    if (f.type.toString().startsWith('Decimal')) {
      throw new Error(
        `Column "${f.name}" is DECIMAL: cast it to DOUBLE or VARCHAR in SQL before it reaches JS.`,
      );
    }
  }
  return table.toArray().map((r) => {
    const src = r.toJSON();
    const out: Row = {};
    for (const [k, v] of Object.entries(src)) out[k] = toCell(k, v);
    return out;
  });
}

function toCell(name: string, v: unknown): Cell {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return v;
    case 'bigint': {
      const n = Number(v);
      if (!Number.isSafeInteger(n))
        throw new Error(`Column "${name}": integer ${v} is too large for a JS number.`);
      return n;
    }
    default:
      if (v instanceof Date) return v.getTime();
      throw new Error(`Column "${name}": unsupported value type ${Object.prototype.toString.call(v)}.`);
  }
}
