import { create } from 'zustand';
import type { Filters } from '../p3dn/metrics';

/** Filter values last dropped because the loaded data does not have them: a note shown until dismissed. */
export interface FilterNoteState {
  dropped: { key: keyof Filters; value: string }[];
  setDropped: (dropped: { key: keyof Filters; value: string }[]) => void;
}

export const useFilterNoteStore = create<FilterNoteState>()((set) => ({
  dropped: [],
  setDropped: (dropped) => set({ dropped }),
}));
