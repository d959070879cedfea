import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { useStorageStore } from './storage-store';

/**
 * localStorage for a zustand `persist` store whose saved value may be anything (edited by hand, written by an older
 * version, cut short): text that is not a saved state is ignored with a note (`storage.ignoredSettings`) instead of
 * reaching the app. The store's own `merge` validates the fields (and notes what it drops) under the same label.
 */
/** The page's localStorage (through `window`, as zustand's own JSON storage reads it); undefined without one. */
const local = (): Storage | undefined => (typeof window === 'undefined' ? undefined : window.localStorage);

export function checkedStorage<S>(label: string): PersistStorage<S> {
  return {
    getItem: (name) => {
      let text: string | null;
      try {
        text = local()?.getItem(name) ?? null;
      } catch {
        return null; // storage disabled: nothing saved
      }
      if (text === null) return null;
      try {
        const v: unknown = JSON.parse(text);
        if (typeof v !== 'object' || v === null || !('state' in v)) throw new Error('not a saved state');
        const version = (v as { version?: unknown }).version;
        return { state: (v as { state: S }).state, version: typeof version === 'number' ? version : 0 };
      } catch {
        noteIgnored(label);
        return null;
      }
    },
    setItem: (name, value: StorageValue<S>) => {
      try {
        local()?.setItem(name, JSON.stringify(value));
      } catch {
        // storage full or disabled: the setting holds for this tab
      }
    },
    removeItem: (name) => {
      try {
        local()?.removeItem(name);
      } catch {
        // nothing to remove
      }
    },
  };
}

export function noteIgnored(label: string): void {
  useStorageStore.getState().noteIgnoredSetting(label);
}
