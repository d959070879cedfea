/**
 * A view change's queries leave in the control's event (src/queries/prefetch.ts): the store changes, and before
 * anything else runs (no await, no render) the engine has received the figures on screen in ONE call; the
 * components' queries for the new view, started afterwards, find them running and send nothing more. The answers
 * equal the same queries run directly, on the real engine with the bundled sample.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { finishImports, importFile } from '../../src/p3dn/import';
import {
  RANKING_PEMDA_BOUND_SQL,
  YEARS_SQL,
  basisAgencyQuery,
  basisSummaryQuery,
  toBasisAgencyMetric,
  toBasisSummary,
} from '../../src/p3dn/metrics';
import { BatchingEngine } from '../../src/queries/batch';
import { SAMPLE_ORDER } from '../../scripts/build-sample-snapshot';
import { counting, freshEngine } from '../helpers/engine';
import { SAMPLE } from '../helpers/sample';

const state = vi.hoisted(() => ({ engine: null as unknown }));
vi.mock('../../src/queries/engine', () => ({
  engineIfReady: () => state.engine,
  getEngine: async () => state.engine,
}));

const { VIEW_QUERIES, agencyMetricsOptions, summaryOptions } =
  await import('../../src/queries/metric-queries');
// Registers the year-over-year figure (`VIEW_QUERIES.get('yoy')`).
await import('../../src/features/pemda/api/get-yoy');
const { startViewPrefetch } = await import('../../src/queries/prefetch');
const { useViewStore } = await import('../../src/stores/view-store');
const { useDatasetStore } = await import('../../src/stores/dataset-store');
const { useAliasStore } = await import('../../src/stores/alias-store');

let node: NodeEngine;
let calls: string[] = [];

beforeAll(async () => {
  node = await freshEngine();
  const loaded = [];
  for (const name of SAMPLE_ORDER)
    loaded.push(
      await importFile(node, {
        data: new Uint8Array(readFileSync(join(SAMPLE, name))),
        displayName: name,
        isSample: true,
        replace: 'same_kind',
        refresh: false,
      }),
    );
  await finishImports(node, loaded);
  const counted = counting(node);
  calls = counted.calls;
  state.engine = new BatchingEngine(counted.e);
  useDatasetStore.setState({ version: 1 });
}, 300_000);
afterAll(async () => node?.close());

const params = () => {
  const v = useViewStore.getState();
  return [1, useAliasStore.getState().appliedVersion, v.basis, v.denominator, v.targets, v.filters] as const;
};

/** An observer as a mounted component has one: the query is active, and resolves with its data. */
async function observe<T>(client: QueryClient, options: object): Promise<T> {
  const obs = new QueryObserver(client, options as never);
  return new Promise<T>((resolve, reject) => {
    const done = (r: { data?: unknown; isPlaceholderData: boolean; status: string; error: unknown }) => {
      if (r.status === 'error') reject(r.error);
      else if (r.data !== undefined && !r.isPlaceholderData) resolve(r.data as T);
    };
    obs.subscribe(done);
    done(obs.getCurrentResult());
  });
}

describe('the prefetch of a view change', () => {
  it('sends the figures on screen in one call in the change itself, and nothing more after', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    useViewStore.getState().setDenominator('rup_penyedia');
    await observe(client, agencyMetricsOptions(...params()));
    await observe(client, summaryOptions(...params()));
    const stop = startViewPrefetch(client);
    try {
      calls.length = 0;
      useViewStore.getState().setDenominator('rup_total');
      // Synchronously, within the store change: one call holding both queries.
      expect(calls).toHaveLength(1);
      expect(calls[0]!.split('\n;;\n')).toHaveLength(2);
      // The components, rendering the change, ask for the same queries: they are already running.
      const [agencies, summary] = await Promise.all([
        observe<ReturnType<typeof toBasisAgencyMetric>[]>(client, agencyMetricsOptions(...params())),
        observe<ReturnType<typeof toBasisSummary>>(client, summaryOptions(...params())),
      ]);
      expect(calls).toHaveLength(1);
      const [, , basis, den, targets, filters] = params();
      expect(den).toBe('rup_total');
      const a = basisAgencyQuery(basis, den, targets, filters);
      const s = basisSummaryQuery(basis, den, targets, filters);
      expect(agencies).toEqual((await node.query(a.sql, a.params)).map((r) => toBasisAgencyMetric(basis, r)));
      expect(summary).toEqual(toBasisSummary(basis, (await node.query(s.sql, s.params))[0]));
      // A KPI flip changes no figure: nothing is asked.
      calls.length = 0;
      useViewStore.getState().setKpi(useViewStore.getState().kpi === 'pdn' ? 'umk' : 'pdn');
      await new Promise((r) => setTimeout(r, 20));
      expect(calls).toHaveLength(0);
    } finally {
      stop();
    }
  }, 120_000);

  it('with year over year on screen, its figures leave in the same call; the years and the bound are not asked again', async () => {
    const yoy = VIEW_QUERIES.get('yoy')!;
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    useViewStore.getState().setDenominator('belanja_pengadaan');
    await observe(client, agencyMetricsOptions(...params()));
    await observe(client, summaryOptions(...params()));
    await observe(client, yoy(...params()));
    // Independently: how many figure queries year over year needs (two years: the agencies of both in one, and
    // the Pemda of each when a ranking can be shown).
    const years = await node.query(YEARS_SQL);
    const bound = Number((await node.query(RANKING_PEMDA_BOUND_SQL))[0]?.['n']);
    const yoyQueries = years.length >= 2 ? 1 + (bound >= 2 ? 2 : 0) : 0;
    const stop = startViewPrefetch(client);
    try {
      calls.length = 0;
      useViewStore.getState().setDenominator('apbd_barang_jasa');
      await Promise.all([
        observe(client, agencyMetricsOptions(...params())),
        observe(client, summaryOptions(...params())),
        observe(client, yoy(...params())),
      ]);
      expect(calls).toHaveLength(1);
      const sent = calls[0]!.split('\n;;\n');
      expect(sent).toHaveLength(2 + yoyQueries);
      expect(sent.some((q) => q.includes('cube_facets') || q === RANKING_PEMDA_BOUND_SQL)).toBe(false);
    } finally {
      stop();
    }
  }, 120_000);
});
