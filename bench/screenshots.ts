/**
 * Screenshots of every view at 1366×768 and 1920×1080, in Indonesian and English, of the built app with its sample
 * (and the first viewport only: what a person sees before scrolling). Writes test-results/screenshots/shell-*.png.
 * Not a test: it asserts nothing; the pictures are for looking at. `npm run build && npx tsx bench/screenshots.ts`
 */
import { launch, screenshot } from '../tests/e2e/browser';
import { startPreview } from '../tests/helpers/preview-server';

const VIEWS = ['ringkasan', 'perangkat-daerah', 'rincian', 'data', 'presentasi', 'laporan'] as const;
const SIZES = [
  [1366, 768],
  [1920, 1080],
  [1024, 768],
] as const;
const only = process.argv[2];

const server = await startPreview({});
const browser = await launch();
try {
  for (const lang of ['id', 'en'] as const) {
    for (const [width, height] of SIZES) {
      if (width === 1024 && lang === 'en') continue;
      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      await page.goto(`${server.baseURL}?v=1&l=${lang}`);
      await page.waitForSelector('[data-testid=agency-chart][aria-busy=false] [data-testid=agency-bar]', {
        timeout: 90_000,
      });
      for (const view of VIEWS) {
        if (only && view !== only) continue;
        await page.click(`nav a[data-route=${view}]`).catch(async () => {
          await page.goto(`${server.baseURL}?v=1&l=${lang}#/${view}`);
        });
        await page.waitForTimeout(view === 'presentasi' || view === 'laporan' ? 1500 : 800);
        const name = `shell-${view}-${width}x${height}-${lang}`;
        await page.screenshot({ path: `test-results/screenshots/${name}.png` });
        if (width === 1366) await screenshot(page, `${name}-full`);
        if (view === 'presentasi') await page.keyboard.press('Escape');
        if (view === 'laporan') await page.click('[data-testid=report-back]');
        await page.waitForTimeout(300);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
