/**
 * kinds/: every export Pantau PDN reads, as data (a spec per kind, one module per family) and the registry.
 * Detection and the import itself live in ../import; a new kind is a spec here (see docs/adding-a-kind.md).
 */
import { literal } from '../../engine/sql';
import { ANGGARAN_KINDS } from './anggaran';
import { EPURCHASING_KINDS } from './epurchasing';
import { GENERIK } from './generic';
import { SIRUP_KINDS } from './sirup';
import { SPSE_KINDS } from './spse';
import type { KindId, KindSpec } from './types';

export const KINDS: Record<KindId, KindSpec> = {
  ...SIRUP_KINDS,
  ...ANGGARAN_KINDS,
  ...SPSE_KINDS,
  ...EPURCHASING_KINDS,
  generik: GENERIK,
};

export const KIND_IDS = Object.keys(KINDS) as KindId[];

export function isKindId(v: string): v is KindId {
  return Object.hasOwn(KINDS, v);
}

/** The kinds whose spec has `flag` set, as an SQL list of their ids (`'a', 'b'`), for a `source IN (…)` test. */
export function kindsWith(flag: (k: KindSpec) => boolean | undefined): string {
  const ids = KIND_IDS.filter((k) => flag(KINDS[k]));
  if (ids.length === 0) throw new Error('No kind has this property');
  return ids.map(literal).join(', ');
}

export * from './types';
export { GENERIC_KIND, GENERIC_MAX_CONFIDENCE } from './generic';
export { REALISASI_AGENCY_KEY, SIRUP_AGENCY_KEY } from './common';
