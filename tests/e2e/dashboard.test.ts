import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { formatShareVsTarget } from '../../src/lib/format';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS, STRUKTUR_HEADERS } from '../../scripts/sample/layouts';
import { centsOrNull, readSampleCsv } from '../helpers/sample';
import { foreignRequests, sampleApp, screenshot, showView } from './browser';

const baseURL = inject('baseURL');

interface Expected {
  pdn: bigint;
  umk: bigint;
  pagu: bigint;
  bp: bigint | null;
}

/** Per-agency komitmen figures, computed here from the CSV rows with the domain rule, not by the app's SQL. */
function expectedFromRows(penyedia: Record<string, string>[], struktur: Record<string, string>[]) {
  const out = new Map<string, Expected>();
  const get = (kd: string) => {
    let e = out.get(kd);
    if (!e) out.set(kd, (e = { pdn: 0n, umk: 0n, pagu: 0n, bp: null }));
    return e;
  };
  for (const r of penyedia) {
    const ok =
      r['status_umumkan_rup'] === 'Terumumkan' &&
      r['status_aktif_rup'] === 'true' &&
      r['status_delete_rup'] === 'false';
    const e = get(r['kd_satker']!);
    if (!ok) continue;
    const p = centsOrNull(r['pagu'])!;
    e.pagu += p;
    if (r['status_pdn'] === 'PDN') e.pdn += p;
    if (r['status_ukm'] === 'UKM') e.umk += p;
  }
  for (const r of struktur) get(r['kd_satker']!).bp = centsOrNull(r['belanja_pengadaan']);
  return out;
}

const rp = (c: bigint) => Number(c) / 100;

interface TableRow {
  agency: string;
  numerator: number;
  denominator: number | null;
  share: number | null;
  shareText: string;
}

/** The table's rows once no query is pending (results for an older view are marked aria-busy). */
async function readTable(page: Page): Promise<TableRow[]> {
  await showView(page, 'perangkat-daerah');
  await page.waitForSelector('[data-testid=agency-table][aria-busy=false]');
  return page.$$eval('[data-testid=agency-table] tbody tr', (trs) =>
    trs.map((tr) => {
      const d = (tr as HTMLElement).dataset;
      return {
        agency: d['agency'] ?? '',
        numerator: Number(d['numerator']),
        denominator: d['denominator'] ? Number(d['denominator']) : null,
        share: d['share'] ? Number(d['share']) : null,
        shareText: tr.querySelectorAll('td')[4]?.textContent ?? '',
      };
    }),
  );
}

function checkTable(rows: TableRow[], expected: Map<string, Expected>, kpi: 'pdn' | 'umk') {
  expect(rows.map((r) => r.agency).sort()).toEqual([...expected.keys()].map((k) => `kd:${k}`).sort());
  for (const r of rows) {
    const e = expected.get(r.agency.slice(3))!;
    expect(r.numerator).toBe(rp(e[kpi]));
    if (e.bp === null) {
      expect(r.denominator).toBeNull();
      expect(r.share).toBeNull();
      expect(r.shareText).toBe('—');
    } else {
      expect(r.denominator).toBe(rp(e.bp));
      const share = Number(e[kpi]) / Number(e.bp);
      expect(r.share).toBeCloseTo(share, 10);
      expect(r.shareText).toBe(formatShareVsTarget(share, 0.4, 'id'));
    }
  }
}

const app = sampleApp(baseURL);

describe('dashboard on the bundled sample', () => {
  const expected = expectedFromRows(
    readSampleCsv('RUP-PaketPenyedia-Terumumkan.csv'),
    readSampleCsv('RUP-StrukturAnggaranPD.csv'),
  );

  it('opens on the sample Pemda with one chart row per agency and the target line', async () => {
    const { page } = app;
    await expect
      .poll(() => page.textContent('[data-testid=pemda-name]'))
      .toBe('Kabupaten Contoh Makmur (fiktif)');
    const withDen = [...expected.values()].filter((e) => e.bp !== null).length;
    expect(await page.locator('[data-testid=agency-bar]').count()).toBe(withDen);
    expect(await page.locator('[data-testid=agency-noden]').count()).toBe(expected.size - withDen);
    expect(await page.locator('[data-testid=agency-chart] .chart-target-line').count()).toBe(1);
    expect(await page.textContent('[data-testid=agency-chart]')).toContain('Target 40,0 %');
    expect(await page.textContent('[data-testid=chart-basis]')).toContain('belanja pengadaan');
    await screenshot(page, '01-sample-dashboard');
  });

  it('shows table figures equal to values computed from the sample files', async () => {
    checkTable(await readTable(app.page), expected, 'pdn');
    await app.page.getByLabel('UMK-K').first().check({ force: true });
    await showView(app.page, 'ringkasan');
    await expect.poll(() => app.page.textContent('#chart-title')).toContain('UMK-K');
    checkTable(await readTable(app.page), expected, 'umk');
  });

  it('switches the denominator to RUP penyedia pagu', async () => {
    const { page } = app;
    await page.selectOption('#denominator', 'rup_penyedia');
    await showView(page, 'ringkasan');
    await expect.poll(() => page.textContent('[data-testid=chart-basis]')).toContain('pagu RUP penyedia');
    const rows = await readTable(page);
    for (const r of rows) {
      const e = expected.get(r.agency.slice(3))!;
      expect(r.denominator).toBe(rp(e.pagu));
      expect(r.share).toBeCloseTo(Number(e.umk) / Number(e.pagu), 10);
    }
    await screenshot(page, '02-umk-rup-penyedia');
    await page.selectOption('#denominator', 'belanja_pengadaan');
    await page.getByLabel('PDN').first().check({ force: true });
  });

  it('moves the target line and the meeting count when the target changes', async () => {
    const { page } = app;
    await showView(page, 'ringkasan');
    await page.getByRole('button', { name: 'PDN 95 %' }).click();
    await expect.poll(() => page.textContent('[data-testid=agency-chart]')).toContain('Target 95,0 %');
    const meeting95 = [...expected.values()].filter(
      (e) => e.bp !== null && e.pdn * 100n >= e.bp * 95n,
    ).length;
    await page.waitForSelector('[data-testid=kpi-cards][aria-busy=false]');
    expect(await page.getAttribute('[data-testid=card-meeting-pdn] .card-value', 'data-n')).toBe(
      String(meeting95),
    );
    await screenshot(page, '03-target-95');
    await page.getByRole('button', { name: '40 % / 40 %' }).click();
    await expect.poll(() => page.textContent('[data-testid=agency-chart]')).toContain('Target 40,0 %');
  });
});

describe('loading own files', () => {
  // A small Pemda of three agencies: one package each way, and a budget structure for two of them.
  const agencies = [
    { kd: '9001', nama: 'DINAS UJI SATU' },
    { kd: '9002', nama: 'DINAS UJI DUA' },
    { kd: '9003', nama: 'DINAS UJI TIGA' },
  ];
  const penyedia = agencies.flatMap((a, i) =>
    [
      {
        kd_satker: a.kd,
        nama_satker: a.nama,
        kd_rup: `${a.kd}01`,
        pagu: `${(i + 1) * 100000000}.00`,
        status_pdn: 'PDN',
        status_ukm: 'UKM',
      },
      {
        kd_satker: a.kd,
        nama_satker: a.nama,
        kd_rup: `${a.kd}02`,
        pagu: '50000000.00',
        status_pdn: 'Non-PDN',
        status_ukm: 'UKM',
      },
      {
        kd_satker: a.kd,
        nama_satker: a.nama,
        kd_rup: `${a.kd}03`,
        pagu: '999000000.00',
        status_pdn: 'PDN',
        status_ukm: 'UKM',
        status_delete_rup: 'true',
      },
    ].map((r) => ({
      tahun_anggaran: '2026',
      nama_klpd: 'Kota Uji',
      status_aktif_rup: 'true',
      status_delete_rup: 'false',
      status_umumkan_rup: 'Terumumkan',
      ...r,
    })),
  );
  const struktur = agencies.slice(0, 2).map((a) => ({
    tahun_anggaran: '2026',
    nama_klpd: 'Kota Uji',
    kd_satker: a.kd,
    nama_satker: a.nama,
    belanja_operasi: '300000000.00',
    belanja_modal: '200000000.00',
    belanja_pengadaan: '500000000.00',
  })); // prettier-ignore

  it('replaces the sample with the user files', async () => {
    const { page } = app;
    await page.setInputFiles('[data-testid=file-input]', [
      { name: 'RUP-PaketPenyedia-Terumumkan.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(PENYEDIA_HEADERS, penyedia)) },
      { name: 'RUP-StrukturAnggaranPD.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(STRUKTUR_HEADERS, struktur)) },
    ]); // prettier-ignore
    await expect.poll(() => page.locator('[data-testid=pending-file]').count()).toBe(2);
    await page.click('[data-testid=import-confirm]');
    await expect.poll(() => page.locator('[data-testid=import-result]').count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => page.textContent('[data-testid=pemda-name]')).toBe('Kota Uji');
    const counts = await page.locator('[data-testid=import-counts]').first().textContent();
    expect(counts).toBe('9 baris dibaca: 6 dihitung, 3 dikecualikan, 0 ditolak.');
    const expected = expectedFromRows(penyedia, struktur);
    await expect.poll(async () => (await readTable(page)).length).toBe(3);
    checkTable(await readTable(page), expected, 'pdn');
    await screenshot(page, '04-own-files');
  });

  it('rejects a file that is no export and no transaction sheet with a message, and keeps the data', async () => {
    const { page } = app;
    const before = await readTable(page);
    await page.setInputFiles('[data-testid=file-input]', {
      name: 'laporan-lain.csv',
      mimeType: 'text/csv',
      // Not one column maps to any kind, not even the generic one: nothing to propose.
      buffer: Buffer.from('nama;alamat;telepon\nBudi;Jl. Merdeka 1;0812\n'),
    });
    await expect.poll(() => page.textContent('[data-testid=pending-detection]')).toContain('Tidak dikenali');
    await page.click('[data-testid=import-confirm]');
    const alert = page.locator('[data-testid=import-error]');
    await expect.poll(() => alert.count()).toBe(1);
    const text = await alert.textContent();
    expect(text).toContain('laporan-lain.csv tidak dimuat');
    expect(text).toContain('Jenis berkas tidak dikenali');
    expect(text).toContain('nama, alamat, telepon');
    // The refusal lists every kind that can be loaded, and how to load this file as one of them.
    expect(text).toContain('Jenis yang dapat dimuat: SIRUP RUP paket penyedia;');
    for (const kind of ['SPSE', 'e-Katalog', 'Toko Daring']) expect(text).toContain(kind);
    expect(text).toContain('untuk lembar buatan sendiri: "Transaksi lain (generik)"');
    expect(text).toContain('Data yang sudah dimuat tidak berubah.');
    expect(await readTable(page)).toEqual(before);
    await screenshot(page, '05-wrong-file');
  });

  it('sent no request outside the page origin, and logged no errors', () => {
    expect(app.requests.length).toBeGreaterThan(5);
    expect(foreignRequests(app.requests, baseURL)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
