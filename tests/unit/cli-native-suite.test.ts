/**
 * The engine-level suites of the core, run a second time on the native engine (@duckdb/node-api) that the CLI
 * uses: `NodeEngine.create()` hands out a NativeEngine here, so every import, metric and macro expectation of those
 * files must hold on native DuckDB exactly as it holds on the wasm build.
 */
import { vi } from 'vitest';

vi.mock('../../src/engine/node-engine', async () => {
  const { NativeEngine } = await import('../../src/engine/native-engine');
  return { NodeEngine: { create: () => NativeEngine.create({ threads: 2 }) } };
});

await import('./komitmen.test');
await import('./realisasi-import.test');
await import('./realisasi-agencies.test');
await import('./import-sirup.test');
await import('./import-sirup-kinds.test');
await import('./import-line-numbers.test');
await import('./import-realisasi.test');
await import('./import-multi.test');
await import('./import-simda.test');
await import('./import-generic.test');
await import('./import-generic-detect.test');
await import('./macros.test');
await import('./metode.test');
await import('./drill-search.test');

const { describe, expect, it } = await import('vitest');
describe('the suites above', () => {
  it('ran on the native engine', async () => {
    const { NodeEngine } = await import('../../src/engine/node-engine');
    const { NativeEngine } = await import('../../src/engine/native-engine');
    const e = await NodeEngine.create();
    expect(e).toBeInstanceOf(NativeEngine);
    e.close();
  });
});
