import { createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS } from '../../scripts/sample/layouts';
import { counted, penyediaRow, type Paket } from '../helpers/fixtures';
import { foreignRequests, sampleApp, screenshot, showView } from './browser';

const baseURL = inject('baseURL');
const fmt = (n: number) => new Intl.NumberFormat('id-ID').format(n);
const dir = join(tmpdir(), `pantau-cancel-${process.pid}`);
const bigPath = join(dir, 'RUP-PaketPenyedia-besar.csv');
const BIG_ROWS = 600_000;

const agencies = [...Array(30).keys()].map((k) => ({
  kd: String(70000 + k),
  str: `1.${k}.0.00.0.00.01.0000`,
  nama: `DINAS BESAR ${k}`,
}));

/** A large SIRUP export (~150 MB), written in chunks: classifying it takes several seconds. */
async function writeBig(): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const ws = createWriteStream(bigPath);
  const write = (s: string) => new Promise<void>((ok) => (ws.write(s) ? ok() : ws.once('drain', () => ok())));
  await write(PENYEDIA_HEADERS.join(',') + '\n');
  for (let i = 0; i < BIG_ROWS; i += 10_000) {
    const rows = [...Array(10_000).keys()].map((j) =>
      penyediaRow({
        agency: agencies[(i + j) % agencies.length]!,
        kdRup: String(20_000_000 + i + j),
        cents: BigInt(((i + j) % 997) * 1_000_000 + 50),
        pdn: (i + j) % 3 === 0,
        ukm: (i + j) % 5 === 0,
      }),
    );
    // toCsv writes the header first: drop it.
    await write(toCsv(PENYEDIA_HEADERS, rows).split('\n').slice(1).join('\n'));
  }
  await new Promise<void>((ok) => ws.end(ok));
}

const app = sampleApp(baseURL, {
  before: async () => {
    await writeBig();
  },
  after: () => {
    rmSync(dir, { recursive: true, force: true });
  },
});

describe('cancelling an import while DuckDB classifies a large file', () => {
  it('interrupts the running statement, keeps the loaded data, and the next import works', async () => {
    const { page } = app;
    const kpiBefore = await page.locator('[data-testid=kpi-cards]').textContent();
    await showView(page, 'perangkat-daerah');
    const tableBefore = await page.locator('[data-testid=agency-table]').textContent();
    expect(kpiBefore).toBeTruthy();

    await page.setInputFiles('[data-testid=file-input]', bigPath);
    await page.waitForSelector('[data-testid=import-confirm]', { timeout: 30_000 });
    await page.click('[data-testid=import-confirm]');
    const progress = page.locator('[data-testid=import-progress]');
    // Read without waiting: the progress line disappears when the import ends.
    const attr = (name: string) =>
      page.evaluate(
        (n) => document.querySelector('[data-testid=import-progress]')?.getAttribute(n) ?? null,
        name,
      );
    await expect.poll(() => attr('data-stage'), { timeout: 60_000, interval: 50 }).toBe('memeriksa');
    // Let the classifying statement get going: the progress line shows the bytes DuckDB's reader has consumed.
    const size = statSync(bigPath).size;
    await expect
      .poll(async () => Number((await attr('data-bytes-read')) || 0), {
        timeout: 30_000,
        interval: 50,
      })
      .toBeGreaterThan(0);
    const read1 = Number(await progress.getAttribute('data-bytes-read'));
    expect(read1).toBeLessThan(size);
    expect(await progress.textContent()).toMatch(/ terbaca · /);
    await page.waitForTimeout(800);
    expect(await progress.getAttribute('data-stage')).toBe('memeriksa');
    await screenshot(page, '13-import-progress');
    const t0 = Date.now();
    await page.click('[data-testid=import-cancel]');
    const error = page.locator('[data-testid=import-error]');
    await expect.poll(() => error.count(), { timeout: 30_000, interval: 50 }).toBe(1);
    const cancelSeconds = (Date.now() - t0) / 1000;
    expect(await error.textContent()).toContain('Pemuatan dibatalkan.');
    // Interrupted mid-statement: the message came well before the ~600,000-row classification could end, and
    // the import never reached the counting stage.
    expect(cancelSeconds).toBeLessThan(4);
    expect(await page.locator('[data-testid=import-result]').count()).toBe(0);
    await screenshot(page, '14-import-cancelled');

    // Nothing changed in the dashboard.
    await showView(page, 'ringkasan');
    expect(await page.locator('[data-testid=kpi-cards]').textContent()).toBe(kpiBefore);
    await showView(page, 'perangkat-daerah');
    expect(await page.locator('[data-testid=agency-table]').textContent()).toBe(tableBefore);

    // The next import works (it replaces the sample): a small export with independently computed counts.
    const ps: Paket[] = [...Array(40).keys()].map((i) => ({
      agency: agencies[i % 4]!,
      kdRup: String(30_000_000 + i),
      cents: BigInt(i + 1) * 12_345_600n,
      pdn: i % 2 === 0,
      ukm: i % 3 === 0,
      deleted: i % 10 === 9,
    }));
    const small = toCsv(PENYEDIA_HEADERS, ps.map(penyediaRow));
    await page.setInputFiles('[data-testid=file-input]', {
      name: 'RUP-PaketPenyedia-kecil.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(small),
    });
    await page.waitForSelector('[data-testid=import-confirm]', { timeout: 30_000 });
    await page.click('[data-testid=import-confirm]');
    const result = page.locator('[data-testid=import-result][data-name="RUP-PaketPenyedia-kecil.csv"]');
    await expect.poll(() => result.count(), { timeout: 60_000 }).toBe(1);
    const loaded = ps.filter(counted).length;
    expect(await result.locator('[data-testid=import-counts]').textContent()).toBe(
      `${fmt(ps.length)} baris dibaca: ${fmt(loaded)} dihitung, ${fmt(ps.length - loaded)} dikecualikan, 0 ditolak.`,
    );
    await showView(page, 'perangkat-daerah');
    await expect
      .poll(() => page.locator('[data-testid=agency-table]').textContent(), { timeout: 30_000 })
      .toContain('DINAS BESAR 3');
    expect(foreignRequests(app.requests, baseURL)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
