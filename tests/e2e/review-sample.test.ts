import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { formatRupiahShort } from '../../src/lib/format';
import { en } from '../../src/locales/en';
import { id } from '../../src/locales/id';
import { foreignRequests, sampleApp, screenshot, SCREENSHOT_DIR, showView } from './browser';
import {
  SAMPLE_FILES,
  expectAgencies,
  pdfInfoPages,
  pdfText,
  readSampleCsv,
  seriousA11yViolations,
  sha256File,
} from './review-helpers';

const baseURL = inject('baseURL');
const OUT = resolve(import.meta.dirname, '../../test-results');

const penyedia = readSampleCsv('RUP-PaketPenyedia-Terumumkan.csv');
const expected = expectAgencies(penyedia, readSampleCsv('RUP-StrukturAnggaranPD.csv'));
const withDen = [...expected.entries()].filter(([, e]) => e.bp !== null && e.bp > 0n);

const app = sampleApp(baseURL);

const slideTitle = (page: Page) => page.textContent('[data-testid=slide-title]');

describe('presentation mode', () => {
  it('shows one view per slide and is driven by the keyboard', async () => {
    const { page } = app;
    await page.click('[data-testid=open-presentation]');
    await page.waitForSelector('[data-testid=presentation]');
    const order = ['summary', 'ranking', 'lagging', 'realisasi', 'metode'];
    const titles = [
      'Ringkasan',
      'Peringkat perangkat daerah terhadap target',
      'Perangkat daerah di bawah target',
      'Komitmen dan realisasi',
      'Komitmen per metode pengadaan',
    ];
    for (let i = 0; i < order.length; i++) {
      await expect.poll(() => page.getAttribute('[data-testid=presentation]', 'data-slide')).toBe(order[i]);
      expect(await slideTitle(page)).toBe(titles[i]);
      expect(await page.textContent('[data-testid=slide-counter]')).toBe(`${i + 1} / ${order.length}`);
      await page.waitForTimeout(150);
      await screenshot(page, `review-slide-${i + 1}-${order[i]}`);
      await page.keyboard.press(i % 2 ? 'PageDown' : 'ArrowRight');
    }
    // Past the end stays on the last slide; Home / End / PageUp / ArrowLeft move as they should.
    expect(await page.getAttribute('[data-testid=presentation]', 'data-slide')).toBe('metode');
    await page.keyboard.press('Home');
    expect(await page.getAttribute('[data-testid=presentation]', 'data-slide')).toBe('summary');
    await page.keyboard.press('PageUp');
    expect(await page.getAttribute('[data-testid=presentation]', 'data-slide')).toBe('summary');
    await page.keyboard.press('End');
    expect(await page.getAttribute('[data-testid=presentation]', 'data-slide')).toBe('metode');
    await page.keyboard.press('ArrowLeft');
    expect(await page.getAttribute('[data-testid=presentation]', 'data-slide')).toBe('realisasi');
    await page.keyboard.press('PageUp');
    expect(await page.getAttribute('[data-testid=presentation]', 'data-slide')).toBe('lagging');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid=presentation]').count()).toBe(0);
  });

  it('puts the figures computed from the files on the slides', async () => {
    const { page } = app;
    await page.click('[data-testid=open-presentation]');
    // Summary: total PDN of agencies with a denominator.
    const pdn = withDen.reduce((s, [, e]) => s + e.pdn, 0n);
    expect(await page.textContent('[data-testid=slide-card-pdn]')).toContain(
      formatRupiahShort(Number(pdn) / 100, 'id'),
    );
    // Ranking: every agency, meets ⇔ pdn ≥ 40 % × belanja pengadaan.
    await page.keyboard.press('ArrowRight');
    const bars = await page.$$eval('[data-testid=slide-ranking-svg] g[data-agency]', (gs) =>
      gs.map((g) => [g.getAttribute('data-agency'), g.getAttribute('data-meets')]),
    );
    expect(bars.length).toBe(expected.size);
    for (const [key, meets] of bars) {
      const e = expected.get(String(key).slice(3))!;
      expect(meets).toBe(e.bp === null || e.bp === 0n ? 'null' : String(e.pdn * 100n >= e.bp * 40n));
    }
    // Lagging: those below target, largest gap first, with the rupiah gap.
    await page.keyboard.press('ArrowRight');
    const lagging = withDen
      .filter(([, e]) => e.pdn * 100n < e.bp! * 40n)
      .map(([kd, e]) => ({ kd, gap: e.bp! * 40n - e.pdn * 100n }))
      .sort((a, b) => (b.gap > a.gap ? 1 : b.gap < a.gap ? -1 : 0));
    expect(lagging.length).toBeGreaterThan(0);
    const rows = await page.$$eval('[data-testid=lagging-table] tbody tr', (trs) =>
      trs.map((tr) => [tr.getAttribute('data-agency'), tr.querySelectorAll('td')[1]?.textContent]),
    );
    expect(rows.map((r) => r[0])).toEqual(lagging.slice(0, 12).map((l) => `kd:${l.kd}`));
    for (const [i, r] of rows.entries())
      expect(r[1]).toBe(formatRupiahShort(Number(lagging[i]!.gap) / 10000, 'id'));
    // Method breakdown (after the komitmen vs realisasi slide): every method of a counted package appears.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const metodeText = (await page.textContent('[data-testid=slide-metode-svg]')) ?? '';
    const methods = new Set(
      penyedia.filter((r) => r['status_delete_rup'] === 'false').map((r) => r['metode_pengadaan']),
    );
    for (const m of methods) expect(metodeText).toContain(m);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });
});

describe('printable report', () => {
  it('prints to an A4 landscape PDF with the title page, charts, table and methodology', async () => {
    const { page } = app;
    await page.click('[data-testid=open-report]');
    try {
      await checkReport(page);
    } finally {
      await page.click('[data-testid=report-back]');
    }
  });
});

async function checkReport(page: Page) {
  {
    await page.waitForSelector('[data-testid=report][data-ready=true]');
    await screenshot(page, 'review-report-screen');
    expect(await seriousA11yViolations(page)).toEqual([]);
    mkdirSync(OUT, { recursive: true });
    const path = resolve(OUT, 'report.pdf');
    await page.pdf({ path, format: 'A4', landscape: true, printBackground: true });
    const pages = pdfInfoPages(path);
    expect(pages).toBeGreaterThanOrEqual(7);
    // Title page (+ its source list), summary, 2 rankings, agency table, komitmen vs realisasi, methods, methodology.
    expect(pages).toBeLessThanOrEqual(13);
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(
      /Page size:\s+84[12]\.\d+ x 59[56]\.\d+ pts \(A4\)/,
    );

    const first = pdfText(path, 1);
    expect(first).toContain('Laporan Komitmen P3DN');
    expect(first).toContain('Kabupaten Contoh Makmur (fiktif)');
    expect(first).toContain('TA 2025');
    expect(first).toContain('Komitmen (RUP terumumkan)');
    expect(first).toContain('Belanja pengadaan (Struktur Anggaran PD)');
    expect(first).toContain('PDN 40,0 % · UMK-K 40,0 %');
    const flat = first.replace(/\s+/g, '');
    for (const f of SAMPLE_FILES) {
      expect(first).toContain(f);
      expect(flat).toContain(sha256File(f));
    }
    const rowsRead = (name: string) => readSampleCsv(name).length.toLocaleString('id-ID');
    for (const f of SAMPLE_FILES) expect(first).toContain(rowsRead(f));

    const all = pdfText(path).replace(/\s+/g, ' ');
    for (const [, e] of expected) expect(all).toContain(e.name);
    expect(all).toContain('Porsi komitmen PDN per perangkat daerah');
    expect(all).toContain('Porsi komitmen UMK-K per perangkat daerah');
    expect(all).toContain('Komitmen per metode pengadaan');
    expect(all).toContain('Komitmen dan realisasi · PDN');
    expect(all).toContain('Filter tidak ada (semua perangkat daerah)');
    const last = pdfText(path, pages);
    expect(last).toContain('Metodologi');
    expect(last).toContain('Kekurangan = maks(0, target × penyebut − pembilang)');

    execFileSync('pdftoppm', ['-png', '-r', '60', path, resolve(SCREENSHOT_DIR, 'review-report-pdf')]);
  }
}

type Tree = { [k: string]: string | Tree };
function leaves(t: Tree, prefix = ''): [string, string][] {
  return Object.entries(t).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
}

describe('languages', () => {
  it('shows no Indonesian interface text and no raw keys in English, on every main view', async () => {
    const { page } = app;
    await page.selectOption('#lang', 'en');
    await expect.poll(() => page.textContent('#chart-title')).toBe('PDN commitment share per agency');
    const enValues = new Map(leaves(en as unknown as Tree));
    // Indonesian strings without placeholders, long enough to be words, that no English string contains
    // (so shared words such as "Target" or "PDN" do not count).
    const enAll = [...enValues.values()];
    const indonesian = leaves(id as unknown as Tree)
      .map(([, v]) => v)
      .filter((v) => !v.includes('{{') && v.length >= 5 && !enAll.some((e) => e.includes(v)));
    expect(indonesian.length).toBeGreaterThan(50);
    const texts: [string, string][] = [['dashboard', await page.innerText('body')]];
    await page.click('[data-testid=open-presentation]');
    for (let i = 0; i < 5; i++) {
      await page.waitForTimeout(100);
      texts.push([`slide ${i + 1}`, await page.innerText('[data-testid=presentation]')]);
      if (i === 1) await screenshot(page, 'review-slide-en-ranking');
      await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('Escape');
    await page.click('[data-testid=open-report]');
    await page.waitForSelector('[data-testid=report][data-ready=true]');
    texts.push(['report', await page.innerText('body')]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'review-report-en');
    const dataStrings = [
      ...new Set(penyedia.flatMap((r) => [r['metode_pengadaan']!, r['nama_satker']!, r['nama_klpd']!])),
      // File names are data too (e.g. "Bela-TokoDaringRealisasi.csv").
      ...readdirSync(resolve(import.meta.dirname, '../../sample-data')),
    ].sort((a, b) => b.length - a.length);
    for (const [view, raw] of texts) {
      // The language menu names each language in itself ("Bahasa Indonesia"): that is not untranslated text.
      // Data is shown as it is in the files (agency names, methods such as "Dikecualikan"): strip it first.
      let text = raw.replaceAll('Bahasa Indonesia', '');
      for (const d of dataStrings) text = text.replaceAll(d, '');
      for (const s of indonesian) expect(text.includes(s), `${view}: "${s}"`).toBe(false);
      expect(text, view).not.toMatch(
        /\b(review|chart|table|cards|den|kpi|controls|app|dataset|import|rule|error)\.[a-zA-Z_]+\b/,
      );
    }
    expect(texts[texts.length - 1]![1]).toContain('P3DN Commitment Report');
  });

  it('keeps the English dashboard free of serious accessibility violations', async () => {
    const { page } = app;
    if ((await page.locator('[data-testid=report-back]').count()) > 0)
      await page.click('[data-testid=report-back]');
    await showView(page, 'perangkat-daerah');
    await page.waitForSelector('[data-testid=agency-table][aria-busy=false]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.selectOption('#lang', 'id');
  });

  it('keeps the Indonesian dashboard free of serious accessibility violations', async () => {
    await expect.poll(() => app.page.getAttribute('html', 'lang')).toBe('id');
    await app.page.waitForSelector('[data-testid=agency-table][aria-busy=false]');
    expect(await seriousA11yViolations(app.page)).toEqual([]);
  });

  it('sent no request outside the page origin, and logged no errors', () => {
    expect(foreignRequests(app.requests, baseURL)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
