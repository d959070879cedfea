/**
 * View-change latency of the BUILT app in Debian Chromium, beside the same aggregate queries typed into the same
 * engine directly (no React, no app), in the same run. Not a test; it prints figures and asserts nothing.
 *
 *   npm run bench                      (builds first)  ·  tsx bench/view-bench.ts [rows …] [--runs 5] [--states 20]
 *   options: --no-sample (skip the sample's session), --file-rows N (rows per generated file), --dist DIR (a build)
 *
 * For the bundled sample and then for each size (default 1,000,000): generates `rows` RUP penyedia packages and
 * `rows` Toko Daring orders (bench/out/, git-ignored), imports both through the import panel (timed), and runs
 * `--runs` runs of `--states` view changes. Every state (basis, denominator, targets, filters) is new in the whole
 * session, so no answer comes from a cache; KPI flips (served without a query) are reported apart. Each change is
 * timed in the page from the control's event to the frame after every query is back and the cards, chart and
 * table are drawn (bench/view-page.ts); long tasks are counted during each change. Printed: per run p50 / p95,
 * then the median over runs with min–max; the bare-engine baseline of the same SQL; peak memory.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { literal } from '../src/engine/sql';
import { CHROMIUM_ARGS, SAMPLE_READY } from '../tests/e2e/browser';
import { startPreview } from '../tests/helpers/preview-server';
import { FILE_ROWS, countPackages, generateViewData } from './generate-view';
import { checkLoaded, importBatch, StageError } from './view-import';
import { WorkerProbe, duckdbMemory, rendererPeakMb, rendererRssMb, resetPeaks } from './view-memory';
import { LONGTASK_INIT, VIEW_BENCH_SRC, type Change } from './view-page';
import { CUBE_BUILD_SQL } from '../src/p3dn/metrics/cube';
import { NO_FILTERS } from '../src/p3dn/metrics';
import { bareQueries, nextStep, pageQueries, rawQueries, type State, type Step } from './view-states';
import { record, runBench, spread } from './results';

const args = process.argv.slice(2);
const opt = (name: string, d: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : d;
};
const RUNS = opt('runs', 5);
const STATES = opt('states', 20);
/** Rows per generated file past one file (bench/generate-view.ts). */
const FILE_ROWS_ARG = opt('file-rows', FILE_ROWS);
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

/** One session of view changes; `short` names it in the goal table, `goal` the p95 it must not exceed (ms). */
async function session(
  page: Page,
  label: string,
  seen: Set<string>,
  browserPid: number | undefined,
  short = label,
  goal = 30,
) {
  resetPeaks(browserPid);
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
  // Where a change's time goes (medians over every change): the control's event (React's render of it), the
  // wait for the engine's answers, the render of the answers, the next frame.
  const split = {
    applied: [] as number[],
    answered: [] as number[],
    ready: [] as number[],
    ms: [] as number[],
  };
  const trips: number[] = [];
  const queries: number[] = [];
  // Every change's time by the control it set, and by the cube the agency figures read after it (a metode, jenis,
  // sumber dana or source filter set: cube_agency_dims; else cube_agency_year).
  const byControl = new Map<string, number[]>();
  const push = (k: string, v: number) => byControl.set(k, [...(byControl.get(k) ?? []), v]);
  for (let run = 0; run < RUNS; run++) {
    const times: number[] = [];
    const waits: number[] = [];
    for (let i = 0; i < STATES; i++) {
      const step: Step = nextStep(state, seen, options, run * 1000 + i);
      state = step.next;
      const r = (await page.evaluate((s) => window.__viewBench!.change(s), step.step)) as Change;
      times.push(r.ms);
      if (run === 0 && i === 0)
        console.log(
          `  first change (${step.step.type}): ${f(r.ms)} ms — the event ${f(r.applied)}, the engine ${f(r.answered - r.applied)}, the drawing ${f(r.ready - r.answered)}; ${r.queries} queries, ${r.longTasks} long tasks (longest ${f(r.longestTask)} ms)`,
        );
      push(step.step.type, r.ms);
      const { metode, jenis, sumberDana, source } = state.filters;
      push(
        [metode, jenis, sumberDana, source].some((v) => v != null)
          ? 'read cube_agency_dims'
          : 'read cube_agency_year',
        r.ms,
      );
      split.applied.push(r.applied);
      split.answered.push(r.answered - r.applied);
      waits.push(r.answered - r.applied);
      split.ready.push(r.ready - r.answered);
      split.ms.push(r.ms - r.ready);
      trips.push(r.trips);
      queries.push(r.queries);
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
      `  ${label} run ${run + 1}: p50 ${f(q(times, 50))} ms, p95 ${f(q(times, 95))} ms, max ${f(Math.max(...times))} ms; engine wait p50 ${f(q(waits, 50))} ms  [load ${load()}]`,
    );
  }
  // Where one change's engine time goes: each of the page's queries for the last state, alone, on the bare engine.
  const prof: string[] = [];
  for (const [name, x] of pageQueries(state))
    prof.push(`${name} ${f(await bareMs(page, [inline(x.sql, x.params)]))}`);
  console.log(`  per query, bare engine, last state (ms): ${prof.join(', ')}`);
  console.log(
    `  by control, all runs (n, p50 / p95 ms): ${[...byControl]
      .map(([k, v]) => `${k} ${v.length}: ${f(q(v, 50))} / ${f(q(v, 95))}`)
      .join(', ')}`,
  );
  record({ what: `view change p50, ${short}`, ...spread(p50s), unit: 'ms' });
  record({ what: `view change p95, ${short}`, ...spread(p95s), unit: 'ms', goal });
  record({
    what: `long tasks (> 50 ms) during the changes, ${short}`,
    ...spread([longTasks]),
    unit: 'count',
    goal: 0,
  });
  console.log(
    [
      `${label}: view change over ${RUNS} runs × ${STATES} new states — p50 ${range(p50s)} ms, p95 ${range(p95s)} ms`,
      `  one change, medians: the event ${f(med(split.applied))} ms, then the wait for the engine ${f(med(split.answered))}, the answers drawn ${f(med(split.ready))}, the next frame ${f(med(split.ms))} (p95 of the event ${f(q(split.applied, 95))}, of the drawing ${f(q(split.ready, 95))})`,
      `  engine calls per change: median ${f(med(trips))} round trip(s) (max ${f(Math.max(...trips))}) carrying ${f(med(queries))} queries (max ${f(Math.max(...queries))})`,
      `  KPI flip (no query) ${range(kpi)} ms; long tasks during changes: ${longTasks} (longest ${f(longest)} ms)`,
      `  bare engine, same cube SQL (agencies + summary), 5 states: ${range(baseCube)} ms; app for those states ${range(appSame)} ms`,
      `  bare engine, the same two queries on the rows (before the cubes), 3 states: ${range(baseRows)} ms`,
      `  during the changes: peak JS heap (main thread) ${f(heap / 2 ** 20)} MB; peak renderer RSS (tab + workers + wasm) ${f(rendererPeakMb(browserPid))} MB  [load ${load()}]`,
    ].join('\n'),
  );
}

/**
 * Wait until the app has prepared the dashboard's statements in idle time (src/queries/prewarm.ts), as it does
 * after every dataset change, before the changes are measured; `again`: ask for a new prewarm first (after the
 * bench rebuilt the cubes itself). Returns the seconds waited.
 */
async function prewarmed(page: Page, again = false): Promise<number> {
  const t0 = Date.now();
  // Source text, not a function: no bundler helper may reach the page (and its CSP allows no eval).
  const marks = "performance.getEntriesByName('pantau:prewarmed').length";
  if (!(await page.evaluate('typeof window.__pantauPrewarm === "function"'))) return NaN; // a build without it
  const before = again ? ((await page.evaluate(marks)) as number) : 0;
  if (again) await page.evaluate('window.__pantauPrewarm()');
  while (((await page.evaluate(marks)) as number) <= before) {
    if (Date.now() - t0 > 60_000) throw new Error('the statements were not prepared within 60 s');
    await new Promise((r) => setTimeout(r, 20));
  }
  return (Date.now() - t0) / 1000;
}

/** A fresh context (empty storage) with the app on the sample and the bench's page hooks installed. */
async function openBench(browser: Browser, baseURL: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addInitScript(LONGTASK_INIT);
  const page = await context.newPage();
  page.setDefaultTimeout(60 * 60_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const t0 = Date.now();
  await page.goto(`${baseURL}?bench`);
  await page.waitForSelector(SAMPLE_READY, { timeout: 180_000 });
  console.log(`sample loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s  [load ${load()}]`);
  console.log(`  statements prepared ${(await prewarmed(page)).toFixed(1)} s later`);
  await page.evaluate(VIEW_BENCH_SRC);
  // A small file for the bench hook's timeSql (it registers the chosen file; the statements here ignore it).
  await page.setInputFiles('[data-testid=bench-input]', {
    name: 'x.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('a\n1\n'),
  });
  return { page, errors };
}

/** The memory now: the DuckDB worker's JS heap, DuckDB's own account of what it holds, the renderer's RSS. */
async function memoryNow(
  page: Page,
  probe: WorkerProbe | null,
  browserPid: number | undefined,
): Promise<string> {
  const w = await probe?.heapMb().catch(() => null);
  const d = await duckdbMemory(page);
  return [
    `DuckDB worker JS heap ${w ? f(w) : 'n/a'} MB`,
    `duckdb_memory() ${f(d.totalMb)} MB (${d.tags})`,
    `renderer RSS now ${f(rendererRssMb(browserPid))} MB`,
  ].join('; ');
}

async function oneSize(
  browser: Browser,
  baseURL: string,
  n: number,
  seen: Set<string>,
  browserPid: number | undefined,
) {
  const tg = Date.now();
  const files = await generateViewData(n, FILE_ROWS_ARG);
  const paths = [...files.rup, ...files.toko];
  const expected = await countPackages(files.rup);
  const tokoLines = await Promise.all(files.toko.map((p) => countLines(p)));
  const label = `${n.toLocaleString('en')} + ${n.toLocaleString('en')} rows`;
  console.log(
    `\n${label}: ${files.rup.length} RUP + ${files.toko.length} Toko Daring files (generated or reused, and counted, in ${((Date.now() - tg) / 1000).toFixed(0)} s); ${expected.counted.toLocaleString('en')} packages counted`,
  );
  const { page, errors } = await openBench(browser, baseURL);
  const probe = await WorkerProbe.attach(browser, page);
  try {
    console.log(`  before the import: ${await memoryNow(page, probe, browserPid)}`);
    let fig;
    try {
      fig = await importBatch(page, paths, browserPid);
    } catch (e) {
      if (e instanceof StageError) console.log(`  ${label} does not fit: ${e.message}`);
      throw e;
    }
    const stages = Object.entries(fig.stageS).map(([k, v]) => `${k} ${f(v)}`);
    console.log(
      [
        `  import of the batch ${f(fig.importS)} s; peak renderer RSS ${f(fig.importPeakMb)} MB, peak page JS heap ${f(fig.importHeapMb)} MB  [load ${load()}]`,
        `    per file ${fig.fileS.map((s) => f(s)).join(', ')} s; per stage ${stages.join(', ')} s`,
        `    renderer RSS sampled per file ${fig.fileRssMb.map((v) => f(v)).join(', ')} MB, matching ${f(fig.matchRssMb)} MB`,
      ].join('\n'),
    );
    const short = `${n / 1e6}M + ${n / 1e6}M rows`;
    record({
      what: `import of the batch, ${short}: peak renderer RSS`,
      ...spread([fig.importPeakMb]),
      unit: 'MB',
    });
    record({
      what: `save to the browser, ${short}: peak renderer RSS`,
      ...spread([fig.savePeakMb]),
      unit: 'MB',
    });
    console.log(
      `  save to the browser's storage ${f(fig.saveS)} s, ${fig.saveState}; peak renderer RSS ${f(fig.savePeakMb)} MB, peak page JS heap ${f(fig.saveHeapMb)} MB`,
    );
    console.log(`  after the save: ${await memoryNow(page, probe, browserPid)}`);
    // The cubes' share of an import: each build statement again, timed on the loaded rows.
    const build = await page.evaluate((st) => window.__pantauBench!.timeSql(st), CUBE_BUILD_SQL);
    const names = CUBE_BUILD_SQL.map((q) => /TABLE cube_(\w+)/.exec(q)?.[1] ?? '?');
    console.log(
      `  cube build ${build.reduce((a, b) => a + b, 0).toFixed(2)} s: ${build.map((t, i) => `${names[i]} ${t.toFixed(2)}`).join(', ')}`,
    );
    console.log(`  statements prepared again ${(await prewarmed(page, true)).toFixed(1)} s after the cubes`);
    await checkLoaded(
      page,
      paths.map((p) => basename(p)),
      [...expected.lines, ...tokoLines],
      expected.counted,
    );
    // Back to the summary view (the measure toolbar with the filters is not on the Data view).
    await page.click('[data-testid=nav-ringkasan]');
    const opened = Date.now();
    await page.waitForFunction(() => document.querySelectorAll('#filter-agency option').length > 50);
    // Every query of the opened view answered and drawn before the first change is timed (else the first change
    // waits for the view's own first figures, breakdowns and lines).
    // Source text, polled (the page's CSP allows no eval, which a string predicate of waitForFunction needs).
    const settled =
      "(window.__pantauEngine ? window.__pantauEngine.inflight() === 0 : true) && !document.querySelector('[aria-busy=true]')";
    while (!(await page.evaluate(settled))) await new Promise((r) => setTimeout(r, 50));
    console.log(`  the summary view drawn ${f((Date.now() - opened) / 1000)} s after it was opened`);
    await session(page, label, seen, browserPid, short, n >= 5_000_000 ? 100 : 30);
    console.log(`  after the changes: ${await memoryNow(page, probe, browserPid)}`);
    if (errors.length) console.error('page errors:', errors.slice(0, 3));
  } finally {
    await probe?.detach();
    await page.context().close();
  }
}

/** The data lines of a CSV file without line breaks inside fields (the generated Toko Daring files). */
async function countLines(path: string): Promise<number> {
  const { createReadStream } = await import('node:fs');
  let n = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>)
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) n++;
  return n - 1;
}

async function main() {
  // `--dist DIR`: another build to serve (e.g. to compare two engine settings in turn); default dist/.
  const dist = args.indexOf('--dist');
  const server = await startPreview(dist >= 0 ? { outDir: args[dist + 1]! } : {});
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    // The browser tests' flags (tests/e2e/browser.ts), and heap sizes to the byte for performance.memory.
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
  // playwright-core keeps the browser process behind its own API; its pid names the renderers it owns.
  const browserPid = (browser as unknown as { _process?: { pid?: number } })._process?.pid;
  try {
    const seen = new Set<string>();
    if (!args.includes('--no-sample')) {
      const { page, errors } = await openBench(browser, server.baseURL);
      await session(page, 'sample', seen, browserPid);
      if (errors.length) console.error('page errors:', errors.slice(0, 3));
      await page.context().close();
    }
    // Each size in a fresh context: empty storage, and a new engine (a wasm memory only grows).
    for (const n of sizes) await oneSize(browser, server.baseURL, n, seen, browserPid);
  } finally {
    await browser.close();
    server.stop();
  }
}

runBench(main);
