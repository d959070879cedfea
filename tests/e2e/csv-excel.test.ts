/**
 * The CSV exports opened as Excel would open them, in Chromium: a Pemda whose agency and package names try
 * formula injection (behind blanks, NBSP, full-width signs, after a `;` or a line break) is loaded as a new user
 * would; the agency table and an agency's rows are downloaded; each file is split as English Excel (`,`) and as
 * Indonesian Excel (list separator `;`), both as Excel reads quotes (only at a field's start) and leniently.
 * No cell may start a formula, and the columns stay aligned: with `,` every row has the header's columns, with
 * `;` every record stays one cell (never split at a `;` or a line break inside a later cell).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS, STRUKTUR_HEADERS } from '../../scripts/sample/layouts';
import { runsAsFormula, splitAs, splitExcel } from '../helpers/excel-split';
import { centsText, penyediaRow } from '../helpers/fixtures';
import { agencyTable, foreignRequests, launch, loadAsNewUser, screenshot, type OpenedPage } from './browser';

const baseURL = inject('baseURL');

const AGENCIES = [
  { kd: '93101', nama: '=HYPERLINK("http://x","y")' },
  { kd: '93102', nama: '\u00a0@SUM(A1)' },
  { kd: '93103', nama: '＝1+1 DINAS' },
  { kd: '93104', nama: 'DINAS; =2+3' },
  { kd: '93105', nama: 'DINAS, KOMA "KUTIP"' },
  { kd: '93106', nama: 'DINAS NORMAL' },
];
const PACKAGES = [
  "Paket A;=cmd|' /C calc'!A0",
  'Belanja\n=1+1 baris',
  '+62 812 telepon',
  'Paket, koma; titik koma',
  ' -5 unit',
  '\u3000=SUM(A1)',
  'Paket "biasa"',
];
const penyedia = AGENCIES.flatMap((a, i) =>
  PACKAGES.map((nama_paket, j) => ({
    ...penyediaRow({
      agency: { kd: a.kd, str: `1.0${i + 1}.0.00.0.00.01.0000`, nama: a.nama },
      kdRup: `${a.kd}${j}`,
      cents: BigInt((i + 1) * 10_000_000 + j) * 100n + 25n,
      pdn: j % 2 === 0,
      ukm: j % 3 === 0,
    }),
    nama_paket,
  })),
);
const struktur = AGENCIES.map((a, i) => ({
  tahun_anggaran: '2025', kd_klpd: 'D999', nama_klpd: 'Kab. Uji', kd_satker: a.kd,
  kd_satker_str: `1.0${i + 1}.0.00.0.00.01.0000`, nama_satker: a.nama,
  belanja_pengadaan: centsText(BigInt(i + 2) * 1_000_000_000_00n),
})); // prettier-ignore

let browser: Browser;
let app: OpenedPage;
beforeAll(async () => {
  browser = await launch();
  const enc = (s: string) => new TextEncoder().encode(s);
  app = await loadAsNewUser(browser, baseURL, [
    { name: 'RUP-PaketPenyedia-Terumumkan.csv', bytes: enc(toCsv(PENYEDIA_HEADERS, penyedia)) },
    { name: 'RUP-StrukturAnggaranPD.csv', bytes: enc(toCsv(STRUKTUR_HEADERS, struktur)) },
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const text = readFileSync((await dl.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text;
}

/** Text a spreadsheet shows as text: a formula sign first (after blanks) gets the `'` prefix. */
const shown = (s: string) => (/^[\s\u00a0\u3000]*[=+\-@＝＋－＠]/u.test(s) ? `'${s}` : s);

/**
 * Split the file every way: as Excel and leniently, with `,` and `;`. Returns the `,` split as Excel reads it,
 * after checking that no cell anywhere starts a formula and that the rows from `header` on keep their columns.
 */
function splitEveryWay(text: string, header: (row: string[]) => boolean): string[][] {
  const records = splitExcel(text, ',');
  const h = records.findIndex(header);
  expect(h).toBeGreaterThanOrEqual(0);
  const width = records[h]!.length;
  for (const split of [splitExcel, splitAs]) {
    const en = split(text, ',');
    const id = split(text, ';');
    for (const cell of [...en, ...id].flat())
      expect(runsAsFormula(cell), `${split.name}: ${cell}`).toBe(false);
    // English Excel: every row of the table has the header's columns.
    expect(en.slice(h).map((r) => r.length)).toEqual(en.slice(h).map(() => width));
    // Indonesian Excel: a comma-separated record is one cell, and no record is broken into two rows.
    expect(id.length).toBe(records.length);
    expect(id.filter((r) => r.length !== 1)).toEqual([]);
  }
  return records;
}

describe('CSV exports opened as Excel would open them', () => {
  it('the agency table: names neutralised, nothing split, no formula in either Excel', async () => {
    const { page } = app;
    const table = await agencyTable(page, AGENCIES.length);
    const text = await download(page, () =>
      page.click('[data-testid=export-dashboard-table] [data-export=csv]'),
    );
    const rows = splitEveryWay(text, (r) => r[0] === 'Perangkat daerah');
    const h = rows.findIndex((r) => r[0] === 'Perangkat daerah');
    expect(
      rows
        .slice(h + 1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(table.map((r) => shown(r.name)).sort());
    expect(rows.slice(h + 1).map((r) => r[0])).toContain('\'=HYPERLINK("http://x","y")');
  });

  it('an agency’s rows: every package name whole, neutralised, in its column', async () => {
    const { page } = app;
    await page.click('[data-testid=agency-table] tr[data-agency="kd:93106"] th button');
    await page.waitForSelector('[data-testid=drill-totals][aria-busy=false]', { timeout: 30_000 });
    await page.waitForFunction(
      (n) => {
        const rows = [...document.querySelectorAll('[data-testid=drill-row]')];
        return rows.length === n && rows.every((r) => !r.textContent?.includes('Memuat'));
      },
      PACKAGES.length,
      { timeout: 30_000 },
    );
    await screenshot(page, '52-drilldown-injection');
    const text = await download(page, () =>
      page.getByRole('button', { name: 'Ekspor CSV (sesuai filter)' }).click(),
    );
    const rows = splitEveryWay(text, (r) => r[0] === 'sumber');
    const col = rows[0]!.indexOf('nama_paket');
    expect(col).toBe(3);
    expect(
      rows
        .slice(1)
        .map((r) => r[col])
        .sort(),
    ).toEqual(PACKAGES.map((p) => shown(p.replace(/^ +| +$/g, ''))).sort()); // spaces around a cell are trimmed on import
  });

  it('sent no request outside the page origin, and logged no errors', () => {
    expect(foreignRequests(app.requests, baseURL)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
