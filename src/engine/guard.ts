import type { Engine } from './types';

/**
 * A WebAssembly trap (RuntimeError: memory access out of bounds, unreachable, …) or the wasm running out of memory
 * leaves DuckDB in an undefined state: nothing it answers afterwards can be trusted. DuckDB's own "Out of Memory
 * Error" is not one of these: it is the clean refusal `memory_limit` is set for, and the engine goes on.
 */
export function isFatalEngineError(e: unknown): boolean {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  if (/Out of Memory Error/.test(text)) return false;
  return /RuntimeError|memory access out of bounds|unreachable|Aborted\(|out of memory|Memory\.grow|Cannot enlarge memory|table index is out of bounds/i.test(
    text,
  );
}

/** The engine stopped after a fatal error; every later call fails with this, without reaching it. */
export class EngineDead extends Error {
  constructor(override readonly cause: unknown) {
    super(`engine stopped: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'EngineDead';
  }
}

let deadCause: unknown = null;
const listeners = new Set<(cause: unknown) => void>();

/** Whether the app's engine has stopped (after a fatal error); its cause. */
export function engineDeadCause(): unknown {
  return deadCause;
}

/** Call `fn` once the engine stops (at once if it already has); returns the unsubscribe. */
export function onEngineDead(fn: (cause: unknown) => void): () => void {
  if (deadCause !== null) fn(deadCause);
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function markDead(cause: unknown): void {
  if (deadCause !== null) return;
  deadCause = cause;
  for (const fn of listeners) fn(cause);
}

/**
 * The engine, watched: the first fatal error marks it dead (listeners are told) and every later call is refused
 * with `EngineDead` instead of running on a broken engine. Other errors pass through unchanged.
 */
export function guardEngine(engine: Engine): Engine {
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (deadCause !== null) throw new EngineDead(deadCause);
      try {
        return await fn(...args);
      } catch (e) {
        if (isFatalEngineError(e)) markDead(e);
        throw e;
      }
    };
  const prepare = engine.prepare?.bind(engine);
  return {
    ...(prepare ? { prepare: guard(prepare) } : {}),
    query: guard(engine.query.bind(engine)),
    // A query of the batch that trapped stops the engine as a lone query would.
    queryMany: guard(async (items) => {
      const out = await engine.queryMany(items);
      for (const o of out) if (o.status === 'rejected' && isFatalEngineError(o.reason)) markDead(o.reason);
      return out;
    }),
    exec: guard(engine.exec.bind(engine)),
    registerFile: guard(engine.registerFile.bind(engine)),
    dropFile: guard(engine.dropFile.bind(engine)),
    registerEmptyFile: guard(engine.registerEmptyFile.bind(engine)),
    copyFileToBuffer: guard(engine.copyFileToBuffer.bind(engine)),
  };
}
