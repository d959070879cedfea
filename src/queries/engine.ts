import { guardEngine } from '../engine/guard';
import type { Engine } from '../engine/types';
import { createSchema } from '../p3dn/schema';

let enginePromise: Promise<Engine> | null = null;

/** The app's one engine: DuckDB-wasm in a Web Worker, with the core's schema created once at start-up. */
export function getEngine(): Promise<Engine> {
  enginePromise ??= (async () => {
    const { BrowserEngine } = await import('../engine/browser-engine');
    // Watched: a wasm trap marks it dead instead of letting the app run on (src/engine/guard.ts).
    const engine = guardEngine(await BrowserEngine.create());
    await createSchema(engine);
    return engine;
  })();
  return enginePromise;
}
