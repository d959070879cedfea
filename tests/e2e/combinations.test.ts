/**
 * File combinations people really make, each dropped at once in Chromium and loaded as a new user would (the
 * sample first, then the files, the review confirmed as proposed). The agency table must equal the figures
 * computed in the test from the files' rows (BigInt cents): one row per agency, each package once, the later
 * export's values, numbers read in the file's own locale; the import reports say what was counted once.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { englishLocale, overlappingBatches, renamedCopies, type AgencyExpect } from '../helpers/combinations';
import {
  NAMES,
  RENAMED,
  budget,
  budgetBytes,
  code,
  renamedPakets,
  webCsv,
  webPakets,
} from '../helpers/web-list';
import {
  agencyTable,
  foreignRequests,
  launch,
  loadAsNewUser,
  screenshot,
  type AgencyRow,
  type OpenedPage,
} from './browser';

const baseURL = inject('baseURL');
const rp = (c: bigint) => Number(c) / 100;
const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);
const fmt = (n: number) => new Intl.NumberFormat('id-ID').format(n);

let browser: Browser;
const opened: OpenedPage[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function load(files: Parameters<typeof loadAsNewUser>[2]): Promise<OpenedPage> {
  const app = await loadAsNewUser(browser, baseURL, files);
  opened.push(app);
  expect(await app.page.locator('[data-testid=import-error]').count()).toBe(0);
  return app;
}

/** The table equals the expected agencies: the same keys, names, packages, PDN komitmen, budget and share. */
function expectTable(got: AgencyRow[], want: readonly AgencyExpect[]) {
  expect(got.map((r) => r.key).sort()).toEqual(want.map((w) => w.key).sort());
  for (const w of want) {
    const r = got.find((x) => x.key === w.key)!;
    expect([r.name, r.cells[1], r.numerator, r.denominator, r.share], w.name).toEqual([
      w.name,
      fmt(w.packages),
      rp(w.pdn),
      rp(w.den),
      rp(w.pdn) / rp(w.den),
    ]);
  }
}

const report = (app: OpenedPage, name: string, what: string) =>
  app.page.locator(`[data-testid=import-result][data-name="${name}"] [data-testid=${what}]`);

describe('file combinations dropped at once', () => {
  it('the SIRUP web list (names only) with a coded budget sheet: one row per agency, exact shares', async () => {
    const app = await load([
      { name: 'daftar-paket-sirup.csv', bytes: new TextEncoder().encode(webCsv) },
      { name: 'struktur-anggaran-keuangan.csv', bytes: budgetBytes },
    ]);
    const want: AgencyExpect[] = NAMES.map((nama, i) => {
      const mine = webPakets.filter((p) => p.agency === i);
      return {
        key: `str:${code(i)}`,
        name: nama,
        packages: mine.length,
        pdn: sum(mine.filter((p) => p.pdn).map((p) => p.cents)),
        den: budget[i]!,
      };
    });
    const got = await agencyTable(app.page, NAMES.length + 1);
    expectTable(
      got.filter((r) => r.key.startsWith('str:')),
      want,
    );
    // The one web-list agency the budget sheet does not name: its own row, without a denominator.
    const renamed = got.find((r) => r.key === 'nama:BAGIAN UMUM LAMA')!;
    expect([renamed.name, renamed.cells[1], renamed.numerator, renamed.denominator, renamed.share]).toEqual([
      RENAMED,
      '3',
      rp(sum(renamedPakets.filter((p) => p.pdn).map((p) => p.cents))),
      null,
      null,
    ]);
    const n = webPakets.length + renamedPakets.length;
    expect(await report(app, 'daftar-paket-sirup.csv', 'import-counts').textContent()).toBe(
      `${fmt(n)} baris dibaca: ${fmt(n)} dihitung, 0 dikecualikan, 0 ditolak.`,
    );
    await screenshot(app.page, '40-web-list-budget');
  });

  it('two overlapping RUP batches, the later revising some pagu: each package once, the later values', async () => {
    const c = overlappingBatches();
    const app = await load(c.files);
    expectTable(await agencyTable(app.page, c.expected.length), c.expected);
    await app.page.click('nav a[data-route=data]');
    expect(await report(app, 'RUP-PaketPenyedia-batch-1.csv', 'report-lost-to').textContent()).toBe(
      `${c.overlap} baris ini tidak ikut dihitung: paket atau transaksi yang sama ada di RUP-PaketPenyedia-batch-2.csv, berkas yang lebih baru, dan dihitung dari sana, sekali saja.`,
    );
    // The newer batch was loaded first: its report, written when the batch ended, names what it took over.
    expect(await report(app, 'RUP-PaketPenyedia-batch-2.csv', 'report-superseded').textContent()).toBe(
      `${c.overlap} baris dari RUP-PaketPenyedia-batch-1.csv kini dihitung dari berkas ini, yang lebih baru.`,
    );
    // The files table adds up per file: read = counted + in a newer file + excluded + rejected.
    const files = await app.page
      .locator('[data-testid=files-loaded] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(files.filter((r) => r[0]!.startsWith('RUP-PaketPenyedia'))).toEqual([
      ['RUP-PaketPenyedia-batch-2.csv', 'SIRUP RUP paket penyedia', '350', '350', '0', '0', '0'],
      ['RUP-PaketPenyedia-batch-1.csv', 'SIRUP RUP paket penyedia', '300', '250', '50', '0', '0'],
    ]);
    await screenshot(app.page, '41-overlapping-batches');
    // The printable report says the same to the auditor.
    await app.page.click('[data-testid=open-report]');
    await app.page.waitForSelector('[data-testid=report][data-ready=true]', { timeout: 30_000 });
    const row = app.page.locator('[data-testid=report] tr.source-row', { hasText: 'RUP-PaketPenyedia-batch-1.csv' }); // prettier-ignore
    expect(await row.locator('td.num').allTextContents()).toEqual(['300', '250', '0', '0']);
    expect(await app.page.locator('[data-testid=report-superseded-rows]').allTextContents()).toEqual([
      '50 baris lain berkas ini ada juga di berkas yang lebih baru dan dihitung dari sana (sekali saja): dibaca = dihitung + 50 + dikecualikan + ditolak.',
    ]);
    await row.scrollIntoViewIfNeeded();
    await screenshot(app.page, '41b-report-sources');
    await app.page.click('[data-testid=report-back]');
  });

  it('the same export in a renamed copy and an Excel re-saved copy: each package counted once', async () => {
    const c = renamedCopies();
    const app = await load(c.files);
    expectTable(await agencyTable(app.page, c.expected.length), c.expected);
    await app.page.click('nav a[data-route=data]');
    expect(await report(app, 'RUP-PaketPenyedia-Terumumkan (1).csv', 'report-mode').textContent()).toBe(
      'Berkas yang sama dimuat ulang: menggantikan versi sebelumnya, tidak dihitung dua kali.',
    );
    expect(await report(app, 'RUP-PaketPenyedia-Terumumkan.csv', 'report-replaced-by').textContent()).toBe(
      'Kemudian digantikan oleh RUP-PaketPenyedia-Terumumkan (1).csv, berkas yang sama (isi identik, SHA-256 sama): barisnya dihitung sekali, dari berkas itu.',
    );
    const resaved = 'RUP Penyedia - Salinan.csv';
    expect(await report(app, resaved, 'report-superseded').textContent()).toBe(
      `${fmt(c.packages)} baris dari RUP-PaketPenyedia-Terumumkan (1).csv kini dihitung dari berkas ini, yang lebih baru.`,
    );
    expect(await report(app, resaved, 'report-number-format').getAttribute('data-format')).toBe('id');
    await screenshot(app.page, '42-renamed-copies');
  });

  it('an English-locale export ("16,229,435,400", "125,000", 750): every pagu read with thousands commas', async () => {
    const c = englishLocale();
    for (const s of ['"16,229,435,400"', '"125,000"', ',750,']) expect(c.rupText).toContain(s);
    const app = await load(c.files);
    expectTable(await agencyTable(app.page, c.expected.length), c.expected);
    await app.page.click('nav a[data-route=data]');
    const f = report(app, 'RUP-PaketPenyedia-Terumumkan-en.csv', 'report-number-format');
    expect(await f.textContent()).toBe('Format angka kolom pagu: Inggris (1,234,567.89).');
    expect(await report(app, 'RUP-PaketPenyedia-Terumumkan-en.csv', 'import-counts').textContent()).toBe(
      '90 baris dibaca: 90 dihitung, 0 dikecualikan, 0 ditolak.',
    );
    await screenshot(app.page, '43-english-locale');
  });

  it('sent no request outside the page origin, and logged no errors', () => {
    expect(opened).toHaveLength(4);
    for (const app of opened) {
      expect(foreignRequests(app.requests, baseURL)).toEqual([]);
      expect(app.errors).toEqual([]);
    }
  });
});
