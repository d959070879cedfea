import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Lang } from '../lib/format';
import { DEFAULT_TARGETS, type Denominator, type Kpi, type Targets } from '../p3dn/metrics';

export type SortKey = 'name' | 'numerator' | 'denominator' | 'share' | 'gap';
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export interface ViewState {
  kpi: Kpi;
  denominator: Denominator;
  targets: Targets;
  sort: Sort;
  lang: Lang;
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
