import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { AliasEntry } from '../p3dn/agency';
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
    { name: 'pantau-pdn:aliases', partialize: (s) => ({ aliases: s.aliases }) },
  ),
);

/** The two versions every realisasi query is keyed by: the loaded data and the aliases applied to it. */
export function useDataVersions(): { version: number; aliases: number } {
  const version = useDatasetStore((s) => s.version);
  const aliases = useAliasStore((s) => s.appliedVersion);
  return { version, aliases };
}
