import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { AliasEntry } from '../p3dn/agency';
import { checkedStorage, noteIgnored } from './checked-storage';
import { useDatasetStore } from './dataset-store';

export interface AliasState {
  /** The user's agency aliases: how other systems spell an agency → the SIRUP agency. Persisted. */
  aliases: AliasEntry[];
  /** Bumped once the engine holds the current aliases; realisasi queries are keyed by it. */
  appliedVersion: number;
  setAlias: (aliasKey: string, agencyKey: string) => void;
  removeAlias: (aliasKey: string) => void;
  replaceAliases: (aliases: AliasEntry[]) => void;
  applied: () => void;
}

const isAliasEntry = (a: unknown): a is AliasEntry =>
  typeof a === 'object' &&
  a !== null &&
  typeof (a as AliasEntry).aliasKey === 'string' &&
  typeof (a as AliasEntry).agencyKey === 'string' &&
  (a as AliasEntry).aliasKey !== '' &&
  (a as AliasEntry).agencyKey !== '';

/**
 * Hydration: the saved aliases that are well formed; a saved value that is not a list, or entries that are not
 * aliases, are ignored with a note (a malformed list must never blank the app).
 */
function mergePersistedAliases(persisted: unknown, current: AliasState): AliasState {
  if (persisted === undefined || persisted === null) return current;
  const list = (persisted as { aliases?: unknown }).aliases;
  if (!Array.isArray(list)) {
    noteIgnored('aliases');
    return current;
  }
  const aliases = list.filter(isAliasEntry);
  if (aliases.length !== list.length) noteIgnored('aliases');
  return { ...current, aliases };
}

export const useAliasStore = create<AliasState>()(
  persist(
    (set) => ({
      aliases: [],
      appliedVersion: 0,
      setAlias: (aliasKey, agencyKey) =>
        set((s) => ({
          aliases: [...s.aliases.filter((a) => a.aliasKey !== aliasKey), { aliasKey, agencyKey }],
        })),
      removeAlias: (aliasKey) => set((s) => ({ aliases: s.aliases.filter((a) => a.aliasKey !== aliasKey) })),
      replaceAliases: (aliases) => set({ aliases }),
      applied: () => set((s) => ({ appliedVersion: s.appliedVersion + 1 })),
    }),
    {
      name: 'pantau-pdn:aliases',
      // Version 0: saved before versions were recorded, the same shape; `merge` validates either.
      version: 1,
      migrate: (persisted) => persisted as AliasState,
      storage: checkedStorage<Pick<AliasState, 'aliases'>>('aliases'),
      partialize: (s) => ({ aliases: s.aliases }),
      merge: mergePersistedAliases,
    },
  ),
);

/** The two versions every realisasi query is keyed by: the loaded data and the aliases applied to it. */
export function useDataVersions(): { version: number; aliases: number } {
  const version = useDatasetStore((s) => s.version);
  const aliases = useAliasStore((s) => s.appliedVersion);
  return { version, aliases };
}
