import {
  isSaving,
  loadSampleSnapshot,
  restoreStored,
  saveCurrent,
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
export async function startData(): Promise<void> {
  onEngineDead(() => useStorageStore.getState().set({ engineDead: true }));
  // First in the import queue (enqueued before the engine is up): a batch the user drops meanwhile runs after it.
  const { schema, loaded } = await inImportQueue(async () => {
    const engine = await getEngine();
    performance.mark('pantau:engine-ready'); // read by bench/first-chart.ts
    // The empty schema's fingerprint, taken before any data: a stored dataset must have been made with the same.
    const fingerprint = await schemaFingerprint(engine);
    if (await restoreStored(engine, fingerprint)) return { schema: fingerprint, loaded: true };
    if (await loadSampleSnapshot(engine, fingerprint)) {
      useStorageStore.getState().set({ sampleFrom: 'snapshot' });
      return { schema: fingerprint, loaded: true };
    }
    return { schema: fingerprint, loaded: false };
  });
  if (!loaded) {
    // No usable snapshot: the sample's CSV files, imported (a job of the same queue).
    await loadSample();
    useStorageStore.getState().set({ sampleFrom: 'import' });
  }
  performance.mark('pantau:data-ready');
  saveAfterImports(schema);
  askBeforeLeaving();
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
