import { create } from 'zustand';

/**
 * Where the data on screen lives beyond this tab (src/features/dataset/api/persistence.ts), whether the engine is
 * still alive, and the notes about saved settings that could not be used. Not persisted itself.
 */
export interface StorageState {
  /**
   * `none`: nothing of the user's is stored (the sample); `saving`; `saved`: the data on screen is stored in this
   * browser (`savedAt`); `tab-only`: it did not fit (or storage is unavailable) and lives only in this tab;
   * `failed`: saving failed for another reason (also tab-only).
   */
  state: 'none' | 'saving' | 'saved' | 'tab-only' | 'failed';
  /** When the stored data was saved (ISO), shown in the badge. */
  savedAt: string | null;
  /** A stored dataset that could not be loaded at start: why, and the files it held. */
  problem: { code: 'format' | 'schema' | 'corrupt' | 'unsupported'; files: string[] } | null;
  /** How the sample was loaded at start: from its prebuilt snapshot or by importing its CSV files. */
  sampleFrom: 'snapshot' | 'import' | null;
  /** The engine stopped after a fatal error (wasm trap, out of memory). */
  engineDead: boolean;
  /** Saved settings that were malformed and ignored (their storage keys). */
  ignoredSettings: string[];
  set: (patch: Partial<Omit<StorageState, 'set' | 'noteIgnoredSetting'>>) => void;
  noteIgnoredSetting: (key: string) => void;
}

export const useStorageStore = create<StorageState>()((set) => ({
  state: 'none',
  savedAt: null,
  problem: null,
  sampleFrom: null,
  engineDead: false,
  ignoredSettings: [],
  set: (patch) => set(patch),
  noteIgnoredSetting: (key) =>
    set((s) => (s.ignoredSettings.includes(key) ? s : { ignoredSettings: [...s.ignoredSettings, key] })),
}));
