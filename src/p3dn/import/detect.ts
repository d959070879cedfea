/** Which kind a file is, from its header row alone, and which header feeds each canonical column. */
import { GENERIC_KIND, GENERIC_MAX_CONFIDENCE, KIND_IDS, KINDS, type KindId, type KindSpec } from '../kinds';

/** `" Kd Satker-Str "` -> `kd_satker_str`; strips a BOM and quotes. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^"|"$/g, '')
    .toLowerCase()
    .replace(/[\s\-./:()]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

/**
 * A user's choice of source header per canonical column: a header name as it appears in the file, or null for
 * "not in this file". Columns not listed keep the automatic mapping.
 */
export type MappingOverride = Readonly<Record<string, string | null>>;

/** For each canonical column, the source header that feeds it (by the header's position), if any. */
export function mapColumns(
  spec: KindSpec,
  headers: readonly string[],
  override: MappingOverride = {},
): Map<string, number> {
  const norm = headers.map(normalizeHeader);
  const out = new Map<string, number>();
  for (const col of spec.columns) {
    if (Object.hasOwn(override, col.name)) {
      const h = override[col.name];
      const i = h == null ? -1 : headers.indexOf(h);
      if (i >= 0) out.set(col.name, i);
      continue;
    }
    for (const alias of col.aliases) {
      const i = norm.indexOf(alias);
      if (i >= 0) {
        out.set(col.name, i);
        break;
      }
    }
  }
  return out;
}

/** A composed column as found in a file: the headers' positions in order, and each segment's zero-padding. */
export interface Composed {
  index: number[];
  pads: number[];
}

/**
 * Columns composed of several source columns (`ColumnSpec.parts`): canonical column -> the headers' positions,
 * in order. Only for columns no single header feeds (nor the user's mapping), by the first alternative whose
 * every part is present.
 */
export function composedColumns(
  spec: KindSpec,
  headers: readonly string[],
  override: MappingOverride = {},
): Map<string, Composed> {
  const norm = headers.map(normalizeHeader);
  const single = mapColumns(spec, headers, override);
  const out = new Map<string, Composed>();
  for (const col of spec.columns) {
    if (!col.parts || single.has(col.name) || Object.hasOwn(override, col.name)) continue;
    for (const alt of col.parts) {
      const index = alt.map((p) => norm.findIndex((h) => p.aliases.includes(h)));
      if (index.every((i) => i >= 0)) {
        out.set(col.name, { index, pads: alt.map((p) => p.pad ?? 1) });
        break;
      }
    }
  }
  return out;
}

export interface Detection {
  kind: KindId | null;
  /** 0..1: share of the kind's signature columns found (0 when a forbidden header is present). */
  confidence: number;
  /** Schema variant (`legacy`, `label_web`), when a marker header says so. */
  variant: string | null;
  /** Every kind's score, best first: the user may pick another. */
  ranking: { kind: KindId; confidence: number }[];
}

function score(spec: KindSpec, headers: readonly string[], have: Set<string>): number {
  if (spec.forbidden?.some((h) => have.has(h))) return 0;
  const mapped = mapColumns(spec, headers);
  const composed = composedColumns(spec, headers);
  const has = (c: string) => mapped.has(c) || composed.has(c);
  const hit = spec.signature.filter((s) => (typeof s === 'string' ? has(s) : s.some(has))).length;
  const explained = mapped.size + [...composed.values()].reduce((n, c) => n + c.index.length, 0);
  // Signature first; among equal signatures the kind that explains more of the file's headers wins.
  return hit / spec.signature.length + (explained / Math.max(headers.length, 1)) * 0.001;
}

/** How a required column (or group: any one of) is named to the user: `nilai`, `nama_satker / kd_satker_str`. */
export function requiredName(r: string | readonly string[]): string {
  return typeof r === 'string' ? r : r.join(' / ');
}

/** The required columns (or groups: any one of) of a kind that a mapping leaves without a source column. */
export function missingRequired(
  spec: KindSpec,
  mapped: { has(column: string): boolean },
): (string | readonly string[])[] {
  return (spec.required ?? []).filter((r) =>
    typeof r === 'string' ? !mapped.has(r) : !r.some((x) => mapped.has(x)),
  );
}

/**
 * The required columns a file's headers (with the user's corrections) leave unfed, by a single header or a
 * composed one: the one check the review step and the importer both make.
 */
export function missingColumns(
  spec: KindSpec,
  headers: readonly string[],
  override: MappingOverride = {},
): (string | readonly string[])[] {
  const single = mapColumns(spec, headers, override);
  const composed = composedColumns(spec, headers, override);
  return missingRequired(spec, { has: (c) => single.has(c) || composed.has(c) });
}

/**
 * How sure a generic reading of the file is: the share of its (named) headers that feed a generic column, at
 * most GENERIC_MAX_CONFIDENCE, halved when a required column cannot be mapped. 0 when nothing maps.
 */
function genericConfidence(headers: readonly string[]): number {
  const spec = KINDS[GENERIC_KIND];
  const mapped = mapColumns(spec, headers);
  const named = headers.filter((h) => normalizeHeader(h) !== '').length;
  if (mapped.size === 0 || named === 0) return 0;
  const share = new Set(mapped.values()).size / named;
  const c = GENERIC_MAX_CONFIDENCE * share * (missingRequired(spec, mapped).length ? 0.5 : 1);
  return Math.floor(c * 100) / 100;
}

/**
 * Decide which kind a file is from its header row alone. A known kind wins when it matches (3/4 of its
 * signature); else, when any column maps, the file is proposed as generic with a low confidence, for the user to
 * confirm or correct; else the kind is unknown.
 */
export function detectKind(headers: readonly string[]): Detection {
  const have = new Set(headers.map(normalizeHeader));
  const known = KIND_IDS.filter((k) => k !== GENERIC_KIND)
    .map((kind) => ({ kind, confidence: score(KINDS[kind], headers, have) }))
    .sort((a, b) => b.confidence - a.confidence)
    .map((r) => ({ kind: r.kind, confidence: Math.min(1, Math.floor(r.confidence * 1000) / 1000) }));
  const generic = { kind: GENERIC_KIND, confidence: genericConfidence(headers) };
  const ranking = [...known, generic].sort((a, b) => b.confidence - a.confidence);
  const best = known[0];
  if (best && best.confidence >= 0.75) {
    const variant = KINDS[best.kind].variants?.find((v) => have.has(v.marker))?.id ?? null;
    return { kind: best.kind, confidence: best.confidence, variant, ranking };
  }
  if (generic.confidence > 0)
    return { kind: GENERIC_KIND, confidence: generic.confidence, variant: null, ranking };
  return { kind: null, confidence: best?.confidence ?? 0, variant: null, ranking };
}
