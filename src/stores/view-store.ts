import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Lang } from '../lib/format';
import { DEFAULT_TARGETS, type Denominator, type Kpi, type Targets } from '../p3dn/metrics';
import { NO_FILTERS, type Basis, type Filters } from '../p3dn/metrics';
import type { Sort, SortKey } from '../p3dn/metrics';
import { checkedStorage, noteIgnored } from './checked-storage';

export type { SortKey };

export interface ViewState {
  kpi: Kpi;
  denominator: Denominator;
  /** The targets the figures are measured against now: the saved ones, or a shared link's `t` for this view. */
  targets: Targets;
  /** The targets the user set in the UI; the ones that persist. A shared link never changes them. */
  savedTargets: Targets;
  sort: Sort;
  /** The language the page shows now: the saved preference, or a shared link's `l` for this view. */
  lang: Lang;
  /** The language the user chose in the UI; the one that persists. A shared link never changes it. */
  savedLang: Lang;
  /** What the figures measure: komitmen (RUP), realisasi (transactions) or capaian (realisasi ÷ komitmen). */
  basis: Basis;
  /** Filters that apply to every view (null = all). */
  filters: Filters;
  /** The agency whose rows the drill-down shows (null = closed). */
  selectedAgency: string | null;
  setBasis: (b: Basis) => void;
  setFilter: <K extends keyof Filters>(key: K, value: Filters[K]) => void;
  setFilters: (f: Filters) => void;
  setSelectedAgency: (agencyKey: string | null) => void;
  setKpi: (kpi: Kpi) => void;
  setDenominator: (d: Denominator) => void;
  setTargets: (t: Targets) => void;
  setSort: (key: SortKey) => void;
  setLang: (lang: Lang) => void;
}

/** What persists across reloads: the targets and the language the user chose (not ones a link brought). */
interface PersistedView {
  targets: Targets;
  lang: Lang;
}

const persistedView = (s: ViewState): PersistedView => ({
  targets: s.savedTargets,
  lang: s.savedLang,
});

const isTargets = (t: unknown): t is Targets =>
  typeof t === 'object' &&
  t !== null &&
  ['pdn', 'umk'].every((k) => {
    const v = (t as Record<string, unknown>)[k];
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;
  });

/**
 * Hydration: the saved language and targets are both the preference and, until a link or the user says
 * otherwise, the view's.
 */
export function mergePersistedView(persisted: unknown, current: ViewState): ViewState {
  const p = (persisted ?? {}) as Partial<PersistedView>;
  // A saved value that is there but malformed is ignored with a note (the defaults apply).
  if (
    typeof p !== 'object' ||
    (p.lang !== undefined && p.lang !== 'id' && p.lang !== 'en') ||
    (p.targets !== undefined && !isTargets(p.targets))
  )
    noteIgnored('view');
  const lang = p.lang === 'id' || p.lang === 'en' ? p.lang : current.savedLang;
  const targets = isTargets(p.targets) ? p.targets : current.savedTargets;
  return { ...current, lang, savedLang: lang, targets, savedTargets: targets };
}

/** What the user is looking at. Targets and the chosen language persist across reloads. */
export const useViewStore = create<ViewState>()(
  persist(
    (set) => ({
      kpi: 'pdn',
      denominator: 'belanja_pengadaan',
      targets: DEFAULT_TARGETS,
      savedTargets: DEFAULT_TARGETS,
      sort: { key: 'share', dir: 'desc' },
      lang: 'id',
      savedLang: 'id',
      basis: 'komitmen',
      filters: NO_FILTERS,
      selectedAgency: null,
      setBasis: (basis) => set({ basis }),
      setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
      setFilters: (filters) => set({ filters }),
      setSelectedAgency: (selectedAgency) => set({ selectedAgency }),
      setKpi: (kpi) => set({ kpi }),
      setDenominator: (denominator) => set({ denominator }),
      setTargets: (targets) => set({ targets, savedTargets: targets }),
      setSort: (key) =>
        set((s) => ({
          sort: {
            key,
            dir:
              s.sort.key === key && s.sort.dir === 'desc'
                ? 'asc'
                : key === 'name' && s.sort.key !== key
                  ? 'asc'
                  : 'desc',
          },
        })),
      setLang: (lang) => set({ lang, savedLang: lang }),
    }),
    {
      name: 'pantau-pdn:view',
      // Version 0: saved before versions were recorded, the same shape; `merge` validates either.
      version: 1,
      migrate: (persisted) => persisted as PersistedView,
      storage: checkedStorage<PersistedView>('view'),
      partialize: persistedView,
      merge: mergePersistedView,
    },
  ),
);
