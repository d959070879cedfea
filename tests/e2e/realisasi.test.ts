import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { foreignRequests, sampleApp, screenshot, SCREENSHOT_DIR, showView } from './browser';
import { cents, expectedRealisasi, rp } from './realisasi-expected';

const baseURL = inject('baseURL');
interface TableRow {
  agency: string;
  numerator: number;
  denominator: number | null;
  share: number | null;
}

async function readTable(page: Page, basis: string): Promise<TableRow[]> {
  await showView(page, 'perangkat-daerah');
  await page.waitForSelector(`[data-testid=agency-table][data-basis=${basis}][aria-busy=false]`);
  return page.$$eval('[data-testid=agency-table] tbody tr', (trs) =>
    trs.map((tr) => {
      const d = (tr as HTMLElement).dataset;
      return {
        agency: d['agency'] ?? '',
        numerator: Number(d['numerator']),
        denominator: d['denominator'] ? Number(d['denominator']) : null,
        share: d['share'] ? Number(d['share']) : null,
      };
    }),
  );
}

/** Click the basis by its visible label (the radio itself is visually hidden) and wait until it is on. */
async function setBasis(page: Page, label: string) {
  await page.locator('[data-testid=basis-switch] label', { hasText: label }).click();
  await page.waitForSelector(`[data-testid=basis-switch] label.active:has-text("${label}")`);
}

const app = sampleApp(baseURL);
const E = expectedRealisasi();

describe('realisasi and capaian on the bundled sample', () => {
  it('switches the basis to realisasi: figures equal the sample transactions, and the basis is named', async () => {
    const { page } = app;
    await setBasis(page, 'Realisasi');
    const rows = await readTable(page, 'realisasi');
    expect(rows.length).toBe(24);
    for (const r of rows) {
      const e = E.out.get(r.agency.slice(3));
      expect(r.numerator).toBe(rp(e?.pdn ?? 0n));
      const bp = E.bp.get(r.agency.slice(3));
      if (bp) expect(r.share).toBeCloseTo(Number(e?.pdn ?? 0n) / Number(bp), 10);
      else expect(r.share).toBeNull();
    }
    await showView(page, 'ringkasan');
    expect(await page.textContent('[data-testid=chart-basis]')).toContain('Basis: realisasi');
    expect(await page.textContent('[data-testid=basis-shown]')).toBe('Ditampilkan: Realisasi');
    const unmatched = await page.getAttribute('[data-testid=card-unmatched]', 'data-value');
    expect(Number(unmatched)).toBe(rp(E.unmatched));
    await screenshot(page, '10-basis-realisasi');
  });

  it('switches the basis to capaian = realisasi ÷ komitmen', async () => {
    const { page } = app;
    await setBasis(page, 'Capaian');
    const rows = await readTable(page, 'capaian');
    for (const r of rows) {
      const kd = r.agency.slice(3);
      const kom = E.komitmen.get(kd)?.pdn ?? 0n;
      const real = E.out.get(kd)?.pdn ?? 0n;
      expect(r.denominator).toBe(kom > 0n ? rp(kom) : null);
      if (kom > 0n) expect(r.share).toBeCloseTo(Number(real) / Number(kom), 10);
    }
    await showView(page, 'ringkasan');
    await page.waitForSelector('[data-testid=agency-chart][data-basis=capaian][aria-busy=false]');
    expect(await page.textContent('#chart-title')).toContain('Capaian PDN');
    expect(await page.textContent('[data-testid=agency-chart]')).toContain('Komitmen (100 %)');
    await screenshot(page, '11-basis-capaian');
  });

  it("opens an agency's rows from its bar: the total equals the bar, and it filters and exports", async () => {
    const { page } = app;
    await setBasis(page, 'Realisasi');
    await readTable(page, 'realisasi');
    await showView(page, 'ringkasan');
    const kd = '3519027'; // DINAS KESEHATAN: spelled two ways in the sample
    const bar = page.locator(`[data-testid=agency-bar][data-agency="kd:${kd}"]`);
    const barValue = Number(await bar.getAttribute('data-value'));
    expect(barValue).toBe(rp(E.out.get(kd)!.pdn));
    await bar.click();
    const totals = page.locator('[data-testid=drill-totals][aria-busy=false]');
    await expect.poll(() => totals.getAttribute('data-part'), { timeout: 15_000 }).toBe(String(barValue));
    expect(Number(await totals.getAttribute('data-rows'))).toBe(E.out.get(kd)!.rows);
    expect(await page.locator('[data-testid=drill-row]').count()).toBeLessThan(60); // virtualised
    await page.locator('[data-testid=drilldown]').scrollIntoViewIfNeeded();
    await screenshot(page, '12-drilldown');
    await page
      .locator('[data-testid=drilldown]')
      .screenshot({ path: resolve(SCREENSHOT_DIR, '12b-drilldown-panel.png') });

    // Only rows without any PDN status.
    await page.selectOption('#drill-flag', 'tanpa');
    await expect
      .poll(() => page.locator('[data-testid=drill-totals][aria-busy=false]').getAttribute('data-rows'), {
        timeout: 15_000,
      })
      .toBe(String(E.out.get(kd)!.tanpaRows));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ekspor CSV (sesuai filter)' }).click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const csv = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    expect(csv.length).toBe(E.out.get(kd)!.tanpaRows);
    expect(csv.every((r) => r['asal_status'] === 'tanpa' && r['status_pdn'] === '')).toBe(true);
    const sum = csv.reduce((s, r) => s + cents(r['nilai']), 0n);
    expect(sum).toBe(E.out.get(kd)!.tanpaPdn);
    expect(download.suggestedFilename()).toMatch(/^rincian_realisasi_pdn_DINAS_KESEHATAN.*tanpa\.csv$/);
    await page.getByRole('button', { name: 'Tutup rincian' }).click();
  });

  it('lists the renamed agency as unmatched with its rupiah, and maps it by alias', async () => {
    const { page } = app;
    await showView(page, 'data');
    const row = page.locator('[data-testid=unmatched-table] tbody tr');
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    expect(Number(await row.first().getAttribute('data-total'))).toBe(rp(E.unmatched));
    await page.locator('[data-testid=reconciliation]').scrollIntoViewIfNeeded();
    await screenshot(page, '13-reconciliation');
    await page
      .locator('[data-testid=reconciliation]')
      .screenshot({ path: resolve(SCREENSHOT_DIR, '13b-reconciliation-panel.png') });
    await row.first().locator('select').selectOption('kd:3519142');
    await expect
      .poll(() => page.locator('[data-testid=unmatched-table]').count(), { timeout: 15_000 })
      .toBe(0);
    await expect
      .poll(() => page.getAttribute('[data-testid=match-alias]', 'data-total'), { timeout: 15_000 })
      .toBe(String(rp(E.unmatched)));
    const withAlias = expectedRealisasi({ 'DINAS KOMUNIKASI INFORMATIKA DAN STATISTIK': '3519142' });
    expect(withAlias.unmatched).toBe(0n);
    expect(withAlias.out.get('3519142')!.total).toBe(E.out.get('3519142')!.total + E.unmatched);
    await expect
      .poll(
        async () => (await readTable(page, 'realisasi')).find((r) => r.agency === 'kd:3519142')?.numerator,
      )
      .toBe(rp(withAlias.out.get('3519142')!.pdn));
    await screenshot(page, '14-alias-mapped');
    await showView(page, 'data');

    // The alias table goes out as CSV and comes back in.
    const [aliasDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ekspor alias (CSV)' }).click(),
    ]);
    const aliasCsv = readFileSync((await aliasDownload.path())!, 'utf8');
    const aliasRows = Papa.parse<Record<string, string>>(aliasCsv.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(aliasRows).toEqual([
      {
        alias_key: 'DINAS KOMUNIKASI INFORMATIKA DAN STATISTIK',
        agency_key: 'kd:3519142',
        nama_satker: 'DINAS KOMUNIKASI DAN INFORMATIKA',
      },
    ]);
    await page.locator('[data-testid=alias-table]').getByRole('button', { name: 'Hapus' }).click();
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    await page.setInputFiles('[data-testid=alias-import]', {
      name: 'alias.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(aliasCsv),
    });
    await expect
      .poll(() => page.locator('[data-testid=unmatched-table]').count(), { timeout: 15_000 })
      .toBe(0);
    expect(await page.textContent('[data-testid=reconciliation] [role=status]')).toBe('1 alias dimuat.');
  });

  it('sent no request outside the page origin, and logged no errors', () => {
    expect(foreignRequests(app.requests, baseURL)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
