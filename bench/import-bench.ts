/**
 * Import throughput of the BUILT app in Debian Chromium, beside a plain DuckDB `read_csv` of the same file on the
 * same engine build in the same run. Not a test. Usage: `npm run bench:import` (builds first), or
 * `tsx bench/import-bench.ts 100 1024 [--runs 5] [--import-only] [--no-save] [--dist DIR [--vs DIR2]]` for the
 * sizes in MB (`--import-only` skips the plain read; `2047` makes an export just under the app's 2 GiB limit;
 * `--no-save` does not wait for the snapshot save after each import; `--dist` serves another build, `--vs` a
 * second one run in turn with it, run by run). Generated exports go to bench/out/ (git-ignored).
 *
 * Each run opens two fresh tabs (contexts: each its own renderer process): one times the plain read, the other the
 * import (click on _Muat_ to the file's report), so that neither's memory counts in the other's peak. Per size it
 * prints the median and min–max of the runs, the import ÷ plain ratio of each run (same run, same engine build),
 * the stages as the progress line showed them, and the import tab's peak memory: renderer RSS (VmHWM: the tab, its
 * workers and their wasm memory), the main thread's JS heap (CDP `Runtime.getHeapUsage`, polled every 100 ms) and
 * DuckDB's wasm memory (the worker's `WebAssembly.Memory`, which only grows: its size at the end is its peak);
 * then the same once the app has kept the dataset in the browser (the OPFS snapshot written after an import).
 * The import is timed in the page (click to report); the CPU time of the browser's processes and threads during
 * the plain read and the import (bench/cpu-times.ts) is printed beside the wall clock, which a shared machine's
 * load moves far more.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { generate } from './generate';
import { cpuDelta, cpuLine, cpuSnapshot, type CpuDelta } from './cpu-times';
import { rendererPeakMb } from './view-memory';
import { SAMPLE_READY, launch, openApp } from '../tests/e2e/browser';
import { startPreview } from '../tests/helpers/preview-server';
import { record, runBench, spread } from './results';

/** `--no-save`: do not wait for the snapshot save after each import (its memory is then not reported). */
const NO_SAVE = process.argv.includes('--no-save');
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
  /** CPU of the import (click to report) and of the plain read, by process and thread. */
  cpu: CpuDelta;
  plainCpu: CpuDelta | null;
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

/** CPU of the last plain read (the browser's processes and threads, while it ran). */
let plainCpu: CpuDelta | null = null;

async function plainRun(
  browser: Browser,
  base: string,
  path: string,
  into: 'memory' | 'file' = 'memory',
  browserPid?: number,
): Promise<number> {
  const app = await readyPage(browser, base, path);
  try {
    const c0 = cpuSnapshot(browserPid);
    const ms = await app.page.evaluate((i) => window.__pantauBench!.plainRead(',', false, i), into);
    plainCpu = cpuDelta(c0, cpuSnapshot(browserPid));
    return ms / 1000;
  } catch (e) {
    console.error(`  plain read failed: ${e instanceof Error ? e.message : String(e)}`);
    return NaN;
  } finally {
    await app.context.close();
  }
}

/**
 * Times the import in the page itself: the click on _Muat_ (a capturing listener) to the first appearance of the
 * file's report (a MutationObserver), and each stage of the progress line as it first shows. Polling the page from
 * here instead added up to a second to the end (a wait for the progress line after it was gone).
 */
const IMPORT_CLOCK = `(() => {
  const c = { t0: NaN, end: NaN, stages: [] }; window.__importClock = c;
  let last = '';
  document.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('[data-testid=import-confirm]')) c.t0 = performance.now();
  }, true);
  new MutationObserver(() => {
    if (!Number.isFinite(c.t0)) return;
    const p = document.querySelector('[data-testid=import-progress]');
    const s = p ? p.getAttribute('data-stage') || '' : '';
    if (s && s !== last) { last = s; c.stages.push([s, performance.now() - c.t0]); }
    if (!Number.isFinite(c.end) && document.querySelector('[data-testid=import-result], [data-testid=import-error]'))
      c.end = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-stage'] });
})();`;

interface ImportClock {
  t0: number;
  end: number;
  stages: [string, number][];
}

async function importRun(browser: Browser, base: string, path: string, browserPid?: number) {
  const app = await readyPage(browser, base, path);
  const { page } = app;
  await page.evaluate(IMPORT_CLOCK);
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
    const c0 = cpuSnapshot(browserPid);
    await page.click('[data-testid=import-confirm]');
    let done = false;
    const sampler = (async () => {
      while (!done && !died) {
        await sampleHeap();
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await Promise.race([
      page.waitForSelector('[data-testid=import-result], [data-testid=import-error]', { state: 'attached' }),
      new Promise<void>((ok) => page.once('crash', () => ok())),
    ]).catch(() => undefined);
    const cpu = cpuDelta(c0, cpuSnapshot(browserPid));
    done = true;
    await sampler;
    const clock = died
      ? null
      : await page.evaluate(() => (window as unknown as { __importClock: ImportClock }).__importClock);
    const stages = (clock?.stages ?? []).map(([s, t]) => `${s}@${(t / 1000).toFixed(2)}s`);
    const secs = clock ? (clock.end - clock.t0) / 1000 : NaN;
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
    const saved = !ok
      ? 'n/a'
      : NO_SAVE
        ? 'not waited for'
        : await page
            .waitForSelector(
              ['saved', 'tab-only', 'failed']
                .map((s) => `[data-testid=storage-status][data-state=${s}]`)
                .join(', '),
              { timeout: 15 * 60_000 },
            )
            .then((el) => el.getAttribute('data-state'))
            .catch(() => (died ? 'crashed' : 'timeout'));
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
      cpu,
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

/** Print one build's runs at a size: medians and min–max. */
function summary(label: string, realMb: number, all: Run[]) {
  const ok = all.filter((x) => x.ok);
  if (!label) {
    const size = realMb >= 1000 ? `${(realMb / 1024).toFixed(1)} GB` : `${realMb.toFixed(0)} MB`;
    record({
      what: `import ÷ plain read_csv, ${size} export`,
      ...spread(ok.map((x) => x.imp / x.plain)),
      unit: '×',
      goal: 1.2,
    });
    record({ what: `import, ${size}: peak renderer RSS`, ...spread(all.map((x) => x.rssMb)), unit: 'MB' });
    record({ what: `import, ${size}: DuckDB wasm memory`, ...spread(all.map((x) => x.wasmMb)), unit: 'MB' });
    record({ what: `import, ${size}: peak page JS heap`, ...spread(all.map((x) => x.heapMb)), unit: 'MB' });
    if (ok.length < all.length)
      record({
        what: `import, ${size}: runs that failed`,
        ...spread([all.length - ok.length]),
        unit: 'count',
        goal: 0,
      });
  }
  console.log(
    [
      `== ${label}${realMb.toFixed(0)} MB, ${all.length} runs (${ok.length} imported), median (min–max):`,
      `   plain read_csv ${range(all.map((x) => x.plain))} s; import ${range(ok.map((x) => x.imp))} s; ` +
        `import ÷ plain ${range(ok.map((x) => x.imp / x.plain))}; import ${range(
          ok.map((x) => realMb / x.imp),
          1,
        )} MB/s`,
      `   CPU: import ${range(ok.map((x) => x.cpu.total))} s, its busiest thread ${range(
        ok.map((x) => x.cpu.top),
      )} s; plain ${range(all.map((x) => x.plainCpu?.total ?? NaN))} s, busiest thread ${range(
        all.map((x) => x.plainCpu?.top ?? NaN),
      )} s; import ÷ plain by CPU ${range(ok.map((x) => x.cpu.total / (x.plainCpu?.total ?? NaN)))}, by the busiest thread ${range(
        ok.map((x) => x.cpu.top / (x.plainCpu?.top ?? NaN)),
      )}`,
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

async function main() {
  const args = process.argv.slice(2);
  const importOnly = args.includes('--import-only');
  const valued = new Set(['--runs', '--dist', '--vs'].map((o) => args.indexOf(o) + 1).filter((i) => i > 0));
  const ri = args.indexOf('--runs');
  const runs = ri >= 0 ? Number(args[ri + 1]) : 5;
  const sizes = args
    .filter((a, i) => !a.startsWith('--') && !valued.has(i))
    .map(Number)
    .filter((n) => n > 0);
  if (sizes.length === 0) sizes.push(100, 1024);
  // `--dist DIR`: another build of the app (e.g. main's, to compare two builds in the same minutes). `--vs DIR`: a
  // second build, run in turn with the first, run by run (the order swapped every run), so that both meet the
  // same load; then each build's summary and the paired ratio of their ratios.
  const di = args.indexOf('--dist');
  const vi = args.indexOf('--vs');
  const dists = [di >= 0 ? args[di + 1]! : 'dist', ...(vi >= 0 ? [args[vi + 1]!] : [])];
  const servers = await Promise.all(dists.map((d) => startPreview({ outDir: d })));
  const bases = servers.map((sv) => `${sv.baseURL}?bench`);
  const browser = await launch();
  // playwright-core keeps the browser process behind its own API; its pid names the renderers it owns.
  const browserPid = (browser as unknown as { _process?: { pid?: number } })._process?.pid;
  try {
    for (const mb of sizes) {
      const path = await generate(mb);
      const realMb = statSync(path).size / 2 ** 20;
      const all: Run[][] = dists.map(() => []);
      for (let r = 0; r < runs; r++) {
        const order = dists.map((_, i) => i);
        if (r % 2 === 1) order.reverse();
        for (const bi of order) {
          const base = bases[bi]!;
          const label = dists.length > 1 ? `[${dists[bi]}] ` : '';
          // A plain read that does not fit in memory is timed again into an attached database file, where the
          // import keeps such a file's rows (src/p3dn/schema/row-store.ts): the baseline of the same storage.
          let plain = importOnly ? NaN : await plainRun(browser, base, path, 'memory', browserPid);
          if (!importOnly && !Number.isFinite(plain)) {
            plain = await plainRun(browser, base, path, 'file', browserPid);
            console.log(`  plain read into a database file: ${f(plain)} s`);
          }
          const pc = importOnly ? null : plainCpu;
          const run = {
            plain,
            plainCpu: pc,
            ...(await importRun(browser, base, path, browserPid)),
            load: load(),
          };
          all[bi]!.push(run);
          console.log(
            `${label}${realMb.toFixed(0)} MB run ${r + 1}: plain ${f(plain)} s, import ${f(run.imp)} s, ratio ${f(run.imp / plain)}, ` +
              `peak RSS ${f(run.rssMb, 0)} MB, JS heap ${f(run.heapMb, 0)} MB, wasm ${f(run.wasmMb, 0)} MB ` +
              `[load ${run.load}] ${run.ok ? 'ok' : 'FAILED'}: ${run.what}\n  stages: ${run.stages}\n` +
              `  import ${cpuLine(run.cpu)}\n  plain  ${run.plainCpu ? cpuLine(run.plainCpu) : 'n/a'}\n` +
              `  then the snapshot save: ${run.save.state} after ${f(run.save.secs, 1)} s; peak RSS ${f(run.save.rssMb, 0)} MB, wasm ${f(run.save.wasmMb, 0)} MB; ${run.save.engine}`,
          );
        }
      }
      dists.forEach((d, i) => summary(dists.length > 1 ? `[${d}] ` : '', realMb, all[i]!));
      if (dists.length > 1) {
        const pair = all[0]!.map((a, r) => {
          const b = all[1]![r]!;
          return a.ok && b.ok ? b.imp / b.plain / (a.imp / a.plain) : NaN;
        });
        const imp = all[0]!.map((a, r) => all[1]![r]!.imp / a.imp);
        const cpu = all[0]!.map((a, r) => all[1]![r]!.cpu.total / a.cpu.total);
        const top = all[0]!.map((a, r) => all[1]![r]!.cpu.top / a.cpu.top);
        console.log(
          `== ${dists[1]} ÷ ${dists[0]}, run by run: import ÷ plain ${range(pair)}; import ${range(imp)}; ` +
            `the import's CPU ${range(cpu)}, its busiest thread's CPU ${range(top)}`,
        );
      }
    }
  } finally {
    await browser.close();
    for (const sv of servers) sv.stop();
  }
}

runBench(main);
