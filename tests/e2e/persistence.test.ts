import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openApp, screenshot, showView, type OpenedPage } from './browser';
import { OWN_FILES, figures, loadOwnFiles, storageState, type Figures } from './own-data';

/*
 * Data kept in this browser: the sample starts from its prebuilt snapshot; the user's own files (tests/e2e/own-data.ts:
 * not the sample, since a restore that fell back to the sample would show other figures) come back after a reload and
 * after an engine failure; a store from an older version or cut short is named and the sample shown; "Hapus data"
 * clears the store; data that does not fit in the browser's storage is kept for the tab only.
 */
const baseURL = inject('baseURL');

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

  it('a store of an older version whose loaded rows this one reads: the same figures, stored again', async () => {
    const { page } = app;
    // As the version before stored it: another schema (its cubes, views or macros), another core; its cube_base
    // file damaged, which the restore of its loaded rows never reads.
    const rows = await page.evaluate(async () => {
      const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('pantau-pdn');
      const cur = JSON.parse(await (await (await root.getFileHandle('current.json')).getFile()).text()) as {
        dir: string;
      };
      const dir = await root.getDirectoryHandle(cur.dir);
      const h = await dir.getFileHandle('manifest.json');
      const m = JSON.parse(await (await h.getFile()).text()) as {
        schema: string;
        rows: string;
        derivation?: string;
        tables: { name: string; file: string }[];
      };
      m.schema = 'an-older-schema';
      m.derivation = 'an-older-core';
      const cube = await dir.getFileHandle(m.tables.find((t) => t.name === 'cube_base')!.file);
      const cw = await cube.createWritable();
      await cw.write('not,a,cube\n');
      await cw.close();
      const w = await h.createWritable();
      await w.write(JSON.stringify(m));
      await w.close();
      return m.rows;
    });
    const info: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'info') info.push(m.text());
    });
    await page.reload();
    expect(await figures(page)).toEqual(before);
    expect(await realisasiFigures(page)).toEqual(beforeRealisasi);
    expect(await page.locator('[data-testid=stored-problem]').count()).toBe(0);
    expect(await page.locator('[data-testid=dataset-badge]').getAttribute('data-source')).toBe('own');
    expect(info.some((t) => t.includes('another version'))).toBe(true);
    // Stored again in this version's format: one snapshot, this schema (not the older one), the same rows.
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('pantau-pdn');
            const cur = JSON.parse(
              await (await (await root.getFileHandle('current.json')).getFile()).text(),
            ) as { dir: string };
            const dir = await root.getDirectoryHandle(cur.dir);
            const m = JSON.parse(
              await (await (await dir.getFileHandle('manifest.json')).getFile()).text(),
            ) as {
              schema: string;
              rows: string;
              derivation?: string;
            };
            return {
              older: m.schema === 'an-older-schema',
              rows: m.rows,
              core: m.derivation !== 'an-older-core',
            };
          }),
        { timeout: 30_000 },
      )
      .toEqual({ older: false, rows, core: true });
    expect(await storageState(page)).toBe('saved');
    expect((await storedFiles(page)).filter((f) => f.endsWith('/manifest.json'))).toHaveLength(1);
    // The next start: the fast path, the same figures.
    await page.reload();
    expect(await figures(page)).toEqual(before);
    expect(await storageState(page)).toBe('saved');
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
