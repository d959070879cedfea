import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS } from '../../scripts/sample/layouts';
import { launch, openApp, screenshot, showView, takeCspViolations } from './browser';
import { figures, loadOwnFiles, penyedia, storageState } from './own-data';

/*
 * The app when something goes wrong around it: malformed saved settings are ignored with a note, one failing panel
 * shows its own message while the rest goes on, leaving during an import asks first, and the CSP check sees a
 * violation when one happens.
 */
const baseURL = inject('baseURL');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('malformed saved settings', () => {
  it('are ignored with a note; the app starts on the defaults', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(
        'pantau-pdn:aliases',
        JSON.stringify({ state: { aliases: 'not a list' }, version: 1 }),
      );
      localStorage.setItem('pantau-pdn:view', '{"state": {"lang": "en", "targets": ');
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(baseURL);
    await figures(page);
    const note = await page.textContent('[data-testid=settings-ignored]');
    expect(note).toContain('Pengaturan tersimpan yang rusak diabaikan');
    expect(note).toContain('daftar alias perangkat daerah');
    expect(note).toContain('target dan bahasa');
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    expect(errors).toEqual([]);
    await screenshot(page, 'persist-05-bad-settings');
    await context.close();
  });
});

describe('one failing panel', () => {
  it('shows its own message with a retry; the rest of the app goes on', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    // The badge formats its saved date while rendering: make that throw on demand.
    await context.addInitScript(() => {
      const original = Date.prototype.toLocaleString;
      Date.prototype.toLocaleString = function (...args: Parameters<Date['toLocaleString']>) {
        if ((window as unknown as { __breakBadge?: boolean }).__breakBadge) throw new Error('render failure');
        return original.apply(this, args);
      };
    });
    const page = await context.newPage();
    await page.goto(baseURL);
    await figures(page);
    await loadOwnFiles(page);
    await expect.poll(() => storageState(page), { timeout: 30_000 }).toBe('saved');
    const ok = await figures(page);
    await page.evaluate(() => ((window as unknown as { __breakBadge?: boolean }).__breakBadge = true));
    await page.selectOption('#lang', 'en'); // every panel renders again
    const failed = page.locator('[data-testid=panel-failed]');
    await expect.poll(() => failed.count()).toBe(1);
    expect(await failed.getAttribute('data-panel')).toBe('dataset');
    expect(await failed.textContent()).toContain('This part could not be shown');
    // The other panels are there and answer.
    expect(await page.locator('[data-testid=dataset-badge]').count()).toBe(0);
    await page.waitForSelector('[data-testid=agency-table][aria-busy=false] tbody tr');
    const shown = {
      table: await page.$$eval('[data-testid=agency-table] tbody tr', (trs) =>
        trs.map((tr) => {
          const d = (tr as HTMLElement).dataset;
          return `${d['agency']}|${d['numerator']}|${d['denominator']}|${d['share']}`;
        }),
      ),
    };
    expect(shown.table.map((r) => r.split('|').slice(0, 4))).toEqual(
      ok.table.map((r) => r.split('|').slice(0, 4)),
    );
    await page.selectOption('#denominator', 'rup_penyedia');
    await page.waitForSelector('[data-testid=agency-table][aria-busy=false] tbody tr');
    await screenshot(page, 'persist-06-panel-failed');
    await page.evaluate(() => ((window as unknown as { __breakBadge?: boolean }).__breakBadge = false));
    await page.click('[data-testid=panel-retry]');
    await page.waitForSelector('[data-testid=dataset-badge]');
    expect(await failed.count()).toBe(0);
    await context.close();
  });
});

describe('leaving while an import runs', () => {
  it('asks first; once the import is done, it does not', async () => {
    const app = await openApp(browser, baseURL);
    const { page } = app;
    await figures(page);
    // A file big enough that its import is still running when the page is asked to leave.
    const big = toCsv(
      PENYEDIA_HEADERS,
      Array.from({ length: 150_000 }, (_, i) => ({
        ...penyedia[0]!,
        kd_rup: String(10_000_000 + i),
        nama_paket: `P${i}`,
      })),
    );
    await showView(page, 'data');
    await page.setInputFiles('[data-testid=file-input]', {
      name: 'RUP-PaketPenyedia-Terumumkan.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(big),
    });
    await page.click('[data-testid=import-confirm]');
    const leaving = () =>
      page.evaluate(() => {
        const e = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(e);
        return e.defaultPrevented;
      });
    await page.waitForSelector('[data-testid=import-progress]');
    expect(await leaving()).toBe(true);
    await expect.poll(() => page.locator('[data-testid=import-result]').count(), { timeout: 90_000 }).toBe(1);
    await expect.poll(() => storageState(page), { timeout: 30_000 }).toBe('saved');
    expect(await leaving()).toBe(false);
    await app.context.close();
  });
});

describe('the CSP check itself', () => {
  it('sees a violation when one happens', async () => {
    const app = await openApp(browser, baseURL);
    await figures(app.page);
    await app.page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.appendChild(s);
    });
    await expect.poll(() => takeCspViolations().length > 0 || null).toBe(true);
    expect(
      await app.page.evaluate(() => (window as unknown as { __inline?: number }).__inline),
    ).toBeUndefined();
    await app.context.close();
    // Chromium's own console report of the same refusal can come after the event's: not this test's violation.
    await new Promise((r) => setTimeout(r, 500));
    takeCspViolations();
  });
});
