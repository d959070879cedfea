/**
 * A versioned, validated codec between a view state and URL query parameters. Each field is declared once
 * (its URL key, how to read it from the state, serialise and parse it); adding a field is adding a line to a
 * field table. Everything parsed from a URL is untrusted: a value that does not parse is dropped, never
 * guessed, and unknown keys are ignored.
 */
export const URL_STATE_VERSION = 1;
const VERSION_KEY = 'v';

export interface UrlField<S, T> {
  /** Short URL key; unique within a table, never `v`. */
  key: string;
  get: (state: S) => T;
  serialize: (value: T) => string;
  /** undefined: the text is not a valid value (the field is left as it is). */
  parse: (text: string) => T | undefined;
}

/** Type helper: declare a field with its value type inferred. */
export function field<S, T>(f: UrlField<S, T>): UrlField<S, T> {
  return f;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FieldTable<S> = Record<string, UrlField<S, any>>;
export type Parsed<S, F extends FieldTable<S>> = {
  [K in keyof F]?: F[K] extends UrlField<S, infer T> ? T : never;
};

const MAX_PARAM_LENGTH = 2000;

export function encodeState<S, F extends FieldTable<S>>(fields: F, state: S): URLSearchParams {
  const p = new URLSearchParams();
  p.set(VERSION_KEY, String(URL_STATE_VERSION));
  for (const f of Object.values(fields)) p.set(f.key, f.serialize(f.get(state)));
  return p;
}

/**
 * The fields a URL carries, validated. Returns null when the URL has no view state or a version this build
 * does not read (a link from a newer release is ignored rather than half-applied).
 */
export function decodeState<S, F extends FieldTable<S>>(
  fields: F,
  params: URLSearchParams,
): Parsed<S, F> | null {
  const v = params.get(VERSION_KEY);
  if (v === null || v !== String(URL_STATE_VERSION)) return null;
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(fields)) {
    const raw = params.get(f.key);
    if (raw === null || raw.length > MAX_PARAM_LENGTH) continue;
    let value: unknown;
    try {
      value = f.parse(raw);
    } catch {
      value = undefined;
    }
    if (value !== undefined) out[name] = value;
  }
  return out as Parsed<S, F>;
}

// ---- Parsers for common value shapes ----

export function oneOf<T extends string>(values: readonly T[]): (text: string) => T | undefined {
  return (text) => (values as readonly string[]).find((v) => v === text) as T | undefined;
}

/** A fraction 0..1 written as a percentage with up to 2 decimals (`40`, `95`, `37.5`). */
export function parsePercentFraction(text: string): number | undefined {
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) return undefined;
  const v = Number(text);
  return v >= 0 && v <= 100 ? Math.round(v * 100) / 10000 : undefined;
}

export function serializePercentFraction(v: number): string {
  return String(Math.round(v * 10000) / 100);
}
