import { appendFileSync } from 'node:fs';

/**
 * A figure of `npm run bench`'s goal table (bench/all.ts): each bench that measures one records it here; when run
 * alone (no `BENCH_RESULTS` file given) a bench records nothing and prints only its own report.
 */
export interface Figure {
  /** What was measured, e.g. `view change p95, 1M + 1M rows`. */
  what: string;
  /** Median over the runs, and the runs' min and max. */
  median: number;
  min: number;
  max: number;
  unit: 'ms' | 's' | '×' | 'MB' | 'count';
  runs: number;
  /** The goal, when there is one: the figure must not exceed it. */
  goal?: number;
}

export function record(f: Figure): void {
  const file = process.env['BENCH_RESULTS'];
  if (file) appendFileSync(file, `${JSON.stringify(f)}\n`);
}

/** Median, min and max of `xs` (runs), for `record`. */
export function spread(xs: readonly number[]): Pick<Figure, 'median' | 'min' | 'max' | 'runs'> {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return { median: mid, min: s[0]!, max: s.at(-1)!, runs: s.length };
}

/** Run a bench's `main`: an error is printed and fails the process (a bench is a script, not a test). */
export function runBench(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
