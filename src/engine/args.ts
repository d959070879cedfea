import type { SqlParam } from './types';

/**
 * Values read from a one-row table instead of bound to the statement.
 *
 * DuckDB (1.4) binds and plans a prepared statement again at every run that is given parameter values, whatever
 * their types (measured in Node on this DuckDB-wasm build: a statement of 1,000 expressions ran in 35 ms with one
 * bound value and in 10 ms without; a dashboard query 6–9 ms against 2–3 ms). A statement that names `p3dn_args`
 * in its FROM is therefore run without parameters: each `?` of its text reads column `p3dn_a<i>` of that row,
 * and the values are written into the row (a small bound UPDATE, ≈ 0.4 ms) just before the statement, in the
 * same engine call, so no other statement runs between the two. The prepared statement itself is then only run.
 *
 * The columns are VARCHAR: a statement casts where it needs another type (`CAST(? AS INTEGER)`), and the value
 * reaches it as the same text a bound value is cast from (numbers as JavaScript writes them, which DuckDB reads
 * back exactly; booleans as `true` / `false`). A statement that does not name `p3dn_args` is bound as before.
 */
export const ARGS_TABLE = 'p3dn_args';

/** The most values one statement can take from the row. */
export const MAX_ARGS = 64;

const col = (i: number) => `p3dn_a${i}`;

/** The row, created once per connection (a temporary table: never in a snapshot or the schema fingerprint). */
export const ARGS_INIT_SQL = `CREATE OR REPLACE TEMP TABLE ${ARGS_TABLE} AS SELECT ${Array.from(
  { length: MAX_ARGS },
  (_, i) => `CAST(NULL AS VARCHAR) AS ${col(i + 1)}`,
).join(', ')}`;

/** How a statement that reads the row is run: the statement (no parameters), and the UPDATE with its values. */
export interface ArgsStatement {
  select: string;
  /** Null when the statement has no `?`. */
  update: string | null;
  values: (string | null)[];
}

const NAMES_ARGS = /\bp3dn_args\b/;

/** The text of `sql` around each `?` outside quotes and comments, in order (one more part than placeholders). */
function placeholders(sql: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      i = end < 0 ? sql.length : end; // a doubled quote is two quoted runs back to back: the same text
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 1;
    } else if (c === '?') {
      parts.push(sql.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(sql.slice(start));
  return parts;
}

/** A value as the text the row holds. */
function asText(v: SqlParam): string | null {
  if (v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw new Error(`A value the argument row cannot hold: ${String(v)}`);
}

/** How to run `sql` with `params` through the row, or null: the statement does not read it (bind as usual). */
export function argsStatement(sql: string, params: readonly SqlParam[]): ArgsStatement | null {
  const select = argsSelect(sql);
  if (select === null) return null;
  if (select.count !== params.length) {
    throw new Error(`The statement has ${select.count} placeholders and ${params.length} values`);
  }
  return { select: select.text, update: argsUpdate(params.length), values: params.map(asText) };
}

/** The statement's text with each `?` reading the row, and how many there were; null: it does not read the row. */
export function argsSelect(sql: string): { text: string; count: number } | null {
  if (!NAMES_ARGS.test(sql)) return null;
  const parts = placeholders(sql);
  const count = parts.length - 1;
  if (count > MAX_ARGS) throw new Error(`A statement reads at most ${MAX_ARGS} values from ${ARGS_TABLE}`);
  const text = parts.reduce((acc, p, i) => (i === 0 ? p : `${acc}${ARGS_TABLE}.${col(i)}${p}`), '');
  return { text, count };
}

/**
 * What an engine prepares ahead for `sql` (src/queries/prewarm.ts): the statement as it is run — its text reading
 * the row, prepared afresh — and the UPDATE of its values (which reads no table the data changes: kept), if any.
 */
export function argsPrepare(sql: string): { refresh: string; keep: string | null } {
  const args = argsSelect(sql);
  return args ? { refresh: args.text, keep: argsUpdate(args.count) } : { refresh: sql, keep: null };
}

/** The UPDATE that writes `n` values into the row (bound: the values never enter the SQL text). */
export function argsUpdate(n: number): string | null {
  if (n === 0) return null;
  return `UPDATE ${ARGS_TABLE} SET ${Array.from({ length: n }, (_, i) => `${col(i + 1)} = ?`).join(', ')}`;
}
