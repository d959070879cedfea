import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS, SPSE_TENDER_HEADERS, STRUKTUR_HEADERS } from '../../scripts/sample/layouts';
import { launch, openApp, screenshot, showView, takeCspViolations, type OpenedPage } from './browser';

const baseURL = inject('baseURL');

// The user's own small Pemda (not the sample: a restore that fell back to the sample would show other figures).
const agencies = [
  { kd: '7101', nama: 'DINAS SIMPAN SATU' },
  { kd: '7102', nama: 'DINAS SIMPAN DUA' },
];
const penyedia = agencies.flatMap((a, i) =>
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
const OWN_FILES = [
  { name: 'RUP-PaketPenyedia-Terumumkan.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(PENYEDIA_HEADERS, penyedia)) },
  { name: 'RUP-StrukturAnggaranPD.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(STRUKTUR_HEADERS, struktur)) },
  { name: 'SPSE-TenderSelesaiNilai.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(SPSE_TENDER_HEADERS, tender)) },
]; // prettier-ignore

interface Figures {
  pemda: string | null;
  table: string[];
  cards: string | null;
}

async function figures(page: Page): Promise<Figures> {
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

async function realisasiFigures(page: Page): Promise<Figures> {
  await showView(page, 'ringkasan');
  await page.locator('[data-testid=basis-switch] label', { hasText: 'Realisasi' }).click();
  await expect.poll(() => page.textContent('[data-testid=basis-shown]')).toContain('Realisasi');
  await page.waitForSelector('[data-testid=agency-chart][aria-busy=false]');
  const f = await figures(page);
  await showView(page, 'ringkasan');
  await page.locator('[data-testid=basis-switch] label', { hasText: 'Komitmen' }).click();
  await expect.poll(() => page.textContent('[data-testid=basis-shown]')).toContain('Komitmen');
  await page.waitForSelector('[data-testid=agency-chart][aria-busy=false]');
  return f;
}

async function loadOwnFiles(page: Page): Promise<void> {
  await showView(page, 'data');
  await page.setInputFiles('[data-testid=file-input]', OWN_FILES);
  await expect.poll(() => page.locator('[data-testid=pending-file]').count()).toBe(OWN_FILES.length);
  await page.click('[data-testid=import-confirm]');
  await expect
    .poll(() => page.locator('[data-testid=import-result]').count(), { timeout: 60_000 })
    .toBe(OWN_FILES.length);
  await expect.poll(() => page.textContent('[data-testid=pemda-name]')).toBe('Kota Simpan');
}

const storageState = (page: Page) =>
  page
    .locator('[data-testid=storage-status]')
    .getAttribute('data-state', { timeout: 1000 })
    .catch(() => null);

/** The stored files' names in OPFS, as the page sees them. */
const storedFiles = (page: Page) =>
  page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const out: string[] = [];
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string) => {
      for await (const [name, h] of (
        dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }
      ).entries()) {
        if (h.kind === 'directory') await walk(h as FileSystemDirectoryHandle, `${prefix}${name}/`);
        else out.push(`${prefix}${name}`);
      }
    };
    await walk(root, '');
    return out.sort();
  });

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the sample starts from its prebuilt snapshot', () => {
  it('loads the sample without importing its CSV files', async () => {
    const app = await openApp(browser, baseURL);
    await figures(app.page);
    const badge = app.page.locator('[data-testid=dataset-badge]');
    expect(await badge.getAttribute('data-sample-from')).toBe('snapshot');
    expect(await badge.getAttribute('data-source')).toBe('sample');
    expect(app.requests.some((u) => u.includes('sample-snapshot/manifest.json'))).toBe(true);
    // Not one of the sample's own CSV files was fetched.
    expect(app.requests.filter((u) => /\/assets\/[A-Za-z-]+-[\w-]{8}\.csv$/.test(u))).toEqual([]);
    expect(await storageState(app.page)).toBeNull();
    await app.context.close();
  });
});

describe('the user’s data survives a reload', () => {
  let app: OpenedPage;
  let before: Figures;
  let beforeRealisasi: Figures;

  beforeAll(async () => {
    app = await openApp(browser, baseURL);
    await figures(app.page);
  });
  afterAll(async () => {
    await app?.context.close();
  });

  it('stores the imported data in this browser and says so', async () => {
    const { page } = app;
    await loadOwnFiles(page);
    await expect.poll(() => storageState(page), { timeout: 30_000 }).toBe('saved');
    expect(await page.textContent('[data-testid=storage-status]')).toContain('Tersimpan di peramban ini');
    before = await figures(page);
    beforeRealisasi = await realisasiFigures(page);
    expect(before.table).toHaveLength(2);
    // Realisasi: each agency's PDN value of its tenders over its budget: the stated nilai_pdn_kontrak, plus the
    // whole 30 000 000 contract whose PDN value is empty (unknown: its RUP package x01 is PDN, the fallback).
    expect(beforeRealisasi.table.map((r) => r.split('|').slice(0, 3))).toEqual([
      ['kd:7102', String(91357802.2 + 30000000), '400000000.1'],
      ['kd:7101', String(45678901.2 + 30000000), '400000000.1'],
    ]);
    const files = await storedFiles(page);
    expect(files).toContain('pantau-pdn/current.json');
    expect(files.filter((f) => f.endsWith('/manifest.json'))).toHaveLength(1);
  });

  it('reload: the same figures back, without an import', async () => {
    const { page } = app;
    const seen = app.requests.length;
    await page.reload();
    const after = await figures(page);
    expect(after).toEqual(before);
    expect(await realisasiFigures(page)).toEqual(beforeRealisasi);
    expect(await page.locator('[data-testid=dataset-badge]').getAttribute('data-source')).toBe('own');
    expect(await storageState(page)).toBe('saved');
    // The badge's "loaded at" is the stored dataset's time (saved at the import), as the storage status says.
    const savedTime = /(\d{2}\.\d{2})$/.exec(
      (await page.textContent('[data-testid=storage-status]'))!.trim(),
    )?.[1];
    expect(savedTime).toBeDefined();
    expect(await page.textContent('[data-testid=badge-files]')).toContain(`dimuat ${savedTime}`);
    expect(await page.locator('[data-testid=import-result]').count()).toBe(0);
    // Neither the sample nor its snapshot was loaded.
    expect(app.requests.slice(seen).filter((u) => /\.csv$|sample-snapshot/.test(u))).toEqual([]);
    await screenshot(page, 'persist-01-restored');
  });

  it('a simulated engine failure: the app says so, stays usable, and the stored data is intact', async () => {
    const { page } = app;
    const worker = page.workers().find((w) => w.url().includes('duckdb-browser'));
    expect(worker, 'the DuckDB worker').toBeDefined();
    // What a wasm trap looks like from the page: every later request fails with the trap's RuntimeError.
    await worker!.evaluate(() => {
      const g = globalThis as unknown as { onmessage: (e: MessageEvent) => unknown };
      const original = g.onmessage;
      g.onmessage = (e: MessageEvent) => {
        const m = e.data as { messageId: number; type: string };
        if (/QUERY|PREPARED/.test(m.type)) {
          postMessage({
            messageId: 1e9 + m.messageId,
            requestId: m.messageId,
            type: 'ERROR',
            data: { name: 'RuntimeError', message: 'memory access out of bounds' },
          });
          return;
        }
        return original(e);
      };
    });
    const filesBefore = await storedFiles(page);
    // A view never shown before in this tab: its queries reach the engine (not react-query's cache).
    await page.selectOption('#denominator', 'rup_total');
    await page.waitForSelector('[data-testid=engine-dead]');
    const text = await page.textContent('[data-testid=engine-dead]');
    expect(text).toContain('Mesin data berhenti');
    expect(text).toContain('tetap aman');
    // The page is still there: header, badge, language menu; nothing blank.
    expect(await page.locator('.app-header h1').textContent()).toBe('Pantau PDN');
    expect(await page.locator('[data-testid=dataset-badge]').count()).toBe(1);
    await page.selectOption('#lang', 'en');
    await expect
      .poll(() => page.textContent('[data-testid=engine-dead]'))
      .toContain('The data engine stopped');
    await page.selectOption('#lang', 'id');
    await screenshot(page, 'persist-02-engine-dead');
    expect(await storedFiles(page)).toEqual(filesBefore);
    // The offered reload brings the stored data back (the view, kept in the address, set back first).
    await page.selectOption('#denominator', 'belanja_pengadaan');
    await page.click('[data-testid=engine-reload]');
    await page.waitForSelector('[data-testid=dataset-badge][data-source=own]', { timeout: 60_000 });
    expect(await figures(page)).toEqual(before);
    expect(await page.locator('[data-testid=engine-dead]').count()).toBe(0);
  });

  it('a stored dataset from an older version: a message naming its files, and the sample', async () => {
    const { page } = app;
    await page.evaluate(async () => {
      const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('pantau-pdn');
      const cur = JSON.parse(await (await (await root.getFileHandle('current.json')).getFile()).text()) as {
        dir: string;
      };
      const dir = await root.getDirectoryHandle(cur.dir);
      const h = await dir.getFileHandle('manifest.json');
      const m = JSON.parse(await (await h.getFile()).text()) as { format: number };
      m.format = 0;
      const w = await h.createWritable();
      await w.write(JSON.stringify(m));
      await w.close();
    });
    await page.reload();
    await figures(page);
    const msg = page.locator('[data-testid=stored-problem]');
    expect(await msg.getAttribute('data-code')).toBe('format');
    const text = (await msg.textContent()) ?? '';
    expect(text).toContain('versi aplikasi lain');
    for (const f of OWN_FILES) expect(text).toContain(f.name);
    expect(text).toContain('data contoh');
    expect(await page.locator('[data-testid=dataset-badge]').getAttribute('data-source')).toBe('sample');
    expect(await page.locator('[data-testid=dataset-badge]').getAttribute('data-sample-from')).toBe(
      'snapshot',
    );
    await screenshot(page, 'persist-03-old-store');
  });

  it('a corrupt store (a table file cut short): the message, and the sample', async () => {
    const { page } = app;
    // Store the own files again, then damage one table file.
    await loadOwnFiles(page);
    await expect.poll(() => storageState(page), { timeout: 30_000 }).toBe('saved');
    await page.evaluate(async () => {
      const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('pantau-pdn');
      const cur = JSON.parse(await (await (await root.getFileHandle('current.json')).getFile()).text()) as {
        dir: string;
      };
      const dir = await root.getDirectoryHandle(cur.dir);
      const m = JSON.parse(await (await (await dir.getFileHandle('manifest.json')).getFile()).text()) as {
        tables: { name: string; file: string }[];
      };
      const t = m.tables.find((x) => x.name.startsWith('p3dn_file_'))!;
      const h = await dir.getFileHandle(t.file);
      const text = await (await h.getFile()).text();
      const w = await h.createWritable();
      await w.write(text.slice(0, Math.floor(text.length / 2)));
      await w.close();
    });
    await page.reload();
    await figures(page);
    const msg = page.locator('[data-testid=stored-problem]');
    expect(await msg.getAttribute('data-code')).toBe('corrupt');
    expect(await msg.textContent()).toContain('RUP-PaketPenyedia-Terumumkan.csv');
    expect(await page.locator('[data-testid=dataset-badge]').getAttribute('data-source')).toBe('sample');
    await screenshot(page, 'persist-03b-corrupt-store');
  });

  it('"Hapus data" clears the stored data and starts on the sample', async () => {
    const { page } = app;
    await loadOwnFiles(page);
    await expect.poll(() => storageState(page), { timeout: 30_000 }).toBe('saved');
    page.once('dialog', (d) => void d.accept());
    await page.click('[data-testid=clear-data]');
    await page.waitForSelector('[data-testid=dataset-badge][data-source=sample]', { timeout: 60_000 });
    expect((await storedFiles(page)).filter((f) => f.startsWith('pantau-pdn/d'))).toEqual([]);
    await page.reload();
    await page.waitForSelector('[data-testid=dataset-badge][data-source=sample]', { timeout: 60_000 });
    expect(await page.locator('[data-testid=stored-problem]').count()).toBe(0);
  });
});

describe('when the data does not fit in the browser’s storage', () => {
  let context: BrowserContext;
  afterAll(async () => {
    await context?.close();
  });

  it('keeps the data for this tab only, and the badge says so', async () => {
    const app = await openApp(browser, baseURL);
    context = app.context;
    const { page } = app;
    await figures(page);
    // Chromium's own quota for this origin, made too small for the dataset (DevTools protocol): 2 000 bytes more
    // than in use, less than the snapshot's manifest alone. The page's estimate() does not show it (Chromium reports
    // usage + 10 GiB there); the write itself is refused with QuotaExceededError.
    const cdp = await context.newCDPSession(page);
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin: new URL(baseURL).origin,
      quotaSize: usage + 2_000,
    });
    await loadOwnFiles(page);
    await expect.poll(() => storageState(page), { timeout: 30_000 }).toBe('tab-only');
    expect(await page.textContent('[data-testid=storage-status]')).toContain('Hanya di tab ini');
    expect((await figures(page)).table).toHaveLength(2);
    await screenshot(page, 'persist-04-tab-only');
    expect((await storedFiles(page)).filter((f) => f.endsWith('manifest.json'))).toEqual([]);
  });
});

describe('malformed saved settings', () => {
  it('are ignored with a note; the app starts on the defaults', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(
        'pantau-pdn:aliases',
        JSON.stringify({ state: { aliases: 'not a list' }, version: 1 }),
      );
      localStorage.setItem('pantau-pdn:view', '{"state": {"lang": "en", "targets": ');
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(baseURL);
    await figures(page);
    const note = await page.textContent('[data-testid=settings-ignored]');
    expect(note).toContain('Pengaturan tersimpan yang rusak diabaikan');
    expect(note).toContain('daftar alias perangkat daerah');
    expect(note).toContain('target dan bahasa');
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    expect(errors).toEqual([]);
    await screenshot(page, 'persist-05-bad-settings');
    await context.close();
  });
});

describe('one failing panel', () => {
  it('shows its own message with a retry; the rest of the app goes on', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    // The badge formats its saved date while rendering: make that throw on demand.
    await context.addInitScript(() => {
      const original = Date.prototype.toLocaleString;
      Date.prototype.toLocaleString = function (...args: Parameters<Date['toLocaleString']>) {
        if ((window as unknown as { __breakBadge?: boolean }).__breakBadge) throw new Error('render failure');
        return original.apply(this, args);
      };
    });
    const page = await context.newPage();
    await page.goto(baseURL);
    await figures(page);
    await loadOwnFiles(page);
    await expect.poll(() => storageState(page), { timeout: 30_000 }).toBe('saved');
    const ok = await figures(page);
    await page.evaluate(() => ((window as unknown as { __breakBadge?: boolean }).__breakBadge = true));
    await page.selectOption('#lang', 'en'); // every panel renders again
    const failed = page.locator('[data-testid=panel-failed]');
    await expect.poll(() => failed.count()).toBe(1);
    expect(await failed.getAttribute('data-panel')).toBe('dataset');
    expect(await failed.textContent()).toContain('This part could not be shown');
    // The other panels are there and answer.
    expect(await page.locator('[data-testid=dataset-badge]').count()).toBe(0);
    await page.waitForSelector('[data-testid=agency-table][aria-busy=false] tbody tr');
    const shown = {
      table: await page.$$eval('[data-testid=agency-table] tbody tr', (trs) =>
        trs.map((tr) => {
          const d = (tr as HTMLElement).dataset;
          return `${d['agency']}|${d['numerator']}|${d['denominator']}|${d['share']}`;
        }),
      ),
    };
    expect(shown.table.map((r) => r.split('|').slice(0, 4))).toEqual(
      ok.table.map((r) => r.split('|').slice(0, 4)),
    );
    await page.selectOption('#denominator', 'rup_penyedia');
    await page.waitForSelector('[data-testid=agency-table][aria-busy=false] tbody tr');
    await screenshot(page, 'persist-06-panel-failed');
    await page.evaluate(() => ((window as unknown as { __breakBadge?: boolean }).__breakBadge = false));
    await page.click('[data-testid=panel-retry]');
    await page.waitForSelector('[data-testid=dataset-badge]');
    expect(await failed.count()).toBe(0);
    await context.close();
  });
});

describe('leaving while an import runs', () => {
  it('asks first; once the import is done, it does not', async () => {
    const app = await openApp(browser, baseURL);
    const { page } = app;
    await figures(page);
    // A file big enough that its import is still running when the page is asked to leave.
    const big = toCsv(
      PENYEDIA_HEADERS,
      Array.from({ length: 150_000 }, (_, i) => ({
        ...penyedia[0]!,
        kd_rup: String(10_000_000 + i),
        nama_paket: `P${i}`,
      })),
    );
    await showView(page, 'data');
    await page.setInputFiles('[data-testid=file-input]', {
      name: 'RUP-PaketPenyedia-Terumumkan.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(big),
    });
    await page.click('[data-testid=import-confirm]');
    const leaving = () =>
      page.evaluate(() => {
        const e = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(e);
        return e.defaultPrevented;
      });
    await page.waitForSelector('[data-testid=import-progress]');
    expect(await leaving()).toBe(true);
    await expect.poll(() => page.locator('[data-testid=import-result]').count(), { timeout: 90_000 }).toBe(1);
    await expect.poll(() => storageState(page), { timeout: 30_000 }).toBe('saved');
    expect(await leaving()).toBe(false);
    await app.context.close();
  });
});

describe('the CSP check itself', () => {
  it('sees a violation when one happens', async () => {
    const app = await openApp(browser, baseURL);
    await figures(app.page);
    await app.page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.appendChild(s);
    });
    await expect.poll(() => takeCspViolations().length > 0 || null).toBe(true);
    expect(
      await app.page.evaluate(() => (window as unknown as { __inline?: number }).__inline),
    ).toBeUndefined();
    await app.context.close();
    // Chromium's own console report of the same refusal can come after the event's: not this test's violation.
    await new Promise((r) => setTimeout(r, 500));
    takeCspViolations();
  });
});
