/**
 * Import throughput of the BUILT app in Debian Chromium, beside a plain DuckDB `read_csv` of the same file on the
 * same engine. Not a test. Usage: `npm run bench:import` (builds first), or `tsx bench/import-bench.ts 100 1024`
 * for the sizes in MB (`--import-only` skips the plain read). Generated exports go to bench/out/ (git-ignored).
 */
import { statSync } from 'node:fs';
import { generate } from './generate';
import { launch, openApp } from '../tests/e2e/browser';
import { startPreview } from '../tests/helpers/preview-server';

async function main() {
  const importOnly = process.argv.includes('--import-only');
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  if (sizes.length === 0) sizes.push(100, 1024);
  const server = await startPreview();
  const base = `${server.baseURL}?bench`;
  const browser = await launch();
  try {
    console.log('size_mb\tplain_read_s\tplain_varchar_s\timport_s\tplain_MBps\timport_MBps\tratio\tresult');
    for (const mb of sizes) {
      const path = await generate(mb);
      const bytes = statSync(path).size;
      const realMb = bytes / 1024 / 1024;
      const app = await openApp(browser, base);
      const { page } = app;
      page.setDefaultTimeout(60 * 60 * 1000);
      await page.waitForSelector('[data-testid=agency-chart][aria-busy=false] [data-testid=agency-bar]', {
        timeout: 120_000,
      });
      await page.setInputFiles('[data-testid=bench-input]', path);
      let plain = NaN;
      let plainVarchar = NaN;
      // `--import-only`: a plain read of a very large file can exhaust the engine's memory before the import runs.
      if (!importOnly)
        try {
          plain = (await page.evaluate(() => window.__pantauBench!.plainRead(',', false))) / 1000;
          plainVarchar = (await page.evaluate(() => window.__pantauBench!.plainRead(',', true))) / 1000;
        } catch (e) {
          console.error(`plain read failed at ${mb} MB: ${e instanceof Error ? e.message : String(e)}`);
        }
      await page.setInputFiles('[data-testid=file-input]', path);
      await page.waitForSelector('[data-testid=import-confirm]');
      const t0 = Date.now();
      await page.click('[data-testid=import-confirm]');
      // Record when each stage of the progress line first shows.
      const stages: string[] = [];
      let last = '';
      for (;;) {
        const done = await page.locator('[data-testid=import-result], [data-testid=import-error]').count();
        if (done > 0) break;
        const stage =
          (await page
            .locator('[data-testid=import-progress]')
            .getAttribute('data-stage')
            .catch(() => null)) ?? '';
        if (stage && stage !== last) {
          stages.push(`${stage}@${((Date.now() - t0) / 1000).toFixed(1)}s`);
          last = stage;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      const secs = (Date.now() - t0) / 1000;
      console.error(`  stages: ${stages.join(' ')}`);
      const ok = (await page.locator('[data-testid=import-result]').count()) > 0;
      const what = ok
        ? await page.locator('[data-testid=import-counts]').first().textContent()
        : await page.locator('[data-testid=import-error]').first().textContent();
      const f = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
      console.log(
        [
          realMb.toFixed(0),
          f(plain),
          f(plainVarchar),
          f(secs),
          f(realMb / plain),
          f(realMb / secs),
          f(secs / plain),
          (what ?? '').trim(),
        ].join('\t'),
      );
      if (app.errors.length) console.error('page errors:', app.errors.slice(0, 3));
      await app.context.close();
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
