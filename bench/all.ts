/**
 * `npm run bench`: every benchmark of the built app in Debian Chromium, one after the other, then the goals
 * beside what was measured (median and min–max of the runs). Not a test; it takes 40–60 minutes on a 2-core machine.
 *
 *   view changes      bench/view-bench.ts: the sample, 1M + 1M rows and 5M + 5M rows (10M), 5 runs × 20 new states
 *   first chart       bench/first-chart.ts: the sample at start, 5 runs
 *   import            bench/import-bench.ts: a 100 MB, 1 GB and 2 GB RUP export beside a plain read_csv, 5 runs
 *   reload            bench/reload-bench.ts: 1M rows imported, then the page reloaded
 *
 * `--only view,start,import,reload` runs some of them (`--append`: beside the figures of the last run). Each bench prints its own report as it goes and records its
 * figures (bench/results.ts) in a file this script reads at the end.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Figure } from './results';

const ROOT = resolve(import.meta.dirname, '..');
const BENCHES: Record<string, string[]> = {
  view: ['bench/view-bench.ts', '1000000', '5000000', '--runs', '5', '--states', '20'],
  start: ['bench/first-chart.ts', '5'],
  import: ['bench/import-bench.ts', '100', '1024', '2047', '--runs', '5'],
  reload: ['bench/reload-bench.ts'],
};

const at = process.argv.indexOf('--only');
const only = at >= 0 ? process.argv[at + 1]!.split(',') : Object.keys(BENCHES);
const unknown = only.filter((k) => !(k in BENCHES));
if (unknown.length)
  throw new Error(`unknown bench: ${unknown.join(', ')} (have ${Object.keys(BENCHES).join(', ')})`);
if (!existsSync(join(ROOT, 'dist/index.html'))) throw new Error('no dist/: run `npm run build:bench` first');

const out = join(ROOT, 'bench/out');
mkdirSync(out, { recursive: true });
const results = join(out, 'results.jsonl');
// `--append`: keep the figures of an earlier run (e.g. one bench run again alone) and add these.
if (!process.argv.includes('--append')) rmSync(results, { force: true });
const t0 = Date.now();
const failed: string[] = [];
for (const k of only) {
  console.log(
    `\n######## ${k}: tsx ${BENCHES[k]!.join(' ')}  [load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}]\n`,
  );
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), BENCHES[k]!, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, BENCH_RESULTS: results },
  });
  if (r.status !== 0) failed.push(k);
}

const figures: Figure[] = existsSync(results)
  ? readFileSync(results, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Figure)
  : [];
const num = (v: number, unit: Figure['unit']) =>
  unit === '×' ? v.toFixed(2) : unit === 's' ? v.toFixed(1) : v.toFixed(0);
const cell = (f: Figure) =>
  `${num(f.median, f.unit)} (${num(f.min, f.unit)}–${num(f.max, f.unit)}) ${f.unit === 'count' ? '' : f.unit}`.trim();
console.log(
  `\n######## goals (median of the runs, min–max), ${((Date.now() - t0) / 60000).toFixed(0)} min` +
    (failed.length ? `; FAILED: ${failed.join(', ')}` : ''),
);
const w = Math.max(...figures.map((f) => f.what.length), 10);
for (const f of figures) {
  const goal =
    f.goal === undefined ? '' : `≤ ${num(f.goal, f.unit)} ${f.unit === 'count' ? '' : f.unit}`.trim();
  const met = f.goal === undefined ? '' : f.median <= f.goal ? 'met' : 'NOT met';
  console.log(`${f.what.padEnd(w)}  ${cell(f).padEnd(28)} ${goal.padEnd(10)} ${met}`.trimEnd());
}
if (failed.length) process.exitCode = 1;
