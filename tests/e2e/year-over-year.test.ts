/**
 * Year over year in Chromium: with two fiscal years loaded, the panel at the foot of the summary asks the engine
 * for its figures only once the user scrolls to it, and then shows each agency's share in both years and the
 * change. The expected shares are computed here from the file's rows in BigInt cents.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS } from '../../scripts/sample/layouts';
import { mulberry32 } from '../../scripts/sample/prng';
import { penyediaRow, type Agency, type Paket } from '../helpers/fixtures';
import { launch, loadAsNewUser, screenshot, showView, type OpenedPage } from './browser';

const baseURL = inject('baseURL');
const rp = (c: bigint) => Number(c) / 100;
const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);

const AGENCIES: Agency[] = Array.from({ length: 30 }, (_, i) => ({
  kd: String(700_001 + i),
  str: `1.${String(i + 1).padStart(2, '0')}.0.00.0.00.01.0000`,
  nama: `DINAS UJI ${String(i + 1).padStart(2, '0')}`,
}));
const rand = mulberry32(2025);
const YEARS = ['2024', '2025'] as const;
const PAKETS = AGENCIES.flatMap((agency, j) =>
  YEARS.flatMap((tahun, y) =>
    Array.from({ length: 6 }, (_, i) => ({
      tahun,
      p: {
        agency,
        kdRup: String(80_000_000 + j * 100 + y * 10 + i),
        cents: BigInt(Math.floor(rand() * 90_000_000) + 1_000) * 100n + BigInt(i),
        pdn: rand() < 0.55,
        ukm: rand() < 0.5,
      } satisfies Paket,
    })),
  ),
);
const csv = toCsv(
  PENYEDIA_HEADERS,
  PAKETS.map(({ tahun, p }) => ({ ...penyediaRow(p), tahun_anggaran: tahun })),
);

/** PDN / UMK-K share of an agency's pagu in one year (the RUP penyedia denominator), as the engine divides. */
function share(a: Agency, tahun: string, kpi: 'pdn' | 'ukm'): number {
  const ps = PAKETS.filter((x) => x.p.agency === a && x.tahun === tahun).map((x) => x.p);
  return rp(sum(ps.filter((p) => p[kpi]).map((p) => p.cents))) / rp(sum(ps.map((p) => p.cents)));
}

async function changes(page: OpenedPage['page']): Promise<Map<string, number>> {
  const rows = await page
    .locator('[data-testid=yoy-agencies] tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-key') ?? '', tr.getAttribute('data-change') ?? '']),
    );
  return new Map(rows.map(([k, v]) => [k!, Number(v)]));
}

function expectChanges(got: Map<string, number>, kpi: 'pdn' | 'ukm') {
  expect(got.size).toBe(AGENCIES.length);
  for (const a of AGENCIES)
    expect(got.get(`kd:${a.kd}`), a.nama).toBe(share(a, '2025', kpi) - share(a, '2024', kpi));
}

let browser: Browser;
let app: OpenedPage;
beforeAll(async () => {
  browser = await launch();
  app = await loadAsNewUser(browser, baseURL, [
    { name: 'RUP-PaketPenyedia-Terumumkan.csv', bytes: new TextEncoder().encode(csv) },
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

describe('year over year', () => {
  it('is asked for only when scrolled to, then shows each agency in both years with the change', async () => {
    const { page } = app;
    expect(await page.locator('[data-testid=import-error]').count()).toBe(0);
    await page.setViewportSize({ width: 1366, height: 700 });
    await showView(page, 'ringkasan');
    await page.selectOption('#denominator', 'rup_penyedia');
    await page.waitForSelector('[data-testid=agency-chart][aria-busy=false] [data-testid=agency-bar]');
    // At the fold (its top less than 40 px above the bottom edge): no panel, so its queries were not run.
    const top = await page
      .locator('[data-testid=yoy-anchor]')
      .evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(700 - 40);
    expect(await page.locator('[data-testid=year-over-year]').count()).toBe(0);

    // The panel keeps its room (two years loaded), so the page scrolls to it as a user would.
    expect(
      await page.locator('[data-testid=yoy-anchor]').evaluate((el) => el.getBoundingClientRect().height),
    ).toBeGreaterThanOrEqual(200);
    await page.mouse.wheel(0, 600);
    await page.waitForSelector(
      '[data-testid=year-over-year][aria-busy=false] [data-testid=yoy-agencies] tbody tr',
    );
    expect(await page.textContent('#yoy-title')).toContain('2024');
    expect(await page.textContent('#yoy-title')).toContain('2025');
    // One Pemda: no Pemda table (the ranking bound is 1), the agencies table has every agency.
    expect(await page.locator('[data-testid=yoy-pemda]').count()).toBe(0);
    expectChanges(await changes(page), 'pdn');
    await screenshot(page, 'year-over-year');

    // Scrolled there, the panel follows the view: the UMK-K KPI's changes.
    await page.getByLabel('UMK-K').first().check({ force: true });
    await expect.poll(() => page.textContent('[data-testid=yoy-agencies] thead')).toContain('UMK');
    expectChanges(await changes(page), 'ukm');
  });
});
