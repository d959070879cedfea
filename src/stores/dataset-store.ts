import { create } from 'zustand';

export type ImportNotice =
  | {
      id: number;
      type: 'result';
      name: string;
      kind: string;
      confidence: number;
      read: number;
      loaded: number;
      excluded: number;
      rejected: number;
      excludedByRule: Record<string, number>;
      rejectedByReason: Record<string, number>;
      replaced: number;
      /** Added fields (import report): the loaded file's id, how it related to earlier data, and details. */
      fileId?: number;
      mode?: 'replace' | 'add' | 'same_file';
      variant?: string | null;
      notes?: string[];
      encoding?: string;
      delimiter?: string;
      /** Canonical column -> the file's header that fed it (shown for generic sheets). */
      mapping?: Record<string, string>;
      /** APBD files: rows per account code set and the spending groups (plain numbers, rupiah as DOUBLE). */
      apbd?: {
        codeSets: Record<'permendagri_90' | 'permendagri_13' | 'lain', number>;
        groups: Record<string, { n: number; anggaran: number | null; realisasi: number | null }>;
      };
    }
  | { id: number; type: 'error'; name: string; code: string; detail?: string };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewNotice = DistributiveOmit<ImportNotice, 'id'>;

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
  dataChanged: (source: DatasetState['source']) => void;
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
  dataChanged: (source) => set((s) => ({ version: s.version + 1, source, loadedAt: Date.now() })),
  setBusy: (busy) => set({ busy }),
  addNotice: (n) => set((s) => ({ notices: [...s.notices, { ...n, id: ++noticeSeq }] })),
  clearNotices: () => set({ notices: [] }),
}));
