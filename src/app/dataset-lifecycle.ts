import {
  aliasesHeld,
  fetchSampleSnapshot,
  findStored,
  isSaving,
  loadSampleSnapshot,
  provenSchema,
  restoreStored,
  saveCurrent,
  type Restored,
} from '../features/dataset/api/persistence';
import { inImportQueue, loadSample } from '../features/import/api/import-files';
import { onEngineDead } from '../engine/guard';
import { schemaFingerprint } from '../p3dn/persist/snapshot';
import { getEngine } from '../queries/engine';
import { useDatasetStore } from '../stores/dataset-store';
import { useStorageStore } from '../stores/storage-store';

/**
 * The data at start and its life after: the dataset stored in this browser if there is a usable one, else the
 * sample (its prebuilt snapshot, or its CSV files imported when the snapshot cannot be used); after each import the
 * data on screen is stored; leaving while an import or a save runs asks first; a fatal engine error is recorded.
 */
export async function startData(): Promise<Restored> {
  onEngineDead(() => useStorageStore.getState().set({ engineDead: true }));
  // While the engine starts (its wasm compiled in the worker): the stored dataset looked up, else the sample's
  // snapshot fetched, so that its bytes are here when the engine is up.
  const storedAtStart = findStored();
  const sampleAtStart = storedAtStart.then((s) => (s ? undefined : fetchSampleSnapshot()));
  // First in the import queue (enqueued before the engine is up): a batch the user drops meanwhile runs after it.
  const { schema, loaded } = await inImportQueue(async () => {
    const engine = await getEngine();
    performance.mark('pantau:engine-ready'); // read by bench/first-chart.ts
    // The empty schema's fingerprint, taken before any data: a stored dataset must have been made with the same.
    let fingerprint: string | null = null;
    const stored = await storedAtStart;
    if (stored) {
      fingerprint = await schemaFingerprint(engine);
      performance.mark('pantau:restore-start');
      const restored = await restoreStored(engine, fingerprint, stored);
      if (restored) return { schema: fingerprint, loaded: restored };
    }
    // (A stored dataset that could not be used: the sample's snapshot is fetched now.)
    const early = await sampleAtStart;
    const fetched = early === undefined ? await fetchSampleSnapshot() : early;
    // The sample's snapshot made by this core says the fingerprint, as the build proved; else it is taken now.
    fingerprint ??= provenSchema(fetched) ?? (await schemaFingerprint(engine));
    if (!stored) performance.mark('pantau:restore-start');
    const sample = await loadSampleSnapshot(engine, fingerprint, fetched);
    if (sample) {
      useStorageStore.getState().set({ sampleFrom: 'snapshot' });
      return { schema: fingerprint, loaded: sample };
    }
    return { schema: fingerprint, loaded: null };
  });
  let held = loaded;
  if (!held) {
    // No usable snapshot: the sample's CSV files, imported (a job of the same queue). Just imported, the register
    // is this core's, made with the engine's aliases (none).
    await loadSample();
    useStorageStore.getState().set({ sampleFrom: 'import' });
    held = await aliasesHeld(await getEngine(), true);
  }
  performance.mark('pantau:data-ready');
  saveAfterImports(schema);
  // A store of another version, restored from its loaded rows: stored again in this version's format.
  const again = held.storeAgain;
  if (again !== undefined) void getEngine().then((engine) => saveCurrent(engine, schema, again));
  askBeforeLeaving();
  return held;
}

let watching = false;

/** When an import run ends (busy → idle) having changed the user's data, store what is on screen. */
function saveAfterImports(schema: string): void {
  if (watching) return;
  watching = true;
  let savedVersion = useDatasetStore.getState().version;
  useDatasetStore.subscribe((s, prev) => {
    if (s.busy !== null || prev.busy === null) return;
    if (s.source !== 'own' || s.version === savedVersion) return;
    if (useStorageStore.getState().engineDead) return;
    savedVersion = s.version;
    void getEngine().then((engine) => saveCurrent(engine, schema));
  });
}

/** An import or a save still running: the browser asks before the page is left (reload, close, navigate). */
function leavingLosesWork(): boolean {
  return useDatasetStore.getState().busy !== null || isSaving();
}

function askBeforeLeaving(): void {
  window.addEventListener('beforeunload', (e) => {
    if (!leavingLosesWork()) return;
    e.preventDefault();
    // Older browsers show the prompt only when returnValue is set.
    e.returnValue = '';
  });
}
