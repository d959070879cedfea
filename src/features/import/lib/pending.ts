import { create } from 'zustand';
import { KINDS, type KindId } from '../../../p3dn/kinds';
import { missingColumns, type Detection } from '../../../p3dn/import';
import type { CsvHead } from '../../../p3dn/import';

/** A dropped file, read far enough to show what it is; nothing is loaded yet. */
export interface PendingFile {
  key: number;
  file: File;
  name: string;
  size: number;
  /** `csv`, `xlsx` (converted to CSV in a worker) or `windows-1252` (transcoded slice by slice at import). */
  format: 'csv' | 'xlsx' | 'windows-1252';
  /** The converted sheet, for .xlsx files. */
  bytes: Uint8Array | null;
  head: Uint8Array;
  sniff: CsvHead;
  detection: Detection;
  /** The kind to import as (detected, or the user's choice); null = not recognised. */
  kind: KindId | null;
  /** The user's column corrections (canonical column -> header, or null for "not in this file"). */
  mapping: Record<string, string | null>;
}

/** The required columns (or groups) of the file's chosen kind that its mapping leaves unmapped. */
export function missingMappings(f: PendingFile): (string | readonly string[])[] {
  return f.kind ? missingColumns(KINDS[f.kind], f.sniff.headers, f.mapping) : [];
}

/** The files waiting for the user's review before import. */

interface PendingState {
  files: PendingFile[];
  add: (files: PendingFile[]) => void;
  update: (key: number, patch: Partial<PendingFile>) => void;
  remove: (key: number) => void;
  clear: () => void;
}

export const usePendingStore = create<PendingState>()((set) => ({
  files: [],
  add: (files) => set((s) => ({ files: [...s.files, ...files] })),
  update: (key, patch) =>
    set((s) => ({ files: s.files.map((f) => (f.key === key ? { ...f, ...patch } : f)) })),
  remove: (key) => set((s) => ({ files: s.files.filter((f) => f.key !== key) })),
  clear: () => set({ files: [] }),
}));
