import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { SIMDA_HEADERS, SIRUP_WEB_LABEL_HEADERS } from '../../scripts/sample/layouts';
import { serialize } from '../helpers/csv-bytes';
import { simdaRows } from '../helpers/simda-exports';
import { writeXlsx, type XCell } from '../helpers/xlsx-writer';
import { foreignRequests, sampleApp, type OpenedPage, screenshot, SCREENSHOT_DIR } from './browser';

const baseURL = inject('baseURL');
const fmt = (n: number) => new Intl.NumberFormat('id-ID').format(n);
const dir = join(tmpdir(), `pantau-simda-${process.pid}`);
const MB = 1024 * 1024;

// A legacy SIMDA export saved by Excel: Windows-1252, semicolons, `1.234.567,89`. Its 2,600 data lines repeated
// REPEAT times make a file of several transcoding/hash slices (8 MB each); the expected figures are REPEAT × the
// figures of one block, computed here with BigInt cents.
const REPEAT = 250;
const rows = simdaRows(2600);
const block = serialize(
  SIMDA_HEADERS,
  rows.map((r) => r.cells),
  { delim: ';', latin1: true, crlf: true },
).bytes;
const headerEnd = block.indexOf(0x0a) + 1;
const header = block.subarray(0, headerEnd);
const body = block.subarray(headerEnd);
const simda = new Uint8Array(header.length + body.length * REPEAT);
simda.set(header, 0);
for (let i = 0; i < REPEAT; i++) simda.set(body, header.length + i * body.length);
const simdaPath = join(dir, 'SIMDA-Belanja-2019.csv');

const loaded = rows.filter((r) => r.fate.t === 'loaded');
const rejected = rows.length - loaded.length;
const centsOf = (g: string) => loaded.filter((r) => r.group === g).reduce((s, r) => s + r.anggaran, 0n);
const bjCents = centsOf('barang_jasa') * BigInt(REPEAT);
const modalCents = centsOf('modal') * BigInt(REPEAT);

// An .xlsx large enough that its conversion (in a worker) takes a visible moment.
const XLSX_ROWS = 60_000;
const xlsxRows: XCell[][] = [
  [...SIRUP_WEB_LABEL_HEADERS],
  ...[...Array(XLSX_ROWS).keys()].map((i): XCell[] => [
    { n: String(91_000_000 + i) },
    `Paket pengadaan nomor ${i}`,
    { n: String(1_000_000 * ((i % 50) + 1)) },
    i % 2 ? 'DINAS UJI EXCEL' : 'BADAN UJI EXCEL',
    i % 3 ? 'Ya' : 'Tidak',
    i % 4 ? 'Ya' : 'Tidak',
  ]),
];
const xlsxPath = join(dir, 'paket-besar.xlsx');

/** A close-up of one part of the page (the full-page screenshots are too tall to read the progress line). */
async function closeUp(app: OpenedPage, selector: string, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await app.page
    .locator(selector)
    .first()
    .screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Record every state of the progress line (stage, bytes, text), so no short stage is missed by polling. */
async function recordProgress(app: OpenedPage) {
  await app.page.evaluate(() => {
    const w = window as unknown as { __progress: string[][] };
    w.__progress = [];
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid=import-progress]');
      if (!el) return;
      const s = [
        el.getAttribute('data-stage') ?? '',
        el.getAttribute('data-bytes-read') ?? '',
        el.textContent ?? '',
      ];
      const last = w.__progress.at(-1);
      // One entry per stage and byte count (the elapsed seconds tick on their own).
      if (!last || last[0] !== s[0] || last[1] !== s[1]) w.__progress.push(s);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}
const progressLog = (app: OpenedPage) =>
  app.page.evaluate(() => (window as unknown as { __progress: string[][] }).__progress);

const app = sampleApp(baseURL, {
  before: async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(simdaPath, simda);
    writeFileSync(xlsxPath, writeXlsx(xlsxRows));
  },
  after: () => {
    rmSync(dir, { recursive: true, force: true });
  },
});

describe('a large legacy SIMDA export (Windows-1252)', () => {
  it('is detected as SIMDA, shows transcoding progress in bytes, and reports every row and the groups', async () => {
    const { page } = app;
    expect(simda.length).toBeGreaterThan(4 * 8 * MB);
    await page.setInputFiles('[data-testid=file-input]', simdaPath);
    const card = page.locator('[data-testid=pending-file]');
    await card.waitFor({ timeout: 30_000 });
    expect(await card.getAttribute('data-kind')).toBe('apbd_rekening');
    expect(await card.locator('[data-testid=pending-detection]').textContent()).toContain('SIMDA');
    await card.locator('.pending-mapping summary').click();
    const rekSelect = card.locator('[data-column=kode_rekening] select');
    expect(await rekSelect.getAttribute('data-composed')).toBe(
      'Kd_Rek_1 + Kd_Rek_2 + Kd_Rek_3 + Kd_Rek_4 + Kd_Rek_5',
    );
    expect(await rekSelect.locator('option:checked').textContent()).toBe(
      'disusun dari Kd_Rek_1 + Kd_Rek_2 + Kd_Rek_3 + Kd_Rek_4 + Kd_Rek_5',
    );
    await screenshot(page, 'simda-01-review');
    await closeUp(app, '[data-testid=pending-file]', 'simda-01-review-card');

    await recordProgress(app);
    await page.click('[data-testid=import-confirm]');
    // The transcoding stage shows the bytes converted so far, of the file's size.
    await page.waitForFunction(
      (size) => {
        const el = document.querySelector('[data-testid=import-progress][data-stage=transkode]');
        const b = Number(el?.getAttribute('data-bytes-read') || 0);
        return b > 0 && b < size;
      },
      simda.length,
      { timeout: 30_000, polling: 'raf' },
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    // A clip of the page, not an element screenshot: it is taken at once, while the slices are still converted.
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'simda-02-transcoding-progress.png'),
      clip: { x: 0, y: 180, width: 1366, height: 260 },
    });
    const result = page.locator('[data-testid=import-result][data-name="SIMDA-Belanja-2019.csv"]');
    await result.waitFor({ timeout: 110_000 });

    const log = await progressLog(app);
    const trans = log.filter(([s]) => s === 'transkode');
    const transBytes = trans.map(([, b]) => Number(b));
    // Per slice: 0, 8 MB, 16 MB, … the file's size, never decreasing, never beyond the size.
    expect(transBytes[0]).toBe(0);
    expect(transBytes.at(-1)).toBe(simda.length);
    expect(transBytes.length).toBe(Math.ceil(simda.length / (8 * MB)) + 1);
    expect(transBytes.every((b, i) => i === 0 || b > transBytes[i - 1]!)).toBe(true);
    expect(trans[1]![2]).toContain(
      `8 MB dari ${fmt(Math.round((simda.length / MB) * 10) / 10)} MB diubah · `,
    );
    // Then DuckDB reads it (bytes read), in this order.
    const stages = [...new Set(log.map(([s]) => s))];
    expect(stages.indexOf('transkode')).toBeLessThan(stages.indexOf('memeriksa'));

    const readN = rows.length * REPEAT;
    expect(await result.locator('[data-testid=import-counts]').textContent()).toBe(
      `${fmt(readN)} baris dibaca: ${fmt(loaded.length * REPEAT)} dihitung, 0 dikecualikan, ${fmt(rejected * REPEAT)} ditolak.`,
    );
    expect(await result.locator('[data-testid=report-check]').textContent()).toMatch(/^✓ Cek: /);
    expect(await result.textContent()).toContain('SIMDA');
    const codeset = result.locator('[data-testid=report-apbd-codeset]');
    expect(await codeset.getAttribute('data-sets')).toBe('permendagri_13');
    expect(await codeset.textContent()).toContain('5.2.2 dihitung sebagai belanja barang dan jasa');
    // Sums above 2^53 cents: the page gets DOUBLE rupiah, so compare to the exact BigInt sum within 1e-12.
    const near = (got: string | null, exp: bigint) =>
      expect(Math.abs(Number(got) - Number(exp) / 100) / (Number(exp) / 100)).toBeLessThan(1e-12);
    near(await result.locator('[data-group=barang_jasa]').getAttribute('data-anggaran'), bjCents);
    near(await result.locator('[data-group=modal]').getAttribute('data-anggaran'), modalCents);
    await closeUp(app, '[data-testid=import-result][data-name="SIMDA-Belanja-2019.csv"]', 'simda-03-report');
  });

  it('lists the file in the printable report with the SHA-256 of all its bytes (several hash slices)', async () => {
    const { page } = app;
    await page.click('[data-testid=open-report]');
    try {
      await page.waitForSelector('[data-testid=report][data-ready=true]');
      const shas = await page.$$eval('[data-testid=report-sha]', (tds) => tds.map((td) => td.textContent));
      const digest = createHash('sha256').update(simda).digest('hex');
      // The same digest `sha256sum` gives for the file on disk.
      expect(execFileSync('sha256sum', [simdaPath], { encoding: 'utf8' }).split(' ')[0]).toBe(digest);
      expect(shas).toContain(`SHA-256: ${digest}`);
      const row = page.locator('tr:has(th:text-is("SIMDA-Belanja-2019.csv"))');
      expect(await row.locator('td').first().textContent()).toBe('APBD/SIPD per kode rekening');
      expect(await page.locator('[data-testid=report-codeset]').textContent()).toContain(
        'Kode rekening lama (Permendagri 13/2006, SIMDA)',
      );
      await closeUp(app, 'table:has([data-testid=report-sha])', 'simda-05-report-sources');
    } finally {
      await page.click('[data-testid=report-back]');
    }
  });

  it('shows the Excel conversion as its own stage with elapsed time, and never a made-up byte count', async () => {
    const { page } = app;
    // Cancel during the conversion: the worker stops, the file is not listed, a message says so.
    await page.setInputFiles('[data-testid=file-input]', xlsxPath);
    // Clicked from inside the page on the first animation frame of the stage: the conversion is still running.
    await page.waitForFunction(
      () => {
        const b = document.querySelector<HTMLButtonElement>(
          '[data-testid=import-progress][data-stage=excel] [data-testid=import-cancel]',
        );
        b?.click();
        return b !== null;
      },
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    const cancelled = page.locator('[data-testid=import-error]', { hasText: 'paket-besar.xlsx' });
    await cancelled.waitFor({ timeout: 10_000 });
    expect(await cancelled.textContent()).toContain('Pemuatan dibatalkan.');
    expect(await page.locator('[data-testid=pending-file]').count()).toBe(0);
    expect(await page.locator('[data-testid=import-progress]').count()).toBe(0);

    await recordProgress(app);
    await page.setInputFiles('[data-testid=file-input]', xlsxPath);
    await page.waitForSelector('[data-testid=import-progress][data-stage=excel]', { timeout: 30_000 });
    await closeUp(app, '.import-panel', 'simda-04-excel-progress');
    await page
      .locator('[data-testid=pending-file][data-name="paket-besar.xlsx"]')
      .waitFor({ timeout: 60_000 });
    const excel = (await progressLog(app)).filter(([s]) => s === 'excel');
    expect(excel.length).toBeGreaterThan(0);
    for (const [, bytes, text] of excel) {
      expect(bytes).toBe('');
      expect(text).toContain('mengubah lembar Excel menjadi CSV');
      expect(text).toMatch(/· \d+ detik/);
      expect(text).not.toMatch(/%/);
    }
    await page.click('[data-testid=import-confirm]');
    const result = page.locator('[data-testid=import-result][data-name="paket-besar.xlsx"]');
    await result.waitFor({ timeout: 110_000 });
    expect(await result.locator('[data-testid=import-counts]').textContent()).toBe(
      `${fmt(XLSX_ROWS)} baris dibaca: ${fmt(XLSX_ROWS)} dihitung, 0 dikecualikan, 0 ditolak.`,
    );
  });

  it('sent no request outside the page origin, and logged no errors', () => {
    expect(foreignRequests(app.requests, baseURL)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
