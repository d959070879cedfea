/**
 * The user's own small Pemda for the browser tests of stored data and of the app's resilience
 * (tests/e2e/persistence.test.ts, tests/e2e/resilience.test.ts): its three files, loading them through the page,
 * and the figures the page shows for them.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS, SPSE_TENDER_HEADERS, STRUKTUR_HEADERS } from '../../scripts/sample/layouts';
import { showView } from './browser';

// The user's own small Pemda (not the sample: a restore that fell back to the sample would show other figures).
const agencies = [
  { kd: '7101', nama: 'DINAS SIMPAN SATU' },
  { kd: '7102', nama: 'DINAS SIMPAN DUA' },
];
export const penyedia = agencies.flatMap((a, i) =>
  [
    { kd_rup: `${a.kd}01`, pagu: `${(i + 1) * 123456789}.45`, status_pdn: 'PDN', status_ukm: 'UKM' },
    { kd_rup: `${a.kd}02`, pagu: '50000000.05', status_pdn: 'Non-PDN', status_ukm: 'Non UKM' },
  ].map((r) => ({
    tahun_anggaran: '2026',
    nama_klpd: 'Kota Simpan',
    kd_satker: a.kd,
    nama_satker: a.nama,
    nama_paket: `Paket "kutip"; baris\nbaru ${r.kd_rup}`,
    status_aktif_rup: 'true',
    status_delete_rup: 'false',
    status_umumkan_rup: 'Terumumkan',
    ...r,
  })),
);
const struktur = agencies.map((a) => ({
  tahun_anggaran: '2026',
  nama_klpd: 'Kota Simpan',
  kd_satker: a.kd,
  nama_satker: a.nama,
  belanja_pengadaan: '400000000.10',
}));
// Tenders of the same two agencies (the same Pemda: a transaction file of another Pemda would add that Pemda).
const tender = agencies.flatMap((a, i) =>
  [
    { kd_tender: `${a.kd}1`, nilai_kontrak: `${(i + 1) * 98765432}.10`, nilai_pdn_kontrak: `${(i + 1) * 45678901}.20` },
    { kd_tender: `${a.kd}2`, nilai_kontrak: '30000000.00', nilai_pdn_kontrak: '' },
  ].map((r) => ({
    tahun_anggaran: '2026',
    kd_klpd: 'D971',
    nama_klpd: 'Kota Simpan',
    jenis_klpd: 'Kota',
    kd_satker: a.kd,
    nama_satker: a.nama,
    kd_paket: `${r.kd_tender}0`,
    kd_rup_paket: `${a.kd}01`,
    nama_paket: `Tender ${r.kd_tender}`,
    mtd_pemilihan: 'Tender',
    jenis_pengadaan: 'Barang',
    sumber_dana: 'APBD',
    pagu: '500000000.00',
    hps: '490000000.00',
    tgl_pengumuman_tender: '2026-02-02',
    tgl_penetapan_pemenang: '2026-03-03 10:00:00',
    ...r,
  })),
); // prettier-ignore
export const OWN_FILES = [
  { name: 'RUP-PaketPenyedia-Terumumkan.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(PENYEDIA_HEADERS, penyedia)) },
  { name: 'RUP-StrukturAnggaranPD.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(STRUKTUR_HEADERS, struktur)) },
  { name: 'SPSE-TenderSelesaiNilai.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(SPSE_TENDER_HEADERS, tender)) },
]; // prettier-ignore

export interface Figures {
  pemda: string | null;
  table: string[];
  cards: string | null;
}

export async function figures(page: Page): Promise<Figures> {
  await page.waitForSelector('.app[data-status=ready]', { timeout: 60_000 });
  await showView(page, 'ringkasan');
  await page.waitForSelector('[data-testid=kpi-cards]', { timeout: 60_000 });
  const cards = await page.textContent('[data-testid=kpi-cards]');
  await showView(page, 'perangkat-daerah');
  await page.waitForSelector('[data-testid=agency-table][aria-busy=false] tbody tr', { timeout: 60_000 });
  const table = await page.$$eval('[data-testid=agency-table] tbody tr', (trs) =>
    trs.map((tr) => {
      const d = (tr as HTMLElement).dataset;
      return `${d['agency']}|${d['numerator']}|${d['denominator']}|${d['share']}|${tr.textContent}`;
    }),
  );
  return {
    pemda: await page.textContent('[data-testid=pemda-name]'),
    table,
    cards,
  };
}

export async function loadOwnFiles(page: Page): Promise<void> {
  await showView(page, 'data');
  await page.setInputFiles('[data-testid=file-input]', OWN_FILES);
  await expect.poll(() => page.locator('[data-testid=pending-file]').count()).toBe(OWN_FILES.length);
  await page.click('[data-testid=import-confirm]');
  await expect
    .poll(() => page.locator('[data-testid=import-result]').count(), { timeout: 60_000 })
    .toBe(OWN_FILES.length);
  await expect.poll(() => page.textContent('[data-testid=pemda-name]')).toBe('Kota Simpan');
}

export const storageState = (page: Page) =>
  page
    .locator('[data-testid=storage-status]')
    .getAttribute('data-state', { timeout: 1000 })
    .catch(() => null);
