/**
 * The app's start with a dataset stored by another version whose loaded rows this one reads alike
 * (src/app/dataset-lifecycle.ts `startData`, src/features/dataset/api/persistence.ts `restoreStored`): the user's
 * data comes back with the figures it had, the register counts as this core's (nothing matched again at start), it
 * is stored again in this version's format (its date kept) and the badge ends `saved`; no message, one console
 * line. On the real engine, through the app's wrappers; the browser storage (OPFS) and the engine's start are the
 * only stand-ins.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { guardEngine } from '../../src/engine/guard';
import { holdsAliases, writeAliases } from '../../src/p3dn/agency';
import { NO_FILTERS, unmatchedQuery } from '../../src/p3dn/metrics';
import {
  openManifest,
  restoreSnapshot,
  saveSnapshot,
  schemaFingerprint,
  type Manifest,
} from '../../src/p3dn/persist/snapshot';
import { BatchingEngine } from '../../src/queries/batch';
import { freshEngines, importText } from '../helpers/engine';
import { content, expectSameFigures, memoryStore } from '../helpers/figures';
import { SAMPLE } from '../helpers/sample';

interface StoredStub {
  manifest: string | null;
  files: string[];
  read: (file: string) => Promise<File>;
}

const state = vi.hoisted(() => ({
  engine: null as unknown,
  stored: null as StoredStub | null,
  /** The snapshots the app committed: their manifests' text and files. */
  committed: [] as { manifest: string; files: Map<string, Uint8Array> }[],
  /** The browser's storage is full: every write refused. */
  full: false,
  cleared: 0,
  discarded: 0,
}));
vi.mock('../../src/queries/engine', () => ({
  getEngine: async () => state.engine,
  engineIfReady: () => state.engine,
  exclusive: <T>(job: () => Promise<T>) => job(),
}));
vi.mock('../../src/features/dataset/lib/opfs-store', () => {
  class StorageFull extends Error {}
  return {
    StorageFull,
    opfsAvailable: () => true,
    openStored: async () => state.stored,
    clearStored: async () => void state.cleared++,
    beginSnapshot: async () => {
      const files = new Map<string, Uint8Array>();
      return {
        write: async (file: string, bytes: Uint8Array, append?: boolean) => {
          if (state.full) throw new StorageFull();
          const before = append ? (files.get(file) ?? new Uint8Array()) : new Uint8Array();
          files.set(file, new Uint8Array([...before, ...bytes]));
        },
        commit: async (manifest: string) => void state.committed.push({ manifest, files }),
        discard: async () => void state.discarded++,
      };
    },
  };
});
vi.mock('../../src/features/import/api/import-files', () => ({
  inImportQueue: <T>(job: () => Promise<T>) => job(),
  loadSample: () => Promise.reject(new Error('the sample is not loaded when the stored data is usable')),
}));
vi.stubGlobal('__PANTAU_CORE__', 'this-core');
vi.stubGlobal('window', { addEventListener: () => undefined });

const { startData } = await import('../../src/app/dataset-lifecycle');
const { restoreStored, saveCurrent } = await import('../../src/features/dataset/api/persistence');
const { useStorageStore } = await import('../../src/stores/storage-store');
const { useDatasetStore } = await import('../../src/stores/dataset-store');
const { useAliasStore } = await import('../../src/stores/alias-store');

const fresh = freshEngines();

/** "The next version": a cube built otherwise, a new macro; the loaded rows' tables as they were. */
const nextVersion = (e: NodeEngine) =>
  e.exec(`ALTER TABLE cube_agency_year ADD COLUMN next_version_col INTEGER;
    CREATE OR REPLACE MACRO p3dn_next_version(x) AS x + 1;`);

/** The stored dataset as `openStored` gives it: a manifest and its files, read as browser Files. */
const stored = (m: Manifest, store: ReturnType<typeof memoryStore>): StoredStub => ({
  manifest: JSON.stringify(m),
  files: ['manifest.json', ...store.files.keys()],
  read: async (f) => new File([(await store.read(f)) as Uint8Array<ArrayBuffer>], f),
});

describe('start with a store of another version', () => {
  let a: NodeEngine;
  let manifest: Manifest;
  let store: ReturnType<typeof memoryStore>;
  const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
  afterAll(() => info.mockRestore());

  beforeAll(async () => {
    a = await fresh();
    const schema = await schemaFingerprint(a);
    for (const f of [
      'RUP-PaketPenyedia-Terumumkan.csv',
      'RUP-StrukturAnggaranPD.csv',
      'SPSE-TenderSelesaiNilai.csv',
      'Bela-TokoDaringRealisasi.csv',
    ])
      await importText(a, f, readFileSync(`${SAMPLE}/${f}`));
    const [un] = await a.query(unmatchedQuery(NO_FILTERS).sql, unmatchedQuery(NO_FILTERS).params);
    const [target] = await a.query('SELECT agency_key FROM agency_dim ORDER BY agency_key LIMIT 1');
    const aliases = [{ aliasKey: String(un!['alias_key']), agencyKey: String(target!['agency_key']) }];
    await writeAliases(a, aliases);
    useAliasStore.getState().replaceAliases(aliases);
    store = memoryStore();
    // Saved by the version before, its register and cubes made by its own core.
    manifest = {
      ...(await saveSnapshot(a, { schema, write: store.write, now: new Date('2025-03-04T05:06:07.000Z') })),
      derivation: 'the-core-before',
    };
  }, 240_000);

  it('the data back, its figures; stored again in this format, dated as before; the badge ends saved', async () => {
    const b = await fresh();
    await nextVersion(b);
    const schema = await schemaFingerprint(b);
    state.engine = new BatchingEngine(guardEngine(b));
    state.stored = stored(manifest, store);
    const states: string[] = [];
    const unsubscribe = useStorageStore.subscribe((s) => states.push(s.state));

    const start = await startData();
    expect(start.storeAgain).toBe(manifest.savedAt);
    // The register was made by this core with the user's aliases: the alias sync writes and matches nothing.
    expect(start.aliasesHeld).toBe(useAliasStore.getState().aliases);
    expect(await holdsAliases(b, useAliasStore.getState().aliases)).toBe(true);
    expect(useDatasetStore.getState().source).toBe('own');
    expect(useDatasetStore.getState().loadedAt).toBe(Date.parse('2025-03-04T05:06:07.000Z'));
    await expectSameFigures(a, b);
    for (const t of [
      'source_file',
      'agency_alias',
      'import_reject',
      'file_superseded',
      'agency_idmap',
      'cube_base',
    ])
      expect(await content(b, t), t).toEqual(await content(a, t));

    await vi.waitFor(() => expect(state.committed).toHaveLength(1), { timeout: 60_000 });
    await vi.waitFor(() => expect(useStorageStore.getState().state).toBe('saved'));
    unsubscribe();
    expect(states).toEqual(['saved', 'saving', 'saved']);
    expect(useStorageStore.getState().savedAt).toBe(manifest.savedAt);
    expect(useStorageStore.getState().problem).toBeNull();
    expect(info).toHaveBeenCalledTimes(1);
    expect(String(info.mock.calls[0]![0])).toContain('another version');

    // The new snapshot: this version's schema, the same rows' fingerprint, this core's register and cubes.
    const again = JSON.parse(state.committed[0]!.manifest) as Manifest;
    expect(again).toMatchObject({
      schema,
      rows: manifest.rows,
      derivation: 'this-core',
      savedAt: manifest.savedAt,
      source: 'own',
    });
    // The next start of this version: the fast path, every table as stored, the same figures.
    const c = await fresh();
    await nextVersion(c);
    const opened = await openManifest(c, state.committed[0]!.manifest, await schemaFingerprint(c));
    expect(opened.fit).toBe('all');
    const files = state.committed[0]!.files;
    await restoreSnapshot(c, opened.manifest, async (f) => files.get(f)!.slice(), opened.fit);
    await expectSameFigures(a, c);
  }, 240_000);

  it('no room to store it again: the stored one is kept (it still loads), and the badge stays saved', async () => {
    const b = await fresh();
    await nextVersion(b);
    const out = await restoreStored(b, await schemaFingerprint(b), stored(manifest, store));
    expect(out?.storeAgain).toBe(manifest.savedAt);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    state.full = true;
    try {
      await saveCurrent(b, await schemaFingerprint(b), out!.storeAgain);
      expect(warn).toHaveBeenCalledWith('dataset not stored', expect.anything());
      expect(state.cleared).toBe(0);
      expect(state.discarded).toBe(1);
      expect(useStorageStore.getState()).toMatchObject({ state: 'saved', savedAt: manifest.savedAt });
      // After an import (no `again`), the same full storage makes room by removing the old store, as always.
      await saveCurrent(b, await schemaFingerprint(b));
      expect(state.cleared).toBe(1);
      expect(useStorageStore.getState()).toMatchObject({ state: 'tab-only', savedAt: null });
    } finally {
      state.full = false;
      warn.mockRestore();
    }
  }, 120_000);

  it('a store whose loaded rows this version reads otherwise: the message of another version, nothing loaded', async () => {
    const b = await fresh();
    await nextVersion(b);
    await b.exec('ALTER TABLE source_file ADD COLUMN origin VARCHAR');
    useStorageStore.getState().set({ state: 'none', savedAt: null, problem: null });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const out = await restoreStored(b, await schemaFingerprint(b), stored(manifest, store));
    expect(warn).toHaveBeenCalledWith(
      'stored dataset not loaded',
      expect.objectContaining({ code: 'schema' }),
    );
    warn.mockRestore();
    expect(out).toBeNull();
    expect(useStorageStore.getState().problem).toEqual({
      code: 'schema',
      files: manifest.files.map((f) => f.name),
    });
    expect(useStorageStore.getState().state).toBe('none');
    expect(await b.query('SELECT count(*) AS n FROM source_file')).toEqual([{ n: 0 }]);
  }, 120_000);
});
