import type { Engine } from '../../../engine/types';
import {
  MANIFEST_NAME,
  SnapshotError,
  manifestFileNames,
  parseManifest,
  restoreSnapshot,
  saveSnapshot,
} from '../../../p3dn/persist/snapshot';
import { useDatasetStore } from '../../../stores/dataset-store';
import { useStorageStore } from '../../../stores/storage-store';
import { StorageFull, beginSnapshot, clearStored, openStored, opfsAvailable } from '../lib/opfs-store';

/**
 * The user's dataset kept in this browser (OPFS) and the bundled sample's prebuilt snapshot, both loaded through the
 * same restore path (src/p3dn/persist/snapshot.ts). `schema` is the fingerprint of the engine's empty schema.
 */

const namesFrom = (text: string | null, files: string[]): string[] => {
  try {
    const names = text === null ? [] : manifestFileNames(JSON.parse(text));
    return names.length > 0 ? names : files.filter((f) => f !== MANIFEST_NAME);
  } catch {
    return files.filter((f) => f !== MANIFEST_NAME);
  }
};

/**
 * At start, into the fresh engine: the stored dataset, if there is one and it is usable. Returns true when it was
 * loaded; false when nothing is stored, or when the store is from another version or corrupt (then
 * `storage.problem` says so with the stored file names, the store is left as it is, and the caller loads the sample).
 */
export async function restoreStored(engine: Engine, schema: string): Promise<boolean> {
  const stored = await openStored().catch(() => null);
  if (!stored) return false;
  const storage = useStorageStore.getState();
  try {
    if (stored.manifest === null) throw new SnapshotError('corrupt', 'no manifest');
    const manifest = parseManifest(stored.manifest, schema);
    const source = await restoreSnapshot(engine, manifest, stored.read);
    storage.set({ state: 'saved', savedAt: manifest.savedAt });
    // "Loaded at" is when the user loaded these files (saved right after), not this start.
    useDatasetStore.getState().dataChanged(source, Date.parse(manifest.savedAt));
    return true;
  } catch (e) {
    const code = e instanceof SnapshotError ? e.code : 'corrupt';
    storage.set({ problem: { code, files: namesFrom(stored.manifest, stored.files) } });
    console.warn('stored dataset not loaded', e);
    return false;
  }
}

/** The sample's snapshot, built with the app (scripts/build-sample-snapshot.ts); false when unusable. */
export async function loadSampleSnapshot(engine: Engine, schema: string): Promise<boolean> {
  const base = new URL('sample-snapshot/', document.baseURI);
  try {
    const res = await fetch(new URL(MANIFEST_NAME, base));
    if (!res.ok) return false;
    const manifest = parseManifest(await res.text(), schema);
    if (manifest.source !== 'sample') throw new SnapshotError('corrupt', 'not the sample');
    const source = await restoreSnapshot(engine, manifest, async (file) => {
      const r = await fetch(new URL(file, base));
      if (!r.ok) throw new SnapshotError('corrupt', `${file}: HTTP ${r.status}`);
      return new Uint8Array(await r.arrayBuffer());
    });
    useDatasetStore.getState().dataChanged(source);
    return true;
  } catch (e) {
    console.warn('sample snapshot not used; importing the sample files', e);
    return false;
  }
}

let saving: Promise<void> = Promise.resolve();

/** Whether a save is running now (leaving the page then asks first). */
export function isSaving(): boolean {
  return useStorageStore.getState().state === 'saving';
}

async function saveOnce(engine: Engine, schema: string): Promise<void> {
  const snap = await beginSnapshot();
  try {
    const manifest = await saveSnapshot(engine, { schema, write: snap.write });
    await snap.commit(JSON.stringify(manifest));
    useStorageStore.getState().set({ state: 'saved', savedAt: manifest.savedAt, problem: null });
  } catch (e) {
    await snap.discard();
    throw e;
  }
}

/**
 * Store the data on screen (after an import): a new snapshot replaces the stored one once it is complete. When it
 * does not fit, an older stored snapshot is removed (it no longer matches what is on screen) and it is tried once
 * more; when it still does not fit, the data stays in this tab only and the badge says so.
 */
export function saveCurrent(engine: Engine, schema: string): Promise<void> {
  saving = saving.then(async () => {
    const storage = useStorageStore.getState();
    if (!opfsAvailable()) {
      // No OPFS (an insecure origin, an old browser): kept in this tab only, for another reason than room.
      storage.set({ state: 'failed', savedAt: null });
      return;
    }
    storage.set({ state: 'saving' });
    try {
      try {
        await saveOnce(engine, schema);
      } catch (e) {
        if (!(e instanceof StorageFull)) throw e;
        await clearStored();
        await saveOnce(engine, schema);
      }
    } catch (e) {
      console.warn('dataset not stored', e);
      storage.set({ state: e instanceof StorageFull ? 'tab-only' : 'failed', savedAt: null });
    }
  });
  return saving;
}

/** "Hapus data": remove the stored dataset and start again on the sample. */
export async function clearAndRestart(): Promise<void> {
  await saving.catch(() => undefined);
  await clearStored();
  location.reload();
}
