/**
 * The dashboard's two statements in Chromium, on the sample, run through the app's own engine: their values read
 * from the argument row (src/engine/args.ts, as the app runs them) against the same statements with their values
 * bound (the row left out of the FROM, so the engine binds them: DuckDB then plans the statement at each run).
 * Each round runs every variant once for every state, in turn; the states change the targets, basis and filters
 * as view changes do. Not a test. Usage: `npm run build:bench && tsx bench/args-bench.ts [--rounds 30]`.
 */
import type { Page } from 'playwright-core';
import { SAMPLE_READY, launch } from '../tests/e2e/browser';
import { startPreview } from '../tests/helpers/preview-server';
import { NO_FILTERS, basisAgencyQuery, basisSummaryQuery, type Filters } from '../src/p3dn/metrics';
import { runBench } from './results';

const args = process.argv.slice(2);
const at = args.indexOf('--rounds');
const rounds = at >= 0 ? Number(args[at + 1]) : 30;

const q50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f = (x: number) => x.toFixed(1);

async function main() {
  const server = await startPreview();
  const browser = await launch();
  try {
    const page: Page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${server.baseURL}?bench`);
    await page.waitForSelector(SAMPLE_READY, { timeout: 300_000 });
    await page.waitForTimeout(3000); // the idle-time prepare of the dashboard's statements
    const metode = await page.$$eval('#filter-metode option', (os) =>
      os.map((o) => (o as HTMLOptionElement).value).filter(Boolean),
    );
    const states: { basis: 'komitmen' | 'realisasi' | 'capaian'; filters: Filters }[] = [
      { basis: 'komitmen', filters: { ...NO_FILTERS } },
      { basis: 'realisasi', filters: { ...NO_FILTERS } },
      { basis: 'komitmen', filters: { ...NO_FILTERS, metode: metode[0] ?? null } },
      { basis: 'capaian', filters: { ...NO_FILTERS, metode: metode[1] ?? null } },
    ];
    const queries = (i: number) =>
      states.flatMap((s, k) => {
        const t = { pdn: 0.4 + (i * states.length + k) * 1e-5, umk: 0.4 };
        return [
          basisAgencyQuery(s.basis, 'belanja_pengadaan', t, s.filters),
          basisSummaryQuery(s.basis, 'belanja_pengadaan', t, s.filters),
        ];
      });
    const variant = (bound: boolean, i: number) =>
      queries(i).map((q) => ({
        sql: bound ? q.sql.replaceAll(', p3dn_args', '').replace(/\n\s*FROM p3dn_args\n/, '\n') : q.sql,
        params: [...q.params],
      }));
    const times: Record<'row' | 'bound', number[]> = { row: [], bound: [] };
    for (let r = 0; r < rounds; r++) {
      for (const bound of r % 2 ? [true, false] : [false, true]) {
        const ms = await page.evaluate(([qs]) => window.__pantauBench!.timeQueries(qs, 1), [
          variant(bound, r),
        ] as const);
        // Per state: agencies + totals, the two statements of a view change.
        const perState = states.map((_, k) => ms[2 * k]![0]! + ms[2 * k + 1]![0]!);
        times[bound ? 'bound' : 'row'].push(...perState);
      }
    }
    for (const k of ['row', 'bound'] as const) {
      const xs = times[k];
      console.log(
        `${k === 'row' ? 'values from the row' : 'values bound     '}: agencies + totals p50 ${f(q50(xs))} ms ` +
          `(min ${f(Math.min(...xs))}, p95 ${f([...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!)}) over ${xs.length} states`,
      );
    }
  } finally {
    await browser.close();
    await server.stop?.();
  }
}

runBench(main);
