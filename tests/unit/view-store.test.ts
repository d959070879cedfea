import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/*
 * The view store persists through zustand's persist middleware into window.localStorage. Node has neither, so
 * the test gives it a Map-backed storage and re-imports the modules to stand for a page load.
 */
const KEY = 'pantau-pdn:view';
let storage: Map<string, string>;

function stubWindow() {
  vi.stubGlobal('window', {
    localStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, String(v)),
      removeItem: (k: string) => void storage.delete(k),
    },
  });
}

/** A page load: fresh modules, hydrated from the storage as it stands, then the link's view state applied. */
async function load(search = '') {
  vi.resetModules();
  const { useViewStore } = await import('../../src/stores/view-store');
  const { applyViewFromUrl } = await import('../../src/features/review/lib/url-sync');
  applyViewFromUrl(search);
  return useViewStore;
}

const saved = (): unknown => {
  const raw = storage.get(KEY);
  return raw === undefined ? undefined : (JSON.parse(raw) as { state: { lang: unknown } }).state.lang;
};

function saveLang(lang: string) {
  storage.set(KEY, JSON.stringify({ state: { targets: { pdn: 0.4, umk: 0.4 }, lang }, version: 0 }));
}

beforeEach(() => {
  storage = new Map();
  stubWindow();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('language of a shared link', () => {
  it('shows the link language without changing the saved one, and the saved one comes back without the link', async () => {
    saveLang('en');
    expect((await load()).getState().lang).toBe('en');

    const linked = await load('?v=1&k=umk&l=id');
    expect(linked.getState().lang).toBe('id');
    expect(linked.getState().kpi).toBe('umk');
    // Any later change of the view writes the storage again: still the recipient's English.
    linked.getState().setKpi('pdn');
    expect(saved()).toBe('en');

    const plain = await load();
    expect(plain.getState().lang).toBe('en');
    expect(saved()).toBe('en');
    // A link without `l` leaves the saved language in place too.
    expect((await load('?v=1&k=umk')).getState().lang).toBe('en');
  });

  it('saves the language the recipient then chooses in the UI', async () => {
    saveLang('en');
    const linked = await load('?v=1&l=id');
    linked.getState().setLang('en');
    linked.getState().setLang('id');
    expect(saved()).toBe('id');
    expect((await load()).getState().lang).toBe('id');
  });

  it('leaves a first-time recipient on the default language once the link is gone', async () => {
    const linked = await load('?v=1&l=en');
    expect(linked.getState().lang).toBe('en');
    linked.getState().setKpi('umk');
    expect(saved()).toBe('id');
    expect((await load()).getState().lang).toBe('id');
  });
});

describe('mergePersistedView', () => {
  it('hydrates both the view language and the preference, and ignores a stored value that is no language', async () => {
    vi.resetModules();
    const { mergePersistedView, useViewStore } = await import('../../src/stores/view-store');
    const current = useViewStore.getState();
    const en = mergePersistedView({ lang: 'en', targets: { pdn: 0.95, umk: 0.4 } }, current);
    expect([en.lang, en.savedLang, en.targets.pdn]).toEqual(['en', 'en', 0.95]);
    const junk = mergePersistedView({ lang: 'fr' }, current);
    expect([junk.lang, junk.savedLang]).toEqual(['id', 'id']);
    const none = mergePersistedView(undefined, current);
    expect([none.lang, none.savedLang]).toEqual(['id', 'id']);
  });
});

describe('targets of a shared link', () => {
  const savedTargets = (): unknown => {
    const raw = storage.get(KEY);
    return raw === undefined ? undefined : (JSON.parse(raw) as { state: { targets: unknown } }).state.targets;
  };
  const save = (targets: { pdn: number; umk: number }) =>
    storage.set(KEY, JSON.stringify({ state: { targets, lang: 'id' }, version: 0 }));

  it("measures against the link's targets without replacing the recipient's saved ones", async () => {
    save({ pdn: 0.95, umk: 0.4 });
    const linked = await load('?v=1&t=40_35');
    expect(linked.getState().targets).toEqual({ pdn: 0.4, umk: 0.35 });
    linked.getState().setKpi('umk');
    expect(savedTargets()).toEqual({ pdn: 0.95, umk: 0.4 });
    expect((await load()).getState().targets).toEqual({ pdn: 0.95, umk: 0.4 });
  });

  it('saves targets the recipient then sets in the UI', async () => {
    save({ pdn: 0.95, umk: 0.4 });
    const linked = await load('?v=1&t=40_35');
    linked.getState().setTargets({ pdn: 0.5, umk: 0.35 });
    expect(savedTargets()).toEqual({ pdn: 0.5, umk: 0.35 });
    expect((await load()).getState().targets).toEqual({ pdn: 0.5, umk: 0.35 });
  });

  it('ignores stored targets that are not fractions', async () => {
    save({ pdn: 40, umk: 0.4 });
    expect((await load()).getState().targets).toEqual({ pdn: 0.4, umk: 0.4 });
  });
});
