/**
 * Benchmark: the drill-down of one agency with 50,000 transaction rows, in the built app, in Debian Chromium.
 *
 *   npm run build && node_modules/.bin/tsx bench/drilldown-scroll.ts [rows]
 *
 * The built app (dist/) is copied to bench/out/, its bundled sample `SPSE-NonTenderSelesai.csv` is replaced by a
 * generated export with `rows` completed non-tenders of DINAS KESEHATAN (same kd_satker_str and kd_rup as the
 * sample RUP), and the copy is served with `vite preview`. The script opens the app, switches to the realisasi
 * basis, clicks the agency's bar, and scrolls the drill-down through all rows while recording frame times in the
 * page (requestAnimationFrame). It prints figures; it asserts nothing (that is what the tests are for).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateSample } from '../scripts/sample';
import { toCsv } from '../scripts/sample/csv';
import { SPSE_NONTENDER_HEADERS } from '../scripts/sample/layouts';
import { KLPD, LPSE, TAHUN_ANGGARAN } from '../scripts/sample/pemda';
import { mulberry32 } from '../scripts/sample/prng';
import { isCounted } from '../scripts/sample/rup-rows';
import { launch } from '../tests/e2e/browser';
import { startPreview } from '../tests/helpers/preview-server';

const ROWS = Number(process.argv[2] ?? 50_000);
const AGENCY = '3519027'; // DINAS KESEHATAN
const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'bench/out/dist-drilldown');

function generateRows(n: number): string {
  const sample = generateSample();
  const agency = sample.agencies.find((a) => a.kdSatker === AGENCY)!;
  const pakets = sample.penyedia.filter((p) => p.kd_satker === AGENCY && isCounted(p));
  const rows = [];
  const rand = mulberry32(12345);
  for (let i = 0; i < n; i++) {
    const p = pakets[i % pakets.length]!;
    const nilai = Math.round(1_000_000 + rand() * 150_000_000);
    rows.push({
      tahun_anggaran: TAHUN_ANGGARAN,
      ...KLPD,
      kd_satker: '4119027',
      kd_satker_str: agency.kdSatkerStr,
      nama_satker: agency.namaSatker,
      kd_lpse: LPSE,
      kd_nontender: String(5_000_000 + i),
      kd_paket: String(6_000_000 + i),
      kd_rup: i % 17 === 0 ? String(99_000_000 + i) : p.kd_rup,
      nama_paket: `${p.nama_paket} #${i + 1}`,
      mtd_pemilihan: p.metode_pengadaan,
      jenis_pengadaan: 'Barang',
      sumber_dana: i % 5 === 0 ? 'DAK' : 'APBD',
      pagu: nilai,
      hps: nilai,
      nilai_penawaran: nilai,
      nilai_negosiasi: nilai,
      nilai_kontrak: nilai,
      nilai_pdn_kontrak: rand() < 0.5 ? Math.round(nilai * rand()) : null,
      nilai_umk_kontrak: rand() < 0.5 ? Math.round(nilai * rand()) : null,
      kd_penyedia: String(100000 + (i % 900000)),
      nama_penyedia: 'CV Uji Beban',
      status_nontender: 'Selesai',
      tgl_buat_paket: '2025-03-01 10:00:00',
      tgl_selesai_paket: `2025-${String(1 + (i % 12)).padStart(2, '0')}-15 10:00:00`,
    });
  }
  return toCsv(SPSE_NONTENDER_HEADERS, rows);
}

async function main() {
  if (!existsSync(join(root, 'dist/index.html'))) throw new Error('dist/ missing: run `npm run build` first');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(join(root, 'dist'), out, { recursive: true });
  const asset = readdirSync(join(out, 'assets')).find((f) => f.startsWith('SPSE-NonTenderSelesai'));
  if (!asset) throw new Error('sample asset SPSE-NonTenderSelesai*.csv not found in dist/assets');
  const csv = generateRows(ROWS);
  writeFileSync(join(out, 'assets', asset), csv);
  // Without the prebuilt sample snapshot the app imports the (replaced) sample CSVs, as before snapshots existed.
  rmSync(join(out, 'sample-snapshot'), { recursive: true, force: true });
  console.log(
    `generated ${ROWS.toLocaleString('en')} rows (${(csv.length / 1e6).toFixed(1)} MB) into ${asset}`,
  );

  const server = await startPreview({ outDir: out });
  const base = server.baseURL;
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const t0 = Date.now();
    await page.goto(base);
    await page.waitForSelector('[data-testid=agency-chart][aria-busy=false] [data-testid=agency-bar]', {
      timeout: 180_000,
    });
    const loadMs = Date.now() - t0;
    await page.locator('[data-testid=basis-switch] label', { hasText: 'Realisasi' }).click();
    await page.waitForSelector('[data-testid=agency-chart][data-basis=realisasi][aria-busy=false]');
    const t1 = Date.now();
    await page.locator(`[data-testid=agency-bar][data-agency="kd:${AGENCY}"]`).click();
    await page.waitForSelector('[data-testid=drill-totals]');
    const totalsMs = Date.now() - t1;
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=drill-row] .code').length > 0);
    const firstRowsMs = Date.now() - t1;
    const rows = Number(await page.getAttribute('[data-testid=drill-totals]', 'data-rows'));

    // Scroll through the whole list in the page, one step per animation frame, recording frame times.
    // (A string, so that the bundler's helpers never reach the page.)
    const scroll = (await page.evaluate(`new Promise((done) => {
      const el = document.querySelector('[data-testid=drill-scroll]');
      const frames = [];
      const domRows = [];
      const step = 1200; // px per frame: ~35 rows, a fast wheel or drag
      let last = performance.now();
      const start = last;
      const tick = (now) => {
        frames.push(now - last);
        last = now;
        domRows.push(el.querySelectorAll('[data-testid=drill-row]').length);
        if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) {
          done({ frames, domRows, ms: performance.now() - start, height: el.scrollHeight });
          return;
        }
        el.scrollTop += step;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })`)) as { frames: number[]; domRows: number[]; ms: number; height: number };
    // Time until the rows at the very end are loaded from DuckDB (not placeholders).
    const t2 = Date.now();
    await page.waitForFunction(() => {
      const rowsNow = [...document.querySelectorAll('[data-testid=drill-row]')];
      return rowsNow.length > 0 && rowsNow.every((r) => r.querySelector('.code'));
    });
    const tailFillMs = Date.now() - t2;
    // Jump back to the middle and time the fill.
    const t3 = Date.now();
    await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('[data-testid=drill-scroll]')!;
      el.scrollTop = el.scrollHeight / 2;
    });
    await page.waitForFunction(() => {
      const rowsNow = [...document.querySelectorAll('[data-testid=drill-row]')];
      return rowsNow.length > 0 && rowsNow.every((r) => r.querySelector('.code'));
    });
    const jumpFillMs = Date.now() - t3;
    const heap = await page.evaluate(
      () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
    );
    const f = [...scroll.frames.slice(1)].sort((a, b) => a - b);
    const pct = (p: number) => f[Math.min(f.length - 1, Math.floor((p / 100) * f.length))]!;
    console.log(
      JSON.stringify(
        {
          rows,
          appLoadMs: loadMs,
          clickToTotalsMs: totalsMs,
          clickToFirstRowsMs: firstRowsMs,
          scroll: {
            frames: f.length,
            pixels: scroll.height,
            totalMs: Math.round(scroll.ms),
            frameMsP50: +pct(50).toFixed(1),
            frameMsP95: +pct(95).toFixed(1),
            frameMsMax: +f[f.length - 1]!.toFixed(1),
            framesOver50ms: f.filter((x) => x > 50).length,
            maxDomRows: Math.max(...scroll.domRows),
          },
          fillAfterScrollToEndMs: tailFillMs,
          fillAfterJumpToMiddleMs: jumpFillMs,
          jsHeapMB: +(heap / 1e6).toFixed(1),
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    server.stop();
  }
}

await main();
