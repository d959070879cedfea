import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SAMPLE } from '../helpers/sample';
import { SAMPLE_READY, launch, openApp, screenshot, showView, type OpenedPage } from './browser';
import { expectedRealisasi, rp } from './realisasi-expected';

/**
 * The start trusts a snapshot's register and cubes when they were made by the same core with the aliases the user
 * has (src/app/dataset-lifecycle.ts, src/features/reconciliation/api/alias-sync.ts). These check the other side:
 * aliases the snapshot was not made with are applied at start, on the bundled sample and on the user's own data.
 */

const baseURL = inject('baseURL');
const E = expectedRealisasi();
const ALIAS = { aliasKey: 'DINAS KOMUNIKASI INFORMATIKA DAN STATISTIK', agencyKey: 'kd:3519142' };
const withAlias = expectedRealisasi({ [ALIAS.aliasKey]: '3519142' });

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The reconciliation's unmatched rows (alias key → rupiah) once the panel has answered. */
async function unmatched(page: Page): Promise<Map<string, number>> {
  await showView(page, 'data');
  await page.waitForSelector('[data-testid=match-alias]', { timeout: 60_000 });
  const rows = await page.$$eval('[data-testid=unmatched-table] tbody tr', (trs) =>
    trs.map((tr) => [
      (tr as HTMLElement).dataset['alias'] ?? '',
      Number((tr as HTMLElement).dataset['total']),
    ]),
  );
  return new Map(rows as [string, number][]);
}

/** The realisasi PDN value of one agency in the agency table. */
async function realisasiPdn(page: Page, agency: string): Promise<number> {
  await showView(page, 'perangkat-daerah');
  await page.locator('[data-testid=basis-switch] label', { hasText: 'Realisasi' }).click();
  await page.waitForSelector('[data-testid=agency-table][data-basis=realisasi][aria-busy=false] tbody tr');
  const v = await page.getAttribute(
    `[data-testid=agency-table] tbody tr[data-agency="${agency}"]`,
    'data-numerator',
  );
  await page.locator('[data-testid=basis-switch] label', { hasText: 'Komitmen' }).click();
  return Number(v);
}

describe('aliases at start', () => {
  it('the sample snapshot, an alias already saved in this browser: applied before the first figures', async () => {
    expect(withAlias.unmatched).toBe(0n);
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.addInitScript((a) => {
      localStorage.setItem('pantau-pdn:aliases', JSON.stringify({ state: { aliases: [a] }, version: 1 }));
    }, ALIAS);
    const page = await context.newPage();
    await page.goto(baseURL);
    await page.waitForSelector(SAMPLE_READY, { timeout: 60_000 });
    expect(await page.getAttribute('[data-testid=dataset-badge]', 'data-sample-from')).toBe('snapshot');
    expect(await realisasiPdn(page, 'kd:3519142')).toBe(rp(withAlias.out.get('3519142')!.pdn));
    expect(await unmatched(page)).toEqual(new Map());
    expect(await page.getAttribute('[data-testid=match-alias]', 'data-total')).toBe(String(rp(E.unmatched)));
    await context.close();
  });

  describe('the user’s own data, stored; an alias added after it was stored', () => {
    let app: OpenedPage;
    beforeAll(async () => {
      app = await openApp(browser, baseURL);
      await app.page.waitForSelector(SAMPLE_READY, { timeout: 60_000 });
    });
    afterAll(async () => {
      await app?.context.close();
    });

    it('stores the own files with the word that its register is this core’s', async () => {
      const { page } = app;
      const files = readdirSync(SAMPLE).sort();
      await showView(page, 'data');
      await page.setInputFiles(
        '[data-testid=file-input]',
        files.map((name) => ({ name, mimeType: 'text/csv', buffer: readFileSync(resolve(SAMPLE, name)) })),
      );
      await expect.poll(() => page.locator('[data-testid=pending-file]').count()).toBe(files.length);
      await page.click('[data-testid=import-confirm]');
      await expect
        .poll(() => page.locator('[data-testid=import-result]').count(), { timeout: 120_000 })
        .toBe(files.length);
      await expect
        .poll(() => page.getAttribute('[data-testid=storage-status]', 'data-state'), { timeout: 60_000 })
        .toBe('saved');
      const manifest = (await page.evaluate(async () => {
        const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('pantau-pdn');
        const cur = JSON.parse(await (await (await root.getFileHandle('current.json')).getFile()).text()) as {
          dir: string;
        };
        const dir = await root.getDirectoryHandle(cur.dir);
        return JSON.parse(
          await (await (await dir.getFileHandle('manifest.json')).getFile()).text(),
        ) as unknown;
      })) as { derivation?: string; source: string };
      expect(manifest.source).toBe('own');
      // Nothing changed the data while it was saved: the register and cubes are marked as this core's.
      expect(manifest.derivation).toMatch(/^[0-9a-f]{32}$/);
      expect(await unmatched(page)).toEqual(new Map([[ALIAS.aliasKey, rp(E.unmatched)]]));
    });

    it('reload with the alias: matched again, the alias’s rupiah moved; without it: as stored', async () => {
      const { page } = app;
      // The alias is mapped in the app: applied at once, not stored with the data (no import ran).
      await page
        .locator(`[data-testid=unmatched-table] tbody tr[data-alias="${ALIAS.aliasKey}"] select`)
        .selectOption(ALIAS.agencyKey);
      await expect
        .poll(() => page.locator('[data-testid=unmatched-table]').count(), { timeout: 15_000 })
        .toBe(0);
      await page.reload();
      await page.waitForSelector('[data-testid=dataset-badge][data-source=own]', { timeout: 60_000 });
      expect(await unmatched(page)).toEqual(new Map());
      expect(await realisasiPdn(page, 'kd:3519142')).toBe(rp(withAlias.out.get('3519142')!.pdn));
      await screenshot(page, 'start-01-own-alias-after-reload');
      // The alias removed: after a reload the stored register (made without it) is right as it is.
      await showView(page, 'data');
      await page.locator('[data-testid=alias-table]').getByRole('button', { name: 'Hapus' }).click();
      await expect
        .poll(() => page.locator('[data-testid=unmatched-table] tbody tr').count(), { timeout: 30_000 })
        .toBe(1);
      await page.reload();
      await page.waitForSelector('[data-testid=dataset-badge][data-source=own]', { timeout: 60_000 });
      expect(await unmatched(page)).toEqual(new Map([[ALIAS.aliasKey, rp(E.unmatched)]]));
      expect(await realisasiPdn(page, 'kd:3519142')).toBe(rp(E.out.get('3519142')!.pdn));
      expect(app.errors).toEqual([]);
    });
  });
});
