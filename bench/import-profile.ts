/**
 * Where an import's time goes in Chromium, by thread and by statement: the BUILT app (`--dist`, default dist/)
 * imports a generated RUP export (bench/generate.ts) while the browser records a trace of every thread, and the
 * page logs every message to and from its workers (DuckDB's statements, its polls of a running statement, the
 * SHA-256 worker's progress) and each stage of the progress line. Not a test; it prints, for the import:
 *
 * - the stages as the progress line showed them (ms from the click);
 * - each thread's busy time (top-level tasks of the trace), per process: the page's main thread, the DuckDB
 *   worker, the SHA-256 worker, the browser process's threads (which serve the File's bytes);
 * - every statement DuckDB ran (its first words), its time, how long the worker spent on it and how long it
 *   waited for the page between two polls of a running statement.
 *
 *   npx vite build --mode bench --outDir /tmp/x   (after scripts/build-sample-snapshot.ts)
 *   tsx bench/import-profile.ts [--mb 100] [--dist /tmp/x] [--runs 1] [--plain]
 *
 * `--plain` profiles the bench hook's bare `read_csv` of the same file instead of the import.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { cpuDelta, cpuSnapshot, threadSched } from './cpu-times';
import { generate } from './generate';
import { SAMPLE_READY, launch, openApp } from '../tests/e2e/browser';
import { startPreview } from '../tests/helpers/preview-server';
import { runBench } from './results';

const args = process.argv.slice(2);
const opt = (name: string, d: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : d;
};
const DIST = opt('dist', 'dist');
const MB = Number(opt('mb', '100'));
const RUNS = Number(opt('runs', '1'));
const PLAIN = args.includes('--plain');
/** `--twice`: then import the same file again in the same tab (the engine's code warm). */
const TWICE = args.includes('--twice');
/** `--no-trace`: only the page's message log (the trace slows the tab 2–3 ×: its times are shares, not seconds). */
const TRACE = !args.includes('--no-trace');
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** Logs every message to and from the page's workers, and the progress line's stages, in `window.__wlog`. */
const INIT = `(() => {
  const log = []; window.__wlog = log;
  const W = window.Worker;
  const sqlOf = (m) => Array.isArray(m && m.data) ? m.data.find((x) => typeof x === 'string') : undefined;
  window.Worker = class extends W {
    constructor(url, o) {
      super(url, o);
      const w = String(url).replace(/^.*\\//, '').replace(/-[A-Za-z0-9_-]{8}\\.js$/, '');
      this.__w = w;
      this.addEventListener('message', (e) => {
        const d = e.data;
        log.push({ t: performance.now(), dir: 'in', w, type: d && d.type, req: d && d.requestId });
      });
    }
    postMessage(m, tr) {
      log.push({ t: performance.now(), dir: 'out', w: this.__w, type: m && m.type, id: m && m.messageId, sql: sqlOf(m) });
      return super.postMessage(m, tr);
    }
  };
  let last = '';
  new MutationObserver(() => {
    const el = document.querySelector('[data-testid=import-progress]');
    const s = el ? el.getAttribute('data-stage') || '' : '';
    if (s !== last) { last = s; log.push({ t: performance.now(), dir: 'stage', type: s }); }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-stage'] });
})();`;

interface Msg {
  t: number;
  dir: 'in' | 'out' | 'stage';
  w?: string;
  type?: string;
  id?: number;
  req?: number;
  sql?: string;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

/** Busy time of each thread (its top-level tasks) between t0 and t1 (trace µs), with the threads' names. */
function threads(ev: TraceEvent[], t0: number, t1: number) {
  const names = new Map<string, string>();
  const procs = new Map<number, string>();
  for (const e of ev) {
    if (e.ph !== 'M') continue;
    if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
    if (e.name === 'process_name') procs.set(e.pid, e.args?.name ?? '?');
  }
  // A worker thread is named by the script it runs most (the devtools.timeline events carry the URL).
  const urls = new Map<string, Map<string, number>>();
  for (const e of ev) {
    const u = e.args?.data?.url;
    if (!u || !e.dur) continue;
    const k = `${e.pid}:${e.tid}`;
    const m = urls.get(k) ?? new Map<string, number>();
    const short = u.replace(/^.*\//, '').replace(/-[A-Za-z0-9_-]{8}\.js$/, '');
    m.set(short, (m.get(short) ?? 0) + e.dur);
    urls.set(k, m);
  }
  const busy = new Map<string, number>();
  const stack = new Map<string, number>();
  const xs = ev
    .filter((e) => e.ph === 'X' && e.dur !== undefined && e.cat.includes('toplevel'))
    .sort((a, b) => a.ts - b.ts);
  for (const e of xs) {
    const k = `${e.pid}:${e.tid}`;
    // Only top-level tasks: a task inside another (nested run loops) is not counted twice.
    if ((stack.get(k) ?? 0) > e.ts) continue;
    stack.set(k, e.ts + e.dur!);
    const a = Math.max(t0, e.ts);
    const b = Math.min(t1, e.ts + e.dur!);
    if (b > a) busy.set(k, (busy.get(k) ?? 0) + (b - a));
  }
  // What each thread spends its time on: self time of the trace's complete events by name.
  const selfBy = new Map<string, Map<string, number>>();
  const open = new Map<string, { end: number; name: string }[]>();
  for (const e of ev
    .filter((x) => x.ph === 'X' && x.dur !== undefined && x.ts >= t0 && x.ts <= t1)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)) {
    const k = `${e.pid}:${e.tid}`;
    const st = open.get(k) ?? [];
    while (st.length && st[st.length - 1]!.end <= e.ts) st.pop();
    const m = selfBy.get(k) ?? new Map<string, number>();
    const parent = st[st.length - 1];
    if (parent) m.set(parent.name, (m.get(parent.name) ?? 0) - e.dur!);
    m.set(e.name, (m.get(e.name) ?? 0) + e.dur!);
    st.push({ end: e.ts + e.dur!, name: e.name });
    open.set(k, st);
    selfBy.set(k, m);
  }
  return [...busy]
    .map(([k, us]) => {
      const pid = Number(k.split(':')[0]);
      const top = [...(urls.get(k) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1])[0]?.[0];
      const on = [...(selfBy.get(k) ?? new Map<string, number>())]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([n, v]) => `${n} ${(v / 1000).toFixed(0)}`)
        .join(', ');
      return {
        what: `${procs.get(pid) ?? pid} / ${names.get(k) ?? k}${top ? ` (${top})` : ''}\n          ${on}`,
        ms: us / 1000,
      };
    })
    .filter((x) => x.ms >= 5)
    .sort((a, b) => b.ms - a.ms);
}

/** DuckDB's statements from the message log: time, polls, and the page's delay in answering each poll. */
function statements(log: Msg[], t0: number, cpuAt: (t: number) => number, waitAt: (t: number) => number) {
  interface Open {
    at: number;
    sql: string;
    polls: number;
    waitMs: number;
    lastIn: number;
  }
  const open: Open[] = [];
  let current: Open | null = null;
  const byId = new Map<number, Msg>();
  const duck = log.filter((m) => m.w?.startsWith('duckdb'));
  for (const m of duck) {
    if (m.dir === 'out') {
      byId.set(m.id!, m);
      if (m.sql) {
        current = { at: m.t, sql: m.sql, polls: 0, waitMs: 0, lastIn: NaN };
        open.push(current);
      } else if (m.type === 'POLL_PENDING_QUERY' && current) {
        current.polls++;
        if (Number.isFinite(current.lastIn)) current.waitMs += m.t - current.lastIn;
      }
    } else if (current && m.req !== undefined) {
      const q = byId.get(m.req);
      // A running statement's reply: the page then polls again (the wait until it does is the page's delay).
      if (q?.type === 'POLL_PENDING_QUERY' || q?.type === 'START_PENDING_QUERY') current.lastIn = m.t;
    }
  }
  // A statement runs until the worker's last reply before the next statement starts.
  return open.map((s, i) => {
    const nextAt = open[i + 1]?.at ?? Infinity;
    let end = s.at;
    for (const m of duck) if (m.dir === 'in' && m.t >= s.at && m.t < nextAt) end = m.t;
    return {
      at: s.at - t0,
      ms: end - s.at,
      cpuMs: cpuAt(end) - cpuAt(s.at),
      runqMs: waitAt(end) - waitAt(s.at),
      polls: s.polls,
      waitMs: s.waitMs,
      sql: s.sql.replace(/\s+/g, ' ').slice(0, 80),
    };
  });
}

/** The DuckDB worker's thread: the renderer thread busiest while the engine runs a query of a few hundred ms. */
async function duckdbThread(page: Page): Promise<string> {
  const a = cpuSnapshot(undefined);
  await page.evaluate(() =>
    window.__pantauBench!.timeSql(['SELECT count(*) FROM range(60000000) t(i) WHERE i % 7 = 3']),
  );
  return cpuDelta(a, cpuSnapshot(undefined)).topKey;
}

async function one(page: Page, browser: Awaited<ReturnType<typeof launch>>) {
  const tNow = () => page.evaluate(() => performance.now());
  const [pid, tid] = (await duckdbThread(page)).split('/') as [string, string];
  const origin = await page.evaluate(() => performance.timeOrigin);
  // The DuckDB thread's CPU time and run-queue wait, sampled every 5 ms (epoch ms, ns, ns).
  const samples: [number, number, number][] = [];
  const timer = setInterval(() => {
    try {
      samples.push([Date.now(), ...threadSched(pid, tid)]);
    } catch {
      // the thread ended
    }
  }, 5);
  /** The DuckDB thread's CPU ms (k = 1; k = 2: ms runnable, waiting for a CPU) up to page time `t`. */
  const at = (k: 1 | 2) => (t: number) => {
    const e = origin + t;
    let i = samples.findIndex(([ms]) => ms >= e);
    if (i < 0) i = samples.length - 1;
    if (i <= 0) return (samples[0]?.[k] ?? 0) / 1e6;
    const a = samples[i - 1]!;
    const b = samples[i]!;
    return (a[k] + (b[k] - a[k]) * Math.min(1, Math.max(0, (e - a[0]) / Math.max(1, b[0] - a[0])))) / 1e6;
  };
  const cpuAt = at(1);
  const waitAt = at(2);
  if (TRACE)
    await browser.startTracing(page, {
      categories: [
        'toplevel',
        'devtools.timeline',
        'v8.execute',
        'v8',
        'v8.wasm',
        'disabled-by-default-v8.gc',
        'blink.user_timing',
        '__metadata',
      ],
    });
  await page.evaluate(() => performance.mark('profile:start'));
  const start = await tNow();
  if (PLAIN) {
    await page.evaluate(() => window.__pantauBench!.plainRead(',', false));
  } else {
    const sel = '[data-testid=import-result], [data-testid=import-error]';
    const n0 = await page.locator(sel).count();
    await page.click('[data-testid=import-confirm]');
    await page.waitForFunction(([q, n]) => document.querySelectorAll(q).length > n, [sel, n0] as const, {
      timeout: 600_000,
    });
  }
  const end = await tNow();
  await page.evaluate(() => performance.mark('profile:end'));
  clearInterval(timer);
  const trace = TRACE
    ? (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] })
    : { traceEvents: [] };
  const log = (await page.evaluate(() => (window as unknown as { __wlog: Msg[] }).__wlog)).filter(
    (m) => m.t >= start && m.t <= end + 50,
  );
  const ev = trace.traceEvents;
  const m0 = ev.find((e) => e.name === 'profile:start');
  const m1 = ev.find((e) => e.name === 'profile:end');
  const what = PLAIN
    ? 'plain read'
    : await page.locator('[data-testid=import-counts], [data-testid=import-error]').first().textContent();
  console.log(
    `\n${PLAIN ? 'plain read' : 'import'} ${((end - start) / 1000).toFixed(2)} s [load ${load()}]: ${what}`,
  );
  console.log(
    'stages: ' +
      log
        .filter((m) => m.dir === 'stage')
        .map((m) => `${m.type}@${((m.t - start) / 1000).toFixed(2)}`)
        .join(' '),
  );
  if (m0 && m1) {
    console.log('busy time by thread (ms, top-level tasks):');
    for (const t of threads(ev, m0.ts, m1.ts)) console.log(`  ${t.ms.toFixed(0).padStart(6)}  ${t.what}`);
  }
  const hashMsgs = log.filter((m) => m.w?.startsWith('checksum') && m.dir === 'in');
  if (hashMsgs.length)
    console.log(
      `SHA-256 worker: ${hashMsgs.length} replies, last at ${((hashMsgs.at(-1)!.t - start) / 1000).toFixed(2)} s`,
    );
  const sts = statements(log, start, cpuAt, waitAt);
  console.log(
    `DuckDB thread over the whole ${PLAIN ? 'read' : 'import'}: CPU ${(cpuAt(end) - cpuAt(start)).toFixed(0)} ms, ` +
      `runnable without a CPU ${(waitAt(end) - waitAt(start)).toFixed(0)} ms, the rest of the ${(end - start).toFixed(0)} ms blocked (reads, messages)`,
  );
  console.log(
    'DuckDB statements (start s, wall ms, DuckDB thread CPU ms, polls, page wait between polls ms, SQL):',
  );
  for (const s of sts)
    if (s.ms >= 5 || s.polls > 0)
      console.log(
        `  ${(s.at / 1000).toFixed(2).padStart(6)} ${s.ms.toFixed(0).padStart(6)} ${s.cpuMs.toFixed(0).padStart(6)} ${s.runqMs.toFixed(0).padStart(6)} ${String(s.polls).padStart(4)} ${s.waitMs.toFixed(0).padStart(5)}  ${s.sql}`,
      );
  const small = sts.filter((s) => s.ms < 5 && s.polls === 0);
  console.log(
    `  + ${small.length} statements under 5 ms: ${small.reduce((a, s) => a + s.ms, 0).toFixed(0)} ms; all ${sts.length}: ${sts
      .reduce((a, s) => a + s.ms, 0)
      .toFixed(0)} ms`,
  );
  // The DuckDB thread over time: CPU and run-queue wait per 250 ms (did our other threads take its CPU?).
  const bins: string[] = [];
  for (let t = start; t < end; t += 250)
    bins.push(
      `${((t - start) / 1000).toFixed(2)}: ${(cpuAt(t + 250) - cpuAt(t)).toFixed(0)}/${(waitAt(t + 250) - waitAt(t)).toFixed(0)}`,
    );
  console.log(`DuckDB thread per 250 ms (s: CPU ms / runnable without a CPU ms): ${bins.join(', ')}`);
  const inbound = log.filter((m) => m.w?.startsWith('duckdb') && m.dir === 'in');
  const progress = inbound.filter((m) => m.type === 'PROGRESS_UPDATE').length;
  console.log(`DuckDB worker messages in: ${inbound.length} (${progress} progress updates)`);
}

async function main() {
  const path = await generate(MB);
  const server = await startPreview({ outDir: DIST });
  const browser = await launch();
  try {
    for (let r = 0; r < RUNS; r++) {
      const app = await openApp(browser, `${server.baseURL}?bench`);
      try {
        await app.context.addInitScript(INIT);
        await app.page.goto(`${server.baseURL}?bench`);
        app.page.setDefaultTimeout(600_000);
        await app.page.waitForSelector(SAMPLE_READY, { timeout: 180_000 });
        const marks = "performance.getEntriesByName('pantau:prewarmed').length";
        const t = Date.now();
        while (!((await app.page.evaluate(marks)) as number) && Date.now() - t < 20_000)
          await new Promise((res) => setTimeout(res, 50));
        await app.page.setInputFiles('[data-testid=bench-input]', path);
        if (!PLAIN) {
          await app.page.setInputFiles('[data-testid=file-input]', path);
          await app.page.waitForSelector('[data-testid=import-confirm]');
        }
        await one(app.page, browser);
        if (TWICE && !PLAIN) {
          // The same file again in the same tab: DuckDB's code is compiled and optimised by now.
          await app.page.evaluate(() => {
            (window as unknown as { __wlog: unknown[] }).__wlog.length = 0;
          });
          await app.page
            .waitForSelector(
              '[data-testid=storage-status][data-state=saved], [data-testid=storage-status][data-state=tab-only]',
            )
            .catch(() => undefined);
          await app.page.setInputFiles('[data-testid=file-input]', path);
          await app.page.waitForSelector('[data-testid=import-confirm]');
          await one(app.page, browser);
        }
      } finally {
        await app.context.close();
      }
    }
  } finally {
    await browser.close();
    server.stop();
  }
}

runBench(main);
