import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS } from '../../scripts/sample/layouts';
import { penyediaRow } from '../helpers/fixtures';
import { launch, openApp, screenshot } from './browser';

const baseURL = inject('baseURL');
const dir = join(tmpdir(), `pantau-queue-${process.pid}`);
const agency = { kd: '99001', str: '1.01.0.00.0.00.01.0000', nama: 'DINAS ANTREAN' };

let browser: Browser;
beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Two batches of one RUP export (overlapping on 50 packages), as a user downloads them per agency group. */
function batch(name: string, from: number, to: number): { path: string; cents: Map<string, bigint> } {
  const cents = new Map<string, bigint>();
  const rows = [];
  for (let i = from; i <= to; i++) {
    const c = BigInt(3_000_000 + i) * 100n;
    cents.set(String(99_000_000 + i), c);
    rows.push(penyediaRow({ agency, kdRup: String(99_000_000 + i), cents: c, pdn: true, ukm: false }));
  }
  const path = join(dir, name);
  writeFileSync(path, toCsv(PENYEDIA_HEADERS, rows));
  return { path, cents };
}

describe('files dropped while the sample loads', () => {
  it('wait for the sample, then replace it; files of one kind in the batch are added to each other', async () => {
    const a = batch('RUP-batch-1.csv', 1, 300);
    const b = batch('RUP-batch-2.csv', 251, 600);
    const { page } = await openApp(browser, baseURL);
    await page.locator('[data-testid=file-input]').setInputFiles([a.path, b.path]);
    await page.waitForSelector('[data-testid=import-confirm]', { timeout: 60_000 });
    const statusAtConfirm = await page.locator('.app').getAttribute('data-status');
    await page.click('[data-testid=import-confirm]');
    await expect.poll(() => page.locator('[data-testid=import-result]').count(), { timeout: 90_000 }).toBe(2);
    await page.waitForSelector('[data-testid=agency-table] tbody tr', { timeout: 60_000 });
    // The batch was queued behind the sample (confirmed before the app was ready).
    expect(statusAtConfirm).toBe('starting');
    expect(await page.locator('[data-testid=import-error]').count()).toBe(0);
    const mode = (n: string) =>
      page.locator(`[data-testid=import-result][data-name="${n}"] [data-testid=report-mode]`).textContent();
    expect(await mode('RUP-batch-1.csv')).toMatch(/^Menggantikan 11 berkas/);
    expect(await mode('RUP-batch-2.csv')).toBe('Ditambahkan ke data yang sudah ada.');
    const lost = await page
      .locator('[data-testid=import-result][data-name="RUP-batch-2.csv"] [data-testid=report-superseded]')
      .textContent();
    expect(lost).toContain('50 baris dari RUP-batch-1.csv');
    expect(await page.locator('.pill').first().textContent()).toBe('Data Anda');
    // One agency, each package once: the table's pagu is the union's.
    const rows = page.locator('[data-testid=agency-table] tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('DINAS ANTREAN');
    // 300 + 350 packages in the two files, 50 in both: 600 packages counted.
    expect(await rows.first().locator('td').nth(1).textContent()).toBe('600');
    await screenshot(page, 'import-queue-batches');
  }, 180_000);
});
