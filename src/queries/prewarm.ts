import { useEffect } from 'react';
import { BENCH_PAGE } from '../lib/bench-flag';
import {
  BASES,
  DENOMINATORS,
  NO_FILTERS,
  RANKING_PEMDA_BOUND_SQL,
  basisAgencyQuery,
  basisSummaryQuery,
  pemdaRankingQuery,
} from '../p3dn/metrics';
import { useAliasStore } from '../stores/alias-store';
import { useDatasetStore } from '../stores/dataset-store';
import { useViewStore } from '../stores/view-store';
import type { BatchingEngine } from './batch';
import { engineIfReady } from './engine';

/**
 * The SQL texts of the dashboard's figures (agencies, totals, the agencies of two years for year over year, and
 * with `ranking` the Pemda ranking) for every basis and denominator, over each cube they read (the small one while
 * no metode / jenis / sumber dana / source filter is set, the full one else). The filters, targets and years are
 * bound values, so these few texts are every statement a view change of the dashboard runs. The ranking is asked
 * only of a dataset of several Pemda (src/features/pemda/api/get-pemda.ts), and prepared only then.
 */
export function dashboardTexts(ranking = false): string[] {
  const { targets } = useViewStore.getState();
  // The values are placeholders: only which filters are set shapes the text.
  const cubes = [NO_FILTERS, { ...NO_FILTERS, metode: '' }];
  return cubes.flatMap((filters) =>
    BASES.flatMap((b) =>
      DENOMINATORS.flatMap((d) => [
        basisAgencyQuery(b, d, targets, filters).sql,
        basisSummaryQuery(b, d, targets, filters).sql,
        basisAgencyQuery(b, d, targets, filters, 'double', [0, 1]).sql,
        ...(ranking ? [pemdaRankingQuery(b, d, targets, filters).sql] : []),
      ]),
    ),
  );
}

declare global {
  interface Window {
    /** Only with `?bench` (bench/view-bench.ts): prepare the dashboard's statements again now. */
    __pantauPrewarm?: () => void;
  }
}

const idle = (fn: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 50);

/**
 * Once the figures of a new dataset (or new aliases) are in, the dashboard's statements are prepared in idle time,
 * one per idle slot while nothing else runs on the engine and no import is under way (a view change waits behind
 * one prepare at most; an import started meanwhile is not slowed), so that the first change to each basis and
 * denominator only runs its queries. Prepared afresh after every data change: DuckDB binds a statement prepared
 * before it again at each of its runs. Returns the stop.
 */
export function startPrewarm(getEngine: () => BatchingEngine | null = engineIfReady): () => void {
  let run = 0;
  const warm = () => {
    const mine = ++run;
    const engine = getEngine();
    if (!engine || useDatasetStore.getState().version <= 0) return;
    let texts: string[] | null = null;
    const next = () => {
      if (mine !== run) return; // newer data: that run starts over
      // Idle time of the engine too: never between the statements of an import or of a view change.
      if (engine.inflight() > 0 || useDatasetStore.getState().busy !== null) {
        setTimeout(() => idle(next), 100);
        return;
      }
      if (texts === null) {
        // Whether the dashboard shows the Pemda ranking (several Pemda): its statements are then prepared too.
        void engine
          .query(RANKING_PEMDA_BOUND_SQL)
          .then(
            (r) => Number(r[0]?.['n'] ?? 0) >= 2,
            () => false,
          )
          .then((ranking) => {
            texts = dashboardTexts(ranking);
            idle(next);
          });
        return;
      }
      const sql = texts.shift();
      if (sql === undefined) {
        performance.mark('pantau:prewarmed');
        return;
      }
      void engine.prepare([sql]).then(() => idle(next));
    };
    // Not before the new data's first figures have come back (or a second has passed): they are what the user waits
    // for, and they prepare their own statements.
    let begun = false;
    const begin = () => {
      if (begun) return;
      begun = true;
      stop();
      clearTimeout(timer);
      idle(next);
    };
    const stop = engine.onSettled(begin);
    const timer = setTimeout(begin, 1000);
  };
  // The view bench rebuilds the cubes behind the app's back (to time them), then asks for a new prewarm.
  if (BENCH_PAGE) window.__pantauPrewarm = warm;
  const stopData = useDatasetStore.subscribe((s, p) => s.version !== p.version && warm());
  const stopAliases = useAliasStore.subscribe((s, p) => s.appliedVersion !== p.appliedVersion && warm());
  warm();
  return () => {
    run++;
    stopData();
    stopAliases();
  };
}

/** The prewarm, for as long as the app is mounted. */
export function usePrewarm(): void {
  useEffect(() => startPrewarm(), []);
}
