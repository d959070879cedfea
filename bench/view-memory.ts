/**
 * Memory figures of the view-change benchmark (bench/view-bench.ts), read from outside the app:
 * - the renderer's resident memory (Linux /proc: the tab's process holds the page, its workers and their wasm
 *   memory), current (VmRSS) and high-water mark (VmHWM), which `resetPeaks` sets back to the current size
 *   (`clear_refs` 5) so that each stage (import, save, view changes) gets a peak of its own;
 * - the DuckDB worker's JS heap, over the Chrome DevTools protocol (`Runtime.getHeapUsage`; its wasm memory is
 *   not in it, and `Runtime.queryObjects`, which could find the WebAssembly.Memory the engine keeps in a closure,
 *   never answers in a worker);
 * - DuckDB's own account of what it holds (`duckdb_memory()`), through the bench build's `?bench` hook.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from 'playwright-core';

const MB = 2 ** 20;

/**
 * The renderer processes of the browsers this bench started (the tab's process and any other renderer): those
 * descending from this process (through the browser and its zygote), never another session's browser.
 */
export function rendererPids(): number[] {
  return renderers(process.pid);
}

function renderers(browserPid: number | undefined): number[] {
  const out: number[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer') || !cmd.includes('chromium')) continue;
      if (!isDescendant(Number(pid), browserPid ?? process.pid)) continue;
      out.push(Number(pid));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

function isDescendant(pid: number, ancestor: number): boolean {
  for (let p = pid, i = 0; p > 1 && i < 20; i++) {
    if (p === ancestor) return true;
    p = Number(readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] ?? 0);
  }
  return false;
}

function statusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return Number(m?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Peak resident memory (VmHWM) of the largest renderer since the browser started or since `resetPeaks`, MB. */
export function rendererPeakMb(browserPid: number | undefined): number {
  return Math.max(0, ...renderers(browserPid).map((p) => statusKb(p, 'VmHWM') / 1024));
}

/** Resident memory now (VmRSS) of the largest renderer, MB. */
export function rendererRssMb(browserPid: number | undefined): number {
  return Math.max(0, ...renderers(browserPid).map((p) => statusKb(p, 'VmRSS') / 1024));
}

/** Set every renderer's VmHWM back to its current resident size (Linux `clear_refs` 5); false if refused. */
export function resetPeaks(browserPid: number | undefined): boolean {
  let ok = true;
  for (const pid of renderers(browserPid)) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      ok = false;
    }
  }
  return ok;
}

/**
 * The DuckDB worker over CDP. Dedicated workers are targets of the browser session; Playwright's CDP session
 * cannot address a child session, so this one is attached unflattened and spoken to through
 * `Target.sendMessageToTarget`.
 */
export class WorkerProbe {
  private next = 1;
  private readonly waiting = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (m) => {
      if (m.sessionId !== this.sessionId) return;
      const msg = JSON.parse(m.message) as { id?: number; result?: unknown; error?: { message: string } };
      const w = msg.id === undefined ? undefined : this.waiting.get(msg.id);
      if (!w) return;
      this.waiting.delete(msg.id!);
      if (msg.error) w.fail(new Error(msg.error.message));
      else w.ok(msg.result);
    });
  }

  /** Attach to the page's DuckDB worker (its script's name contains `duckdb`); null when there is none. */
  static async attach(browser: Browser, page: Page): Promise<WorkerProbe | null> {
    const cdp = await browser.newBrowserCDPSession();
    const origin = new URL(page.url()).origin;
    const { targetInfos } = await cdp.send('Target.getTargets');
    const w = targetInfos.find(
      (t) => t.type === 'worker' && t.url.startsWith(origin) && /duckdb/.test(t.url),
    );
    if (!w) return null;
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: w.targetId, flatten: false });
    return new WorkerProbe(cdp, sessionId);
  }

  private call<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    return new Promise<T>((ok, fail) => {
      this.waiting.set(id, { ok: ok as (v: unknown) => void, fail });
      void this.cdp
        .send('Target.sendMessageToTarget', {
          sessionId: this.sessionId,
          message: JSON.stringify({ id, method, params }),
        })
        .catch(fail);
    });
  }

  /** The worker's JS heap in use, MB. */
  async heapMb(): Promise<number> {
    const heap = await this.call<{ usedSize: number }>('Runtime.getHeapUsage');
    return heap.usedSize / MB;
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}

/**
 * What DuckDB says it holds (`duckdb_memory()`, MB per tag, the non-zero ones, and the total). The bench hook's
 * `timeSql` returns times only, so the figures come back as the message of an `error()` the statement raises.
 */
export async function duckdbMemory(page: Page): Promise<{ totalMb: number; tags: string }> {
  const sql = `SELECT error('MEM:' || (SELECT string_agg(tag || '=' || memory_usage_bytes, ';')
    FROM duckdb_memory() WHERE memory_usage_bytes > 0))`;
  const msg = await page
    .evaluate((s) => window.__pantauBench!.timeSql([s]).then(() => ''), sql)
    .catch((e: unknown) => String(e));
  const body = /MEM:([^\n]*)/.exec(msg)?.[1] ?? '';
  const tags = body
    .split(';')
    .map((kv) => kv.split('='))
    .filter((kv) => kv.length === 2)
    .map(([k, v]) => [k!, Number(v) / MB] as const);
  return {
    totalMb: tags.reduce((s, [, v]) => s + v, 0),
    tags: tags
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(', '),
  };
}
