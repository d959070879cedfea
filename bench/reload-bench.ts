/**
 * The stored dataset at scale, in the BUILT app in Debian Chromium: a generated SIRUP export imported through the
 * UI, stored in the browser (OPFS snapshot), then the page reloaded — the stored data comes back without an import.
 * Not a test. Usage: `npm run build && tsx bench/reload-bench.ts [MB]` (default 333 MB ≈ 1M RUP packages).
 * Prints: rows, import s (click → result), store s (result → "stored" in the badge), snapshot MB, reload s to the
 * data (the app's `pantau:data-ready` mark) and to the first chart, and reload ÷ import.
 */
import { statSync } from 'node:fs';
import { generate } from './generate';
import { launch, openApp } from '../tests/e2e/browser';
import { startPreview } from '../tests/helpers/preview-server';

async function main() {
  const mb = Number(process.argv[2] ?? 333);
  const path = await generate(mb);
  const server = await startPreview();
  const browser = await launch();
  try {
    const app = await openApp(browser, server.baseURL);
    const { page } = app;
    page.setDefaultTimeout(60 * 60 * 1000);
    await page.waitForSelector('[data-testid=agency-table] tbody tr', { timeout: 120_000 });
    await page.setInputFiles('[data-testid=file-input]', path);
    await page.waitForSelector('[data-testid=import-confirm]');
    const t0 = Date.now();
    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=import-result], [data-testid=import-error]');
    const importS = (Date.now() - t0) / 1000;
    const counts = await page.locator('[data-testid=import-counts]').first().textContent();
    const t1 = Date.now();
    await page.waitForSelector('[data-testid=storage-status]:not([data-state=saving])');
    const storeS = (Date.now() - t1) / 1000;
    const state = await page.locator('[data-testid=storage-status]').getAttribute('data-state');
    const snapshotBytes = (await page.evaluate(`(async () => {
      const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('pantau-pdn');
      const cur = JSON.parse(await (await (await root.getFileHandle('current.json')).getFile()).text());
      const m = JSON.parse(await (await (await (await root.getDirectoryHandle(cur.dir)).getFileHandle('manifest.json')).getFile()).text());
      return m.tables.reduce((s, t) => s + t.bytes, 0);
    })()`)) as number;
    await page.reload();
    await page.waitForSelector('[data-testid=dataset-badge][data-source=own]', { timeout: 600_000 });
    await page.waitForSelector('[data-testid=agency-chart] [data-testid=agency-bar]', { timeout: 600_000 });
    const t = (await page.evaluate(`({ chart: performance.now(),
      data: performance.getEntriesByName('pantau:data-ready')[0]?.startTime ?? NaN })`)) as {
      chart: number;
      data: number;
    };
    const fileMb = statSync(path).size / 1024 / 1024;
    console.log(
      'file_MB\timport_s\tstore_s\tstate\tsnapshot_MB\treload_data_s\treload_chart_s\treload/import\tcounts',
    );
    console.log(
      [
        fileMb.toFixed(0),
        importS.toFixed(1),
        storeS.toFixed(1),
        state,
        (snapshotBytes / 1024 / 1024).toFixed(0),
        (t.data / 1000).toFixed(1),
        (t.chart / 1000).toFixed(1),
        (t.chart / 1000 / importS).toFixed(2),
        (counts ?? '').trim(),
      ].join('\t'),
    );
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
