import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';
import { SIRUP_WEB_LABEL_HEADERS } from '../../scripts/sample/layouts';
import { serialize } from '../helpers/csv-bytes';
import { REALISASI_FIXTURES, expectedReport, realisasiRows } from '../helpers/exports';
import { centsText } from '../helpers/fixtures';
import { writeXlsx, type XCell } from '../helpers/xlsx-writer';
import { foreignRequests, sampleApp, screenshot } from './browser';

const baseURL = inject('baseURL');
const fmt = (n: number) => new Intl.NumberFormat('id-ID').format(n);

const app = sampleApp(baseURL);

// 1. Toko Daring export: unverified and failed orders, repeated order ids, rejected rows (one a formula).
const toko = REALISASI_FIXTURES.find((f) => f.kind === 'tokodaring')!;
const tokoRows = realisasiRows(toko, 120, 5, 'rp');
tokoRows.push({
  cells: { ...tokoRows[0]!.cells, order_id: '8888', valuasi: '=1+2' },
  fate: { t: 'rejected', reason: 'angka_tidak_valid', column: 'nilai' },
  cents: 0n,
  pdn: null,
});
const tokoFile = serialize(
  toko.headers,
  tokoRows.map((r) => r.cells),
  { delim: ';', bom: true },
);
const tokoExp = expectedReport(tokoRows);

// 2. A hand-made SIRUP sheet (.xlsx) with the web page labels.
const xlsxRows: XCell[][] = [
  [...SIRUP_WEB_LABEL_HEADERS],
  ...[...Array(12).keys()].map((i): XCell[] => [
    { n: String(77_000_000 + i) },
    `Paket ${i}`,
    { n: String(10_000_000 * (i + 1)) },
    i % 2 ? 'DINAS UJI EXCEL' : 'BADAN UJI EXCEL',
    i % 3 ? 'Ya' : 'Tidak',
    i % 4 ? 'Ya' : 'Tidak',
  ]),
];

// 3. A hand-made non-tender list whose value column has an unknown name: no known kind matches, so it is
// proposed as generic (low confidence) until the user picks the non-tender kind and maps the value.
const ntRows = [...Array(8).keys()].map((i) => ({
  kd_nontender: String(555_000 + i),
  kd_rup: String(66_000_000 + i),
  nama_satker: 'DINAS UJI',
  'nilai akhir': `Rp ${fmt(1_500_000 * (i + 1))}`,
  status_nontender: i < 6 ? 'Selesai' : 'Batal',
}));
const ntFile = serialize(
  ['kd_nontender', 'kd_rup', 'nama_satker', 'nilai akhir', 'status_nontender'],
  ntRows,
);

describe('importing several real-world exports at once', () => {
  it('detects each file, lets the user correct a kind and a mapping, and reports every row', async () => {
    const { page } = app;
    // Three files dropped at once on the drop zone.
    const files = [
      { name: 'Bela-TokoDaringRealisasi.csv', bytes: Array.from(tokoFile.bytes) },
      { name: 'paket-sirup.xlsx', bytes: Array.from(writeXlsx(xlsxRows)) },
      { name: 'nontender-manual.csv', bytes: Array.from(ntFile.bytes) },
    ];
    await page.evaluate((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
      const zone = document.querySelector('[data-testid=dropzone]')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, files);
    const cards = page.locator('[data-testid=pending-file]');
    await expect.poll(() => cards.count(), { timeout: 30_000 }).toBe(3);
    const card = (name: string) => page.locator(`[data-testid=pending-file][data-name="${name}"]`);
    expect(await card('Bela-TokoDaringRealisasi.csv').getAttribute('data-kind')).toBe('tokodaring');
    expect(await card('paket-sirup.xlsx').getAttribute('data-kind')).toBe('rup_penyedia');
    expect(await card('paket-sirup.xlsx').locator('[data-testid=pending-detection]').textContent()).toContain(
      'label halaman SIRUP',
    );
    const nt = card('nontender-manual.csv');
    expect(await nt.getAttribute('data-kind')).toBe('generik');
    expect(await nt.locator('[data-testid=pending-detection]').textContent()).toContain(
      'Jenis dikenal yang paling mirip: SPSE non-tender selesai (67 %)',
    );

    // Correct the kind, then the mapping of the value column.
    await nt.getByLabel('Jenis berkas').selectOption('spse_nontender');
    await nt.getByLabel('Kolom berkas untuk nilai', { exact: true }).selectOption('nilai akhir');
    await screenshot(page, '10-import-review');

    await page.click('[data-testid=import-confirm]');
    await expect.poll(() => page.locator('[data-testid=import-result]').count(), { timeout: 60_000 }).toBe(3);
    expect(await page.locator('[data-testid=import-error]').count()).toBe(0);

    const report = (name: string) => page.locator(`[data-testid=import-result][data-name="${name}"]`);
    const counts = (name: string) => report(name).locator('[data-testid=import-counts]').textContent();
    expect(await counts('Bela-TokoDaringRealisasi.csv')).toBe(
      `${fmt(tokoExp.read)} baris dibaca: ${fmt(tokoExp.loaded)} dihitung, ${fmt(tokoExp.excluded)} dikecualikan, ${fmt(tokoExp.rejected)} ditolak.`,
    );
    expect(await counts('paket-sirup.xlsx')).toBe('12 baris dibaca: 12 dihitung, 0 dikecualikan, 0 ditolak.');
    expect(await counts('nontender-manual.csv')).toBe(
      '8 baris dibaca: 6 dihitung, 2 dikecualikan, 0 ditolak.',
    );
    for (const name of ['Bela-TokoDaringRealisasi.csv', 'paket-sirup.xlsx', 'nontender-manual.csv']) {
      expect(await report(name).locator('[data-testid=report-check]').textContent()).toMatch(/^✓ Cek: /);
    }
    const excluded = await report('Bela-TokoDaringRealisasi.csv')
      .locator('[data-testid=report-excluded] li')
      .evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-rule'), li.textContent]));
    expect(Object.fromEntries(excluded.map(([k, v]) => [k, Number(v!.split(': ')[1])]))).toEqual(
      tokoExp.excludedByRule,
    );

    // The corrected mapping is remembered for the kind.
    const remembered = await page.evaluate(() => localStorage.getItem('pantau-pdn.import.mappings.v1'));
    expect(JSON.parse(remembered ?? '{}')).toEqual({ spse_nontender: { nilai: 'nilai akhir' } });
    await screenshot(page, '11-import-report');
  });

  it('downloads the rejected rows with line numbers and reasons, formulas neutralised', async () => {
    const { page } = app;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .locator(
          '[data-testid=import-result][data-name="Bela-TokoDaringRealisasi.csv"] [data-testid=download-rejected]',
        )
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe('Bela-TokoDaringRealisasi-ditolak.csv');
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['baris', 'kolom', 'nilai', 'alasan', 'keterangan']);
    const expected = tokoRows
      .map((r, i) => ({ r, line: tokoFile.lines[i]! }))
      .filter(({ r }) => r.fate.t === 'rejected')
      .map(({ r, line }) => [
        String(line),
        r.fate.t === 'rejected' ? r.fate.column : '',
        r.cells['valuasi'] ?? '',
      ]);
    const reasons: Record<string, string> = {
      angka_tidak_valid: 'angka tidak valid',
      id_transaksi_kosong: 'id transaksi kosong',
      nilai_kosong: 'nilai kosong',
      tanggal_tidak_valid: 'tanggal tidak valid',
    };
    const expectedReasons = tokoRows
      .filter((r) => r.fate.t === 'rejected')
      .map((r) => (r.fate.t === 'rejected' ? reasons[r.fate.reason] : ''));
    expect(rows.slice(1).map((r) => r[3])).toEqual(expectedReasons);
    expect(rows.slice(1).map((r) => r[0])).toEqual(expected.map((e) => e[0]));
    // The formula-looking value is written as text.
    expect(rows.slice(1).map((r) => r[2])).toContain("'=1+2");
    expect(rows.slice(1).map((r) => r[2])).toContain('dua juta');
    void centsText;
  });

  it('refuses an unreadable file with a message and keeps the loaded data', async () => {
    const { page } = app;
    const before = await page.locator('[data-testid=import-result]').count();
    // Dropped on the drop zone (a real drop event carrying two files), not picked.
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([], 'kosong.csv', { type: 'text/csv' }));
      dt.items.add(new File([new Uint8Array([0x50, 0x4b, 3, 4, 1, 2])], 'rusak.xlsx'));
      const zone = document.querySelector('[data-testid=dropzone]')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    const errors = page.locator('[data-testid=import-error]');
    await expect.poll(() => errors.count(), { timeout: 30_000 }).toBe(2);
    expect(await errors.nth(0).textContent()).toContain('Berkas ini kosong.');
    expect(await errors.nth(1).textContent()).toContain('Berkas Excel ini tidak dapat dibaca');
    expect(await page.locator('[data-testid=import-result]').count()).toBe(before);
    await screenshot(page, '12-import-errors');
  });

  it('sent no request outside the page origin, and logged no errors', () => {
    expect(foreignRequests(app.requests, baseURL)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
