import { create } from 'zustand';

/** Which review view is open over the dashboard: none, the presentation, or the printable report. */
type ReviewMode = 'dashboard' | 'present' | 'report';

export interface ReviewState {
  mode: ReviewMode;
  setMode: (mode: ReviewMode) => void;
}

export const useReviewStore = create<ReviewState>()((set) => ({
  mode: 'dashboard',
  setMode: (mode) => set({ mode }),
}));
