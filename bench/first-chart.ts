/**
 * Time to the first chart at start, on the bundled sample, in the BUILT app in Debian Chromium: loaded from its
 * prebuilt snapshot (dist/ as built) beside imported from its 11 CSV files (a copy of dist/ without
 * `sample-snapshot/`, which makes the app fall back to importing). Not a test. Usage: `npm run build && tsx
 * bench/first-chart.ts [runs]`. Each run is a fresh browser context (empty storage, no service worker), the two
 * variants alternate. Prints per variant the median and min–max of: engine ready (the app's `pantau:engine-ready`
 * mark: DuckDB up with the app's schema), data ready (`pantau:data-ready`), first chart (the agency chart's bars
 * drawn), all ms from navigation start; then the median of each stage between two marks: the bare engine
 * (`pantau:engine-up`), the schema, the fingerprint and the look-ups (`pantau:restore-start`), the restore or
 * import, the alias check / re-match (`pantau:status-ready`), the first view's queries and render.
 */
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch } from '../tests/e2e/browser';
import { startPreview } from '../tests/helpers/preview-server';
import { record, runBench, spread } from './results';

const RUNS = Number(process.argv[2] ?? 5);
/** The app's marks (`pantau:<name>`), in the order they are set at start. */
const STAGES = ['engine-up', 'engine-ready', 'restore-start', 'data-ready', 'status-ready'] as const;
const root = resolve(import.meta.dirname, '..');
const noSnapshot = resolve(root, 'bench/out/dist-no-snapshot');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main() {
  if (!existsSync(join(root, 'dist/sample-snapshot/manifest.json')))
    throw new Error('dist/ without the sample snapshot: run `npm run build` first');
  rmSync(noSnapshot, { recursive: true, force: true });
  cpSync(join(root, 'dist'), noSnapshot, { recursive: true });
  rmSync(join(noSnapshot, 'sample-snapshot'), { recursive: true, force: true });
  const servers = { snapshot: await startPreview(), import: await startPreview({ outDir: noSnapshot }) };
  const browser = await launch();
  type Times = Record<(typeof STAGES)[number] | 'chart', number>;
  const out: Record<string, Times[]> = { snapshot: [], import: [] };
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const variant of ['snapshot', 'import'] as const) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
        const page = await context.newPage();
        await page.goto(servers[variant].baseURL);
        await page.waitForSelector('[data-testid=agency-chart] [data-testid=agency-bar]', {
          timeout: 120_000,
        });
        // A string: tsx would wrap a function's inner helpers in `__name`, which the page does not have.
        const t = (await page.evaluate(`({
          chart: performance.now(),
          ...Object.fromEntries(${JSON.stringify(STAGES)}.map((m) =>
            [m, performance.getEntriesByName('pantau:' + m)[0]?.startTime ?? NaN])),
        })`)) as Times;
        const from = await page.locator('[data-testid=dataset-badge]').getAttribute('data-sample-from');
        if (from !== variant) throw new Error(`${variant} run loaded the sample from ${from}`);
        out[variant]!.push(t);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    servers.snapshot.stop();
    servers.import.stop();
  }
  const f = (xs: number[]) =>
    `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  console.log(`runs: ${RUNS} each; ms from navigation start, median (min–max)`);
  // chart/engine: over the engine with the app's schema (the figure tracked so far); chart/bare: over the bare
  // engine (instantiated, opened, connected: `pantau:engine-up`), the stricter one.
  console.log('variant\tengine_ready\tdata_ready\tfirst_chart\tchart/engine\tchart/bare');
  for (const [k, v] of Object.entries(out)) {
    const col = (m: keyof Times) => v.map((t) => t[m]);
    const ratio = median(col('chart')) / median(col('engine-ready'));
    const bare = median(col('chart')) / median(col('engine-up'));
    console.log(
      `${k}\t${f(col('engine-ready'))}\t${f(col('data-ready'))}\t${f(col('chart'))}\t${ratio.toFixed(2)}\t${bare.toFixed(2)}`,
    );
  }
  const snap = out['snapshot']!;
  record({
    what: 'first chart ÷ bare engine ready (sample)',
    ...spread(snap.map((t) => t.chart / t['engine-up'])),
    unit: '×',
    goal: 1.5,
  });
  record({
    what: 'first chart ÷ engine ready with the schema (sample)',
    ...spread(snap.map((t) => t.chart / t['engine-ready'])),
    unit: '×',
  });
  record({
    what: 'first chart (sample), ms from navigation',
    ...spread(snap.map((t) => t.chart)),
    unit: 'ms',
  });
  console.log("\nstages, median ms (min–max) of each run's difference between two marks:");
  const steps: [string, keyof Times | null, keyof Times][] = [
    ['bare engine (navigation → engine-up)', null, 'engine-up'],
    ['schema (engine-up → engine-ready)', 'engine-up', 'engine-ready'],
    ['fingerprint, look-ups (→ restore-start)', 'engine-ready', 'restore-start'],
    ['restore or import (→ data-ready)', 'restore-start', 'data-ready'],
    ['aliases (→ status-ready)', 'data-ready', 'status-ready'],
    ['first view: queries + render (→ chart)', 'status-ready', 'chart'],
  ];
  for (const [k, v] of Object.entries(out)) {
    for (const [name, a, b] of steps) console.log(`${k}\t${name}\t${f(v.map((t) => t[b] - (a ? t[a] : 0)))}`);
  }
}

runBench(main);
