/**
 * The stored dataset at scale, in the BUILT app in Debian Chromium: a generated SIRUP export (default 1 000 000
 * packages, ≈ 333 MB) imported through the UI, stored in the browser (OPFS snapshot), then the page reloaded — the
 * stored data comes back without an import. Each run is a fresh browser context (empty storage, no service worker),
 * so each run times a fresh import of the same file beside the reload of what it stored. Not a test.
 *
 * Usage: `npm run build && tsx bench/reload-bench.ts [--rows N | --mb M] [--runs R] [--persistent]` (default
 * 1 000 000 rows, 5 runs; `--mb`: an export of M MB, bench/generate.ts; `--persistent`: each run in a new browser
 * profile on disk, whose storage quota is a share of the disk as for a user, where Playwright's contexts keep
 * their storage in memory with a small quota — needed past ≈ 1 GB of snapshot).
 * Prints each run, then the median (min–max) over the runs of:
 *   import s        click "Muat" → the file's import report (the import alone; the engine was up);
 *   store s         report → the badge's "saving" ends (the snapshot written to OPFS);
 *   snapshot MB     the stored snapshot's table files;
 *   reload data s   reload → the app's `pantau:data-ready` mark (engine start + restore);
 *   restore s       `pantau:engine-ready` → `pantau:data-ready` (the restore alone, beside "import s");
 *   reload chart s  reload → the first chart drawn from the restored data;
 *   reload ÷ import reload chart s ÷ import s (what a reload costs against importing the files again; the
 *                   reload includes the engine's start, the import does not);
 *   restore ÷ import restore s ÷ import s (the data back against the same data imported, both on a running engine).
 * Every run checks that the figures after the reload are the figures before it and that nothing was imported.
 */
import { loadavg } from 'node:os';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { generate, generateRows } from './generate';
import { CHROMIUM_ARGS, launch, showView } from '../tests/e2e/browser';
import { startPreview } from '../tests/helpers/preview-server';
import { record, runBench, spread } from './results';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name}: a positive integer`);
  return v;
};
const ROWS = arg('rows', 1_000_000);
const MB = process.argv.includes('--mb') ? arg('mb', 1) : null;
const PERSISTENT = process.argv.includes('--persistent');
const RUNS = arg('runs', 5);
const HOUR = 60 * 60 * 1000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Run {
  import: number;
  store: number;
  snapshotMb: number;
  reloadData: number;
  restore: number;
  reloadChart: number;
}

/**
 * The ranking drawn: a bar per agency, or the "no denominator" label when the data has no budget (the generated
 * export is SIRUP packages only, so the default denominator, belanja pengadaan, is missing).
 */
const MARKS = ':is([data-testid=agency-bar], [data-testid=agency-noden])';
const CHART = `[data-testid=agency-chart][aria-busy=false] ${MARKS}`;

/** What the summary shows: the KPI cards and the ranking's marks (agency, value, share). */
const shown = (page: Page) =>
  page.evaluate(`(() => ({
    cards: document.querySelector('[data-testid=kpi-cards]')?.textContent ?? null,
    marks: [...document.querySelectorAll('${MARKS}')].map((b) =>
      [b.getAttribute('data-agency'), b.getAttribute('data-value'), b.getAttribute('data-share')].join('|')),
  }))()`);

async function oneRun(
  baseURL: string,
  path: string,
  browser: Awaited<ReturnType<typeof launch>>,
): Promise<Run> {
  const profile = PERSISTENT ? mkdtempSync(join(tmpdir(), 'pantau-reload-')) : null;
  const context = profile
    ? await chromium.launchPersistentContext(profile, {
        executablePath: '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
        viewport: { width: 1366, height: 900 },
        serviceWorkers: 'block',
      })
    : await browser.newContext({ viewport: { width: 1366, height: 900 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(HOUR);
    await page.goto(baseURL);
    await page.waitForSelector(CHART, { timeout: 120_000 });
    await showView(page, 'data');
    await page.setInputFiles('[data-testid=file-input]', path);
    await page.waitForSelector('[data-testid=import-confirm]');
    // Timed in the page: the click, the first report or error, the badge's "saving" and its end (a mutation
    // observer notes each the moment it happens; Playwright's polling would add its own delay).
    await page.evaluate(`(() => {
      const t = (window.__bench = {});
      new MutationObserver(() => {
        const now = performance.now();
        if (t.result === undefined && document.querySelector('[data-testid=import-result], [data-testid=import-error]'))
          t.result = now;
        const st = document.querySelector('[data-testid=storage-status]')?.getAttribute('data-state');
        if (t.saving === undefined && st === 'saving') t.saving = now;
        if (t.saved === undefined && t.saving !== undefined && st !== 'saving') t.saved = now;
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
      t.click = performance.now();
      document.querySelector('[data-testid=import-confirm]').click();
    })()`);
    type Marks = Record<'click' | 'result' | 'saving' | 'saved', number | undefined>;
    let m: Marks;
    // Polled from here (the page's CSP refuses the string predicate of waitForFunction).
    while ((m = (await page.evaluate('window.__bench')) as Marks).saved === undefined)
      await new Promise((r) => setTimeout(r, 250));
    if ((await page.locator('[data-testid=import-error]').count()) > 0)
      throw new Error(`import failed: ${await page.textContent('[data-testid=import-error]')}`);
    const importS = (m.result! - m.click!) / 1000;
    // From the import's report to the end of the save (the save starts when the import run ends).
    const storeS = (m.saved - m.result!) / 1000;
    const state = await page.locator('[data-testid=storage-status]').getAttribute('data-state');
    if (state !== 'saved') throw new Error(`not stored: ${state}`);
    const snapshotBytes = (await page.evaluate(`(async () => {
      const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('pantau-pdn');
      const cur = JSON.parse(await (await (await root.getFileHandle('current.json')).getFile()).text());
      const dir = await root.getDirectoryHandle(cur.dir);
      const m = JSON.parse(await (await (await dir.getFileHandle('manifest.json')).getFile()).text());
      return m.tables.reduce((s, t) => s + t.bytes, 0);
    })()`)) as number;
    await showView(page, 'ringkasan');
    await page.waitForSelector(CHART);
    const before = await shown(page);

    await page.reload();
    await page.waitForSelector('[data-testid=dataset-badge][data-source=own]');
    await page.waitForSelector(CHART);
    const t = (await page.evaluate(`({ chart: performance.now(),
      engine: performance.getEntriesByName('pantau:engine-ready')[0]?.startTime ?? NaN,
      data: performance.getEntriesByName('pantau:data-ready')[0]?.startTime ?? NaN })`)) as {
      chart: number;
      engine: number;
      data: number;
    };
    const after = await shown(page);
    if (JSON.stringify(after) !== JSON.stringify(before))
      throw new Error(`figures differ after the reload: ${JSON.stringify({ before, after })}`);
    if ((await page.locator('[data-testid=import-result]').count()) > 0)
      throw new Error('imported on reload');
    return {
      import: importS,
      store: storeS,
      snapshotMb: snapshotBytes / 1024 / 1024,
      reloadData: t.data / 1000,
      restore: (t.data - t.engine) / 1000,
      reloadChart: t.chart / 1000,
    };
  } finally {
    await context.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  }
}

async function main() {
  const path = MB ? await generate(MB) : await generateRows(ROWS);
  const fileMb = statSync(path).size / 1024 / 1024;
  const server = await startPreview();
  const browser = await launch();
  const runs: Run[] = [];
  const loads: number[] = [];
  try {
    console.log(
      `${MB ? path : `${ROWS} rows`}, ${fileMb.toFixed(0)} MB file, ${RUNS} runs${PERSISTENT ? ', profiles on disk' : ''}`,
    );
    console.log('run\timport_s\tstore_s\tsnapshot_MB\treload_data_s\trestore_s\treload_chart_s\tload1');
    for (let i = 0; i < RUNS; i++) {
      const r = await oneRun(server.baseURL, path, browser);
      runs.push(r);
      loads.push(loadavg()[0]!);
      console.log(
        [i + 1, r.import, r.store, r.snapshotMb, r.reloadData, r.restore, r.reloadChart, loads.at(-1)!]
          .map((v) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : String(v)))
          .join('\t'),
      );
    }
  } finally {
    await browser.close();
    server.stop();
  }
  const col = (f: (r: Run) => number, digits = 2) => {
    const xs = runs.map(f);
    const fmt = (v: number) => v.toFixed(digits);
    return `${fmt(median(xs))} (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})`;
  };
  const rows = MB ? `${fileMb.toFixed(0)} MB` : `${ROWS.toLocaleString('en')} rows`;
  record({ what: `reload → first chart, ${rows}`, ...spread(runs.map((r) => r.reloadChart)), unit: 's' });
  record({
    what: `reload → first chart ÷ import, ${rows}`,
    ...spread(runs.map((r) => r.reloadChart / r.import)),
    unit: '×',
  });
  console.log('\nmedian (min–max)');
  console.log(`import s        ${col((r) => r.import)}`);
  console.log(`store s         ${col((r) => r.store)}`);
  console.log(`snapshot MB     ${col((r) => r.snapshotMb, 1)}`);
  console.log(`reload data s   ${col((r) => r.reloadData)}`);
  console.log(`restore s       ${col((r) => r.restore)}`);
  console.log(`reload chart s  ${col((r) => r.reloadChart)}`);
  console.log(`reload ÷ import ${col((r) => r.reloadChart / r.import)}`);
  console.log(`restore ÷ import ${col((r) => r.restore / r.import)}`);
  console.log(`load average    ${loads.map((l) => l.toFixed(1)).join(', ')} (1 min, after each run)`);
}

runBench(main);
