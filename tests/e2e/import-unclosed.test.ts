/**
 * An unclosed quote at record 30,000 of a 40,000-record RUP export, dropped in Chromium with its budget sheet as
 * a new user would. The import report names the quote's line and the lines it swallowed, in Indonesian and, after
 * switching the language, in English; the rejected-rows download names the line; every other record is counted
 * on its own line and the agency table equals the figures computed here from the file's rows (BigInt cents).
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { csvCell, toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS, STRUKTUR_HEADERS } from '../../scripts/sample/layouts';
import { centsText, penyediaRow, type Agency } from '../helpers/fixtures';
import {
  SCREENSHOT_DIR,
  agencyTable,
  foreignRequests,
  launch,
  loadAsNewUser,
  showView,
  type OpenedPage,
} from './browser';

const baseURL = inject('baseURL');
const rp = (c: bigint) => Number(c) / 100;
const N = 40_000;
const OPEN = 30_000; // the record whose nama_paket opens a quote and never closes it
const CLOSE = 30_500; // the next record holding a quote: the swallowed run ends inside it
const ags: Agency[] = [0, 1, 2, 3].map((i) => ({
  kd: String(83_101 + i),
  str: `1.0${i + 1}.0.00.0.00.01.0000`,
  nama: `DINAS KUTIP ${['SATU', 'DUA', 'TIGA', 'EMPAT'][i]}`,
}));
const den = (a: Agency) => 90_000_000_000_00n + BigInt(Number(a.kd) % 10) * 1_234_567_89n;

/** The export, written line by line: record i starts on line i + 1 (no other cell spans lines). */
function build() {
  const lines = [PENYEDIA_HEADERS.join(',')];
  const pdn = new Map<Agency, bigint>(ags.map((a) => [a, 0n]));
  const packages = new Map<Agency, number>(ags.map((a) => [a, 0]));
  for (let i = 1; i <= N; i++) {
    const agency = ags[i % 4]!;
    const cents = BigInt(2_000_000 + i) * 100n + BigInt(i % 100);
    const isPdn = i % 3 !== 0;
    const row = penyediaRow({ agency, kdRup: String(84_000_000 + i), cents, pdn: isPdn, ukm: false });
    const nama = i === OPEN ? '"Pengadaan ATK kantor' : i === CLOSE ? '"Paket, dengan koma"' : `Paket ${i}`;
    lines.push(PENYEDIA_HEADERS.map((h) => (h === 'nama_paket' ? nama : csvCell(row[h] ?? ''))).join(','));
    if (i === OPEN) continue; // rejected: never counted
    packages.set(agency, packages.get(agency)! + 1);
    if (isPdn) pdn.set(agency, pdn.get(agency)! + cents);
  }
  return { text: lines.join('\n') + '\n', pdn, packages };
}

const rup = build();
const line = OPEN + 1;
const struktur = toCsv(
  STRUKTUR_HEADERS,
  ags.map((a) => ({
    tahun_anggaran: '2025', kd_klpd: 'D999', nama_klpd: 'Kab. Uji', kd_satker: a.kd, kd_satker_str: a.str,
    nama_satker: a.nama, belanja_pengadaan: centsText(den(a)), total_belanja: centsText(den(a)),
  })),
); // prettier-ignore
const NAME = 'RUP-PaketPenyedia-40000.csv';

let browser: Browser;
let app: OpenedPage;
beforeAll(async () => {
  browser = await launch();
  app = await loadAsNewUser(browser, baseURL, [
    { name: NAME, bytes: new TextEncoder().encode(rup.text) },
    { name: 'RUP-StrukturAnggaranPD.csv', bytes: new TextEncoder().encode(struktur) },
  ]);
}, 240_000);
afterAll(async () => {
  await browser?.close();
});

const result = (page: Page) => page.locator(`[data-testid=import-result][data-name="${NAME}"]`);

describe('an unclosed quote at record 30,000 of 40,000', () => {
  it('is reported with its lines in Indonesian, and the rows it swallowed are counted', async () => {
    const { page } = app;
    const r = result(page);
    expect(await r.locator('[data-testid=import-counts]').textContent()).toBe(
      '40.000 baris dibaca: 39.999 dihitung, 0 dikecualikan, 1 ditolak.',
    );
    expect(await r.locator('[data-testid=report-unclosed]').textContent()).toBe(
      `Tanda kutip tidak ditutup di baris 30.001: baris 30.002–30.501 tertelan ke dalamnya. Baris 30.001 ditolak; baris-baris yang tertelan dibaca ulang dan 500 catatannya diproses seperti biasa.`,
    );
    expect(await r.locator('[data-testid=report-rejected] li').allTextContents()).toEqual([
      'tanda kutip dibuka tetapi tidak ditutup (baris sesudahnya dibaca ulang tersendiri): 1',
    ]);
    await r.screenshot({ path: `${SCREENSHOT_DIR}/50-unclosed-quote-id.png` });

    // The rejected row, downloaded, names its line and the lines it swallowed.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      r.locator('[data-testid=download-rejected]').click(),
    ]);
    const rows = Papa.parse<string[]>(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    expect(rows[0]).toEqual(['baris', 'kolom', 'nilai', 'alasan', 'keterangan']);
    expect(rows.slice(1).map((x) => [x[0], x[3], x[4]])).toEqual([
      [String(line), 'tanda kutip dibuka tetapi tidak ditutup (baris sesudahnya dibaca ulang tersendiri)', `${line}-${line + 500}`],
    ]); // prettier-ignore

    const got = await agencyTable(page, ags.length);
    for (const a of ags) {
      const row = got.find((x) => x.key === `kd:${a.kd}`)!;
      expect([row.name, row.cells[1], row.numerator, row.denominator, row.share]).toEqual([
        a.nama,
        new Intl.NumberFormat('id-ID').format(rup.packages.get(a)!),
        rp(rup.pdn.get(a)!),
        rp(den(a)),
        rp(rup.pdn.get(a)!) / rp(den(a)),
      ]);
    }
  });

  it('says the same in English once the language is switched', async () => {
    const { page } = app;
    await page.selectOption('#lang', 'en');
    await showView(page, 'data');
    const r = result(page);
    expect(await r.locator('[data-testid=import-counts]').textContent()).toBe(
      '40,000 rows read: 39,999 counted, 0 excluded, 1 rejected.',
    );
    expect(await r.locator('[data-testid=report-unclosed]').textContent()).toBe(
      'Unclosed quote on line 30,001: lines 30,002–30,501 were swallowed into it. Line 30,001 is rejected; the swallowed lines were read again and their 500 records processed as usual.',
    );
    expect(await r.locator('[data-testid=report-rejected] li').allTextContents()).toEqual([
      'a quote was opened and never closed (the lines after it were read again on their own): 1',
    ]);
    await r.screenshot({ path: `${SCREENSHOT_DIR}/51-unclosed-quote-en.png` });
    await page.selectOption('#lang', 'id');
  });

  it('sent no request outside the page origin, and logged no errors', () => {
    expect(foreignRequests(app.requests, baseURL)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
