import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeEngine } from '../../src/engine/native-engine';
import { NodeEngine } from '../../src/engine/node-engine';
import { EngineCancelled } from '../../src/engine/types';

let native: NativeEngine;
let wasm: NodeEngine;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'native-engine-test-'));
  native = await NativeEngine.create({ memoryLimit: '512MB', threads: 2 });
  wasm = await NodeEngine.create();
});
afterAll(() => {
  native.close();
  wasm.close();
  rmSync(work, { recursive: true, force: true });
});

/** Queries whose plain rows must be the same on both engines, value for value. */
const SAME: [string, (string | number | boolean | null)[]][] = [
  ["SELECT typeof(?) AS a, typeof(?) AS b, typeof(?) AS c, typeof(?) AS d, typeof(?) AS e", [1, 1.5, 3e9, 'x', true]],
  ['SELECT ? + 1 AS n, ? AS s, ? AS b, ? AS z', [2 ** 40, 'teks', false, null]],
  ["SELECT DATE '2025-01-02' AS d, TIMESTAMP '2025-01-02 03:04:05.123' AS ts, TIME '01:02:03' AS t", []],
  ["SELECT TIMESTAMPTZ '2025-01-02 03:04:05+00' AS tz, DATE '1969-12-31' AS before_epoch", []],
  ['SELECT 12::BIGINT AS b, 1::TINYINT AS t, 2::UINTEGER AS u, 1.5::FLOAT AS f, 9007199254740991::BIGINT AS max', []],
  ["SELECT CAST(CAST('12345678901234567.89' AS DECIMAL(20, 2)) AS VARCHAR) AS exact, CAST(0.1 AS DOUBLE) AS d", []],
  ['SELECT x, x * 2 AS y FROM range(5) t(x) ORDER BY x', []],
  ["SELECT 'a' AS k, NULL::VARCHAR AS v UNION ALL SELECT 'b', 'ç€' ORDER BY k", []],
]; // prettier-ignore

describe('NativeEngine', () => {
  it.each(SAME)('gives the rows the wasm engine gives: %s', async (q, params) => {
    const want = await wasm.query(q, params);
    expect(await native.query(q, params)).toEqual(want);
    expect(want.length).toBeGreaterThan(0);
  });

  it('binds numbers as DOUBLE, as duckdb-wasm does (a large integer is not cut to 32 bits)', async () => {
    const [r] = await native.query('SELECT typeof(?) AS t, ? AS v', [5, 3_000_000_000]);
    expect(r).toEqual({ t: 'DOUBLE', v: 3_000_000_000 });
  });

  it.each([
    ['SELECT CAST(1.25 AS DECIMAL(9, 2)) AS m', 'DECIMAL'],
    ['SELECT sum(x) AS s FROM range(3) t(x)', 'DECIMAL'],
    ['SELECT 9007199254740993::BIGINT AS big', 'too large'],
    ['SELECT [1, 2] AS l', 'unsupported'],
  ])('refuses what the wasm engine refuses: %s', async (q, msg) => {
    await expect(wasm.query(q)).rejects.toThrow(msg);
    await expect(native.query(q)).rejects.toThrow(msg);
  });

  it('runs several statements in one exec, and bound statements in query', async () => {
    await native.exec(
      'CREATE TABLE t1 (a INTEGER); INSERT INTO t1 VALUES (1), (2); INSERT INTO t1 VALUES (3)',
    );
    await native.query('INSERT INTO t1 VALUES (?)', [4]);
    expect(await native.query('SELECT sum(a)::INTEGER AS s, count(*) AS n FROM t1')).toEqual([
      { s: 10, n: 4 },
    ]);
  });

  it('reads a registered path in place, bytes, and a File, by name', async () => {
    const p = join(work, 'data.csv');
    writeFileSync(p, 'a,b\n1,x\n2,y\n');
    await native.registerFile('by_path.csv', { path: p });
    await native.registerFile('by_bytes.csv', new TextEncoder().encode('a,b\n3,z\n'));
    await native.registerFile('by_file.csv', new File(['a,b\n4,w\n5,v\n'], 'f.csv'));
    const q = (f: string) => `SELECT count(*) AS n, CAST(sum(a) AS INTEGER) AS s FROM read_csv('${f}')`;
    expect(await native.query(q('by_path.csv'))).toEqual([{ n: 2, s: 3 }]);
    expect(await native.query(q('by_bytes.csv'))).toEqual([{ n: 1, s: 3 }]);
    expect(await native.query(q('by_file.csv'))).toEqual([{ n: 2, s: 9 }]);
    await native.dropFile('by_path.csv');
    await expect(native.query(q('by_path.csv'))).rejects.toThrow();
    expect(existsSync(p)).toBe(true); // the user's file is never touched
    await expect(native.registerFile('../escape.csv', new Uint8Array())).rejects.toThrow('Invalid file name');
  });

  it('the wasm Node engine reads a path too (into memory); the rows are the same', async () => {
    const p = join(work, 'w.csv');
    writeFileSync(p, 'a\n7\n8\n');
    await wasm.registerFile('w.csv', { path: p });
    await native.registerFile('w.csv', { path: p });
    const q = "SELECT CAST(sum(a) AS INTEGER) AS s FROM read_csv('w.csv')";
    expect(await native.query(q)).toEqual(await wasm.query(q));
  });

  it('is disk-backed and spills: database file, temp directory and memory limit as configured', async () => {
    expect(readdirSync(native.dir)).toContain('pantau.duckdb');
    const [s] = await native.query(
      "SELECT current_setting('temp_directory') AS tmp, current_setting('memory_limit') AS mem, " +
        "current_setting('threads') AS threads, current_setting('autoload_known_extensions') AS autoload, " +
        "current_setting('autoinstall_known_extensions') AS autoinstall",
    );
    expect(s).toMatchObject({
      tmp: join(native.dir, 'spill'),
      threads: 2,
      autoload: false,
      autoinstall: false,
    });
    expect(String(s?.['mem'])).toMatch(/^(488\.2 MiB|512\.0 MB|500\.0 MiB)$/);
  });

  it('locks its configuration after start-up: no statement lifts the limit or turns extension loading on', async () => {
    for (const s of [
      "SET memory_limit = '64GB'",
      'SET autoload_known_extensions = true',
      "SET temp_directory = ''",
    ])
      await expect(native.exec(s), s).rejects.toThrow(/lock/i);
    const [m] = await native.query("SELECT current_setting('memory_limit') AS mem");
    expect(String(m?.['mem'])).toMatch(/^(488\.2 MiB|512\.0 MB|500\.0 MiB)$/);
  });

  it('finishes a sort larger than its memory limit by spilling; without the temp directory it fails', async () => {
    const q =
      'SELECT count(*) AS n FROM (SELECT x, md5(x::VARCHAR) AS h FROM range(1500000) t(x) ORDER BY h)';
    const noSpill = await NativeEngine.create({ memoryLimit: '48MB', threads: 2, spill: false });
    const spill = await NativeEngine.create({ memoryLimit: '48MB', threads: 2 });
    try {
      await expect(noSpill.query(q)).rejects.toThrow(/Out of Memory/);
      expect(await spill.query(q)).toEqual([{ n: 1_500_000 }]);
    } finally {
      noSpill.close();
      spill.close();
    }
  });

  it('samples its own memory while a statement runs: the peaks in memory (within the limit) and spilled', async () => {
    const e = await NativeEngine.create({ memoryLimit: '64MB', threads: 2 });
    try {
      const watch = await e.watchMemory(20);
      expect(watch.peak().samples).toBe(1);
      const q =
        'SELECT count(*) AS n FROM (SELECT x, md5(x::VARCHAR) AS h FROM range(1500000) t(x) ORDER BY h)';
      expect(await e.query(q)).toEqual([{ n: 1_500_000 }]);
      const p = watch.peak();
      expect(p.samples).toBeGreaterThan(1);
      expect(p.memoryBytes).toBeGreaterThan(4 * 1024 ** 2);
      expect(p.memoryBytes).toBeLessThanOrEqual(64 * 1024 ** 2);
      expect(p.spillBytes).toBeGreaterThan(0);
    } finally {
      e.close();
    }
  });

  it('interrupts a running statement when the signal aborts, then keeps working', async () => {
    const ac = new AbortController();
    const t0 = Date.now();
    setTimeout(() => ac.abort(), 300);
    await expect(
      native.exec('CREATE TABLE slow AS SELECT count(*) FROM range(100000000000) a(x)', {
        signal: ac.signal,
      }),
    ).rejects.toBeInstanceOf(EngineCancelled);
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(await native.query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'slow'")).toEqual(
      [{ n: 0 }],
    );
    await expect(native.exec('SELECT 1', { signal: ac.signal })).rejects.toBeInstanceOf(EngineCancelled);
    expect(await native.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('reports the progress of a CSV scan, rising from 0 towards 1', async () => {
    const e = await NativeEngine.create({ memoryLimit: '256MB', threads: 2, progressMs: 5 });
    try {
      await e.exec(
        `COPY (SELECT x, md5(x::VARCHAR) AS h FROM range(1000000) t(x)) TO '${e.dir}/files/big.csv'`,
      );
      const seen: number[] = [];
      await e.exec("CREATE TABLE b AS SELECT * FROM read_csv('big.csv')", {
        onProgress: (f) => seen.push(f),
      });
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((f, i) => f >= 0 && f <= 1 && f >= (seen[i - 1] ?? 0))).toBe(true);
      expect(Math.max(...seen)).toBeGreaterThan(0);
    } finally {
      e.close();
    }
  });

  it('removes its own directory on close, never a given one', async () => {
    const own = await NativeEngine.create();
    const given = mkdtempSync(join(tmpdir(), 'native-given-'));
    const kept = await NativeEngine.create({ dir: given });
    const ownDir = own.dir;
    own.close();
    kept.close();
    expect(existsSync(ownDir)).toBe(false);
    expect(existsSync(join(given, 'pantau.duckdb'))).toBe(true);
    rmSync(given, { recursive: true, force: true });
  });
});
