/**
 * View-change latency of the BUILT app in Debian Chromium, beside the same aggregate queries typed into the same
 * engine directly (no React, no app), in the same run. Not a test; it prints figures and asserts nothing.
 *
 *   npm run bench                      (builds first)  ·  tsx bench/view-bench.ts [rows …] [--runs 5] [--states 20]
 *
 * For the bundled sample and then for each size (default 1,000,000): generates `rows` RUP penyedia packages and
 * `rows` Toko Daring orders (bench/out/, git-ignored), imports both through the import panel (timed), and runs
 * `--runs` runs of `--states` view changes. Every state (basis, denominator, targets, filters) is new in the whole
 * session, so no answer comes from a cache; KPI flips (served without a query) are reported apart. Each change is
 * timed in the page from the control's event to the frame after every query is back and the cards, chart and
 * table are drawn (bench/view-page.ts); long tasks are counted during each change. Printed: per run p50 / p95,
 * then the median over runs with min–max; the bare-engine baseline of the same SQL; peak memory.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { literal } from '../src/engine/sql';
import { CHROMIUM_ARGS, SAMPLE_READY } from '../tests/e2e/browser';
import { startPreview } from '../tests/helpers/preview-server';
import { generateViewData } from './generate-view';
import { LONGTASK_INIT, VIEW_BENCH_SRC } from './view-page';
import { CUBE_BUILD_SQL } from '../src/p3dn/metrics/cube';
import { NO_FILTERS } from '../src/p3dn/metrics';
import { bareQueries, nextStep, pageQueries, rawQueries, type State, type Step } from './view-states';

const args = process.argv.slice(2);
const opt = (name: string, d: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : d;
};
const RUNS = opt('runs', 5);
const STATES = opt('states', 20);
const sizes = args.filter((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')).map(Number);
if (sizes.length === 0 && !args.includes('--sample-only')) sizes.push(1_000_000);

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
const med = (xs: number[]) => q(xs, 50);
const f = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : 'n/a');
const range = (xs: number[]) => `${f(med(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;

/** Peak resident memory (VmHWM) of the browser's renderer processes: the tab, its workers and their wasm memory. */
function rendererPeakMb(browserPid: number | undefined): number {
  let best = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer') || !cmd.includes('chromium')) continue;
      if (browserPid !== undefined && !isDescendant(Number(pid), browserPid)) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      best = Math.max(best, Number(hwm?.[1] ?? 0) / 1024);
    } catch {
      // the process ended meanwhile
    }
  }
  return best;
}
function isDescendant(pid: number, ancestor: number): boolean {
  for (let p = pid, i = 0; p > 1 && i < 20; i++) {
    if (p === ancestor) return true;
    p = Number(readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] ?? 0);
  }
  return false;
}

interface Change {
  ms: number;
  ready: number;
  longTasks: number;
  longestTask: number;
}

async function importFile(page: Page, path: string): Promise<number> {
  // The import panel is on the Data view; the figures are timed on the summary view (ringkasan).
  await page.click('[data-testid=nav-data]');
  await page.setInputFiles('[data-testid=file-input]', path);
  await page.waitForSelector('[data-testid=import-confirm]');
  const before = await page.locator('[data-testid=import-result]').count();
  const t0 = Date.now();
  await page.click('[data-testid=import-confirm]');
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid=import-result], [data-testid=import-error]').length > n,
    before,
    { timeout: 60 * 60_000, polling: 200 },
  );
  const secs = (Date.now() - t0) / 1000;
  if ((await page.locator('[data-testid=import-error]').count()) > 0)
    throw new Error(
      `import failed: ${await page.locator('[data-testid=import-error]').first().textContent()}`,
    );
  return secs;
}

/** The SQL with its `?` placeholders replaced by literals (the bench's own values; the app binds them). */
function inline(sql: string, params: readonly (string | number | boolean | null)[]): string {
  let i = 0;
  return sql.replace(/\?/g, () => {
    const v = params[i++];
    return v === null || v === undefined ? 'NULL' : typeof v === 'string' ? literal(v) : String(v);
  });
}

async function bareMs(page: Page, statements: string[]): Promise<number> {
  const t = await page.evaluate((s) => window.__pantauBench!.timeSql(s), statements);
  return t.reduce((a, b) => a + b, 0) * 1000;
}

async function session(page: Page, label: string, seen: Set<string>, browserPid: number | undefined) {
  const options = {
    tahun: await page.evaluate(() => window.__viewBench!.options('filter-tahun')),
    agency: await page.evaluate(() => window.__viewBench!.options('filter-agency')),
    metode: await page.evaluate(() => window.__viewBench!.options('filter-metode')),
    jenis: await page.evaluate(() => window.__viewBench!.options('filter-jenis')),
    sumberDana: await page.evaluate(() => window.__viewBench!.options('filter-sumberDana')),
    source: await page.evaluate(() => window.__viewBench!.options('filter-source')),
    pemda: await page.evaluate(() => window.__viewBench!.options('filter-pemda')),
  };
  const p50s: number[] = [];
  const p95s: number[] = [];
  const kpi: number[] = [];
  let longTasks = 0;
  let longest = 0;
  const baseCube: number[] = [];
  const appSame: number[] = [];
  const baseRows: number[] = [];
  let state: State = {
    basis: 'komitmen',
    kpi: 'pdn',
    den: 'belanja_pengadaan',
    targets: { pdn: 0.4, umk: 0.4 },
    filters: { ...NO_FILTERS, pemda: null },
  };
  let heap = 0;
  for (let run = 0; run < RUNS; run++) {
    const times: number[] = [];
    for (let i = 0; i < STATES; i++) {
      const step: Step = nextStep(state, seen, options, run * 1000 + i);
      state = step.next;
      const r = (await page.evaluate((s) => window.__viewBench!.change(s), step.step)) as Change;
      times.push(r.ms);
      longTasks += r.longTasks;
      longest = Math.max(longest, r.longestTask);
      if (i % 5 === 4) {
        // A KPI flip: the same data drawn for the other KPI (no query).
        const flip = state.kpi === 'pdn' ? 'umk' : 'pdn';
        state = { ...state, kpi: flip };
        kpi.push(
          (
            (await page.evaluate((s) => window.__viewBench!.change(s), {
              type: 'kpi',
              value: flip,
            })) as Change
          ).ms,
        );
      }
      if (run === 0 && i < 5) {
        // The bare engine: the dashboard's two queries for this state, run again directly (cube SQL).
        baseCube.push(
          await bareMs(
            page,
            bareQueries(state).map((x) => inline(x.sql, x.params)),
          ),
        );
        appSame.push(r.ms);
        // The same state on the rows, as before the cubes (3 states: seconds each at a million rows).
        if (i < 3)
          baseRows.push(
            await bareMs(
              page,
              rawQueries(state).map((x) => inline(x.sql, x.params)),
            ),
          );
      }
      const m = (await page.evaluate(() => window.__viewBench!.memory())) as { used: number } | null;
      heap = Math.max(heap, m?.used ?? 0);
    }
    p50s.push(q(times, 50));
    p95s.push(q(times, 95));
    console.log(
      `  ${label} run ${run + 1}: p50 ${f(q(times, 50))} ms, p95 ${f(q(times, 95))} ms, max ${f(Math.max(...times))} ms  [load ${load()}]`,
    );
  }
  // Where one change's engine time goes: each of the page's queries for the last state, alone, on the bare engine.
  const prof: string[] = [];
  for (const [name, x] of pageQueries(state))
    prof.push(`${name} ${f(await bareMs(page, [inline(x.sql, x.params)]))}`);
  console.log(`  per query, bare engine, last state (ms): ${prof.join(', ')}`);
  console.log(
    [
      `${label}: view change over ${RUNS} runs × ${STATES} new states — p50 ${range(p50s)} ms, p95 ${range(p95s)} ms`,
      `  KPI flip (no query) ${range(kpi)} ms; long tasks during changes: ${longTasks} (longest ${f(longest)} ms)`,
      `  bare engine, same cube SQL (agencies + summary), 5 states: ${range(baseCube)} ms; app for those states ${range(appSame)} ms`,
      `  bare engine, the same two queries on the rows (before the cubes), 3 states: ${range(baseRows)} ms`,
      `  peak JS heap (main thread) ${f(heap / 2 ** 20)} MB; peak renderer RSS (tab + workers + wasm) ${f(rendererPeakMb(browserPid))} MB  [load ${load()}]`,
    ].join('\n'),
  );
}

async function main() {
  const server = await startPreview();
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    // The browser tests' flags (tests/e2e/browser.ts), and heap sizes to the byte for performance.memory.
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
  // playwright-core keeps the browser process behind its own API; its pid names the renderers it owns.
  const browserPid = (browser as unknown as { _process?: { pid?: number } })._process?.pid;
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.addInitScript(LONGTASK_INIT);
    const page = await context.newPage();
    page.setDefaultTimeout(60 * 60_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const t0 = Date.now();
    await page.goto(`${server.baseURL}?bench`);
    await page.waitForSelector(SAMPLE_READY, { timeout: 180_000 });
    console.log(`sample loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s  [load ${load()}]`);
    await page.evaluate(VIEW_BENCH_SRC);
    // A small file for the bench hook's timeSql (it registers the chosen file; the statements here ignore it).
    await page.setInputFiles('[data-testid=bench-input]', {
      name: 'x.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('a\n1\n'),
    });
    const seen = new Set<string>();
    await session(page, 'sample', seen, browserPid);
    for (const n of sizes) {
      const tg = Date.now();
      const paths = await generateViewData(n);
      console.log(
        `generated ${n.toLocaleString('en')} + ${n.toLocaleString('en')} rows in ${((Date.now() - tg) / 1000).toFixed(0)} s (or reused)`,
      );
      const rupS = await importFile(page, paths.rup);
      const tokoS = await importFile(page, paths.toko);
      console.log(`  import: RUP ${rupS.toFixed(1)} s, Toko Daring ${tokoS.toFixed(1)} s  [load ${load()}]`);
      // The cubes' share of an import: each build statement again, timed on the loaded rows.
      const build = await page.evaluate((st) => window.__pantauBench!.timeSql(st), CUBE_BUILD_SQL);
      const names = ['pen', 'swa', 'str', 'pa', 'ap', 'rx', 'base', 'facets'];
      console.log(
        `  cube build ${build.reduce((a, b) => a + b, 0).toFixed(2)} s: ${build.map((t, i) => `${names[i]} ${t.toFixed(2)}`).join(', ')}`,
      );
      // Back to the summary view (the measure toolbar with the filters is not on the Data view).
      await page.click('[data-testid=nav-ringkasan]');
      await page.waitForFunction(() => document.querySelectorAll('#filter-agency option').length > 50);
      await session(page, `${n.toLocaleString('en')} rows`, seen, browserPid);
    }
    if (errors.length) console.error('page errors:', errors.slice(0, 3));
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
