import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CSP, CSP_DIRECTIVES } from '../../build/csp';
import {
  EngineDead,
  engineDeadCause,
  guardEngine,
  isFatalEngineError,
  onEngineDead,
} from '../../src/engine/guard';
import { oneByOne } from '../../src/engine/statements';
import type { Engine } from '../../src/engine/types';
import { freshEngine } from '../helpers/engine';

describe('fatal engine errors', () => {
  it('a wasm trap or the wasm out of memory is fatal; DuckDB’s own refusals are not', () => {
    const trap = new Error('memory access out of bounds');
    trap.name = 'RuntimeError';
    for (const e of [
      trap,
      new Error('RuntimeError: unreachable'),
      new Error('Aborted(OOM)'),
      new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded'),
      'RuntimeError: table index is out of bounds',
    ])
      expect(isFatalEngineError(e), String(e)).toBe(true);
    for (const e of [
      new Error('Out of Memory Error: failed to allocate data of size 64.0 MiB (2.4 GiB/2.5 GiB used)'),
      new Error('Binder Error: Referenced column "x" not found'),
      new Error('Conversion Error: Could not convert string "abc" to DECIMAL'),
      new Error('Statement cancelled'),
    ])
      expect(isFatalEngineError(e), String(e)).toBe(false);
  });

  it('the first fatal error marks the engine dead, tells the listeners, and later calls never reach it', async () => {
    let calls = 0;
    let fail: unknown = new Error('Parser Error: syntax error');
    const fake: Engine = {
      query: async () => {
        calls++;
        if (fail) throw fail;
        return [{ n: 1 }];
      },
      queryMany: (items) => oneByOne(items, (sql) => fake.query(sql)),
      exec: async () => void calls++,
      registerFile: async () => undefined,
      dropFile: async () => undefined,
      registerEmptyFile: async (n) => n,
      copyFileToBuffer: async () => new Uint8Array(),
    };
    const told: unknown[] = [];
    onEngineDead((c) => told.push(c));
    const engine = guardEngine(fake);
    await expect(engine.query('x')).rejects.toThrow('Parser Error');
    expect(engineDeadCause()).toBeNull();
    fail = null;
    expect(await engine.query('SELECT 1')).toEqual([{ n: 1 }]);
    // A batch's query that fails plainly fails alone, and the engine goes on.
    fail = new Error('Binder Error: no such column');
    const [bad] = await engine.queryMany([{ sql: 'x', params: [] }]);
    expect(bad?.status).toBe('rejected');
    expect(engineDeadCause()).toBeNull();
    fail = null;
    const trap = Object.assign(new Error('memory access out of bounds'), { name: 'RuntimeError' });
    fail = trap;
    await expect(engine.query('x')).rejects.toBe(trap);
    expect(told).toEqual([trap]);
    expect(engineDeadCause()).toBe(trap);
    const before = calls;
    await expect(engine.exec('SELECT 1')).rejects.toBeInstanceOf(EngineDead);
    await expect(engine.query('SELECT 1')).rejects.toBeInstanceOf(EngineDead);
    await expect(engine.queryMany([{ sql: 'SELECT 1', params: [] }])).rejects.toBeInstanceOf(EngineDead);
    expect(calls).toBe(before);
  });

  it('a fatal error inside a batch of queries marks the engine dead as a lone query does', async () => {
    vi.resetModules();
    const g = await import('../../src/engine/guard');
    const trap = Object.assign(new Error('unreachable'), { name: 'RuntimeError' });
    const fake: Engine = {
      query: async (sql) => {
        if (sql === 'trap') throw trap;
        return [{ n: 1 }];
      },
      queryMany: (items) => oneByOne(items, (sql) => fake.query(sql)),
      exec: async () => undefined,
      registerFile: async () => undefined,
      dropFile: async () => undefined,
      registerEmptyFile: async (n) => n,
      copyFileToBuffer: async () => new Uint8Array(),
    };
    const engine = g.guardEngine(fake);
    const out = await engine.queryMany([
      { sql: 'SELECT 1', params: [] },
      { sql: 'trap', params: [] },
    ]);
    expect(out.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    expect(g.engineDeadCause()).toBe(trap);
    await expect(engine.query('SELECT 1')).rejects.toBeInstanceOf(g.EngineDead);
  });
});

describe('engine start-up settings', () => {
  it('are locked, with a memory limit below the wasm’s 4 GiB and extensions off', async () => {
    const engine = await freshEngine();
    const [s] = await engine.query(`SELECT current_setting('memory_limit') AS m,
      current_setting('autoload_known_extensions') AS a, current_setting('autoinstall_known_extensions') AS i,
      current_setting('lock_configuration') AS l`);
    expect(s).toEqual({ m: '2.5 GiB', a: false, i: false, l: true });
    await expect(engine.exec("SET memory_limit = '3.5GiB'")).rejects.toThrow(/lock/i);
    await expect(engine.exec('SET autoload_known_extensions = true')).rejects.toThrow(/lock/i);
    engine.close();
  });
});

describe('the Content-Security-Policy', () => {
  it('is documented in README.md as the same header the built page carries', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
    expect(readme).toContain(`Content-Security-Policy: ${CSP}`);
    expect(CSP_DIRECTIVES).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(CSP).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
    const html = readFileSync(resolve(import.meta.dirname, '../../index.html'), 'utf8');
    expect(html).toMatch(/<meta charset="UTF-8"/);
  });
});
