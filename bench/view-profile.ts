/**
 * Where the page's main thread spends its time during view changes: a CPU profile (CDP `Profiler`) of the BUILT
 * app on the bundled sample while it runs the view bench's changes (bench/view-page.ts, bench/view-states.ts),
 * attributed to source files and packages through the build's source maps. Not a test; it prints shares.
 *
 *   npx vite build --mode bench --sourcemap --outDir /tmp/prof   (after scripts/build-sample-snapshot.ts)
 *   tsx bench/view-profile.ts --dist /tmp/prof [--changes 60] [--top 25] [--interval 100]
 *
 * Printed: the changes' p50 / p95 (the profiler slows the page: compare builds with each other, not with
 * bench/view-bench.ts), then self time by package or source file, the time each is on the stack (inclusive), and
 * the functions with the most self time. `(program)` is the browser's own work outside JS (style, layout, paint,
 * messages); `(garbage collector)` is GC; `(idle)` is left out of the shares.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { SourceMapConsumer } from 'source-map-js';
import { CHROMIUM_ARGS, SAMPLE_READY } from '../tests/e2e/browser';
import { startPreview } from '../tests/helpers/preview-server';
import { NO_FILTERS } from '../src/p3dn/metrics';
import { LONGTASK_INIT, VIEW_BENCH_SRC, type Change } from './view-page';
import { nextStep, type State } from './view-states';
import { runBench } from './results';

const args = process.argv.slice(2);
const opt = (name: string, d: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : d;
};
const DIST = opt('dist', 'dist');
const CHANGES = Number(opt('changes', '60'));
const TOP = Number(opt('top', '25'));
const INTERVAL = Number(opt('interval', '100'));
/** `--trace`: the performance timeline instead of the CPU profile (the browser's own work by kind). */
const TRACE = args.includes('--trace') || args.includes('--timeline');
/** `--worker`: the CPU profile of the DuckDB worker instead of the page's main thread. */
const WORKER = args.includes('--worker');
/** `--timeline`: with the trace, print the last change's events, main thread and engine worker, in time order. */
const TIMELINE = args.includes('--timeline');

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const maps = new Map<string, SourceMapConsumer | null>();
function mapFor(url: string): SourceMapConsumer | null {
  if (maps.has(url)) return maps.get(url)!;
  const file = join(DIST, new URL(url).pathname.replace(/^\//, '') + '.map');
  const m = existsSync(file) ? new SourceMapConsumer(JSON.parse(readFileSync(file, 'utf8'))) : null;
  maps.set(url, m);
  return m;
}

/** A package (`recharts`, `react-dom`, `@tanstack/query-core`) or an app source file, for a call frame. */
function where(cf: CallFrame): { group: string; fn: string } {
  if (!cf.url) return { group: cf.functionName || '(native)', fn: cf.functionName || '(native)' };
  const m = mapFor(cf.url);
  const pos = m?.originalPositionFor({ line: cf.lineNumber + 1, column: cf.columnNumber });
  const src = pos?.source ?? cf.url;
  const nm = src.lastIndexOf('node_modules/');
  let group: string;
  if (nm >= 0) {
    const parts = src.slice(nm + 'node_modules/'.length).split('/');
    group = parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  } else group = src.replace(/^.*?\/src\//, 'src/').replace(/^(\.\.\/)+/, '');
  const fn = `${pos?.name ?? cf.functionName ?? '?'} (${group}${nm >= 0 ? '' : `:${pos?.line ?? '?'}`})`;
  return { group, fn };
}

function report(p: Profile) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const info = new Map(p.nodes.map((n) => [n.id, where(n.callFrame)]));
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const fnSelf = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (let i = 0; i < p.samples.length; i++) {
    // timeDeltas[i] is the time before sample i; the time sample i stands for is the next delta.
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const id = p.samples[i]!;
    const w = info.get(id)!;
    if (w.group === '(idle)') {
      idle += dt;
      continue;
    }
    total += dt;
    self.set(w.group, (self.get(w.group) ?? 0) + dt);
    fnSelf.set(w.fn, (fnSelf.get(w.fn) ?? 0) + dt);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const g = info.get(n)!.group;
      if (byId.get(n)!.callFrame.functionName === '(root)' || seen.has(g)) continue;
      seen.add(g);
      incl.set(g, (incl.get(g) ?? 0) + dt);
    }
  }
  const pct = (v: number) => `${((100 * v) / total).toFixed(1).padStart(5)} %`;
  const ms = (v: number) => `${(v / CHANGES).toFixed(2).padStart(6)} ms/change`;
  const table = (title: string, m: Map<string, number>, n: number) => {
    console.log(`\n${title}`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n))
      console.log(`  ${pct(v)}  ${ms(v)}  ${k}`);
  };
  console.log(
    `\nbusy main thread ${(total / CHANGES).toFixed(1)} ms per change (idle ${(idle / CHANGES).toFixed(1)} ms per change left out)`,
  );
  table('self time by package / source file', self, TOP);
  table('on the stack (inclusive) by package / source file', incl, TOP);
  table('functions by self time', fnSelf, TOP);
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Self time of the renderer main thread's timeline events by name (an event's time less its children's). */
function traceReport({ traceEvents: ev }: { traceEvents: TraceEvent[] }) {
  const main = ev.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('no renderer main thread in the trace');
  const xs = ev
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  let top = 0;
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1]!.end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur! / 1000);
    else top += e.dur! / 1000;
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur! / 1000);
    stack.push({ end: e.ts + e.dur!, name: e.name });
  }
  if (TIMELINE) timeline(ev, main);
  console.log(`\nrenderer main thread busy ${(top / CHANGES).toFixed(1)} ms per change; self time by event:`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP))
    console.log(
      `  ${((100 * v) / top).toFixed(1).padStart(5)} %  ${(v / CHANGES).toFixed(2).padStart(6)} ms/change  ${k}`,
    );
}

/** The last change's events over 0.3 ms on the main thread and the DuckDB worker, with their depth. */
function timeline(ev: TraceEvent[], main: TraceEvent) {
  const mark = ev.find((e) => e.name === 'profile:last-change');
  if (!mark) return console.log('no mark of the last change in the trace');
  const workers = new Set(
    ev.filter((e) => e.name === 'thread_name' && e.args?.name === 'DedicatedWorker thread').map((e) => e.tid),
  );
  const xs = ev
    .filter((e) => e.pid === main.pid && (e.tid === main.tid || workers.has(e.tid)))
    .filter((e) => e.ph === 'X' && e.dur !== undefined && e.ts >= mark.ts && e.dur >= 300)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const depth = new Map<number, { end: number }[]>();
  console.log('\nthe last change (ms from its mark; main thread left, worker indented):');
  for (const e of xs) {
    const st = depth.get(e.tid) ?? [];
    while (st.length && st[st.length - 1]!.end <= e.ts) st.pop();
    if (st.length < 3) {
      const pad =
        (e.tid === main.tid ? '' : '                                        ') + '  '.repeat(st.length);
      const fn = (e.args as { data?: { functionName?: string; url?: string } } | undefined)?.data;
      console.log(
        `${((e.ts - mark.ts) / 1000).toFixed(1).padStart(7)} ${pad}${e.name} ${(e.dur! / 1000).toFixed(1)}${fn?.functionName ? ' ' + fn.functionName : ''}`,
      );
    }
    st.push({ end: e.ts + e.dur! });
    depth.set(e.tid, st);
  }
}

/** A CDP call on the page's DuckDB worker (attached through the browser's session). */
async function workerSession(browser: Browser, baseURL: string) {
  const cdp = await browser.newBrowserCDPSession();
  const origin = new URL(baseURL).origin;
  const { targetInfos } = await cdp.send('Target.getTargets');
  const w = targetInfos.find((t) => t.type === 'worker' && t.url.startsWith(origin) && /duckdb/.test(t.url));
  if (!w) throw new Error('no DuckDB worker');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: w.targetId, flatten: false });
  let next = 1;
  const waiting = new Map<number, (v: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (m) => {
    if (m.sessionId !== sessionId) return;
    const msg = JSON.parse(m.message) as { id?: number; result?: unknown };
    if (msg.id !== undefined) waiting.get(msg.id)?.(msg.result);
  });
  return (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((ok) => {
      const id = next++;
      waiting.set(id, ok);
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      });
    });
}

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};

async function main() {
  const server = await startPreview({ outDir: DIST });
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.addInitScript(LONGTASK_INIT);
    const page = await context.newPage();
    await page.goto(`${server.baseURL}?bench`);
    await page.waitForSelector(SAMPLE_READY, { timeout: 180_000 });
    const marks = "performance.getEntriesByName('pantau:prewarmed').length";
    while (!((await page.evaluate(marks)) as number)) await new Promise((r) => setTimeout(r, 20));
    await page.evaluate(VIEW_BENCH_SRC);
    const ids = ['tahun', 'agency', 'metode', 'jenis', 'sumberDana', 'source'] as const;
    const options = Object.fromEntries(
      await Promise.all(
        ids.map(async (id) => [
          id,
          await page.evaluate((i) => window.__viewBench!.options(i), `filter-${id}`),
        ]),
      ),
    ) as Record<(typeof ids)[number] | 'pemda', string[]>;
    options.pemda = [];
    let state: State = {
      basis: 'komitmen',
      kpi: 'pdn',
      den: 'belanja_pengadaan',
      targets: { pdn: 0.4, umk: 0.4 },
      filters: { ...NO_FILTERS, pemda: null },
    };
    const seen = new Set<string>();
    const cdp = await context.newCDPSession(page);
    const worker = WORKER ? await workerSession(browser, server.baseURL) : null;
    if (worker) {
      await worker('Profiler.enable');
      await worker('Profiler.setSamplingInterval', { interval: INTERVAL });
      await worker('Profiler.start');
    } else if (TRACE)
      await browser.startTracing(page, {
        categories: ['devtools.timeline', 'v8', 'blink.user_timing', 'toplevel'],
      });
    else {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL });
      await cdp.send('Profiler.start');
    }
    const times: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const step = nextStep(state, seen, options, i);
      state = step.next;
      if (i === CHANGES - 1) await page.evaluate(() => performance.mark('profile:last-change'));
      times.push(((await page.evaluate((s) => window.__viewBench!.change(s), step.step)) as Change).ms);
    }
    const trace = TRACE ? await browser.stopTracing() : null;
    const profile = worker
      ? ((await worker('Profiler.stop')) as { profile: Profile }).profile
      : TRACE
        ? null
        : ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile;
    console.log(
      `${CHANGES} changes on the sample (${DIST}), profiled: p50 ${q(times, 50).toFixed(1)} ms, p95 ${q(times, 95).toFixed(1)} ms  [load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}]`,
    );
    if (trace) traceReport(JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] });
    else report(profile!);
    await context.close();
  } finally {
    await browser.close();
    server.stop();
  }
}

runBench(main);
