import { appendFileSync, cpSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS } from '../../scripts/sample/layouts';
import { startPreview, type PreviewServer } from '../helpers/preview-server';
import { SAMPLE_READY, foreignRequests, launch, screenshot, showView } from './browser';

const baseURL = inject('baseURL');
const ROOT = resolve(import.meta.dirname, '../..');

/** Once the service worker has installed (everything precached) and is active. */
const swActivated = (page: Page) =>
  page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const sw = reg.active!;
    if (sw.state !== 'activated')
      await new Promise<void>((ok) =>
        sw.addEventListener('statechange', () => sw.state === 'activated' && ok()),
      );
    return sw.scriptURL;
  });

const tableDrawn = (page: Page) => page.waitForSelector(SAMPLE_READY, { timeout: 60_000 });

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('installable and offline', () => {
  it('has a web app manifest with the app’s name and icons', async () => {
    const res = await fetch(new URL('manifest.webmanifest', baseURL));
    expect(res.ok).toBe(true);
    const m = (await res.json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: { sizes: string }[];
    };
    expect(m.name).toBe('Pantau PDN');
    expect(m.display).toBe('standalone');
    expect(m.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of m.icons as unknown as { src: string }[])
      expect((await fetch(new URL(icon.src, baseURL))).ok).toBe(true);
  });

  it('after one visit, opens with the network off and loads a file', async () => {
    const context = await browser.newContext({
      serviceWorkers: 'allow',
      viewport: { width: 1366, height: 900 },
    });
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    await page.goto(baseURL);
    await tableDrawn(page);
    expect(await swActivated(page)).toMatch(/sw\.js$/);

    await context.setOffline(true);
    // The network is really off for this context.
    expect(await page.evaluate(() => fetch('./index.html?x=' + Math.random(), { cache: 'no-store' }).then(() => 'up', () => 'down'))).toBe('down'); // prettier-ignore
    await page.reload();
    await tableDrawn(page);
    expect(await page.locator('[data-testid=dataset-badge]').getAttribute('data-sample-from')).toBe(
      'snapshot',
    );
    const rows = [
      {
        kd_satker: '8801',
        nama_satker: 'DINAS LURING',
        kd_rup: '880101',
        pagu: '1000000.00',
        status_pdn: 'PDN',
      },
    ].map((r) => ({
      tahun_anggaran: '2026',
      nama_klpd: 'Kota Luring',
      status_aktif_rup: 'true',
      status_delete_rup: 'false',
      status_umumkan_rup: 'Terumumkan',
      status_ukm: 'UKM',
      ...r,
    }));
    await showView(page, 'data');
    await page.setInputFiles('[data-testid=file-input]', {
      name: 'RUP-PaketPenyedia-Terumumkan.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(toCsv(PENYEDIA_HEADERS, rows)),
    });
    await page.click('[data-testid=import-confirm]');
    await expect.poll(() => page.locator('[data-testid=import-result]').count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => page.textContent('[data-testid=pemda-name]')).toBe('Kota Luring');
    await screenshot(page, 'offline-01-loaded');
    expect(foreignRequests(requests, baseURL)).toEqual([]);
    await context.close();
  });
});

describe('a new version', () => {
  let server: PreviewServer;
  const dir = resolve(ROOT, 'test-results/dist-update');
  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    cpSync(resolve(ROOT, 'dist'), dir, { recursive: true });
    server = await startPreview({ outDir: dir });
  });
  afterAll(() => {
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is offered with a prompt, and takes over when the user accepts', async () => {
    const context = await browser.newContext({
      serviceWorkers: 'allow',
      viewport: { width: 1366, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(server.baseURL);
    await tableDrawn(page);
    await swActivated(page);
    // The second visit: the page is served and controlled by the installed version.
    await page.reload();
    await tableDrawn(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await page.locator('[data-testid=update-ready]').count()).toBe(0);
    // Deploy "a new version": a service worker that differs by a byte.
    appendFileSync(resolve(dir, 'sw.js'), '\n// next version\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await page.waitForSelector('[data-testid=update-ready]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid=update-ready]')).toContain('Versi baru aplikasi tersedia');
    await screenshot(page, 'offline-02-update-prompt');
    const reloaded = page.waitForEvent('framenavigated', { timeout: 60_000 });
    await page.click('[data-testid=update-now]');
    await reloaded;
    await tableDrawn(page);
    expect(await page.locator('[data-testid=update-ready]').count()).toBe(0);
    await context.close();
  });
});
