import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/* Saved settings as a page load reads them: a Map-backed window.localStorage, fresh modules per load. */
let storage: Map<string, string>;
beforeEach(() => {
  storage = new Map();
  vi.stubGlobal('window', {
    localStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, String(v)),
      removeItem: (k: string) => void storage.delete(k),
    },
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

async function load() {
  vi.resetModules();
  const { useAliasStore } = await import('../../src/stores/alias-store');
  const { useViewStore } = await import('../../src/stores/view-store');
  const { useStorageStore } = await import('../../src/stores/storage-store');
  return {
    aliases: useAliasStore,
    view: useViewStore,
    notes: () => useStorageStore.getState().ignoredSettings,
  };
}

const ALIASES = 'pantau-pdn:aliases';
const VIEW = 'pantau-pdn:view';
const good = { aliasKey: 'DINAS KES', agencyKey: 'kd:1' };

describe('saved settings are validated', () => {
  it('well-formed values load, old unversioned ones too, with no note', async () => {
    storage.set(ALIASES, JSON.stringify({ state: { aliases: [good] }, version: 0 }));
    storage.set(VIEW, JSON.stringify({ state: { lang: 'en', targets: { pdn: 0.5, umk: 0.3 } }, version: 1 }));
    const s = await load();
    expect(s.aliases.getState().aliases).toEqual([good]);
    expect(s.view.getState().lang).toBe('en');
    expect(s.view.getState().savedTargets).toEqual({ pdn: 0.5, umk: 0.3 });
    expect(s.notes()).toEqual([]);
  });

  it('text that is not JSON, or not a saved state: ignored with a note, defaults used', async () => {
    storage.set(ALIASES, '{"state": {"aliases": [');
    storage.set(VIEW, '"just a string"');
    const s = await load();
    expect(s.aliases.getState().aliases).toEqual([]);
    expect(s.view.getState().lang).toBe('id');
    expect(s.notes().sort()).toEqual(['aliases', 'view']);
  });

  it('a list that is not a list, or malformed entries: the good entries kept, the rest dropped, a note', async () => {
    storage.set(ALIASES, JSON.stringify({ state: { aliases: 'DINAS' }, version: 1 }));
    expect((await load()).aliases.getState().aliases).toEqual([]);
    storage.set(
      ALIASES,
      JSON.stringify({
        state: { aliases: [good, null, { aliasKey: 3 }, { aliasKey: 'x', agencyKey: '' }] },
        version: 1,
      }),
    );
    const s = await load();
    expect(s.aliases.getState().aliases).toEqual([good]);
    expect(s.notes()).toEqual(['aliases']);
  });

  it('targets out of range or an unknown language: defaults, and a note', async () => {
    storage.set(VIEW, JSON.stringify({ state: { lang: 'fr', targets: { pdn: 4, umk: 0.4 } }, version: 1 }));
    const s = await load();
    expect(s.view.getState().lang).toBe('id');
    expect(s.view.getState().savedTargets).toEqual({ pdn: 0.4, umk: 0.4 });
    expect(s.notes()).toEqual(['view']);
  });
});
