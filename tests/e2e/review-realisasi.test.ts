import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { formatRupiahShort, formatShareVsTarget } from '../../src/lib/format';
import { foreignRequests, sampleApp, screenshot, SCREENSHOT_DIR } from './browser';
import { expectedRealisasi, rp } from './realisasi-expected';
import { download, pdfText, seriousA11yViolations } from './review-helpers';
import { execFileSync } from 'node:child_process';

/*
 * The "komitmen vs realisasi" slide and the report under filters, against figures computed here from the sample
 * files (tests/e2e/realisasi-expected.ts: the P3DN rules re-implemented, the app's SQL not consulted).
 */
const baseURL = inject('baseURL');
const OUT = resolve(import.meta.dirname, '../../test-results');
const FILTER_SOURCE = 'spse_nontender';
const FILTER_LABEL = 'Sistem sumber: SPSE non-tender selesai';
const SLIDE_ROWS = 5;

interface Expected {
  komitmen: bigint;
  realisasi: bigint;
  /** Agencies with a denominator (belanja pengadaan > 0), largest (komitmen − realisasi) share gap first. */
  order: { key: string; kom: bigint; real: bigint; bp: bigint }[];
}

function expectedComparison(source?: string): Expected {
  const E = expectedRealisasi({}, source === undefined ? undefined : { source });
  let komitmen = 0n;
  for (const k of E.komitmen.values()) komitmen += k.pdn;
  let realisasi = 0n;
  for (const e of E.out.values()) realisasi += e.pdn;
  const order = [...E.bp.entries()]
    .filter(([, bp]) => bp > 0n)
    .map(([kd, bp]) => ({
      key: `kd:${kd}`,
      kom: E.komitmen.get(kd)?.pdn ?? 0n,
      real: E.out.get(kd)?.pdn ?? 0n,
      bp,
    }))
    // (kom − real) / bp, compared exactly by cross-multiplication.
    .sort((a, b) => {
      const l = (b.kom - b.real) * a.bp;
      const r = (a.kom - a.real) * b.bp;
      return l > r ? 1 : l < r ? -1 : 0;
    });
  return { komitmen, realisasi, order };
}

const app = sampleApp(baseURL);

/** The filter selects sit behind the toolbar's "Filter" toggle: open it (if it is closed) before choosing. */
async function openFilters(page: Page) {
  const toggle = page.locator('[data-testid=filter-toggle]');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

async function openComparisonSlide(page: Page) {
  await page.click('[data-testid=open-presentation]');
  await page.waitForSelector('[data-testid=presentation]');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => page.getAttribute('[data-testid=presentation]', 'data-slide')).toBe('realisasi');
  await page.waitForSelector('[data-testid=slide-cmp-table][aria-busy=false] tbody tr');
}

interface CmpRow {
  key: string;
  ks: number | null;
  rs: number | null;
  cap: number | null;
  text: string;
}
const readCmp = (page: Page, table: string) =>
  page.$$eval(`[data-testid=${table}] tbody tr`, (trs) =>
    trs.map((tr) => {
      const d = (tr as HTMLElement).dataset;
      const num = (v: string | undefined) => (v ? Number(v) : null);
      return {
        key: d['agency'] ?? '',
        ks: num(d['komitmenShare']),
        rs: num(d['realisasiShare']),
        cap: num(d['capaian']),
        text: tr.textContent ?? '',
      };
    }),
  ) as Promise<CmpRow[]>;

async function checkTotals(page: Page, e: Expected) {
  const v = async (id: string) =>
    Number(await page.getAttribute(`[data-testid=cmp-total-${id}]`, 'data-value'));
  await expect.poll(() => v('realisasi')).toBe(rp(e.realisasi));
  expect(await v('komitmen')).toBe(rp(e.komitmen));
  expect(await v('capaian')).toBeCloseTo(Number(e.realisasi) / Number(e.komitmen), 12);
  expect(await page.textContent('[data-testid=cmp-total-realisasi]')).toContain(
    formatRupiahShort(rp(e.realisasi), 'id'),
  );
}

function checkRows(rows: CmpRow[], e: Expected, n: number) {
  expect(rows.length).toBe(n);
  expect(rows.map((r) => r.key)).toEqual(e.order.slice(0, n).map((o) => o.key));
  for (const [i, r] of rows.entries()) {
    const o = e.order[i]!;
    expect(r.ks).toBeCloseTo(Number(o.kom) / Number(o.bp), 12);
    expect(r.rs).toBeCloseTo(Number(o.real) / Number(o.bp), 12);
    if (o.kom === 0n) expect(r.cap).toBeNull();
    else expect(r.cap).toBeCloseTo(Number(o.real) / Number(o.kom), 12);
    // The figures are written on the bars, read against the 40 % target.
    expect(r.text).toContain(`K ${formatShareVsTarget(Number(o.kom) / Number(o.bp), 0.4, 'id')}`);
    expect(r.text).toContain(`R ${formatShareVsTarget(Number(o.real) / Number(o.bp), 0.4, 'id')}`);
  }
}

describe('komitmen vs realisasi slide', () => {
  it('comes after the lagging slide and shows the figures computed from the files', async () => {
    const { page } = app;
    const e = expectedComparison();
    expect(e.realisasi).toBeGreaterThan(0n);
    await openComparisonSlide(page);
    try {
      expect(await page.textContent('[data-testid=slide-title]')).toBe('Komitmen dan realisasi');
      await page.keyboard.press('ArrowLeft');
      expect(await page.getAttribute('[data-testid=presentation]', 'data-slide')).toBe('lagging');
      await page.keyboard.press('ArrowRight');
      await checkTotals(page, e);
      checkRows(await readCmp(page, 'slide-cmp-table'), e, SLIDE_ROWS);
      expect(await page.textContent('[data-testid=slide-filters]')).toContain('tidak ada');
      await page.waitForTimeout(200);
      await screenshot(page, 'review-slide-realisasi-id');
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await page.keyboard.press('Escape');
      await page.waitForSelector('[data-testid=open-presentation]');
    }
  });

  it('follows a source-system filter, and the report agrees with the slide', async () => {
    const { page } = app;
    const all = expectedComparison();
    const e = expectedComparison(FILTER_SOURCE);
    // The filter narrows realisasi only (RUP penyedia carries no source system): komitmen stays.
    expect(e.komitmen).toBe(all.komitmen);
    expect(e.realisasi).toBeGreaterThan(0n);
    expect(e.realisasi).toBeLessThan(all.realisasi);
    await openFilters(page);
    await page.selectOption('#filter-source', FILTER_SOURCE);
    await openComparisonSlide(page);
    await checkTotals(page, e);
    const slideRows = await readCmp(page, 'slide-cmp-table');
    checkRows(slideRows, e, SLIDE_ROWS);
    expect(await page.textContent('[data-testid=slide-filters]')).toContain(FILTER_LABEL);
    await page.waitForTimeout(200);
    await screenshot(page, 'review-slide-realisasi-filtered');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=open-presentation]');

    // Realisasi basis: the report's title page names basis and filter; its figures are the slide's.
    await page.locator('[data-testid=basis-switch] label', { hasText: 'Realisasi' }).click();
    await page.click('[data-testid=open-report]');
    try {
      await page.waitForSelector('[data-testid=report][data-ready=true]');
      await page.waitForSelector('[data-testid=report-cmp-table][aria-busy=false]');
      expect(await page.textContent('[data-testid=report-basis]')).toBe(
        'Realisasi (transaksi selesai: SPSE, e-Katalog, Toko Daring, lembar generik)',
      );
      expect(await page.textContent('[data-testid=report-filters]')).toBe(FILTER_LABEL);
      await checkTotals(page, e);
      const reportRows = await readCmp(page, 'report-cmp-table');
      checkRows(reportRows.slice(0, e.order.length), e, e.order.length);
      // Then the agencies without a denominator, never shown as 0 %.
      for (const r of reportRows.slice(e.order.length)) expect(r.ks).toBeNull();
      expect(reportRows.slice(0, SLIDE_ROWS).map((r) => [r.key, r.ks, r.rs, r.cap])).toEqual(
        slideRows.map((r) => [r.key, r.ks, r.rs, r.cap]),
      );
      // The summary under the realisasi basis: Σ realisasi PDN of the agencies with a denominator.
      const realWithDen = e.order.reduce((s, o) => s + o.real, 0n);
      expect(await page.textContent('#report-summary + p + table')).toContain(
        `Rp ${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(rp(realWithDen))}`,
      );
      expect(await seriousA11yViolations(page)).toEqual([]);

      mkdirSync(OUT, { recursive: true });
      const path = resolve(OUT, 'report-realisasi-filtered.pdf');
      await page.pdf({ path, format: 'A4', landscape: true, printBackground: true });
      const first = pdfText(path, 1).replace(/\s+/g, ' ');
      expect(first).toContain('Laporan Realisasi P3DN');
      expect(first).toContain('Realisasi (transaksi selesai: SPSE, e-Katalog, Toko Daring, lembar generik)');
      expect(first).toContain(FILTER_LABEL);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        path,
        resolve(SCREENSHOT_DIR, 'review-report-filtered-pdf'),
      ]);

      // The table export writes basis and filter into the file.
      const { bytes } = await download(page, '[data-testid=export-report-table] [data-export=csv]');
      const rows = Papa.parse<string[]>(bytes.toString('utf8').replace(/^\uFEFF/, ''), {
        skipEmptyLines: true,
      }).data;
      const meta = new Map(rows.slice(1, 12).map((r) => [r[0], r[1]]));
      expect(meta.get('Basis')).toBe(
        'Realisasi (transaksi selesai: SPSE, e-Katalog, Toko Daring, lembar generik)',
      );
      expect(meta.get('Filter')).toBe(FILTER_LABEL);
    } finally {
      await page.click('[data-testid=report-back]');
      await page.locator('[data-testid=basis-switch] label', { hasText: 'Komitmen' }).click();
      await openFilters(page);
      await page.selectOption('#filter-source', '');
    }
  });

  it('reads in English too', async () => {
    const { page } = app;
    await page.selectOption('#lang', 'en');
    try {
      await openComparisonSlide(page);
      expect(await page.textContent('[data-testid=slide-title]')).toBe('Commitment and realisation');
      expect(await page.textContent('[data-testid=cmp-totals]')).toContain('Pemda PDN realisation');
      await page.waitForTimeout(200);
      await screenshot(page, 'review-slide-realisasi-en');
      await page.keyboard.press('Escape');
    } finally {
      await page.selectOption('#lang', 'id');
    }
  });

  it('sent no request outside the page origin, and logged no errors', () => {
    expect(foreignRequests(app.requests, baseURL)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
