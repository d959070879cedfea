import { guardEngine } from '../engine/guard';
import { createSchema } from '../p3dn/schema';
import { BENCH_PAGE } from '../lib/bench-flag';
import { BatchingEngine } from './batch';

declare global {
  interface Window {
    /** Only with `?bench` (bench/view-bench.ts): engine calls not yet answered. */
    __pantauEngine?: {
      inflight: () => number;
      onSettled: (fn: () => void) => () => void;
      sent: () => { trips: number; queries: number };
    };
  }
}

let enginePromise: Promise<BatchingEngine> | null = null;
let ready: BatchingEngine | null = null;

/** The engine once it is up (schema created), else null: for callers that must not wait a microtask. */
export function engineIfReady(): BatchingEngine | null {
  return ready;
}

/**
 * The app's one engine: DuckDB-wasm in a Web Worker, with the core's schema created once at start-up. The queries
 * started together (one view change) go to the worker together (./batch.ts).
 */
export function getEngine(): Promise<BatchingEngine> {
  enginePromise ??= (async () => {
    const { BrowserEngine } = await import('../engine/browser-engine');
    // Watched (src/engine/guard.ts): a wasm trap marks it dead instead of letting the app run on. The guard sits
    // under the batching, so a trap in any query of a batch (`queryMany`) stops the engine as a lone query's does.
    const engine = new BatchingEngine(guardEngine(await BrowserEngine.create()));
    performance.mark('pantau:engine-up'); // the bare engine, before the app's schema (bench/first-chart.ts)
    await createSchema(engine);
    if (BENCH_PAGE)
      window.__pantauEngine = {
        inflight: () => engine.inflight(),
        onSettled: (fn) => engine.onSettled(fn),
        sent: () => ({ ...engine.sent }),
      };
    ready = engine;
    return engine;
  })();
  return enginePromise;
}

let dataWork: Promise<unknown> = Promise.resolve();

/**
 * Work on the engine's data that must not interleave with other such work: an alias change (the aliases written,
 * the agencies matched again, the cubes rebuilt) and a save (every table copied out). A save in between would store
 * the new aliases with the old register, or the new register with the old cubes.
 */
export function exclusive<T>(job: () => Promise<T>): Promise<T> {
  const run = dataWork.catch(() => undefined).then(job);
  dataWork = run;
  return run;
}
