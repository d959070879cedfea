import type { ImportFailure, ImportReport } from '../p3dn/import';
import { create } from 'zustand';

/** An import's outcome as the user is told it: a loaded file's report, or why a file was not loaded. */
export type ImportNotice = (ImportReport | ImportFailure) & { id: number };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type NewNotice = DistributiveOmit<ImportNotice, 'id'>;

export interface DatasetState {
  /** Engine + first data: starting, ready, or failed. */
  status: 'starting' | 'ready' | 'error';
  statusDetail: string | null;
  /** Bumped after every change to the loaded data; query results are keyed by it. */
  version: number;
  source: 'sample' | 'own';
  /** When the loaded data last changed (ms since the epoch); null before the first load. */
  loadedAt: number | null;
  busy: string | null;
  notices: ImportNotice[];
  setStatus: (status: DatasetState['status'], detail?: string) => void;
  /** `loadedAt`: when the data was loaded, if not now (a stored dataset restored: when it was saved). */
  dataChanged: (source: DatasetState['source'], loadedAt?: number) => void;
  setBusy: (name: string | null) => void;
  addNotice: (n: NewNotice) => void;
  clearNotices: () => void;
}

let noticeSeq = 0;

export const useDatasetStore = create<DatasetState>()((set) => ({
  status: 'starting',
  statusDetail: null,
  version: 0,
  source: 'sample',
  loadedAt: null,
  busy: null,
  notices: [],
  setStatus: (status, detail) => set({ status, statusDetail: detail ?? null }),
  dataChanged: (source, loadedAt) =>
    set((s) => ({ version: s.version + 1, source, loadedAt: loadedAt ?? Date.now() })),
  setBusy: (busy) => set({ busy }),
  addNotice: (n) => set((s) => ({ notices: [...s.notices, { ...n, id: ++noticeSeq }] })),
  clearNotices: () => set({ notices: [] }),
}));
