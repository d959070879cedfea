import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Lang } from '../lib/format';
import { DEFAULT_TARGETS, type Denominator, type Kpi, type Targets } from '../p3dn/metrics';
import { NO_FILTERS, type Basis, type Filters } from '../p3dn/realisasi-metrics';
import type { Sort, SortKey } from '../p3dn/sort-agencies';

export type { Sort, SortKey };

export interface ViewState {
  kpi: Kpi;
  denominator: Denominator;
  targets: Targets;
  sort: Sort;
  lang: Lang;
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

/** What the user is looking at. Targets and language persist across reloads. */
export const useViewStore = create<ViewState>()(
  persist(
    (set) => ({
      kpi: 'pdn',
      denominator: 'belanja_pengadaan',
      targets: DEFAULT_TARGETS,
      sort: { key: 'share', dir: 'desc' },
      lang: 'id',
      basis: 'komitmen',
      filters: NO_FILTERS,
      selectedAgency: null,
      setBasis: (basis) => set({ basis }),
      setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
      setFilters: (filters) => set({ filters }),
      setSelectedAgency: (selectedAgency) => set({ selectedAgency }),
      setKpi: (kpi) => set({ kpi }),
      setDenominator: (denominator) => set({ denominator }),
      setTargets: (targets) => set({ targets }),
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
      setLang: (lang) => set({ lang }),
    }),
    { name: 'pantau-pdn:view', partialize: (s) => ({ targets: s.targets, lang: s.lang }) },
  ),
);
