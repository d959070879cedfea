import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useAliasStore } from '../stores/alias-store';
import { useDatasetStore } from '../stores/dataset-store';
import { useViewStore, type ViewState } from '../stores/view-store';
import { engineIfReady } from './engine';
import { VIEW_QUERIES } from './metric-queries';

const figuresChanged = (a: ViewState, b: ViewState) =>
  a.basis !== b.basis ||
  a.denominator !== b.denominator ||
  a.targets !== b.targets ||
  a.filters !== b.filters;

/**
 * A view change's queries leave for the engine in the control's own event, before React renders the change.
 * A store change renders synchronously (useSyncExternalStore), and the components would start their queries only
 * after that render: the engine would idle while the page draws its busy state. Here, when the basis, denominator,
 * targets or filters change, every view-level figure on screen now (an active `metrics` query) is prefetched
 * for the new view at once, and sent together (./batch.ts); the components, rendering meanwhile, find
 * the same queries already running. Returns the unsubscribe.
 */
export function startViewPrefetch(client: QueryClient): () => void {
  return useViewStore.subscribe((s, prev) => {
    if (!figuresChanged(s, prev)) return;
    const engine = engineIfReady();
    const version = useDatasetStore.getState().version;
    if (!engine || version <= 0) return;
    const aliases = useAliasStore.getState().appliedVersion;
    const names = new Set(
      client
        .getQueryCache()
        .findAll({ queryKey: ['metrics'], type: 'active' })
        .map((q) => q.queryKey[1]),
    );
    for (const name of names) {
      const options = typeof name === 'string' ? VIEW_QUERIES.get(name) : undefined;
      if (options)
        void client.prefetchQuery(options(version, aliases, s.basis, s.denominator, s.targets, s.filters));
    }
    engine.flushNow();
  });
}

/** The prefetch of view changes, for as long as the app is mounted. */
export function useViewPrefetch(): void {
  const client = useQueryClient();
  useEffect(() => startViewPrefetch(client), [client]);
}
