import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** The flags every browser test and bench launches Debian Chromium with. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');

/**
 * Content-Security-Policy violations seen in any page of any browser from `launch` (the `securitypolicyviolation`
 * events of the page, and Chromium's console reports of refused loads). tests/e2e/setup.ts fails the test during
 * which one occurs. Kept on globalThis: the setup file and a test file may hold different instances of this module.
 */
const cspViolations: string[] = ((globalThis as { __pantauCsp?: string[] }).__pantauCsp ??= []);

/** The violations recorded since the last call (and forget them). */
export function takeCspViolations(): string[] {
  return cspViolations.splice(0);
}

const CSP_REPORTER = `addEventListener('securitypolicyviolation', (e) => {
  console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') +
    ' at ' + e.sourceFile + ':' + e.lineNumber);
});`;

/** Record CSP violations of every page of a context (their console reports). */
async function watchCsp(context: BrowserContext): Promise<void> {
  await context.addInitScript(CSP_REPORTER);
  context.on('console', (m) => {
    const text = m.text();
    if (/CSP violation|Content Security Policy/i.test(text)) cspViolations.push(text);
  });
}

/**
 * Contexts start with service workers blocked, so that each test does not first precache the whole app (41 MB);
 * the offline test (tests/e2e/offline.test.ts) opens its contexts with `serviceWorkers: 'allow'`.
 */
export async function launch(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    // Playwright gives every launch a new, empty profile directory of its own.
    args: CHROMIUM_ARGS,
  });
  // Every context, however a test makes it, reports CSP violations.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (opts = {}) => {
    const context = await newContext({ serviceWorkers: 'block', ...opts });
    await watchCsp(context);
    return context;
  };
  browser.newPage = async (opts = {}) => {
    const context = await browser.newContext(opts);
    const page = await context.newPage();
    page.on('close', () => void context.close().catch(() => undefined));
    return page;
  };
  return browser;
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Every request URL the page made, in order. */
  requests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
}

/** A fresh context and page that records every request, so tests can assert nothing leaves the origin. */
export async function openApp(browser: Browser, baseURL: string): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(baseURL);
  return { context, page, requests, errors };
}

/** Ready: the bundled sample is loaded and the first view (Ringkasan) has drawn its ranking. */
export const SAMPLE_READY = '[data-testid=agency-chart][aria-busy=false] [data-testid=agency-bar]';

/** A fresh browser and the app in a new page, once the bundled sample is loaded (the ranking is drawn). */
async function launchWithSample(baseURL: string): Promise<{ browser: Browser; app: OpenedPage }> {
  const browser = await launch();
  const app = await openApp(browser, baseURL);
  await app.page.waitForSelector(SAMPLE_READY, { timeout: 60_000 });
  return { browser, app };
}

/**
 * The set-up most browser test files share: before the file's tests, a fresh browser and the app with the sample
 * loaded (`launchWithSample`); after them, the browser closed. `before` runs first (files the tests drop, written
 * to disk), `after` last. Returns the opened page, readable from the tests and later hooks on.
 */
export function sampleApp(
  baseURL: string,
  hooks: { before?: () => unknown; after?: () => unknown } = {},
): OpenedPage {
  let opened: { browser: Browser; app: OpenedPage } | undefined;
  beforeAll(async () => {
    await hooks.before?.();
    opened = await launchWithSample(baseURL);
  });
  afterAll(async () => {
    await opened?.browser.close();
    await hooks.after?.();
  });
  const app = () => {
    if (!opened) throw new Error('sampleApp: the app opens in beforeAll; read it from a test.');
    return opened.app;
  };
  return {
    get context() {
      return app().context;
    },
    get page() {
      return app().page;
    },
    get requests() {
      return app().requests;
    },
    get errors() {
      return app().errors;
    },
  };
}

export type View = 'ringkasan' | 'perangkat-daerah' | 'rincian' | 'data' | 'presentasi' | 'laporan';

/** Open a view of the app shell with its navigation link, as a user would, and wait for it to be shown. */
export async function showView(page: Page, view: View): Promise<void> {
  const current = await page.getAttribute('.app', 'data-route');
  if (current !== view) await page.click(`nav a[data-route=${view}]`);
  await page.waitForSelector(`.app[data-route=${view}]`);
  if (view !== 'presentasi' && view !== 'laporan' && view !== 'data')
    await page.waitForSelector(`[data-testid=view-${view}]`);
}

/** Requests that went anywhere but the app's own origin (data: and blob: URLs are local). */
export function foreignRequests(requests: readonly string[], baseURL: string): string[] {
  const origin = new URL(baseURL).origin;
  return requests.filter(
    (u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin,
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Files dropped at once on the drop zone (one real drop event), as a user drags them from a folder. */
async function dropFiles(page: Page, files: readonly { name: string; bytes: Uint8Array }[]): Promise<void> {
  const list = files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString('base64') }));
  await page.evaluate((items) => {
    const dt = new DataTransfer();
    for (const f of items) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name, { type: 'text/csv' }));
    }
    const zone = document.querySelector('[data-testid=dropzone]')!;
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, list);
}

/**
 * As a new user: a fresh page, the sample loaded, the files dropped at once on the Data view and the review
 * confirmed as proposed; resolves when every file has its report (or `files.length` notices in all).
 */
export async function loadAsNewUser(
  browser: Browser,
  baseURL: string,
  files: readonly { name: string; bytes: Uint8Array }[],
): Promise<OpenedPage> {
  const app = await openApp(browser, baseURL);
  const { page } = app;
  await page.waitForSelector(SAMPLE_READY, { timeout: 60_000 });
  await showView(page, 'data');
  await dropFiles(page, files);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=pending-file]').length === n, files.length, { timeout: 30_000 }); // prettier-ignore
  await page.click('[data-testid=import-confirm]');
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid=import-result], [data-testid=import-error]').length === n,
    files.length,
    { timeout: 120_000 },
  );
  return app;
}

export interface AgencyRow {
  key: string;
  name: string;
  numerator: number;
  denominator: number | null;
  share: number | null;
  /** The row's other cells as shown (code, packages, …). */
  cells: string[];
}

/** The agency table (Perangkat daerah view) as shown, once its figures are current. */
export async function agencyTable(page: Page, rows: number): Promise<AgencyRow[]> {
  await showView(page, 'perangkat-daerah');
  await page.waitForFunction(
    (n) =>
      document.querySelector('[data-testid=agency-table]')?.getAttribute('aria-busy') === 'false' &&
      document.querySelectorAll('[data-testid=agency-table] tbody tr').length === n,
    rows,
    { timeout: 60_000 },
  );
  return page.locator('[data-testid=agency-table] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const n = (a: string) => (tr.getAttribute(a) ? Number(tr.getAttribute(a)) : null);
      return {
        key: tr.getAttribute('data-agency') ?? '',
        name: tr.querySelector('th')?.textContent ?? '',
        numerator: n('data-numerator') ?? 0,
        denominator: n('data-denominator'),
        share: n('data-share'),
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      };
    }),
  );
}
