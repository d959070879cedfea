import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS, STRUKTUR_HEADERS } from '../../scripts/sample/layouts';
import {
  SAMPLE_READY,
  SCREENSHOT_DIR,
  foreignRequests,
  launch,
  openApp,
  screenshot,
  showView,
  type OpenedPage,
} from './browser';
import { download, expectAgencies, pngSize, rp } from './review-helpers';

const baseURL = inject('baseURL');

// A small Pemda whose agency names try formula injection.
const HYPER = '=HYPERLINK("http://x","y")';
const agencies = [
  { kd: '9101', nama: HYPER },
  { kd: '9102', nama: '@SUM(A1)' },
  { kd: '9103', nama: 'DINAS NORMAL' },
];
const penyedia = agencies.flatMap((a, i) =>
  [
    { kd_rup: `${a.kd}01`, pagu: `${(i + 1) * 123456789}.50`, status_pdn: 'PDN', status_ukm: 'UKM', metode_pengadaan: 'Tender' },
    { kd_rup: `${a.kd}02`, pagu: `${(3 - i) * 98765432}.25`, status_pdn: 'Non-PDN', status_ukm: 'UKM', metode_pengadaan: 'E-Purchasing' },
    { kd_rup: `${a.kd}03`, pagu: '77777777.00', status_pdn: 'PDN', status_ukm: 'Non-UKM', metode_pengadaan: 'Pengadaan Langsung' },
  ].map((r) => ({
    tahun_anggaran: '2026', nama_klpd: 'Kota Injeksi', kd_satker: a.kd, nama_satker: a.nama,
    status_aktif_rup: 'true', status_delete_rup: 'false', status_umumkan_rup: 'Terumumkan', ...r,
  })),
); // prettier-ignore
const struktur = agencies.map((a, i) => ({
  tahun_anggaran: '2026', nama_klpd: 'Kota Injeksi', kd_satker: a.kd, nama_satker: a.nama,
  belanja_pengadaan: `${(i + 2) * 250000000}.00`,
})); // prettier-ignore
const FILES = [
  { name: 'RUP-PaketPenyedia-Terumumkan.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(PENYEDIA_HEADERS, penyedia)) },
  { name: 'RUP-StrukturAnggaranPD.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(STRUKTUR_HEADERS, struktur)) },
]; // prettier-ignore
const expected = expectAgencies(penyedia, struktur);

async function loadOwnFiles(page: Page) {
  // The sample is loaded (on whichever view the address opened).
  await page.waitForSelector('.app[data-status=ready] [data-testid=dataset-badge][data-source=sample]', {
    timeout: 60_000,
  });
  await page.setInputFiles('[data-testid=file-input]', FILES);
  // Files are reviewed (kind, mapping) before they load.
  await page.click('[data-testid=import-confirm]');
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-testid=import-result]').length === 2 &&
      document.querySelector('[data-testid=pemda-name]')?.textContent === 'Kota Injeksi',
    null,
    { timeout: 30_000 },
  );
  await showView(page, 'perangkat-daerah');
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid=agency-table] tbody tr').length === 3,
    null,
    { timeout: 30_000 },
  );
  await page.waitForSelector('[data-testid=agency-table][aria-busy=false]');
}

let browser: Browser;
let app: OpenedPage;
const others: OpenedPage[] = [];

beforeAll(async () => {
  browser = await launch();
  app = await openApp(browser, baseURL);
  await loadOwnFiles(app.page);
});

afterAll(async () => {
  await browser?.close();
});

/** Columns of the agency export: name, code, packages, then per KPI value/share/status/gap, then denominator. */
function checkAgencyRow(row: readonly unknown[], kd: string) {
  const e = expected.get(kd)!;
  expect(row[2]).toBe(e.packages);
  expect(row[3]).toBe(rp(e.pdn));
  expect(row[4] as number).toBeCloseTo((Number(e.pdn) / Number(e.bp!)) * 100, 3);
  expect(row[5]).toBe(e.pdn * 100n >= e.bp! * 40n ? '✓ Memenuhi' : '✗ Di bawah');
  expect(row[6]).toBe(rp(e.pdn * 100n >= e.bp! * 40n ? 0n : (e.bp! * 40n - e.pdn * 100n) / 100n));
  expect(row[7]).toBe(rp(e.umk));
  expect(row[11]).toBe(rp(e.bp!));
}

describe('exports', () => {
  it('exports the agency table as CSV with the view written in and formulas neutralised', async () => {
    const { name, bytes } = await download(
      app.page,
      '[data-testid=export-dashboard-table] [data-export=csv]',
    );
    expect(name).toMatch(/\.csv$/);
    const text = bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['Tabel perangkat daerah']);
    const meta = new Map(rows.slice(1, 11).map((r) => [r[0], r[1]]));
    expect(meta.get('Pemda')).toBe('Kota Injeksi');
    expect(meta.get('Basis')).toBe('Komitmen (RUP terumumkan)');
    expect(meta.get('Penyebut')).toBe('Belanja pengadaan (Struktur Anggaran PD)');
    expect(meta.get('Target')).toBe('PDN 40,0 % · UMK-K 40,0 %');
    expect(meta.get('Filter')).toBe('tidak ada (semua perangkat daerah)');
    const h = rows.findIndex((r) => r[0] === 'Perangkat daerah');
    const data = rows.slice(h + 1);
    expect(data.map((r) => r[0]).sort()).toEqual([`'${HYPER}`, "'@SUM(A1)", 'DINAS NORMAL'].sort());
    for (const r of data) {
      const kd = agencies.find((a) => r[0] === a.nama || r[0] === `'${a.nama}`)!.kd;
      checkAgencyRow(
        r.map((c, i) => (i === 0 || i === 1 || i === 5 || i === 9 ? c : Number(c))),
        kd,
      );
    }
  });

  it('exports the agency table as XLSX: numbers stay numbers, formulas stay text', async () => {
    const { name, bytes } = await download(
      app.page,
      '[data-testid=export-dashboard-table] [data-export=xlsx]',
    );
    expect(name).toMatch(/\.xlsx$/);
    const rows = await readSheet(bytes);
    expect(rows[0]?.[0]).toBe('Tabel perangkat daerah');
    const meta = new Map(rows.slice(1, 11).map((r) => [r[0], r[1]]));
    expect(meta.get('Basis')).toBe('Komitmen (RUP terumumkan)');
    expect(meta.get('Penyebut')).toBe('Belanja pengadaan (Struktur Anggaran PD)');
    expect(meta.get('Target')).toBe('PDN 40,0 % · UMK-K 40,0 %');
    const h = rows.findIndex((r) => r[0] === 'Perangkat daerah');
    const data = rows.slice(h + 1).filter((r) => r[0] !== null);
    expect(data.map((r) => r[0]).sort()).toEqual([`'${HYPER}`, "'@SUM(A1)", 'DINAS NORMAL'].sort());
    for (const r of data) {
      for (const i of [2, 3, 4, 6, 7, 11]) expect(typeof r[i]).toBe('number');
      const kd = agencies.find((a) => r[0] === a.nama || r[0] === `'${a.nama}`)!.kd;
      checkAgencyRow(r, kd);
    }
  });

  it('exports the chart as a 2× PNG on white and as SVG with its title, basis and legend', async () => {
    const { page } = app;
    await showView(page, 'ringkasan');
    const box = (await page.locator('[data-testid=agency-chart] svg.chart-surface').boundingBox())!;
    const svg = await download(page, '[data-testid=export-dashboard-chart] [data-export=svg]');
    expect(svg.name).toMatch(/\.svg$/);
    const svgText = svg.bytes.toString('utf8');
    const w = Number(/^<svg[^>]* width="(\d+)"/.exec(svgText)?.[1]);
    const hgt = Number(/^<svg[^>]* height="(\d+)"/.exec(svgText)?.[1]);
    expect(w).toBeGreaterThanOrEqual(Math.ceil(box.width));
    expect(hgt).toBeGreaterThan(Math.ceil(box.height));
    for (const s of ['Porsi komitmen PDN per perangkat daerah', 'Penyebut: belanja pengadaan', '✓ Memenuhi target', '✗ Di bawah target', 'Target 40,0 %', 'Kota Injeksi', 'DINAS NORMAL']) {
      expect(svgText).toContain(s);
    } // prettier-ignore
    expect(svgText).not.toContain('<script');

    const png = await download(page, '[data-testid=export-dashboard-chart] [data-export=png]');
    expect(png.name).toMatch(/\.png$/);
    expect(pngSize(png.bytes)).toEqual({ width: 2 * w, height: 2 * hgt });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(resolve(SCREENSHOT_DIR, 'review-export-chart.png'), png.bytes);
    // White background: the corners of the image are opaque white.
    const corners = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      return [
        [...ctx.getImageData(0, 0, 1, 1).data],
        [...ctx.getImageData(img.width - 1, img.height - 1, 1, 1).data],
      ];
    }, png.bytes.toString('base64'));
    expect(corners).toEqual([
      [255, 255, 255, 255],
      [255, 255, 255, 255],
    ]);
  });
});

describe('report of own files', () => {
  it('lists each loaded file with the SHA-256 of its bytes', async () => {
    const { page } = app;
    await page.click('[data-testid=open-report]');
    try {
      await page.waitForSelector('[data-testid=report][data-ready=true]');
      const shas = await page.$$eval('[data-testid=report-sha]', (tds) => tds.map((td) => td.textContent));
      expect(shas).toEqual(
        FILES.map((f) => `SHA-256: ${createHash('sha256').update(f.buffer).digest('hex')}`),
      );
      const text = await page.textContent('[data-testid=report-agency-table]');
      for (const a of agencies) expect(text).toContain(a.nama);
    } finally {
      await page.click('[data-testid=report-back]');
    }
  });
});

describe('shareable view', () => {
  it('opens a copied link in a fresh browser with the same files on the same view', async () => {
    const { page } = app;
    await page.getByLabel('UMK-K').first().check({ force: true });
    await page.selectOption('#denominator', 'rup_penyedia');
    await page.getByRole('button', { name: 'PDN 95 %' }).click();
    await showView(page, 'perangkat-daerah');
    await page.click('[data-sort=gap]');
    await page.selectOption('#lang', 'en');
    await showView(page, 'ringkasan');
    await expect.poll(() => page.textContent('#chart-title')).toBe('UMK-K commitment share per agency');
    await showView(page, 'perangkat-daerah');
    await page.waitForSelector('[data-testid=agency-table][aria-busy=false]');
    const url = await page.inputValue('[data-testid=share-url]');
    expect(new URL(url).searchParams.get('v')).toBe('1');
    expect(url).toBe(page.url());
    // The data never goes into the link, and the page says so.
    for (const s of ['HYPERLINK', 'NORMAL', 'Injeksi', '9101', '123456789']) expect(url).not.toContain(s);
    expect(await page.textContent('[data-testid=share-note]')).toContain('never the data');

    // The chart is on the Ringkasan view, the table on Perangkat daerah: the title is read first.
    const view = async (p: Page) => ({
      title: await showView(p, 'ringkasan').then(() => p.textContent('#chart-title')),
      table: await showView(p, 'perangkat-daerah').then(() => p.waitForSelector('[data-testid=agency-table][aria-busy=false]')).then(() => true),
      lang: await p.getAttribute('html', 'lang'),
      den: await p.inputValue('#denominator'),
      targets: [await p.inputValue('#target-pdn'), await p.inputValue('#target-umk')],
      kpiUmk: await p.isChecked('input[name=kpi][value=umk]'),
      sort: await p.getAttribute('[data-testid=agency-table] th[aria-sort=ascending], [data-testid=agency-table] th[aria-sort=descending]', 'aria-sort'),
      sortKey: await p.getAttribute('[data-testid=agency-table] th:is([aria-sort=ascending],[aria-sort=descending]) button', 'data-sort'),
      rows: await p.$$eval('[data-testid=agency-table] tbody tr', (trs) => trs.map((tr) => [tr.getAttribute('data-agency'), tr.getAttribute('data-share')])),
    }); // prettier-ignore
    const before = await view(page);
    expect(before).toMatchObject({
      lang: 'en',
      den: 'rup_penyedia',
      targets: ['95', '40'],
      kpiUmk: true,
      sortKey: 'gap',
    });
    await screenshot(page, 'review-share-source');

    const fresh = await openApp(browser, url);
    others.push(fresh);
    await loadOwnFiles(fresh.page);
    await showView(fresh.page, 'ringkasan');
    await expect.poll(() => fresh.page.textContent('#chart-title')).toBe('UMK-K commitment share per agency');
    expect(await view(fresh.page)).toEqual(before);
    await screenshot(fresh.page, 'review-share-opened');
  });

  it("shows a link in its language but keeps the recipient's saved language for later visits", async () => {
    // The recipient's own browser: they chose English in the app some time ago.
    const rcpt = await openApp(browser, baseURL);
    others.push(rcpt);
    const { page } = rcpt;
    const ready = () => page.waitForSelector(SAMPLE_READY, { timeout: 60_000 });
    await ready();
    await page.selectOption('#lang', 'en');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    const savedLang = () =>
      page.evaluate(() => (JSON.parse(localStorage.getItem('pantau-pdn:view') ?? '{}') as { state?: { lang?: string } }).state?.lang); // prettier-ignore
    expect(await savedLang()).toBe('en');

    // An Indonesian link from a colleague: the page shows in Indonesian, the link's other view state applies too.
    await page.goto(`${baseURL}?v=1&k=umk&l=id`);
    await ready();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('id');
    await expect
      .poll(() => page.textContent('#chart-title'))
      .toBe('Porsi komitmen UMK-K per perangkat daerah');
    expect(await page.inputValue('#lang')).toBe('id');
    expect(new URL(page.url()).searchParams.get('l')).toBe('id');
    await screenshot(page, 'share-lang-link-id');
    // Working in the linked view (any change writes the persisted settings) still keeps English saved.
    await page.selectOption('#denominator', 'rup_penyedia');
    await showView(page, 'perangkat-daerah');
    await page.waitForSelector('[data-testid=agency-table][aria-busy=false]');
    expect(await savedLang()).toBe('en');

    // The same view without the link's `l`: English again.
    await page.goto(`${baseURL}?v=1&k=umk`);
    await ready();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => page.textContent('#chart-title')).toBe('UMK-K commitment share per agency');
    // The app's plain address: English, and the address bar now carries the saved language.
    await page.goto(baseURL);
    await ready();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.inputValue('#lang')).toBe('en');
    expect(new URL(page.url()).searchParams.get('l')).toBe('en');
    await screenshot(page, 'share-lang-plain-en');

    // Choosing a language in the UI while on a link does save it.
    await page.goto(`${baseURL}?v=1&l=en`);
    await ready();
    await page.selectOption('#lang', 'id');
    await expect.poll(() => savedLang()).toBe('id');
    await page.goto(baseURL);
    await ready();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('id');
  });

  it('ignores link values that do not validate, and a link of another version', async () => {
    const bad = await openApp(browser, `${baseURL}?v=1&k=evil&d=__proto__&t=999_40&s=gap.sideways&l=fr`);
    others.push(bad);
    await bad.page.waitForSelector(SAMPLE_READY, { timeout: 60_000 });
    expect(await bad.page.getAttribute('html', 'lang')).toBe('id');
    expect(await bad.page.inputValue('#denominator')).toBe('belanja_pengadaan');
    expect(await bad.page.inputValue('#target-pdn')).toBe('40');
    expect(await bad.page.isChecked('input[name=kpi][value=pdn]')).toBe(true);
    const future = await openApp(browser, `${baseURL}?v=2&k=umk&l=en`);
    others.push(future);
    await future.page.waitForSelector(SAMPLE_READY, { timeout: 60_000 });
    expect(await future.page.getAttribute('html', 'lang')).toBe('id');
    expect(await future.page.isChecked('input[name=kpi][value=pdn]')).toBe(true);
  });

  it('sent no request outside the page origin, and logged no errors', () => {
    for (const o of [app, ...others]) {
      expect(foreignRequests(o.requests, baseURL)).toEqual([]);
      expect(o.errors).toEqual([]);
    }
  });
});
