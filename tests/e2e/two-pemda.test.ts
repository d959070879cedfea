/**
 * Two Pemda loaded together in Chromium, as a new user would: the province's RUP, budget structure and Toko Daring
 * exports dropped at once. Both Pemda are named, each agency keeps its own share (the same names in both), and
 * the Pemda ranking equals the figures computed from the test's own files (BigInt cents).
 */
import { describe, expect, inject, it } from 'vitest';
import { ALL, P1, P2, PA, PB, exp, rupCsv, strukturCsv, tdCsv } from '../helpers/two-pemda';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { SCREENSHOT_DIR, foreignRequests, sampleApp, screenshot, showView } from './browser';

const baseURL = inject('baseURL');
const rp = (c: bigint) => Number(c) / 100;
const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);

const app = sampleApp(baseURL);

describe('two Pemda in one dataset', () => {
  it('loads both, names both, and ranks them by their agencies summed', async () => {
    const { page } = app;
    await showView(page, 'data');
    const files = [
      { name: 'RUP-PaketPenyedia-Terumumkan.csv', text: rupCsv },
      { name: 'RUP-StrukturAnggaranPD.csv', text: strukturCsv },
      { name: 'Bela-TokoDaringRealisasi.csv', text: tdCsv },
    ];
    await page.evaluate((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'text/csv' }));
      const zone = document.querySelector('[data-testid=dropzone]')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, files);
    await expect.poll(() => page.locator('[data-testid=pending-file]').count(), { timeout: 30_000 }).toBe(3);
    await page.click('[data-testid=import-confirm]');
    await expect.poll(() => page.locator('[data-testid=import-result]').count(), { timeout: 60_000 }).toBe(3);
    expect(await page.locator('[data-testid=import-error]').count()).toBe(0);

    await showView(page, 'ringkasan');
    const ranking = page.locator('[data-testid=pemda-ranking] tbody tr');
    await expect.poll(() => ranking.count(), { timeout: 30_000 }).toBe(2);
    for (const [p, agencies] of [
      [P1, PA],
      [P2, PB],
    ] as const) {
      const row = page.locator(`[data-testid=pemda-ranking] tbody tr[data-pemda="klpd:${p.kd}"]`);
      expect(await row.locator('th').textContent()).toBe(p.nama);
      const num = sum(agencies.map((a) => exp(a).pdn));
      const den = sum(agencies.map((a) => exp(a).den));
      expect(Number(await row.getAttribute('data-numerator'))).toBe(rp(num));
      expect(Number(await row.getAttribute('data-denominator'))).toBe(rp(den));
      expect(Number(await row.getAttribute('data-share'))).toBe(rp(num) / rp(den));
      const gap10 = 4n * den - 10n * num; // max(0, 40 % × den − num) in tenths of a cent
      expect(Number(await row.getAttribute('data-gap'))).toBeCloseTo(
        gap10 > 0n ? Number(gap10) / 1000 : 0,
        2,
      );
    }
    // Ranked by share, highest first.
    const shares = await ranking.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-share'))));
    expect(shares).toEqual([...shares].sort((a, b) => b - a));

    await page.locator('[data-testid=pemda-ranking]').screenshot({ path: shot('30a-pemda-ranking') });
    await showView(page, 'perangkat-daerah');
    const rows = page.locator('[data-testid=agency-table] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(6);
    for (const a of ALL) {
      const tr = page.locator(`[data-testid=agency-table] tbody tr[data-agency="kd:${a.kd}"]`);
      expect(await tr.getAttribute('data-pemda')).toBe(`klpd:${a.pemda.kd}`);
      expect(await tr.locator('th').textContent()).toBe(a.nama);
      expect(await tr.locator('td').first().textContent()).toBe(a.pemda.nama);
      expect(Number(await tr.getAttribute('data-share'))).toBe(rp(exp(a).pdn) / rp(exp(a).den));
    }
    // The badge names both Pemda, not the more frequent one.
    expect(await page.textContent('[data-testid=pemda-name]')).toBe(`${P1.nama} · ${P2.nama}`);
    await screenshot(page, '30-two-pemda');
    await page.locator('[data-testid=agency-table]').screenshot({ path: shot('30b-agency-table-pemda') });
  });

  it('narrows every view to one Pemda from the ranking, and shows the active filter', async () => {
    const { page } = app;
    await showView(page, 'ringkasan');
    await page.locator(`[data-testid=pemda-ranking] tr[data-pemda="klpd:${P2.kd}"] th button`).click();
    await showView(page, 'perangkat-daerah');
    const rows = page.locator('[data-testid=agency-table] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(3);
    const keys = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-agency')).sort());
    expect(keys).toEqual(PB.map((a) => `kd:${a.kd}`).sort());
    expect(await page.textContent('[data-testid=filter-chips]')).toContain(`Pemda: ${P2.nama}`);
    expect(await page.inputValue('#filter-pemda')).toBe(`klpd:${P2.kd}`);
    await page.click('[data-testid=filter-toggle]');
    await page.locator('[data-testid=filter-bar]').screenshot({ path: shot('31-pemda-filter') });
    await page.click('[data-testid=filter-toggle]');
    await page.locator('[data-testid=filter-chips] button[data-filter=pemda]').click();
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(6);
    expect(await page.locator('[data-testid=filter-chips] button[data-filter]').count()).toBe(0);
  });

  it('sent no request outside the page origin, and logged no errors', () => {
    expect(foreignRequests(app.requests, baseURL)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});

function shot(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return resolve(SCREENSHOT_DIR, `${name}.png`);
}
