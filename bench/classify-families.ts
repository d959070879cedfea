/**
 * What each family of per-cell expressions costs in the import's classifying statement (Node, the same
 * DuckDB-wasm build, blocking engine). Not a test; a profiling aid. The importer's own classifying statement is
 * caught as the import runs and timed as is, then with one family of expressions at a time replaced by the bare
 * column (or the cheapest value of the same type), beside the bare `read_csv` into a table. Rounds alternate the
 * variants so that the machine's load falls on all of them alike.
 * Usage: `tsx bench/classify-families.ts 100 [rounds] [--quick]`.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { NodeEngine } from '../src/engine/node-engine';
import type { Engine, ExecOptions, SqlParam } from '../src/engine/types';
import { importFile } from '../src/p3dn/import';
import { createSchema } from '../src/p3dn/schema';
import { generate } from './generate';
import { runBench } from './results';

const mb = Number(process.argv[2] ?? 100);
const rounds = Number(process.argv[3] ?? 3);
/** `--quick`: the statement as is and all bare only (before/after comparisons with more rounds). */
const quick = process.argv.includes('--quick');

const COL = String.raw`("[^"]+")`;

/** Each family: how the statement reads without it. */
const FAMILIES: [string, (sql: string) => string][] = [
  ['text (p3dn_text)', (s) => s.replace(new RegExp(String.raw`p3dn_text\(${COL}\)`, 'g'), '$1')],
  ['code (p3dn_code)', (s) => s.replace(new RegExp(String.raw`p3dn_code\(${COL}\)`, 'g'), '$1')],
  ['satker_str', (s) => s.replace(new RegExp(String.raw`p3dn_satker_str\(${COL}\)`, 'g'), '$1')],
  ['multi', (s) => s.replace(new RegExp(String.raw`p3dn_multi\(${COL}\)`, 'g'), '$1')],
  [
    'money (beyond a plain cast)',
    (s) =>
      s.replace(
        new RegExp(String.raw`p3dn_money_fmt\(${COL}, '[a-z]+'\)`, 'g'),
        'CAST(CAST($1 AS DECIMAL(18, 2)) AS DECIMAL(20, 2))',
      ),
  ],
  ['dates', (s) => s.replace(new RegExp(String.raw`p3dn_date\(${COL}\)`, 'g'), 'CAST(NULL AS DATE)')],
  [
    'yes/no flags (PDN, UKM)',
    (s) =>
      s.replace(
        /CASE WHEN list_contains\(\[[^\]]*\], ("[^"]+")\) THEN true[\s\S]*?END AS/g,
        "($1 = 'PDN') AS",
      ),
  ],
  [
    'number-format flags',
    (s) => s.replace(/CAST\(CASE WHEN regexp_full_match[\s\S]*?END AS UTINYINT\)/g, 'CAST(1 AS UTINYINT)'),
  ],
  [
    'rejection CASEs',
    (s) =>
      s
        .replace(
          /CASE WHEN excl0 IS NULL THEN CASE [\s\S]*? END END AS (reject_\w+)/g,
          'CAST(NULL AS VARCHAR) AS $1',
        )
        .replace(
          /CASE WHEN excl0 IS NULL THEN CASE [\s\S]*? END END AS p3dn_reject_i/,
          'CAST(NULL AS INTEGER) AS p3dn_reject_i',
        )
        .replace(
          /CASE WHEN p3dn_reject_i IS NULL THEN NULL [\s\S]*? END AS (reject_\w+)/g,
          'CAST(NULL AS VARCHAR) AS $1',
        ),
  ],
  [
    'exclusion CASE',
    (s) => s.replace(/CASE WHEN status_delete[\s\S]*? END AS excl0/, 'CAST(NULL AS VARCHAR) AS excl0'),
  ],
  ['agency key', (s) => s.replace(/coalesce\('kd:'[^\n]*? AS agency_key/, 'kd_satker AS agency_key')],
];

const allBare = (s: string) => FAMILIES.reduce((acc, [, f]) => f(acc), s);

async function main() {
  const path = await generate(mb);
  const bytes = new Uint8Array(readFileSync(path));
  const engine = await NodeEngine.create();
  await createSchema(engine);
  await engine.registerFile('f.csv', bytes);
  // CPU time of this process (the blocking engine runs on this thread): less disturbed than the wall clock
  // by the other work on a shared machine. The wall clock is kept beside it.
  const wall = new Map<string, number[]>();
  let lastWall = 0;
  const time = async (sql: string) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await engine.exec(sql);
    lastWall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  const results = new Map<string, number[]>();
  const put = (k: string, ms: number) => {
    results.set(k, [...(results.get(k) ?? []), ms]);
    wall.set(k, [...(wall.get(k) ?? []), lastWall]);
  };
  const loads: number[] = [];
  let caught = false;
  const run = async (sql: string) => {
    const out = /CREATE OR REPLACE TABLE ("[^"]+")/.exec(sql)?.[1] ?? '';
    const to = (s: string) => s.replace(out, '"p3dn_cf_tmp"');
    const all: [string, string][] = [
      ['as is', sql],
      ...FAMILIES.map(([k, f]): [string, string] => [`without ${k}`, f(sql)]),
      ['all bare (read + write floor)', allBare(sql)],
      ['as is', sql],
    ];
    const variants = all.filter(([k]) => !quick || k === 'as is' || k.startsWith('all bare'));
    for (const [k, v] of variants)
      if (k !== 'as is' && v === sql) console.log(`  (variant ${k} changed nothing)`);
    for (let r = 0; r < rounds; r++) {
      loads.push(loadavg()[0] ?? NaN);
      put(
        'bare read_csv into a table',
        await time(`CREATE OR REPLACE TEMP TABLE p AS SELECT * FROM read_csv('f.csv')`),
      );
      put(
        'bare read_csv all_varchar',
        await time(`CREATE OR REPLACE TEMP TABLE p AS SELECT * FROM read_csv('f.csv', all_varchar = true)`),
      );
      await engine.exec('DROP TABLE IF EXISTS p');
      for (const [k, v] of variants) {
        put(k, await time(to(v)));
        await engine.exec('DROP TABLE IF EXISTS p3dn_cf_tmp');
      }
    }
  };
  const e: Engine = {
    query: (sql: string, params?: readonly SqlParam[]) => engine.query(sql, params),
    queryMany: (items) => engine.queryMany(items),
    exec: async (sql: string, opts?: ExecOptions) => {
      if (!caught && sql.startsWith('CREATE OR REPLACE TABLE "p3dn_file_')) {
        caught = true;
        if (process.env['CF_DUMP']) console.log(sql);
        await run(sql);
      }
      return engine.exec(sql, opts);
    },
    registerFile: (n, s) => engine.registerFile(n, s),
    dropFile: (n) => engine.dropFile(n),
    registerEmptyFile: (n) => engine.registerEmptyFile(n),
    copyFileToBuffer: (n) => engine.copyFileToBuffer(n),
  };
  await importFile(e, { data: bytes, displayName: 'bench.csv', isSample: false, replace: 'all' });
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const asIs = med(results.get('as is') ?? []);
  const floor = med(results.get('all bare (read + write floor)') ?? []);
  // Under load the minimum is the steadier estimate (the family shares by minimum add up; by median they need
  // not): both are printed.
  const min = (k: string) => Math.min(...(results.get(k) ?? []));
  const [asIsMin, floorMin] = [min('as is'), min('all bare (read + write floor)')];
  console.log(
    `${(bytes.length / 1048576).toFixed(0)} MB, ${rounds} rounds, load ${loads.map((l) => l.toFixed(1)).join(' ')}`,
  );
  console.log(
    `  CPU time, medians (min–max); wall clock median last. Expressions' cost (as is − all bare): ${((asIs - floor) / 1000).toFixed(2)} s by medians, ${((asIsMin - floorMin) / 1000).toFixed(2)} s by minima`,
  );
  for (const [k, xs] of results) {
    const m = med(xs);
    const share = k.startsWith('without ')
      ? `  family ${((asIs - m) / 1000).toFixed(2).padStart(5)} s (by minima ${((asIsMin - min(k)) / 1000).toFixed(2)} s)`
      : '';
    console.log(
      `  ${(m / 1000).toFixed(2)} s (${(Math.min(...xs) / 1000).toFixed(2)}–${(Math.max(...xs) / 1000).toFixed(2)})  ${k}${share}  [wall ${(med(wall.get(k) ?? []) / 1000).toFixed(2)} s]`,
    );
  }
  engine.close();
}

runBench(main);
