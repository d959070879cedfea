/**
 * Import throughput of the BUILT app in Debian Chromium, beside a plain DuckDB `read_csv` of the same file on the
 * same engine build in the same run. Not a test. Usage: `npm run bench:import` (builds first), or
 * `tsx bench/import-bench.ts 100 1024 [--runs 5] [--import-only]` for the sizes in MB (`--import-only` skips the
 * plain read; `2047` makes an export just under the app's 2 GiB limit). Generated exports go to bench/out/
 * (git-ignored).
 *
 * Each run opens two fresh tabs (contexts: each its own renderer process): one times the plain read, the other the
 * import (click on _Muat_ to the file's report), so that neither's memory counts in the other's peak. Per size it
 * prints the median and min–max of the runs, the import ÷ plain ratio of each run (same run, same engine build),
 * the stages as the progress line showed them, and the import tab's peak memory: renderer RSS (VmHWM: the tab, its
 * workers and their wasm memory), the main thread's JS heap (CDP `Runtime.getHeapUsage`, polled every 100 ms) and
 * DuckDB's wasm memory (the worker's `WebAssembly.Memory`, which only grows: its size at the end is its peak);
 * then the same once the app has kept the dataset in the browser (the OPFS snapshot written after an import).
 */
import { readFileSync, statSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { generate } from './generate';
import { rendererPeakMb } from './view-memory';
import { SAMPLE_READY, launch, openApp } from '../tests/e2e/browser';
import { startPreview } from '../tests/helpers/preview-server';

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const med = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const f = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const range = (xs: number[], d = 2) => {
  const ok = xs.filter(Number.isFinite);
  return ok.length ? `${f(med(ok), d)} (${f(Math.min(...ok), d)}–${f(Math.max(...ok), d)})` : 'n/a';
};

/** DuckDB's wasm memory in MB (the worker's WebAssembly.Memory), or NaN when the worker cannot be read. */
async function wasmMb(page: Page): Promise<number> {
  for (const w of page.workers()) {
    if (!/duckdb/i.test(w.url())) continue;
    const bytes = await w
      .evaluate(() => {
        const b = (globalThis as { DUCKDB_BINDINGS?: { mod?: { HEAPU8?: Uint8Array } } }).DUCKDB_BINDINGS;
        return b?.mod?.HEAPU8?.buffer.byteLength ?? NaN;
      })
      .catch(() => NaN);
    if (Number.isFinite(bytes)) return bytes / 2 ** 20;
  }
  return NaN;
}

async function readyPage(browser: Browser, base: string, path: string) {
  const app = await openApp(browser, base);
  app.page.setDefaultTimeout(60 * 60 * 1000);
  await app.page.waitForSelector(SAMPLE_READY, { timeout: 180_000 });
  await app.page.setInputFiles('[data-testid=bench-input]', path);
  return app;
}

interface Run {
  plain: number;
  imp: number;
  ok: boolean;
  what: string;
  stages: string;
  rssMb: number;
  heapMb: number;
  wasmMb: number;
  /** The snapshot saved after the import (OPFS): its outcome, time, and the memory after it. */
  save: { state: string; secs: number; wasmMb: number; rssMb: number; engine: string };
  load: string;
}

async function plainRun(
  browser: Browser,
  base: string,
  path: string,
  into: 'memory' | 'file' = 'memory',
): Promise<number> {
  const app = await readyPage(browser, base, path);
  try {
    return (await app.page.evaluate((i) => window.__pantauBench!.plainRead(',', false, i), into)) / 1000;
  } catch (e) {
    console.error(`  plain read failed: ${e instanceof Error ? e.message : String(e)}`);
    return NaN;
  } finally {
    await app.context.close();
  }
}

async function importRun(browser: Browser, base: string, path: string, browserPid?: number) {
  const app = await readyPage(browser, base, path);
  const { page } = app;
  const cdp = await app.context.newCDPSession(page);
  let heap = 0;
  const sampleHeap = async () => {
    const h = (await cdp.send('Runtime.getHeapUsage').catch(() => null)) as { usedSize: number } | null;
    if (h) heap = Math.max(heap, h.usedSize);
  };
  let died = '';
  page.on('crash', () => (died = 'the tab crashed'));
  try {
    await page.setInputFiles('[data-testid=file-input]', path);
    await page.waitForSelector('[data-testid=import-confirm]');
    const t0 = Date.now();
    await page.click('[data-testid=import-confirm]');
    // Record when each stage of the progress line first shows.
    const stages: string[] = [];
    let last = '';
    while (!died) {
      const done = await page.locator('[data-testid=import-result], [data-testid=import-error]').count();
      if (done > 0) break;
      await sampleHeap();
      const stage =
        (await page
          .locator('[data-testid=import-progress]')
          .getAttribute('data-stage', { timeout: 1000 })
          .catch(() => null)) ?? '';
      if (stage && stage !== last) {
        stages.push(`${stage}@${((Date.now() - t0) / 1000).toFixed(1)}s`);
        last = stage;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const secs = (Date.now() - t0) / 1000;
    await sampleHeap();
    const ok = !died && (await page.locator('[data-testid=import-result]').count()) > 0;
    const what = died
      ? died
      : ok
        ? await page.locator('[data-testid=import-counts]').first().textContent()
        : await page.locator('[data-testid=import-error]').first().textContent();
    const wasm = died ? NaN : await wasmMb(page);
    const rssMb = rendererPeakMb(browserPid);
    // Then the app keeps the dataset in this browser (OPFS snapshot: every table written out as CSV): its memory.
    const s0 = Date.now();
    const saved = ok
      ? await page
          .waitForSelector(
            ['saved', 'tab-only', 'failed']
              .map((s) => `[data-testid=storage-status][data-state=${s}]`)
              .join(', '),
            { timeout: 15 * 60_000 },
          )
          .then((el) => el.getAttribute('data-state'))
          .catch(() => (died ? 'crashed' : 'timeout'))
      : 'n/a';
    const save = {
      state: saved ?? '?',
      secs: (Date.now() - s0) / 1000,
      wasmMb: died ? NaN : await wasmMb(page),
    };
    // Does the engine still answer after it (a wasm trap marks it dead: the banner asks for a reload)?
    const deadBanner = !died && (await page.locator('[data-testid=engine-dead]').count()) > 0;
    const answers =
      !died &&
      (await page.evaluate(() =>
        window.__pantauBench!.timeSql(['SELECT 1']).then(
          () => true,
          () => false,
        ),
      ));
    const engine = died
      ? 'tab crashed'
      : deadBanner
        ? 'engine dead (banner)'
        : answers
          ? 'engine answers'
          : 'engine does not answer';
    if (app.errors.length) console.error('  page errors:', app.errors.slice(0, 3));
    return {
      save: { ...save, rssMb: rendererPeakMb(browserPid), engine },
      imp: secs,
      ok,
      what: (what ?? '').trim(),
      stages: stages.join(' '),
      rssMb,
      heapMb: heap / 2 ** 20,
      wasmMb: wasm,
    };
  } finally {
    await app.context.close().catch(() => undefined);
  }
}

async function main() {
  const args = process.argv.slice(2);
  const importOnly = args.includes('--import-only');
  const ri = args.indexOf('--runs');
  const runs = ri >= 0 ? Number(args[ri + 1]) : 5;
  const sizes = args
    .filter((a, i) => !a.startsWith('--') && i !== ri + 1)
    .map(Number)
    .filter((n) => n > 0);
  if (sizes.length === 0) sizes.push(100, 1024);
  const server = await startPreview();
  const base = `${server.baseURL}?bench`;
  const browser = await launch();
  // playwright-core keeps the browser process behind its own API; its pid names the renderers it owns.
  const browserPid = (browser as unknown as { _process?: { pid?: number } })._process?.pid;
  try {
    for (const mb of sizes) {
      const path = await generate(mb);
      const realMb = statSync(path).size / 2 ** 20;
      const all: Run[] = [];
      for (let r = 0; r < runs; r++) {
        // A plain read that does not fit in memory is timed again into an attached database file, where the
        // import keeps such a file's rows (src/p3dn/schema/row-store.ts): the baseline of the same storage.
        let plain = importOnly ? NaN : await plainRun(browser, base, path);
        if (!importOnly && !Number.isFinite(plain)) {
          plain = await plainRun(browser, base, path, 'file');
          console.log(`  plain read into a database file: ${f(plain)} s`);
        }
        const run = { plain, ...(await importRun(browser, base, path, browserPid)), load: load() };
        all.push(run);
        console.log(
          `${realMb.toFixed(0)} MB run ${r + 1}: plain ${f(plain)} s, import ${f(run.imp)} s, ratio ${f(run.imp / plain)}, ` +
            `peak RSS ${f(run.rssMb, 0)} MB, JS heap ${f(run.heapMb, 0)} MB, wasm ${f(run.wasmMb, 0)} MB ` +
            `[load ${run.load}] ${run.ok ? 'ok' : 'FAILED'}: ${run.what}\n  stages: ${run.stages}\n` +
            `  then the snapshot save: ${run.save.state} after ${f(run.save.secs, 1)} s; peak RSS ${f(run.save.rssMb, 0)} MB, wasm ${f(run.save.wasmMb, 0)} MB; ${run.save.engine}`,
        );
      }
      const ok = all.filter((x) => x.ok);
      console.log(
        [
          `== ${realMb.toFixed(0)} MB, ${all.length} runs (${ok.length} imported), median (min–max):`,
          `   plain read_csv ${range(all.map((x) => x.plain))} s; import ${range(ok.map((x) => x.imp))} s; ` +
            `import ÷ plain ${range(ok.map((x) => x.imp / x.plain))}; import ${range(
              ok.map((x) => realMb / x.imp),
              1,
            )} MB/s`,
          `   peak renderer RSS ${range(
            all.map((x) => x.rssMb),
            0,
          )} MB; JS heap ${range(
            all.map((x) => x.heapMb),
            0,
          )} MB; DuckDB wasm memory ${range(
            all.map((x) => x.wasmMb),
            0,
          )} MB; load ${all.map((x) => x.load.split(' ')[0]).join(', ')}`,
          `   with the snapshot save after it (${all.map((x) => x.save.state).join(', ')}): peak RSS ${range(
            all.map((x) => x.save.rssMb),
            0,
          )} MB; wasm ${range(
            all.map((x) => x.save.wasmMb),
            0,
          )} MB`,
        ].join('\n'),
      );
    }
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
