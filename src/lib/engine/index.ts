import { createSchema } from '../../p3dn/importer';
import { createRealisasiSchema } from '../../p3dn/realisasi-views';
import { guardEngine } from './guard';
import type { Engine } from './types';

let enginePromise: Promise<Engine> | null = null;

/** The app's one engine: DuckDB-wasm in a Web Worker, with the canonical schema created. */
export function getEngine(): Promise<Engine> {
  enginePromise ??= (async () => {
    const { BrowserEngine } = await import('./browser-engine');
    // Watched: a wasm trap marks it dead instead of letting the app run on (src/lib/engine/guard.ts).
    const engine = guardEngine(await BrowserEngine.create());
    await createSchema(engine);
    await createRealisasiSchema(engine);
    return engine;
  })();
  return enginePromise;
}
