/**
 * CPU time of the browser a bench started, thread by thread (Linux /proc), so that two builds can be compared by
 * the work they make the machine do, which other sessions' load on a shared machine changes far less than it
 * changes the wall clock (run time from /proc/<pid>/task/<tid>/schedstat, in ns). `cpuSnapshot` before and after a step; `cpuDelta` gives the seconds each process kind
 * (browser, renderer, GPU, utility) and each thread of the busiest renderer spent in between.
 */
import { readFileSync, readdirSync } from 'node:fs';

export type Snapshot = Map<string, { kind: string; comm: string; ns: number }>;

/** Nanoseconds the thread has run on a CPU (the first field of /proc/<pid>/task/<tid>/schedstat). */
export function threadNs(pid: number | string, tid: number | string): number {
  return threadSched(pid, tid)[0];
}

/** The thread's [ns on a CPU, ns runnable but waiting for a CPU] (/proc/<pid>/task/<tid>/schedstat). */
export function threadSched(pid: number | string, tid: number | string): [number, number] {
  const f = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ');
  return [Number(f[0]), Number(f[1])];
}

function descends(pid: number, root: number): boolean {
  for (let p = pid, i = 0; p > 1 && i < 20; i++) {
    if (p === root) return true;
    try {
      const s = readFileSync(`/proc/${p}/stat`, 'utf8');
      p = Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return false;
    }
  }
  return false;
}

/** Every thread of the browser `root` (default: any Chromium this process started) and of its child processes, with its CPU ticks so far. */
export function cpuSnapshot(root: number | undefined): Snapshot {
  const out: Snapshot = new Map();
  // playwright-core may not give the browser's pid: then every Chromium process this bench started.
  const from = root ?? process.pid;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d) || !descends(Number(d), from)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      if (!cmd.includes('chromium')) continue;
      const kind = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? 'browser';
      // The process's own account includes its threads that ended meanwhile (a terminated worker's).
      const st = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
      out.set(`${d}/*`, { kind, comm: '*', ns: ((Number(f[11]) + Number(f[12])) * 1e9) / 100 });
      for (const t of readdirSync(`/proc/${d}/task`)) {
        const comm = readFileSync(`/proc/${d}/task/${t}/comm`, 'utf8').trim();
        out.set(`${d}/${t}`, { kind, comm, ns: threadNs(d, t) });
      }
    } catch {
      // the process or thread ended meanwhile
    }
  }
  return out;
}

export interface CpuDelta {
  /** Seconds of CPU of every process of the browser. */
  total: number;
  /** Seconds by process kind (browser, renderer, gpu-process, utility, zygote). */
  byKind: Record<string, number>;
  /** The busiest renderer's threads by name (seconds), its busiest thread first (the DuckDB worker). */
  renderer: [string, number][];
  /** The busiest thread's seconds, and its key (`pid/tid`). */
  top: number;
  topKey: string;
}

export function cpuDelta(a: Snapshot, b: Snapshot): CpuDelta {
  const byKind: Record<string, number> = {};
  const perPid = new Map<string, number>();
  const threads: { pid: string; tid: string; comm: string; s: number }[] = [];
  let total = 0;
  const live = new Map<string, number>();
  for (const [k, v] of b) {
    const s = (v.ns - (a.get(k)?.ns ?? 0)) / 1e9;
    if (s <= 0) continue;
    const [pid, tid] = k.split('/') as [string, string];
    if (tid === '*') {
      // Processes by their own account (10 ms ticks), threads that ended included.
      total += s;
      byKind[v.kind] = (byKind[v.kind] ?? 0) + s;
      if (v.kind === 'renderer') perPid.set(pid, (perPid.get(pid) ?? 0) + s);
      continue;
    }
    live.set(pid, (live.get(pid) ?? 0) + s);
    threads.push({ pid, tid, comm: v.comm, s });
  }
  const busiest = [...perPid].sort((x, y) => y[1] - x[1])[0]?.[0];
  const mine = threads.filter((t) => t.pid === busiest).sort((x, y) => y.s - x.s);
  const topKey = mine[0] ? `${mine[0].pid}/${mine[0].tid}` : '';
  const top = mine[0]?.s ?? 0;
  const grouped = new Map<string, number>();
  mine.forEach((t, i) => {
    const name = i === 0 ? `${t.comm} (busiest)` : t.comm;
    grouped.set(name, (grouped.get(name) ?? 0) + t.s);
  });
  if (busiest) {
    const ended = (perPid.get(busiest) ?? 0) - (live.get(busiest) ?? 0);
    if (ended > 0.05) grouped.set('threads that ended (e.g. the SHA-256 worker)', ended);
  }
  return { total, byKind, renderer: [...grouped].sort((x, y) => y[1] - x[1]), top, topKey };
}

/** One line: total, by kind, the busiest renderer's threads. */
export function cpuLine(d: CpuDelta): string {
  const kinds = Object.entries(d.byKind)
    .sort((x, y) => y[1] - x[1])
    .map(([k, s]) => `${k} ${s.toFixed(2)}`)
    .join(', ');
  const th = d.renderer
    .filter(([, s]) => s >= 0.05)
    .map(([n, s]) => `${n} ${s.toFixed(2)}`)
    .join(', ');
  return `CPU ${d.total.toFixed(2)} s (${kinds}); renderer threads: ${th}`;
}
