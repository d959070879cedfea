import { isKindId, type KindId } from '../../../p3dn/kinds';
import { type MappingOverride } from '../../../p3dn/import';

const KEY = 'pantau-pdn.import.mappings.v1';

type Memory = Partial<Record<KindId, Record<string, string | null>>>;

function readAll(): Memory {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    if (!parsed || typeof parsed !== 'object') return {};
    const out: Memory = {};
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      if (!isKindId(k) || !v || typeof v !== 'object') continue;
      const m: Record<string, string | null> = {};
      for (const [col, h] of Object.entries(v as Record<string, unknown>)) {
        if (typeof h === 'string' || h === null) m[col] = h;
      }
      out[k] = m;
    }
    return out;
  } catch {
    return {};
  }
}

/** The user's remembered corrections for a kind (source header per canonical column). */
export function rememberedMapping(kind: KindId): MappingOverride {
  return readAll()[kind] ?? {};
}

export function rememberMapping(kind: KindId, column: string, header: string | null): void {
  const all = readAll();
  all[kind] = { ...(all[kind] ?? {}), [column]: header };
  try {
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // Storage full or disabled: the correction still applies to this import.
  }
}

/** Keep only remembered choices that make sense for this file (its header exists, or "not in file"). */
export function applicableMapping(kind: KindId, headers: readonly string[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [col, h] of Object.entries(rememberedMapping(kind))) {
    if (h === null || headers.includes(h)) out[col] = h ?? null;
  }
  return out;
}
