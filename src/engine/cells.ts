import type { Cell } from './types';

/**
 * The one set of readers for result cells (`Row[k]`): each says what a missing or mistyped cell becomes. Money
 * and counts arrive as JS numbers (arrowToRows refuses DECIMAL and converts BIGINT only when exact).
 */
type MaybeCell = Cell | undefined;

/** A number; anything else (NULL, missing) is 0. For sums and counts. */
export const num = (v: MaybeCell): number => (typeof v === 'number' ? v : 0);

/** A finite number, else null (NULL means "no value": no denominator, no share). */
export const numOrNull = (v: MaybeCell): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

export const bool = (v: MaybeCell): boolean | null => (typeof v === 'boolean' ? v : null);

/** A string, else null. */
export const str = (v: MaybeCell): string | null => (typeof v === 'string' ? v : null);

/** A string, else '' (NULL text shown as nothing). */
export const text = (v: MaybeCell): string => (v === null || v === undefined ? '' : String(v));
