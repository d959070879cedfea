/** SQL text helpers. Identifiers are always quoted; values go through bound parameters where DuckDB allows. */

export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A string literal, for the few places DuckDB takes no parameter (table-function options, DDL). */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A validated numeric literal (targets, limits): refuses anything that is not a finite number. */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
  return String(value);
}
