import type { Engine } from './types';

let enginePromise: Promise<Engine> | null = null;
let setup: (engine: Engine) => Promise<void> = async () => {};

/** What runs on the engine once, before anyone uses it (the app passes the canonical schema at start-up). */
export function setEngineSetup(fn: (engine: Engine) => Promise<void>): void {
  setup = fn;
}

/** The app's one engine: DuckDB-wasm in a Web Worker, set up by the function given to `setEngineSetup`. */
export function getEngine(): Promise<Engine> {
  enginePromise ??= (async () => {
    const { BrowserEngine } = await import('./browser-engine');
    const engine = await BrowserEngine.create();
    await setup(engine);
    return engine;
  })();
  return enginePromise;
}
