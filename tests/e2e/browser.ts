import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM_ARGS = [
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
export async function launchWithSample(baseURL: string): Promise<{ browser: Browser; app: OpenedPage }> {
  const browser = await launch();
  const app = await openApp(browser, baseURL);
  await app.page.waitForSelector(SAMPLE_READY, { timeout: 60_000 });
  return { browser, app };
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
