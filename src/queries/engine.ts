import type { Engine } from '../engine/types';
import { createSchema } from '../p3dn/schema';
import { BatchingEngine } from './batch';

declare global {
  interface Window {
    /** Only with `?bench` (bench/view-bench.ts): engine calls not yet answered. */
    __pantauEngine?: { inflight: () => number };
  }
}

let enginePromise: Promise<Engine> | null = null;

/**
 * The app's one engine: DuckDB-wasm in a Web Worker, with the core's schema created once at start-up. The queries
 * started together (one view change) go to the worker as one statement (./batch.ts).
 */
export function getEngine(): Promise<Engine> {
  enginePromise ??= (async () => {
    const { BrowserEngine } = await import('../engine/browser-engine');
    const engine = new BatchingEngine(await BrowserEngine.create());
    await createSchema(engine);
    if (typeof location !== 'undefined' && new URLSearchParams(location.search).has('bench'))
      window.__pantauEngine = { inflight: () => engine.inflight() };
    return engine;
  })();
  return enginePromise;
}
