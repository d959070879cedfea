import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';

/** The bundled sample files; browser tests compute their expected figures from these, not from the app. */
export const SAMPLE = resolve(import.meta.dirname, '../../sample-data');

export function readSampleCsv(name: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(resolve(SAMPLE, name), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

/** Exact rupiah -> cents as BigInt, from the plain API numbers the sample files use; empty -> null. */
export function centsOrNull(text: string | undefined): bigint | null {
  if (!text) return null;
  const [whole = '0', frac = ''] = text.split('.');
  return BigInt(whole || '0') * 100n + BigInt((frac + '00').slice(0, 2));
}

/** As `centsOrNull`, with empty as 0. */
export function cents(text: string | undefined): bigint {
  return centsOrNull(text) ?? 0n;
}
