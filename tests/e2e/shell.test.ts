import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  SAMPLE_READY,
  foreignRequests,
  launch,
  openApp,
  screenshot,
  showView,
  type OpenedPage,
  type View,
} from './browser';
import { expectAgencies, readSampleCsv, seriousA11yViolations } from './review-helpers';

const baseURL = inject('baseURL');

/** Each view: its address, the element only it shows, and its heading in both languages. */
const VIEWS: { view: View; hash: string; content: string; id: string; en: string }[] = [
  { view: 'ringkasan', hash: '#/', content: '[data-testid=view-ringkasan] [data-testid=agency-chart]', id: 'Ringkasan', en: 'Summary' },
  { view: 'perangkat-daerah', hash: '#/perangkat-daerah', content: '[data-testid=agency-table] tbody tr', id: 'Perangkat daerah', en: 'Agencies' },
  { view: 'rincian', hash: '#/rincian', content: '[data-testid=breakdowns]', id: 'Rincian', en: 'Breakdowns' },
  { view: 'data', hash: '#/data', content: '[data-testid=files-loaded]', id: 'Data', en: 'Data' },
  { view: 'presentasi', hash: '#/presentasi', content: '[data-testid=presentation]', id: 'Presentasi', en: 'Presentation' },
  { view: 'laporan', hash: '#/laporan', content: '[data-testid=report][data-ready=true]', id: 'Laporan', en: 'Report' },
]; // prettier-ignore

const hashOf = (page: Page) => new URL(page.url()).hash;

let browser: Browser;
const opened: OpenedPage[] = [];

async function open(url: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const app = await openApp(browser, url);
  opened.push(app);
  await app.page.setViewportSize(viewport);
  return app.page;
}

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('app shell: one address per view', () => {
  let page: Page;

  it('opens on Ringkasan, and each navigation link opens its view at its own address', async () => {
    page = await open(baseURL);
    await page.waitForSelector(SAMPLE_READY, { timeout: 60_000 });
    expect(await page.getAttribute('nav a[data-route=ringkasan]', 'aria-current')).toBe('page');
    for (const v of VIEWS) {
      await page.click(`nav a[data-route=${v.view}]`);
      await page.waitForSelector(v.content, { timeout: 30_000 });
      // Ringkasan is also the plain address (no hash) the app opened on.
      expect(v.view === 'ringkasan' ? ['', '#/'] : [v.hash], v.view).toContain(hashOf(page));
      if (v.view === 'presentasi') {
        await page.keyboard.press('Escape');
        await page.waitForSelector('.app[data-route=data]');
        continue;
      }
      expect(await page.getAttribute('.app', 'data-route')).toBe(v.view);
      if (v.view !== 'laporan') {
        expect(await page.getAttribute(`nav a[data-route=${v.view}]`, 'aria-current')).toBe('page');
        expect(await page.textContent('[data-testid=view-title]')).toBe(v.id);
      }
    }
    // From the report, its back button returns where it was opened from (Data, after the presentation).
    await page.click('[data-testid=report-back]');
    await page.waitForSelector('.app[data-route=data]');
    expect(hashOf(page)).toBe('#/data');
  });

  it("walks the views back and forward with the browser's buttons, keeping the view state in the query", async () => {
    await showView(page, 'ringkasan');
    await page.getByLabel('UMK-K').first().check({ force: true });
    await showView(page, 'perangkat-daerah');
    await showView(page, 'rincian');
    const query = new URL(page.url()).search;
    expect(new URLSearchParams(query).get('k')).toBe('umk');
    await page.goBack();
    await page.waitForSelector('[data-testid=view-perangkat-daerah]');
    expect(hashOf(page)).toBe('#/perangkat-daerah');
    await page.goBack();
    await page.waitForSelector('[data-testid=view-ringkasan]');
    await page.goForward();
    await page.waitForSelector('[data-testid=view-perangkat-daerah]');
    // The view's settings stay with every entry: the query did not change with the view.
    expect(new URL(page.url()).search).toBe(query);
    expect(await page.isChecked('input[name=kpi][value=umk]')).toBe(true);
    await page.getByLabel('PDN').first().check({ force: true });
  });

  it('opens a link straight at a view, with its settings; an unknown view is Ringkasan', async () => {
    const deep = await open(`${baseURL}?v=1&k=umk#/perangkat-daerah`);
    await deep.waitForSelector('[data-testid=agency-table] tbody tr', { timeout: 60_000 });
    expect(await deep.isChecked('input[name=kpi][value=umk]')).toBe(true);
    expect(await deep.textContent('[data-testid=measure-line]')).toContain('UMK-K');
    const unknown = await open(`${baseURL}#/tidak-ada`);
    await unknown.waitForSelector(SAMPLE_READY, { timeout: 60_000 });
    expect(await unknown.getAttribute('.app', 'data-route')).toBe('ringkasan');
  });

  it('names the basis and the denominator on every view with figures', async () => {
    for (const v of ['ringkasan', 'perangkat-daerah', 'rincian'] as const) {
      await showView(page, v);
      const line = await page.textContent(`[data-testid=view-${v}] [data-testid=measure-line]`);
      expect(line, v).toBe('Basis Komitmen · PDN ÷ belanja pengadaan');
    }
    await page.selectOption('#denominator', 'rup_penyedia');
    await page.locator('[data-testid=basis-switch] label', { hasText: 'Realisasi' }).click();
    await expect
      .poll(() => page.textContent('[data-testid=view-rincian] [data-testid=measure-line]'))
      .toBe('Basis Realisasi · PDN ÷ pagu RUP penyedia');
    await page.locator('[data-testid=basis-switch] label', { hasText: 'Komitmen' }).click();
    await page.selectOption('#denominator', 'belanja_pengadaan');
  });
});

describe('the answer above the fold', () => {
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    it(`shows the KPI cards and at least ten agency bars without scrolling at ${width}×${height}`, async () => {
      const page = await open(baseURL, { width, height });
      await page.waitForSelector(SAMPLE_READY, { timeout: 60_000 });
      await page.waitForTimeout(300); // the chart card is fitted to the window after layout
      const fit = await page.evaluate(() => {
        const inView = (r: DOMRect) => r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
        const cards = [...document.querySelectorAll('[data-testid=kpi-cards] .card')].map((c) =>
          inView(c.getBoundingClientRect()),
        );
        const bars = [...document.querySelectorAll('[data-testid=agency-bar]')].filter((b) =>
          inView(b.getBoundingClientRect()),
        );
        const scroll = document.querySelector('[data-testid=chart-scroll]')!.getBoundingClientRect();
        return {
          height: window.innerHeight,
          scrollY: window.scrollY,
          cards,
          barsInView: bars.length,
          barsTotal: document.querySelectorAll('[data-testid=agency-bar]').length,
          chartBottom: scroll.bottom,
          below: document.querySelectorAll('[data-testid=below-target] tbody tr').length,
        };
      });
      expect(fit.height).toBe(height);
      expect(fit.scrollY).toBe(0);
      expect(fit.cards.length).toBeGreaterThanOrEqual(5);
      expect(fit.cards.every(Boolean)).toBe(true);
      expect(fit.barsInView).toBeGreaterThanOrEqual(10);
      // The long list scrolls inside the chart card, which ends within the window.
      expect(fit.chartBottom).toBeLessThanOrEqual(height);
      expect(fit.below).toBeGreaterThan(0);
      await page.screenshot({ path: `test-results/screenshots/shell-fold-${width}x${height}.png` });
    });
  }

  it('lists the agencies below target with their rupiah gap, computed from the sample files', async () => {
    const page = opened[opened.length - 1]!.page;
    const agencies = expectAgencies(
      readSampleCsv('RUP-PaketPenyedia-Terumumkan.csv'),
      readSampleCsv('RUP-StrukturAnggaranPD.csv'),
    );
    // Below target: a denominator and PDN < 40 % of it; gap = 40 % × denominator − PDN.
    const below = [...agencies.entries()]
      .filter(([, e]) => e.bp !== null && e.pdn * 100n < e.bp * 40n)
      // In 1/100 of a cent (exact), then rupiah.
      .map(([kd, e]) => ({ agency: `kd:${kd}`, gap: Number(e.bp! * 40n - e.pdn * 100n) / 10_000 }))
      .sort((a, b) => b.gap - a.gap);
    const rows = await page.$$eval('[data-testid=below-target] tbody tr', (trs) =>
      trs.map((tr) => ({ agency: tr.getAttribute('data-agency'), gap: Number(tr.getAttribute('data-gap')) })),
    );
    expect(rows.map((r) => r.agency)).toEqual(below.map((b) => b.agency));
    for (const [i, r] of rows.entries()) expect(r.gap).toBeCloseTo(below[i]!.gap, 2);
    expect(await page.getAttribute('[data-testid=below-target]', 'data-count')).toBe(String(below.length));
  });

  it('gives every cut agency name its full text on hover (title) and to assistive technology', async () => {
    const page = opened[opened.length - 1]!.page;
    const ticks = await page.$$eval('[data-testid=agency-tick]', (ts) =>
      ts.map((t) => ({ shown: t.lastChild?.textContent ?? '', title: t.querySelector('title')?.textContent ?? null })),
    ); // prettier-ignore
    const cut = ticks.filter((t) => t.shown.endsWith('…'));
    expect(cut.length).toBeGreaterThan(0); // the sample has long names
    const labels = await page.$$eval('[data-testid=agency-bar], [data-testid=agency-noden]', (bs) =>
      bs.map((b) => b.getAttribute('aria-label') ?? ''),
    );
    for (const t of cut) {
      expect(t.title).not.toBeNull();
      expect(t.title!.startsWith(t.shown.slice(0, -1))).toBe(true);
      expect(labels.some((l) => l.endsWith(`: ${t.title}`))).toBe(true);
    }
    const buttons = await page.$$eval('[data-testid=below-target] tbody th button', (bs) =>
      bs.map((b) => ({ text: b.textContent, title: b.getAttribute('title'), label: b.getAttribute('aria-label') })),
    ); // prettier-ignore
    for (const b of buttons) {
      expect(b.title).toBe(b.text);
      expect(b.label).toContain(b.text);
    }
  });
});

describe('keyboard', () => {
  it('starts with a skip link, reaches the views by Tab and Enter, and opens and closes an agency', async () => {
    const page = await open(baseURL);
    await page.waitForSelector(SAMPLE_READY, { timeout: 60_000 });
    // From the top: the skip link, the header's controls, then the navigation.
    const order: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(() => {
          const a = document.activeElement as HTMLElement;
          return a.classList.contains('skip-link') ? 'skip' : (a.dataset['route'] ?? (a.id || a.tagName));
        }),
      );
    }
    expect(order[0]).toBe('skip');
    const lang = order.indexOf('lang');
    const nav = order.indexOf('perangkat-daerah');
    expect(lang).toBeGreaterThan(0);
    expect(nav).toBeGreaterThan(lang);
    expect(order.indexOf('rincian')).toBe(nav + 1);
    await page.focus('.skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // Enter on a focused link opens the view, and focus moves to its content.
    await page.focus('nav a[data-route=rincian]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=view-rincian]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // A bar of the ranking opens its rows by keyboard; Esc closes them and focus returns to the bar.
    await showView(page, 'ringkasan');
    const bar = page.locator('[data-testid=agency-bar]').first();
    await bar.focus();
    const agency = await bar.getAttribute('data-agency');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-testid=drawer] [data-testid=drilldown][data-agency="${agency}"]`);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('drawer');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=drawer]', { state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-agency'))).toBe(agency);
    // The filters open from their toggle and a chip removes its filter.
    await page.focus('[data-testid=filter-toggle]');
    await page.keyboard.press('Enter');
    await page.selectOption('#filter-jenis', { index: 1 });
    const chip = page.locator('[data-testid=filter-chips] .chip[data-filter=jenis]');
    await chip.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => chip.count()).toBe(0);
    expect(await page.inputValue('#filter-jenis')).toBe('');
  });
});

describe('first run and access', () => {
  it('marks the sample as a sample, with the load action that opens the Data view', async () => {
    const page = await open(baseURL);
    await page.waitForSelector(SAMPLE_READY, { timeout: 60_000 });
    expect(await page.textContent('[data-testid=sample-banner]')).toContain('data contoh dari Pemda fiktif');
    expect(await page.textContent('[data-testid=data-pill]')).toBe('Data contoh');
    expect(await page.textContent('[data-testid=badge-files]')).toMatch(/^11 berkas · dimuat \d\d\.\d\d/);
    await page.click('[data-testid=banner-load-data]');
    await page.waitForSelector('[data-testid=dropzone]');
    expect(hashOf(page)).toBe('#/data');
  });

  for (const lang of ['id', 'en'] as const) {
    it(`has no serious or critical axe violation on any view (${lang})`, async () => {
      const page = await open(`${baseURL}?v=1&l=${lang}`);
      await page.waitForSelector(SAMPLE_READY, { timeout: 60_000 });
      for (const v of VIEWS) {
        if (v.view === 'laporan') await page.keyboard.press('Escape'); // leave the presentation
        await page.click(`nav a[data-route=${v.view}]`);
        await page.waitForSelector(v.content, { timeout: 60_000 });
        await page.waitForTimeout(200);
        if (v.view !== 'presentasi' && v.view !== 'laporan')
          expect(await page.textContent('[data-testid=view-title]')).toBe(v[lang]);
        expect(await seriousA11yViolations(page), `${v.view} (${lang})`).toEqual([]);
        if (v.view === 'ringkasan') {
          // With the drill-down panel open, too.
          await page.locator('[data-testid=agency-bar]').first().click();
          await page.waitForSelector('[data-testid=drill-totals]');
          expect(await seriousA11yViolations(page), `drill-down (${lang})`).toEqual([]);
          await page.keyboard.press('Escape');
        }
      }
      await screenshot(page, `shell-axe-last-${lang}`);
    });
  }

  it('sent no request outside the page origin, and logged no errors', () => {
    expect(opened.length).toBeGreaterThan(3);
    for (const o of opened) {
      expect(foreignRequests(o.requests, baseURL)).toEqual([]);
      expect(o.errors).toEqual([]);
    }
  });
});
