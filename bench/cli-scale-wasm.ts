/**
 * The browser side of `bench/cli-scale.ts`: one file through the app's import pipeline on DuckDB-wasm (the
 * browser's build, blocking, in Node), in a child process under /usr/bin/time so that its peak RSS is its own.
 * Run as a script (`tsx bench/cli-scale-wasm.ts <file.csv>`) it imports the file and prints one `BENCH_WASM` line;
 * `wasmImport` runs that child and reads it.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

export interface WasmRun {
  rows: number;
  wall: number;
  cpu: number;
  rss: number;
  /** DuckDB's own memory (`duckdb_memory()`) right after the import. */
  duckMemory: number;
}

type Timed = (
  args: string[],
  onLine: (line: string) => void,
) => Promise<{ code: number; stderr: string; rss: number; cpu: number }>;

export async function wasmImport(path: string, root: string, timed: Timed): Promise<WasmRun> {
  const load = loadavg()[0]!;
  const r = await timed(
    [process.execPath, '--import', 'tsx', `${root}/bench/cli-scale-wasm.ts`, path],
    (line) => console.log(`  wasm: ${line}`),
  );
  const m = /BENCH_WASM (\d+) ([\d.]+) (\d+)/.exec(r.stderr);
  if (r.code !== 0 || !m) throw new Error(`The DuckDB-wasm import failed (exit ${r.code}):\n${r.stderr}`);
  const run = { rows: Number(m[1]), wall: Number(m[2]), cpu: r.cpu, rss: r.rss, duckMemory: Number(m[3]) };
  console.log(`  DuckDB-wasm, load ${load.toFixed(2)}: ${run.rows.toLocaleString('en-US')} rows in ${run.wall.toFixed(1)} s, CPU ${run.cpu.toFixed(1)} s`); // prettier-ignore
  return run;
}

async function child(path: string): Promise<void> {
  const { NodeEngine } = await import('../src/engine/node-engine');
  const { createSchema } = await import('../src/p3dn/schema');
  const { importFile } = await import('../src/p3dn/import');
  const engine = await NodeEngine.create();
  await createSchema(engine);
  const t0 = Date.now();
  const r = await importFile(engine, {
    data: new Uint8Array(readFileSync(path)),
    displayName: 'penyedia.csv',
    isSample: false,
    replace: 'none',
  });
  const wall = (Date.now() - t0) / 1000;
  const [mem] = await engine.query(
    'SELECT CAST(sum(memory_usage_bytes) AS BIGINT) AS m FROM duckdb_memory()',
  );
  engine.close();
  process.stderr.write(`BENCH_WASM ${r.counts.read} ${wall} ${Number(mem?.['m'] ?? 0)}\n`);
}

if (process.argv[1] && /cli-scale-wasm\.ts$/.test(process.argv[1])) await child(process.argv[2]!);
