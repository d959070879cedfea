/**
 * Where an import's time goes, statement by statement, on the same DuckDB-wasm build in Node (blocking engine),
 * beside the plain `read_csv` of the same file. Not a test; a profiling aid for the importer's SQL. The browser
 * figures (bench/import-bench.ts) are the ones that count. Usage: `tsx bench/import-stages.ts 100 [runs]`, or
 * `--file <path>` for another export (e.g. one with a cell the typed read refuses, to time the fallback).
 */
import { readFileSync } from 'node:fs';
import { NodeEngine } from '../src/engine/node-engine';
import type { Engine, ExecOptions, SqlParam } from '../src/engine/types';
import { importFile } from '../src/p3dn/import';
import { createSchema } from '../src/p3dn/schema';
import { generate } from './generate';
import { runBench } from './results';

const fileArg = process.argv.indexOf('--file');
const file = fileArg >= 0 ? process.argv[fileArg + 1] : undefined;
const args = process.argv.slice(2).filter((_, i) => fileArg < 0 || (i !== fileArg - 2 && i !== fileArg - 1));
const mb = Number(args[0] ?? 100);
const runs = Number(args[1] ?? 1);

/** Times every statement the importer runs. */
function timed(engine: Engine, log: [string, number][]): Engine {
  const t = async <T>(sql: string, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await f();
    } finally {
      log.push([sql.replace(/\s+/g, ' ').trim().slice(0, 70), performance.now() - t0]);
    }
  };
  return {
    query: (sql: string, params?: readonly SqlParam[]) => t(sql, () => engine.query(sql, params)),
    queryMany: (items) => t(`${items.length} queries`, () => engine.queryMany(items)),
    // The swap transaction is timed statement by statement.
    exec: async (sql: string, opts?: ExecOptions) => {
      if (!sql.startsWith('BEGIN')) return t(sql, () => engine.exec(sql, opts));
      for (const part of sql.split(/;\n/).filter((x) => x.trim()))
        await t(part, () => engine.exec(part, opts));
    },
    registerFile: (n, s) => engine.registerFile(n, s),
    dropFile: (n) => engine.dropFile(n),
    registerEmptyFile: (n) => engine.registerEmptyFile(n),
    copyFileToBuffer: (n) => engine.copyFileToBuffer(n),
  };
}

/** The importer's stage a statement belongs to (by its text). */
function stageOf(sql: string): string {
  if (/^CREATE OR REPLACE TABLE "p3dn_file_/.test(sql)) return 'read + classify';
  if (/regexp_full_match\("/.test(sql) && sql.startsWith('SELECT count(*) FILTER'))
    return 'number formats (scan)';
  if (/SET exclusion = /.test(sql)) return 'dedup';
  if (/cube_/.test(sql)) return 'cubes';
  if (/reg_|agency_|pemda_|register|superseded|idmap/i.test(sql)) return 'register';
  if (
    /import_reject|import_exclusion|source_file|CREATE OR REPLACE VIEW|BEGIN|COMMIT|DROP TABLE IF EXISTS "p3dn/.test(
      sql,
    )
  )
    return 'swap';
  if (/count\(|line|_brk|_lines/.test(sql)) return 'count + lines';
  return 'other';
}

async function main() {
  const path = file ?? (await generate(mb));
  const bytes = new Uint8Array(readFileSync(path));
  const engine = await NodeEngine.create();
  await createSchema(engine);
  await engine.registerFile('f.csv', bytes);
  const time = async (f: () => Promise<unknown>) => {
    const t0 = performance.now();
    await f();
    return performance.now() - t0;
  };
  for (let r = 0; r < runs; r++) {
    // DuckDB's own typing fails on a cell its sniffed type refuses (the fallback case): then only all_varchar.
    const plain = await time(() =>
      engine.exec(`CREATE OR REPLACE TEMP TABLE p AS SELECT * FROM read_csv('f.csv')`),
    ).catch(() => NaN);
    const varchar = await time(() =>
      engine.exec(`CREATE OR REPLACE TEMP TABLE p AS SELECT * FROM read_csv('f.csv', all_varchar = true)`),
    );
    await engine.exec('DROP TABLE IF EXISTS p');
    const log: [string, number][] = [];
    let readPath = '';
    const imp = await time(async () => {
      const res = await importFile(timed(engine, log), {
        data: bytes,
        displayName: `bench-${r}.csv`,
        isSample: false,
        replace: 'all',
      });
      readPath = JSON.stringify(res.readPath);
    });
    console.log(
      `${(bytes.length / 1048576).toFixed(0)} MB  plain ${(plain / 1000).toFixed(2)} s  all_varchar ${(varchar / 1000).toFixed(2)} s  import ${(imp / 1000).toFixed(2)} s  ratio ${(imp / plain).toFixed(2)}  read ${readPath}`,
    );
    for (const [sql, ms] of log) if (ms > 20) console.log(`  ${(ms / 1000).toFixed(2)} s  ${sql}`);
    const shares = new Map<string, number>();
    for (const [sql, ms] of log) shares.set(stageOf(sql), (shares.get(stageOf(sql)) ?? 0) + ms);
    const inSql = log.reduce((a, [, ms]) => a + ms, 0);
    shares.set('outside SQL (JS: line count, SHA-256, glue)', imp - inSql);
    console.log('  shares:');
    for (const [k, ms] of [...shares].sort((a, b) => b[1] - a[1]))
      console.log(`    ${(ms / 1000).toFixed(2)} s  ${((100 * ms) / imp).toFixed(0).padStart(3)} %  ${k}`);
  }
  engine.close();
}

runBench(main);
