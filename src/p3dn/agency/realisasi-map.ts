import type { Engine } from '../../engine/types';
import { refreshCubes } from '../metrics/cube';
import { refreshRegister } from './register';

/**
 * The user's aliases and the register refresh. Every refresh of the register rebuilds the aggregates the views
 * read (../metrics/cube.ts) straight after: a figure never comes from a cube older than the register. (Before the
 * register, only transactions were mapped, through a realisasi-only map; every identity of every kind is now in
 * `agency_idmap`: register.ts.)
 */

/** Re-match every identity of every loaded file to the register (after a data or alias change); cubes follow. */
export async function refreshAgencyMap(engine: Engine): Promise<void> {
  await refreshRegister(engine);
  await refreshCubes(engine);
}

export interface AliasEntry {
  /** The normalised name (or `kode:<code>`) of the agency as a file spells it; `<pemda>|…` for one Pemda only. */
  aliasKey: string;
  /** The register agency key it means (an older identity key such as `kd:<id>` is accepted too). */
  agencyKey: string;
}

/** Replace the alias table's content with the user's aliases, and match again. */
export async function writeAliases(engine: Engine, aliases: readonly AliasEntry[]): Promise<void> {
  await engine.exec('DELETE FROM agency_alias');
  for (const a of aliases) {
    await engine.query('INSERT OR REPLACE INTO agency_alias VALUES (?, ?)', [a.aliasKey, a.agencyKey]);
  }
  await refreshAgencyMap(engine);
}

/**
 * Whether the engine holds exactly these aliases (for a key given twice, the last, as `writeAliases` leaves it):
 * then a register made with the engine's aliases is the register of these.
 */
export async function holdsAliases(engine: Engine, aliases: readonly AliasEntry[]): Promise<boolean> {
  const want = new Map(aliases.map((a) => [a.aliasKey, a.agencyKey]));
  const rows = await engine.query('SELECT alias_key, agency_key FROM agency_alias');
  return (
    rows.length === want.size &&
    rows.every((r) => want.get(String(r['alias_key'])) === String(r['agency_key']))
  );
}
