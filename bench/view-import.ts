/**
 * The view-change benchmark's import (bench/view-bench.ts): a batch of generated exports dropped on the import
 * panel at once, as a user does, timed to the last file's report; then the wait for the background save to the
 * browser's storage (the badge's "saving" state, as bench/reload-bench.ts waits for it) so that no view change is
 * timed while the dataset is being written; each stage with its own memory peak. Then a check that the dashboard
 * shows the packages the files hold, counted from the files themselves (bench/generate-view.ts `countPackages`).
 */
import { basename } from 'node:path';
import type { Page } from 'playwright-core';
import { rendererPeakMb, rendererRssMb, resetPeaks } from './view-memory';

const MB = 2 ** 20;

export interface ImportFigures {
  /** Click on "Muat" → the last file's report, s. */
  importS: number;
  /** Seconds per file (its first progress to the next file's; the last one to the end of its stages). */
  fileS: number[];
  /** The largest renderer RSS sampled (every 250 ms) while each file was imported, and at the batch's end, MB. */
  fileRssMb: number[];
  matchRssMb: number;
  /** Seconds per stage over the batch (the progress line's stages: read, check, checksum, match…). */
  stageS: Record<string, number>;
  /** The last report → the badge leaves "saving", s; NaN when no save was seen. */
  saveS: number;
  /** The badge's state after the save (`saved`, or why not). */
  saveState: string;
  /** Peak renderer RSS during the import (up to the save's start) and during the save, MB. */
  importPeakMb: number;
  savePeakMb: number;
  /** Peak JS heap of the page (main thread, sampled every 250 ms) during the import and during the save, MB. */
  importHeapMb: number;
  saveHeapMb: number;
}

type Marks = {
  click?: number;
  results: number[];
  errors: number;
  saving?: number;
  saved?: number;
  /** [file index in the batch + ' ' + stage, when the progress line first showed it]. */
  stages: [string, number][];
};

/** Thrown when the tab dies or a file fails: which stage, with the memory seen last. */
export class StageError extends Error {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function importBatch(
  page: Page,
  paths: readonly string[],
  browserPid: number | undefined,
): Promise<ImportFigures> {
  let crashed = false;
  page.once('crash', () => (crashed = true));
  await page.click('[data-testid=nav-data]');
  await page.setInputFiles('[data-testid=file-input]', [...paths]);
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid=pending] .pending-list > li').length === n,
    paths.length,
    { timeout: 30 * 60_000, polling: 250 },
  );
  await page.waitForSelector('[data-testid=import-confirm]:not([disabled])');
  const peaksReset = resetPeaks(browserPid);
  // Timed in the page (a mutation observer notes each report and the badge's states the moment they happen).
  await page.evaluate(`(() => {
    const t = (window.__importBench = { results: [], errors: 0, stages: [] });
    const names = ${JSON.stringify(paths.map((p) => basename(p)))};
    new MutationObserver(() => {
      const now = performance.now();
      const pr = document.querySelector('[data-testid=import-progress]');
      if (pr) {
        // The batch's last stage (matching agencies across the files) belongs to no file: -1.
        const st = pr.getAttribute('data-stage');
        const file = st === 'mencocokkan' ? -1 : names.findIndex((n) => pr.textContent.includes(n));
        const key = file + ' ' + st;
        if (t.stages.at(-1)?.[0] !== key) t.stages.push([key, now]);
      }
      const n = document.querySelectorAll('[data-testid=import-result]').length;
      while (t.results.length < n) t.results.push(now);
      t.errors = document.querySelectorAll('[data-testid=import-error]').length;
      const st = document.querySelector('[data-testid=storage-status]')?.getAttribute('data-state');
      if (t.saving === undefined && st === 'saving') t.saving = now;
      if (t.saved === undefined && t.saving !== undefined && st !== 'saving') t.saved = now;
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
    t.click = performance.now();
    document.querySelector('[data-testid=import-confirm]').click();
  })()`);
  let stage = 'import';
  let lastProgress = '';
  let rss = 0;
  let heap = 0;
  const fig: Partial<ImportFigures> = {};
  const fail = (what: string): never => {
    throw new StageError(
      `${what} during the ${stage} (last progress: "${lastProgress}"; renderer RSS last ${rss.toFixed(0)} MB, ` +
        `per file so far ${[...rssAt].map(([k, v]) => `${k + 1}: ${v.toFixed(0)}`).join(', ')} MB, ` +
        `peak ${rendererPeakMb(browserPid).toFixed(0)} MB since the stage began)`,
    );
  };
  let m: Marks;
  let doneAt = 0;
  // Resident memory sampled at each poll, the largest per file of the batch (-1: the batch's end, matching).
  const rssAt = new Map<number, number>();
  for (;;) {
    await sleep(250);
    if (crashed) fail('the tab crashed');
    rss = rendererRssMb(browserPid);
    try {
      m = (await page.evaluate('window.__importBench')) as Marks;
      const at = stage === 'import' ? Number(m.stages.at(-1)?.[0].split(' ')[0] ?? -1) : -2;
      rssAt.set(at, Math.max(rssAt.get(at) ?? 0, rss));
      const mem = (await page.evaluate(() => window.__viewBench?.memory() ?? null)) as {
        used: number;
      } | null;
      heap = Math.max(heap, (mem?.used ?? 0) / MB);
      if (stage === 'import')
        lastProgress =
          (await page
            .locator('[data-testid=import-progress]')
            .first()
            .textContent({ timeout: 100 })
            .catch(() => null)) ?? lastProgress;
    } catch (e) {
      if (crashed) fail('the tab crashed');
      throw e;
    }
    if (stage === 'import' && m.errors > 0) {
      const msg = await page.locator('[data-testid=import-error]').first().textContent();
      fail(`a file failed (${msg?.slice(0, 300)})`);
    }
    if (stage === 'import' && m.results.length >= paths.length) {
      fig.importS = (m.results[paths.length - 1]! - m.click!) / 1000;
      const end = m.results[paths.length - 1]!;
      const spans = m.stages.map(
        ([k], i) => [k, ((m.stages[i + 1]?.[1] ?? end) - m.stages[i]![1]) / 1000] as const,
      );
      fig.fileS = paths.map((_, i) =>
        spans.filter(([k]) => k.startsWith(`${i} `)).reduce((a, [, v]) => a + v, 0),
      );
      fig.stageS = {};
      for (const [k, v] of spans) {
        const st = k.split(' ')[1] ?? '?';
        fig.stageS[st] = (fig.stageS[st] ?? 0) + v;
      }
      fig.fileRssMb = paths.map((_, i) => rssAt.get(i) ?? NaN);
      fig.matchRssMb = rssAt.get(-1) ?? NaN;
      fig.importPeakMb = rendererPeakMb(browserPid);
      fig.importHeapMb = heap;
      resetPeaks(browserPid);
      heap = 0;
      stage = 'save';
      doneAt = Date.now();
    }
    // The save starts when the batch ends; if none is seen in a minute, there is none to wait for.
    if (
      stage === 'save' &&
      (m.saved !== undefined || (m.saving === undefined && Date.now() - doneAt > 60_000))
    )
      break;
  }
  fig.saveS = m.saved !== undefined ? (m.saved - m.results[paths.length - 1]!) / 1000 : NaN;
  fig.saveState =
    (await page
      .locator('[data-testid=storage-status]')
      .getAttribute('data-state')
      .catch(() => null)) ?? 'none';
  fig.savePeakMb = rendererPeakMb(browserPid);
  fig.saveHeapMb = heap;
  if (!peaksReset) fig.savePeakMb = fig.importPeakMb = Math.max(fig.importPeakMb!, fig.savePeakMb);
  resetPeaks(browserPid);
  return fig as ImportFigures;
}

const digits = (s: string | null) => Number((s ?? '').replace(/\D/g, '') || NaN);

/**
 * The import reports say each file was read whole (lines read = the file's data lines, in the batch's order), and
 * the agencies table, on the default view (komitmen, no filter), counts `packages` packages in all. Throws if not.
 */
export async function checkLoaded(
  page: Page,
  names: readonly string[],
  lines: readonly number[],
  packages: number,
): Promise<void> {
  for (const [i, name] of names.entries()) {
    const counts = page.locator(
      `[data-testid=import-result][data-name="${name}"] [data-testid=import-counts]`,
    );
    const read = digits(((await counts.first().textContent()) ?? '').split(/\s/)[0] ?? '');
    if (read !== lines[i])
      throw new Error(`${name}: the report reads ${read} lines, the file has ${lines[i]}`);
  }
  await page.click('[data-testid=nav-perangkat-daerah]');
  await page.waitForSelector('[data-testid=agency-table][data-basis=komitmen][aria-busy=false] tbody tr');
  const cells = await page
    .locator('[data-testid=agency-table] tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.querySelector('td.num')?.textContent ?? ''));
  const shown = cells.reduce((s, c) => s + digits(c), 0);
  if (shown !== packages)
    throw new Error(
      `the agencies table counts ${shown} packages over ${cells.length} agencies, the files ${packages}`,
    );
  console.log(
    `  check: ${names.length} reports read every line; the agencies table counts ${shown.toLocaleString('en')} packages over ${cells.length} agencies = the files' ${packages.toLocaleString('en')}`,
  );
}
