import type { Engine } from '../../../engine/types';
import {
  MANIFEST_NAME,
  SnapshotError,
  manifestFileNames,
  openManifest,
  parseManifest,
  restoreSnapshot,
  saveSnapshot,
} from '../../../p3dn/persist/snapshot';
import { holdsAliases, type AliasEntry } from '../../../p3dn/agency';
import { exclusive } from '../../../queries/engine';
import { useAliasStore } from '../../../stores/alias-store';
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
 * A snapshot loaded. `aliasesHeld`: the user's aliases (the store's list, as it was checked) when the snapshot's
 * register and cubes were made by this app's core (`Manifest.derivation`) with exactly these aliases: nothing needs
 * matching again (src/features/reconciliation/api/alias-sync.ts). Null: the aliases are written and matched.
 */
export interface Restored {
  aliasesHeld: readonly AliasEntry[] | null;
  /**
   * A stored dataset of another version whose loaded rows were restored and whose register and cubes were made
   * again (`SnapshotFit` `rows`): to be stored again in this version's format, keeping this date (when the user
   * loaded the files: the badge's). Absent otherwise.
   */
  storeAgain?: string;
}

/** Asked before the data is announced (`dataChanged`), so that the figures are asked once, with their aliases. */
export async function aliasesHeld(engine: Engine, registerCurrent: boolean): Promise<Restored> {
  const { aliases } = useAliasStore.getState();
  // A failed look is no reason to refuse the restored data: the aliases are then written and matched as always.
  const held = registerCurrent && (await holdsAliases(engine, aliases).catch(() => false));
  return { aliasesHeld: held ? aliases : null };
}

const restored = (engine: Engine, manifest: { derivation?: string }): Promise<Restored> =>
  aliasesHeld(engine, manifest.derivation === __PANTAU_CORE__);

/**
 * At start, into the fresh engine: the stored dataset, if there is one and it is usable. Returns null when nothing
 * is stored, or when the store is from another version or corrupt (then `storage.problem` says so with the stored
 * file names, the store is left as it is, and the caller loads the sample). A store of another version whose loaded
 * rows this one reads alike is no problem: those are restored, the register and the cubes made again by this core
 * (with the stored aliases; the user's are checked as always), and the caller stores it again (`storeAgain`).
 */
export async function restoreStored(
  engine: Engine,
  schema: string,
  stored: Stored | null,
): Promise<Restored | null> {
  if (!stored) return null;
  const storage = useStorageStore.getState();
  try {
    if (stored.manifest === null) throw new SnapshotError('corrupt', 'no manifest');
    const { manifest, fit } = await openManifest(engine, stored.manifest, schema);
    const source = await restoreSnapshot(engine, manifest, stored.read, fit);
    if (fit === 'rows')
      console.info(
        'stored dataset of another version: its loaded rows restored, the agencies and aggregates made again; storing it again',
      );
    storage.set({ state: 'saved', savedAt: manifest.savedAt });
    // "Loaded at" is when the user loaded these files (saved right after), not this start.
    const out =
      fit === 'rows'
        ? { ...(await aliasesHeld(engine, true)), storeAgain: manifest.savedAt }
        : await restored(engine, manifest);
    useDatasetStore.getState().dataChanged(source, Date.parse(manifest.savedAt));
    return out;
  } catch (e) {
    const code = e instanceof SnapshotError ? e.code : 'corrupt';
    storage.set({ problem: { code, files: namesFrom(stored.manifest, stored.files) } });
    console.warn('stored dataset not loaded', e);
    return null;
  }
}

type Stored = NonNullable<Awaited<ReturnType<typeof openStored>>>;

/** The dataset stored in this browser, if any (looked up at start while the engine starts; no engine needed). */
export const findStored = (): Promise<Stored | null> => openStored().catch(() => null);

/** The sample's snapshot as fetched: its manifest's text and each table file's bytes (on their way). */
export interface SampleSnapshotFiles {
  manifest: string;
  read: (file: string) => Promise<Uint8Array>;
}

const TABLE_FILE = /^t\d+\.csv$/;

/**
 * Fetch the sample's snapshot (built with the app, scripts/build-sample-snapshot.ts): the manifest, then every table
 * file at once. Needs no engine: started while the engine starts, so that the bytes are here when it is up. Null
 * when there is no snapshot (the app imports the sample's CSV files). The manifest is checked when it is used.
 */
export async function fetchSampleSnapshot(): Promise<SampleSnapshotFiles | null> {
  const base = new URL('sample-snapshot/', document.baseURI);
  try {
    const res = await fetch(new URL(MANIFEST_NAME, base));
    if (!res.ok) return null;
    const manifest = await res.text();
    const raw = JSON.parse(manifest) as { tables?: unknown };
    const names = Array.isArray(raw.tables)
      ? raw.tables.flatMap((t: { file?: unknown }) =>
          typeof t?.file === 'string' && TABLE_FILE.test(t.file) ? [t.file] : [],
        )
      : [];
    const bytes = new Map(
      names.map((file) => {
        const p = fetch(new URL(file, base)).then(async (r) => {
          if (!r.ok) throw new SnapshotError('corrupt', `${file}: HTTP ${r.status}`);
          return new Uint8Array(await r.arrayBuffer());
        });
        p.catch(() => undefined); // a failure is seen when the file is read
        return [file, p] as const;
      }),
    );
    const read = (file: string) =>
      bytes.get(file) ?? Promise.reject(new SnapshotError('corrupt', `${file}: not listed`));
    return { manifest, read };
  } catch (e) {
    console.warn('sample snapshot not fetched; importing the sample files', e);
    return null;
  }
}

/**
 * The schema fingerprint the sample's snapshot was made with, when it was made by this very core (its `derivation`,
 * build/core-hash.ts, which covers the schema's code and the DuckDB version): then it is the running schema's, as the
 * build proved, and the catalogue need not be read at start. Null otherwise (the fingerprint is taken).
 */
export function provenSchema(fetched: SampleSnapshotFiles | null): string | null {
  if (!fetched) return null;
  try {
    const m = JSON.parse(fetched.manifest) as { derivation?: unknown; schema?: unknown };
    return m.derivation === __PANTAU_CORE__ && typeof m.schema === 'string' ? m.schema : null;
  } catch {
    return null;
  }
}

/** The sample's snapshot, as fetched, into the fresh engine; null when unusable. */
export async function loadSampleSnapshot(
  engine: Engine,
  schema: string,
  fetched: SampleSnapshotFiles | null,
): Promise<Restored | null> {
  if (!fetched) return null;
  try {
    const manifest = parseManifest(fetched.manifest, schema);
    if (manifest.source !== 'sample') throw new SnapshotError('corrupt', 'not the sample');
    const source = await restoreSnapshot(engine, manifest, fetched.read);
    const out = await restored(engine, manifest);
    useDatasetStore.getState().dataChanged(source);
    return out;
  } catch (e) {
    console.warn('sample snapshot not used; importing the sample files', e);
    return null;
  }
}

let saving: Promise<void> = Promise.resolve();

/** Whether a save is running now (leaving the page then asks first). */
export function isSaving(): boolean {
  return useStorageStore.getState().state === 'saving';
}

/** The loaded data's version while no import runs; a save that began and ended on the same one saw no import. */
const quietVersion = (): number | null => {
  const d = useDatasetStore.getState();
  return d.busy === null ? d.version : null;
};

async function saveOnce(engine: Engine, schema: string, dated?: string): Promise<void> {
  const snap = await beginSnapshot();
  try {
    // Not interleaved with an alias change (`exclusive`); an import meanwhile is seen by the data version.
    const manifest = await exclusive(async () => {
      const before = quietVersion();
      const now = dated === undefined ? {} : { now: new Date(dated) };
      const m = await saveSnapshot(engine, { schema, write: snap.write, ...now });
      const quiet = before !== null && quietVersion() === before;
      // The register and cubes copied match the rows and aliases copied: no re-matching after the restore.
      return quiet ? { ...m, derivation: __PANTAU_CORE__ } : m;
    });
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
 *
 * `again`: the data on screen is the stored dataset of another version, stored again in this version's format
 * (`Restored.storeAgain`, its date kept). The stored one is never removed for room: it still loads (from its loaded
 * rows, as at this start), so when the new one cannot be written it stays, and so does the badge's `saved`.
 */
export function saveCurrent(engine: Engine, schema: string, again?: string): Promise<void> {
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
        await saveOnce(engine, schema, again);
      } catch (e) {
        if (!(e instanceof StorageFull) || again !== undefined) throw e;
        await clearStored();
        await saveOnce(engine, schema, again);
      }
    } catch (e) {
      console.warn('dataset not stored', e);
      storage.set(
        again !== undefined
          ? { state: 'saved', savedAt: again }
          : { state: e instanceof StorageFull ? 'tab-only' : 'failed', savedAt: null },
      );
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
