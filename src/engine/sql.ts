import type { SqlParam } from './types';

/**
 * SQL text with its bound parameters. Built by the `sql` tag: every interpolated value becomes a `?` placeholder
 * and joins `params` in the order it appears, and an interpolated `Sql` fragment is inlined with its own
 * parameters, so fragments compose without hand-ordered parameter arrays.
 */
export interface Sql {
  readonly sql: string;
  readonly params: readonly SqlParam[];
}

function isSql(v: unknown): v is Sql {
  return typeof v === 'object' && v !== null && 'sql' in v && 'params' in v;
}

/** sql`SELECT * FROM t WHERE a = ${a} ${frag}` → { sql: 'SELECT * FROM t WHERE a = ? …', params: [a, …] }. */
export function sql(strings: TemplateStringsArray, ...values: readonly (SqlParam | Sql)[]): Sql {
  let text = strings[0] ?? '';
  const params: SqlParam[] = [];
  values.forEach((v, i) => {
    if (isSql(v)) {
      text += v.sql;
      params.push(...v.params);
    } else {
      text += '?';
      params.push(v);
    }
    text += strings[i + 1] ?? '';
  });
  return { sql: text, params };
}

/** Trusted SQL text (built by the code itself, never from user input) as a fragment without parameters. */
export function raw(text: string): Sql {
  return { sql: text, params: [] };
}

/** Fragments joined by `sep`, their parameters in order. */
export function join(parts: readonly Sql[], sep: string): Sql {
  return { sql: parts.map((p) => p.sql).join(sep), params: parts.flatMap((p) => p.params) };
}

/** A quoted identifier (table, column): `"a""b"`. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A string literal, for the few places DuckDB takes no parameter (table-function options, DDL). */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A list literal of strings: `['a', 'b']`. */
export function listLiteral(values: readonly string[]): string {
  return `[${values.map(literal).join(', ')}]`;
}
