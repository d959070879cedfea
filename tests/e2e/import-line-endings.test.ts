/**
 * A RUP export with mixed line endings (CRLF lines, one LF line after the sniffer's 2,048, one bare CR), dropped
 * in Chromium as a new user would: it loads whole; the report counts every record (a short line rejected, a draft
 * excluded), its check holds, the rejected line keeps its physical number, and a reading note says the file's
 * line endings were mixed, in Indonesian and in English.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildMixed, type Eol } from '../helpers/mixed-endings';
import { SCREENSHOT_DIR, foreignRequests, launch, loadAsNewUser, showView, type OpenedPage } from './browser';

const baseURL = inject('baseURL');
const N = 3_000;
const file = buildMixed({
  records: N,
  eol: (i): Eol => (i === 2_600 ? '\n' : i === 2_700 ? '\r' : '\r\n'),
  kind: (i) => (i === 2_601 ? 'short' : i === 12 ? 'draft' : 'ok'),
});
const NAME = 'RUP-PaketPenyedia-campuran.csv';
const id = (v: number) => new Intl.NumberFormat('id-ID').format(v);
const en = (v: number) => new Intl.NumberFormat('en-US').format(v);

let browser: Browser;
let app: OpenedPage;
beforeAll(async () => {
  browser = await launch();
  app = await loadAsNewUser(browser, baseURL, [{ name: NAME, bytes: file.bytes }]);
}, 240_000);
afterAll(async () => {
  await browser?.close();
});

const result = (page: Page) => page.locator(`[data-testid=import-result][data-name="${NAME}"]`);

describe('a file with mixed line endings', () => {
  it('loads whole: every line counted, the check holds, the note says why (Indonesian)', async () => {
    const r = result(app.page);
    // Computed from the writing: 3,000 records, the short line rejected, the draft excluded.
    expect([file.read, file.loaded, file.excluded, file.rejected]).toEqual([N, N - 2, 1, 1]);
    expect(await r.locator('[data-testid=import-counts]').textContent()).toBe(
      `${id(N)} baris dibaca: ${id(N - 2)} dihitung, 1 dikecualikan, 1 ditolak.`,
    );
    expect(await r.locator('[data-testid=report-check]').textContent()).toBe(
      `✓ Cek: ${id(N)} = ${id(N - 2)} + 1 + 1`,
    );
    expect(await r.locator('[data-testid=report-unexplained]').count()).toBe(0);
    expect(await r.locator('[data-testid=report-rejected] li').allTextContents()).toEqual([
      'jumlah kolom tidak sesuai: 1',
    ]);
    expect(await r.locator('[data-testid=report-excluded] li').allTextContents()).toEqual([
      'paket belum diumumkan: 1',
    ]);
    expect(await r.textContent()).toContain(
      'Akhir baris berkas ini bercampur (CRLF, LF, CR): berkas dibaca dengan satu jenis akhir baris, setiap baris tetap terhitung, dan nomor baris adalah nomor baris berkas seperti tampak di editor teks.',
    );
    await r.screenshot({ path: `${SCREENSHOT_DIR}/52-mixed-line-endings-id.png` });

    // The rejected line, downloaded, keeps its physical number (header = line 1).
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      r.locator('[data-testid=download-rejected]').click(),
    ]);
    const rows = Papa.parse<string[]>(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    expect(file.rejects).toEqual([{ line: 2_602, reason: 'struktur_baris' }]);
    expect(rows.slice(1).map((x) => [x[0], x[3]])).toEqual([['2602', 'jumlah kolom tidak sesuai']]);
  });

  it('says the same in English', async () => {
    const { page } = app;
    await page.selectOption('#lang', 'en');
    await showView(page, 'data');
    const r = result(page);
    expect(await r.locator('[data-testid=import-counts]').textContent()).toBe(
      `${en(N)} rows read: ${en(N - 2)} counted, 1 excluded, 1 rejected.`,
    );
    expect(await r.locator('[data-testid=report-check]').textContent()).toMatch(/^✓ /);
    expect(await r.textContent()).toContain(
      "This file mixes line endings (CRLF, LF, CR): it was read with one kind of line ending, every line is still accounted for, and line numbers are the file's lines as a text editor shows them.",
    );
    await r.screenshot({ path: `${SCREENSHOT_DIR}/53-mixed-line-endings-en.png` });
    await page.selectOption('#lang', 'id');
  });

  it('sent no request outside the page origin, and logged no errors', () => {
    expect(foreignRequests(app.requests, baseURL)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
