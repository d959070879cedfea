import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS, STRUKTUR_HEADERS } from '../../scripts/sample/layouts';
import { serialize } from '../helpers/csv-bytes';
import { centsTextId, penyediaRow, type Agency, type Paket } from '../helpers/fixtures';
import { resolve } from 'node:path';
import { foreignRequests, sampleApp, screenshot, SCREENSHOT_DIR, showView } from './browser';
import { seriousA11yViolations } from './review-helpers';

const baseURL = inject('baseURL');
const fmt = (n: number) => new Intl.NumberFormat('id-ID').format(n);
const rp = (c: bigint) => Number(c) / 100;

/*
 * An agency's own list of purchases (hand-made, semicolon, Indonesian numbers and dates), dropped with the SIRUP
 * files of the same Pemda. The agency column has a name no kind knows, so the user maps it by hand. Expected
 * figures come from the rows below and the P3DN rules, in BigInt cents.
 */
const A: Agency = { kd: '510001', str: '1.01.0.00.0.00.01.0000', nama: 'DINAS PENDIDIKAN' };
const B: Agency = { kd: '510002', str: '1.02.0.00.0.00.01.0000', nama: 'DINAS KESEHATAN' };
const C: Agency = { kd: '510003', str: '4.01.0.00.0.00.01.0000', nama: 'SEKRETARIAT DAERAH' };
const AGENCIES = [A, B, C];
const SPELLED = ['Dinas Pendidikan', 'DINAS KESEHATAN', 'Sekretariat Daerah'];

const pakets: Paket[] = [...Array(9).keys()].map((i) => ({
  agency: AGENCIES[i % 3]!,
  kdRup: String(88_000_000 + i),
  cents: 3_000_000_000_00n + BigInt(i) * 10_000_000_00n,
  pdn: i % 2 === 0,
  ukm: i % 3 === 0,
}));
const struktur = AGENCIES.map((a, i) => ({
  tahun_anggaran: '2025',
  kd_klpd: 'D999',
  nama_klpd: 'Kab. Uji',
  kd_satker: a.kd,
  kd_satker_str: a.str,
  nama_satker: a.nama,
  belanja_operasi: '0',
  belanja_modal: '0',
  belanja_btt: '0',
  belanja_non_pengadaan: '0',
  belanja_pengadaan: String(800_000_000 + i * 100_000_000),
  total_belanja: String(30_000_000_000),
}));

const HEADERS = [
  'No.', 'Unit Pelaksana', 'Uraian Belanja', 'No. Kontrak', 'Kode RUP', 'Tgl Transaksi', 'Nilai (Rp)', 'PDN', 'UKM',
]; // prettier-ignore
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

interface Row {
  cells: Record<string, string>;
  agency: Agency;
  cents: bigint;
  pdn: boolean | null;
  kdRup: string;
  fate: 'loaded' | 'id_berulang' | 'nilai_kosong' | 'satker_kosong';
}
const rows: Row[] = [];
for (let i = 0; i < 36; i++) {
  const agency = AGENCIES[i % 3]!;
  const cents = BigInt(5_000_000 + i * 1_234_567) * 100n + (i % 2 ? 50n : 0n);
  const pdn = [true, false, null, true][i % 4]!;
  // Rows without a PDN flag name a RUP package of their agency (or none): the package's status decides.
  const kdRup = pdn === null && i % 8 !== 2 ? pakets.filter((p) => p.agency === agency)[i % 3]!.kdRup : '';
  rows.push({
    cells: {
      'No.': String(i + 1),
      'Unit Pelaksana': SPELLED[i % 3]!,
      'Uraian Belanja': `Belanja barang habis pakai ${i + 1}`,
      'No. Kontrak': `027/${100 + i}/2025`,
      'Kode RUP': kdRup,
      'Tgl Transaksi': i % 2 ? `${(i % 28) + 1} ${MONTHS[i % 12]} 2025` : `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/2025`, // prettier-ignore
      'Nilai (Rp)': i % 2 ? centsTextId(cents) : `Rp ${centsTextId(cents).slice(0, -3)},-`,
      PDN: pdn === null ? '' : pdn ? 'Ya' : 'Tidak',
      UKM: ['Ya', 'Tidak', ''][i % 3]!,
    },
    agency,
    cents,
    pdn,
    kdRup,
    fate: 'loaded',
  });
}
rows.push({ ...rows[4]!, fate: 'id_berulang' }); // the same contract pasted twice
rows.push({
  ...rows[5]!,
  cells: { ...rows[5]!.cells, 'No. Kontrak': '', 'Nilai (Rp)': '' },
  fate: 'nilai_kosong',
});
rows.push({
  ...rows[6]!,
  cells: { ...rows[6]!.cells, 'No. Kontrak': '', 'Unit Pelaksana': '' },
  fate: 'satker_kosong',
});
const sheet = serialize(
  HEADERS,
  rows.map((r) => r.cells),
  { delim: ';' },
);

/** Realisasi per agency and in total, and its PDN part: the flag, else the RUP package by kd_rup, else none. */
function expected() {
  const paket = new Map(pakets.map((p) => [p.kdRup, p]));
  const per = new Map<string, { total: bigint; pdn: bigint; rows: number }>();
  const all = { total: 0n, pdn: 0n, rows: 0 };
  for (const r of rows.filter((x) => x.fate === 'loaded')) {
    const flag = r.pdn ?? paket.get(r.kdRup)?.pdn ?? false;
    const e = per.get(r.agency.kd) ?? { total: 0n, pdn: 0n, rows: 0 };
    per.set(r.agency.kd, e);
    for (const x of [e, all]) {
      x.total += r.cents;
      x.pdn += flag ? r.cents : 0n;
      x.rows++;
    }
  }
  return { per, all };
}

const app = sampleApp(baseURL);

async function drop(page: Page, files: { name: string; bytes: number[] }[]) {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    const zone = document.querySelector('[data-testid=dropzone]')!;
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

describe('a hand-made transaction sheet, loaded as the generic kind', () => {
  it('is proposed as generik with a low confidence and cannot be loaded until its agency column is mapped', async () => {
    const { page } = app;
    const enc = (s: string) => Array.from(new TextEncoder().encode(s));
    await drop(page, [
      {
        name: 'RUP-PaketPenyedia-Terumumkan.csv',
        bytes: enc(toCsv(PENYEDIA_HEADERS, pakets.map(penyediaRow))),
      },
      { name: 'RUP-StrukturAnggaranPD.csv', bytes: enc(toCsv(STRUKTUR_HEADERS, struktur)) },
      { name: 'belanja-opd-2025.csv', bytes: Array.from(sheet.bytes) },
    ]);
    const card = page.locator('[data-testid=pending-file][data-name="belanja-opd-2025.csv"]');
    await expect.poll(() => page.locator('[data-testid=pending-file]').count(), { timeout: 30_000 }).toBe(3);
    expect(await card.getAttribute('data-kind')).toBe('generik');
    expect(await card.getAttribute('data-blocked')).toBe('true');
    // 7 of the 9 headers feed a generic column; the agency is missing, which halves the (at most 50 %) confidence.
    const confidence = Math.floor(50 * (7 / 9) * 0.5);
    const detection = await card.locator('[data-testid=pending-detection]').textContent();
    expect(detection).toContain(`Diusulkan: Transaksi lain (generik), keyakinan rendah (${confidence} %)`);
    expect(await card.getByLabel('Jenis berkas').inputValue()).toBe('generik');
    expect(await card.locator('[data-testid=missing-required]').textContent()).toContain(
      'Kolom wajib belum dipetakan: nama_satker atau kd_satker_str.',
    );
    // The mapping is open, the value column found, the agency rows marked as required and missing.
    expect(await card.getByLabel('Kolom berkas untuk nilai', { exact: true }).inputValue()).toBe(
      'Nilai (Rp)',
    );
    expect(await card.locator('tr[data-column=nama_satker][data-missing=true]').count()).toBe(1);
    expect(await page.locator('[data-testid=import-confirm]').isDisabled()).toBe(true);
    expect(await page.textContent('[data-testid=import-blocked]')).toContain('Lengkapi dulu kolom wajib');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, '30-generic-review-missing');
    // The review with its warnings, marks and the disabled button passes axe (serious/critical).
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page
      .locator('[data-testid=pending]')
      .screenshot({ path: resolve(SCREENSHOT_DIR, '30b-generic-card.png') });

    // The user maps the agency column by hand: the file can be loaded.
    await card.getByLabel('Kolom berkas untuk nama_satker', { exact: true }).selectOption('Unit Pelaksana');
    await expect.poll(() => card.getAttribute('data-blocked')).toBe('false');
    expect(await card.locator('[data-testid=missing-required]').count()).toBe(0);
    expect(await page.locator('[data-testid=import-confirm]').isDisabled()).toBe(false);
    await screenshot(page, '31-generic-review-mapped');
    await card.screenshot({ path: resolve(SCREENSHOT_DIR, '31b-generic-card-mapped.png') });
  });

  it('loads it and reports every row, with the generic rules and the mapping used', async () => {
    const { page } = app;
    await page.click('[data-testid=import-confirm]');
    await expect.poll(() => page.locator('[data-testid=import-result]').count(), { timeout: 60_000 }).toBe(3);
    expect(await page.locator('[data-testid=import-error]').count()).toBe(0);
    const report = page.locator('[data-testid=import-result][data-name="belanja-opd-2025.csv"]');
    const n = (f: Row['fate']) => rows.filter((r) => r.fate === f).length;
    const loaded = n('loaded');
    expect(await report.locator('[data-testid=import-counts]').textContent()).toBe(
      `${fmt(rows.length)} baris dibaca: ${fmt(loaded)} dihitung, 1 dikecualikan, 2 ditolak.`,
    );
    expect(await report.locator('[data-testid=report-check]').textContent()).toMatch(/^✓ Cek: /);
    expect(await report.textContent()).toContain('Terdeteksi: Transaksi lain (generik)');
    const rules = async (id: string) =>
      Object.fromEntries(
        (
          await report
            .locator(`[data-testid=${id}] li`)
            .evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-rule'), li.textContent]))
        ).map(([k, v]) => [k, v]),
      );
    expect(await rules('report-excluded')).toEqual({
      id_berulang: `nomor transaksi berulang: ${n('id_berulang')}`,
    });
    expect(await rules('report-rejected')).toEqual({
      nilai_kosong: `nilai kosong: ${n('nilai_kosong')}`,
      satker_kosong: `perangkat daerah kosong: ${n('satker_kosong')}`,
    });
    expect(await report.locator('[data-testid=report-generic]').textContent()).toContain('Lembar generik');
    const mapping = await report.locator('[data-testid=report-mapping]').textContent();
    for (const m of [
      'nama_satker ← Unit Pelaksana',
      'nilai ← Nilai (Rp)',
      'trx_id ← No. Kontrak',
      'status_pdn ← PDN',
    ])
      expect(mapping).toContain(m);
    // The correction is remembered for the generic kind.
    const remembered = await page.evaluate(() => localStorage.getItem('pantau-pdn.import.mappings.v1'));
    expect(JSON.parse(remembered ?? '{}')).toMatchObject({ generik: { nama_satker: 'Unit Pelaksana' } });
    await report.scrollIntoViewIfNeeded();
    await screenshot(page, '32-generic-report');
    await report.screenshot({ path: resolve(SCREENSHOT_DIR, '32b-generic-report-card.png') });
  });

  it('shows the rows under "Generik" in the breakdown by source system, with exact totals', async () => {
    const { page } = app;
    const e = expected();
    await showView(page, 'rincian');
    const row = page.locator('[data-testid=breakdown-source] tr[data-group=generik]');
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    expect(await row.locator('th').textContent()).toBe('Generik');
    expect(Number(await row.getAttribute('data-total'))).toBeCloseTo(rp(e.all.total), 2);
    expect(Number(await row.getAttribute('data-part'))).toBeCloseTo(rp(e.all.pdn), 2);
    expect(await row.locator('td').first().textContent()).toBe(fmt(e.all.rows));
    // No other source: the sample was replaced by the dropped files.
    expect(await page.locator('[data-testid=breakdown-source] tbody tr').count()).toBe(1);
    await page.locator('[data-testid=breakdowns]').scrollIntoViewIfNeeded();
    await screenshot(page, '33-generic-breakdown');
    await page
      .locator('[data-testid=breakdowns]')
      .screenshot({ path: resolve(SCREENSHOT_DIR, '33b-generic-breakdown-panel.png') });
  });

  it("opens an agency's realisasi rows: labelled Generik, the PDN total equal to the bar", async () => {
    const { page } = app;
    const e = expected();
    await page.locator('[data-testid=basis-switch] label', { hasText: 'Realisasi' }).click();
    await showView(page, 'perangkat-daerah');
    await page.waitForSelector('[data-testid=agency-table][data-basis=realisasi][aria-busy=false]');
    await showView(page, 'ringkasan');
    const bar = page.locator(`[data-testid=agency-bar][data-agency="kd:${B.kd}"]`);
    expect(Number(await bar.getAttribute('data-value'))).toBeCloseTo(rp(e.per.get(B.kd)!.pdn), 2);
    await bar.click();
    const totals = page.locator('[data-testid=drill-totals][aria-busy=false]');
    await expect
      .poll(() => totals.getAttribute('data-rows'), { timeout: 15_000 })
      .toBe(String(e.per.get(B.kd)!.rows));
    expect(Number(await totals.getAttribute('data-part'))).toBeCloseTo(rp(e.per.get(B.kd)!.pdn), 2);
    expect(Number(await totals.getAttribute('data-nilai'))).toBeCloseTo(rp(e.per.get(B.kd)!.total), 2);
    // Every row of the agency is shown (12 rows: not virtualised away) and says where it came from.
    const sources = () =>
      page
        .locator('[data-testid=drill-row] [role=cell]:first-child')
        .evaluateAll((cells) => cells.map((c) => c.textContent));
    await expect
      .poll(sources, { timeout: 15_000 })
      .toEqual(Array<string>(e.per.get(B.kd)!.rows).fill('Generik'));
    await page.locator('[data-testid=drilldown]').scrollIntoViewIfNeeded();
    await screenshot(page, '34-generic-drilldown');
    await page
      .locator('[data-testid=drilldown]')
      .screenshot({ path: resolve(SCREENSHOT_DIR, '34b-generic-drilldown-panel.png') });
  });

  it('labels the rows "Generic" in English, in the breakdown, the drill-down and the report', async () => {
    const { page } = app;
    await page.selectOption('#lang', 'en');
    await showView(page, 'rincian');
    const row = page.locator('[data-testid=breakdown-source] tr[data-group=generik] th');
    await expect.poll(() => row.textContent()).toBe('Generic');
    await showView(page, 'ringkasan');
    const cells = page.locator('[data-testid=drill-row] [role=cell]:first-child');
    await expect.poll(() => cells.first().textContent()).toBe('Generic');
    await showView(page, 'data');
    const report = page.locator('[data-testid=import-result][data-name="belanja-opd-2025.csv"]');
    expect(await report.textContent()).toContain('Detected: Other transactions (generic)');
    expect(await report.locator('[data-testid=report-excluded] li').textContent()).toBe(
      'repeated transaction number: 1',
    );
    await page.selectOption('#lang', 'id');
  });

  it('names the sheet as a generic source on the printable report', async () => {
    const { page } = app;
    await page.click('[data-testid=open-report]');
    await page.waitForSelector('[data-testid=report][data-ready=true]', { timeout: 30_000 });
    const row = page.locator('[data-testid=report] tr.source-row', { hasText: 'belanja-opd-2025.csv' });
    expect(await row.locator('td').first().textContent()).toBe('Generik');
    expect(await row.locator('td.num').allTextContents()).toEqual([
      fmt(rows.length),
      fmt(rows.filter((r) => r.fate === 'loaded').length),
      '1',
      '2',
    ]);
    expect(await page.textContent('[data-testid=report-basis]')).toContain('lembar generik');
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, '35-generic-report-sources');
    await page.click('[data-testid=report-back]');
  });

  it('sent no request outside the page origin, and logged no errors', () => {
    expect(foreignRequests(app.requests, baseURL)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
