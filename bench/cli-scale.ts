/**
 * The command line at national size. Not a test. `npm run bench:cli` (1 million RUP packages + 10 million
 * transactions), or
 *   tsx bench/cli-scale.ts --packages 5000000 --transactions 50000000 [--pemda 550] [--memory-limit 8GB]
 *     [--threads N] [--repeat 3] [--wasm] [--dir /tmp] [--keep] [--plan]
 *
 * Generates, in a fresh temp folder under `--dir` (default the OS temp dir; never in the repository, removed after
 * the run, also on Ctrl-C, unless `--keep`), SIRUP RUP-PaketPenyedia and Struktur Anggaran exports of `--pemda`
 * Pemda × 40 agencies (the same 40 agency names and Permendagri codes in every Pemda) and an SPSE tender export of
 * the transactions (each linked to a package by kd_rup), streamed to disk by native DuckDB's COPY. Then runs
 * `npm run cli -- report` on the folder as a child process under /usr/bin/time, `--repeat` times, and prints per
 * run and as medians: rows per second (per file, whole command, per CPU second), peak RSS, DuckDB's own peak
 * memory and spill (`--memory-stats`), the peak size of the engine's work folder (database + spill) and the load
 * average; beside the browser's import (BENCHMARKS.md's tab figures, and with `--wasm` the RUP penyedia file
 * imported now by the same pipeline on DuckDB-wasm, the browser's build, in a child process).
 *
 * Before generating, the disk space the run needs is estimated and checked; `--plan` prints that check and exits.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, statfsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { NativeEngine } from '../src/engine/native-engine';
import { PENYEDIA_HEADERS, STRUKTUR_HEADERS } from '../scripts/sample/layouts';
import { wasmImport } from './cli-scale-wasm';

const ROOT = resolve(import.meta.dirname, '..');
const AGENCIES_PER_PEMDA = 40;
/**
 * CSV bytes per generated row, measured on these generators at 50k + 500k (215.2, 141.5, 88.2), plus the two
 * digits more that package and transaction numbers have at national size.
 */
const BYTES = { package: 218, transaction: 145, agency: 90 };
/** Free disk needed per input byte: the input, the engine's database (≈ 0.3 ×) and spill headroom. */
const DISK_FACTOR = 2;

/** The browser's import, from BENCHMARKS.md ("Import throughput", 2026-11-22, load ≈ 3–8). */
const BROWSER = [
  { what: 'browser tab: RUP penyedia 1025 MB', rows: 4_100_000, seconds: 31.85 },
  { what: 'browser tab: RUP penyedia 1801 MB (largest that loads)', rows: 7_205_000, seconds: 60.45 },
];

const TENDER_HEADERS = [
  'tahun_anggaran', 'kd_klpd', 'nama_klpd', 'kd_satker', 'kd_satker_str', 'nama_satker', 'kd_tender',
  'kd_rup_paket', 'nama_paket', 'pagu', 'hps', 'nilai_kontrak', 'nilai_pdn_kontrak', 'nilai_umk_kontrak',
  'nama_penyedia', 'tgl_penetapan_pemenang',
]; // prettier-ignore

/** SQL for the agency of row `i` (an integer expression): Pemda p, agency a. */
function agencyCols(i: string, agencies: number): Record<string, string> {
  const g = `(${i}) % ${agencies}`;
  const p = `(${g}) // ${AGENCIES_PER_PEMDA}`;
  const a = `(${g}) % ${AGENCIES_PER_PEMDA}`;
  return {
    tahun_anggaran: `'2025'`,
    kd_klpd: `'D' || (${p})`,
    nama_klpd: `'Pemda Uji ' || (${p})`,
    kd_satker: `(100000 + ${g})::VARCHAR`,
    // The same Permendagri code in every Pemda, as in real data (the register scopes codes by Pemda).
    kd_satker_str: `'1.' || lpad((${a})::VARCHAR, 2, '0') || '.0.00.0.00.01.0000'`,
    nama_satker: `'DINAS NOMOR ' || (${a})`,
  };
}

const money = (cents: string) => `printf('%d.%02d', (${cents}) // 100, (${cents}) % 100)`;

function selectList(headers: readonly string[], cols: Record<string, string>): string {
  return headers.map((h) => `${cols[h] ?? 'NULL::VARCHAR'} AS "${h}"`).join(', ');
}

const FILES = {
  penyedia: 'RUP-PaketPenyedia-Terumumkan.csv',
  struktur: 'RUP-StrukturAnggaranPD.csv',
  tender: 'SPSE-TenderSelesaiNilai.csv',
};

async function generate(dir: string, packages: number, transactions: number, pemda: number): Promise<void> {
  const agencies = pemda * AGENCIES_PER_PEMDA;
  const f = (k: keyof typeof FILES) => join(dir, FILES[k]).replaceAll("'", "''");
  mkdirSync(dir, { recursive: true });
  const gen = await NativeEngine.create({ memoryLimit: '2GB', dir: join(dir, '..', 'gen') });
  const t0 = Date.now();
  try {
    const h = (salt: number) => `hash(i + ${salt * 1_000_003})`;
    const penyedia = selectList(PENYEDIA_HEADERS, {
      ...agencyCols('i', agencies),
      kd_rup: `(10000000 + i)::VARCHAR`,
      nama_paket: `'Paket ' || i`,
      pagu: money(`(${h(1)} % 50000000000)::BIGINT`),
      kd_metode_pengadaan: `'8'`,
      metode_pengadaan: `'Pengadaan Langsung'`,
      kd_jenis_pengadaan: `'1'`,
      jenis_pengadaan: `'Barang'`,
      status_pdn: `CASE WHEN ${h(2)} % 100 < 60 THEN 'PDN' ELSE 'Non-PDN' END`,
      status_ukm: `CASE WHEN ${h(3)} % 100 < 30 THEN 'UKM' ELSE 'Non-UKM' END`,
      status_aktif_rup: `'true'`,
      status_delete_rup: `CASE WHEN ${h(4)} % 100 < 3 THEN 'true' ELSE 'false' END`,
      status_umumkan_rup: `'Terumumkan'`,
      tgl_buat_paket: `'2025-01-04 22:31:51'`,
    });
    await gen.exec(`COPY (SELECT ${penyedia} FROM range(${packages}) t(i)) TO '${f('penyedia')}' (HEADER)`);
    const struktur = selectList(STRUKTUR_HEADERS, {
      ...agencyCols('i', agencies),
      belanja_pengadaan: money(`(${h(5)} % 5000000000000)::BIGINT + 100000000000`),
    });
    await gen.exec(`COPY (SELECT ${struktur} FROM range(${agencies}) t(i)) TO '${f('struktur')}' (HEADER)`);
    // Transaction j belongs to package j % packages (its agency and kd_rup).
    const pk = `(j % ${packages})`;
    const tender = selectList(TENDER_HEADERS, {
      ...agencyCols(pk, agencies),
      kd_tender: `(50000000 + j)::VARCHAR`,
      kd_rup_paket: `(10000000 + ${pk})::VARCHAR`,
      nama_paket: `'Paket ' || ${pk}`,
      nilai_kontrak: money(`(hash(j) % 5000000000)::BIGINT`),
      nilai_pdn_kontrak: `CASE WHEN hash(j + 7) % 2 = 0 THEN ${money(`(hash(j) % 5000000000)::BIGINT // 2`)} END`,
      nilai_umk_kontrak: `CASE WHEN hash(j + 9) % 3 = 0 THEN ${money(`(hash(j) % 5000000000)::BIGINT // 3`)} END`,
      nama_penyedia: `'CV Maju'`,
      tgl_penetapan_pemenang: `'2025-03-01'`,
    });
    await gen.exec(`COPY (SELECT ${tender} FROM range(${transactions}) t(j)) TO '${f('tender')}' (HEADER)`);
  } finally {
    gen.close();
    rmSync(join(dir, '..', 'gen'), { recursive: true, force: true });
  }
  console.log(`generated in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function dirBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    try {
      n += statSync(join(e.parentPath, e.name)).size;
    } catch {
      // removed meanwhile
    }
  }
  return n;
}

const fmt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—');
const gb = (b: number) => (Number.isFinite(b) ? `${(b / 1024 ** 3).toFixed(2)} GiB` : '—');
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** A child process under /usr/bin/time: its stderr, exit code, peak RSS and CPU seconds. */
function timed(args: string[], onLine: (line: string) => void) {
  const child = spawn('/usr/bin/time', ['-f', 'BENCH_TIME %M %e %U %S', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  let partial = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line && !line.startsWith('BENCH_TIME')) onLine(line);
  });
  return new Promise<{ code: number; stderr: string; rss: number; cpu: number }>((done) =>
    child.on('close', (c) => {
      const m = /BENCH_TIME (\d+) ([\d.]+) ([\d.]+) ([\d.]+)/.exec(stderr);
      done({
        code: c ?? 1,
        stderr,
        rss: m ? Number(m[1]) * 1024 : NaN,
        cpu: m ? Number(m[3]) + Number(m[4]) : NaN,
      });
    }),
  );
}

interface Run {
  code: number;
  wall: number;
  cpu: number;
  rows: number;
  rss: number;
  duckMemory: number;
  duckSpill: number;
  disk: number;
  load: [number, number, number];
  files: { file: string; rows: number; seconds: number }[];
  /** Seconds of the one agency match after the last file (register + cubes), and of the figures + CSVs. */
  match: number;
  figures: number;
}

async function runCli(input: string, tmp: string, o: { memoryLimit: string; threads: string }): Promise<Run> {
  const out = join(tmp, 'report');
  const work = join(tmp, 'work');
  rmSync(work, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  const loadStart = loadavg()[0]!;
  let disk = 0;
  let loadPeak = loadStart;
  const poll = setInterval(() => {
    disk = Math.max(disk, dirBytes(work));
    loadPeak = Math.max(loadPeak, loadavg()[0]!);
  }, 1000);
  const started = Date.now();
  let figuresFrom = NaN;
  let figures = NaN;
  const r = await timed(
    [process.execPath, '--import', 'tsx', 'src/cli/main.ts', 'report', input, '--out', out, '--work-dir', work,
      '--memory-limit', o.memoryLimit, '--threads', o.threads, '--lang', 'en', '--memory-stats'], // prettier-ignore
    (line) => {
      const t = (Date.now() - started) / 1000;
      if (line.startsWith('Computing the figures')) figuresFrom = t;
      if (line.startsWith('Written to ')) figures = t - figuresFrom;
      console.log(`  +${t.toFixed(1)} s ${line}`);
    },
  );
  clearInterval(poll);
  const wall = (Date.now() - started) / 1000;
  const files: Run['files'] = [];
  let current = '';
  for (const line of r.stderr.split('\n')) {
    const x = /^\[\d+\/\d+\] (.+)$|^ {2}[^:]+: (\d+) rows read, .* \(([\d.]+) s\)$/.exec(line);
    if (x?.[1]) current = x[1].replace(`${input}/`, '');
    else if (x?.[2]) files.push({ file: current, rows: Number(x[2]), seconds: Number(x[3]) });
  }
  const match = Number(/^ {2}done \(([\d.]+) s\)$/m.exec(r.stderr)?.[1] ?? NaN);
  const mem = /DuckDB memory: peak ([\d.]+) GiB in memory, ([\d.]+) GiB in temporary storage/.exec(r.stderr);
  rmSync(work, { recursive: true, force: true });
  return {
    code: r.code,
    wall,
    cpu: r.cpu,
    rows: files.reduce((s, f) => s + f.rows, 0),
    rss: r.rss,
    duckMemory: mem ? Number(mem[1]) * 1024 ** 3 : NaN,
    duckSpill: mem ? Number(mem[2]) * 1024 ** 3 : NaN,
    disk,
    load: [loadStart, loadPeak, loadavg()[0]!],
    files,
    match,
    figures,
  };
}

function printRuns(runs: readonly Run[]): void {
  console.log('\nCLI (native DuckDB), whole command: import of every file + figures + CSVs');
  console.log('run\texit\twall_s\tcpu_s\trows\trows_per_s\trows_per_cpu_s\tpeak_rss\tduckdb_peak_memory\tduckdb_peak_spill\tpeak_work_folder\tload_start/peak/end'); // prettier-ignore
  type Line = Omit<Run, 'files' | 'load' | 'code' | 'match' | 'figures'> & { code: string; load: string };
  const line = (name: string, r: Line) =>
    console.log([name, r.code, r.wall.toFixed(1), r.cpu.toFixed(1), fmt(r.rows), fmt(r.rows / r.wall), fmt(r.rows / r.cpu),
      gb(r.rss), gb(r.duckMemory), gb(r.duckSpill), gb(r.disk), r.load].join('\t')); // prettier-ignore
  runs.forEach((r, i) =>
    line(String(i + 1), { ...r, code: String(r.code), load: r.load.map((l) => l.toFixed(2)).join(' / ') }),
  );
  if (runs.length > 1) {
    const m = (f: (r: Run) => number) => median(runs.map(f));
    line('median', {
      code: '',
      wall: m((r) => r.wall),
      cpu: m((r) => r.cpu),
      rows: m((r) => r.rows),
      rss: m((r) => r.rss),
      duckMemory: m((r) => r.duckMemory),
      duckSpill: m((r) => r.duckSpill),
      disk: m((r) => r.disk),
      load: '',
    });
  }
  console.log('\nfile\trows_read\tseconds (per run; median)\trows_per_s (median)');
  for (const [i, f] of runs[0]!.files.entries()) {
    const secs = runs.map((r) => r.files[i]?.seconds ?? NaN);
    const med = median(secs);
    console.log(`${f.file}\t${fmt(f.rows)}\t${secs.join(', ')}; ${med.toFixed(1)}\t${fmt(f.rows / med)}`);
  }
  for (const [what, f] of [
    ['agency match, once (register + cubes)', (r: Run) => r.match],
    ['figures + CSVs (after the match)', (r: Run) => r.figures],
  ] as const) {
    const secs = runs.map(f);
    console.log(`${what}\t\t${secs.map((x) => x.toFixed(1)).join(', ')}; ${median(secs).toFixed(1)}\t`);
  }
}

function plan(dir: string, packages: number, transactions: number, pemda: number): boolean {
  const input = packages * BYTES.package + transactions * BYTES.transaction + pemda * AGENCIES_PER_PEMDA * BYTES.agency; // prettier-ignore
  const need = input * DISK_FACTOR;
  const s = statfsSync(dir);
  const free = s.bavail * s.bsize;
  const fits = need <= free;
  console.log(`disk: ${fmt(packages)} packages + ${fmt(transactions)} transactions ≈ ${gb(input)} of CSV; the run needs ≈ ${DISK_FACTOR} × = ${gb(need)} free on ${dir}, which has ${gb(free)}: ${fits ? 'fits' : 'does NOT fit'}`); // prettier-ignore
  if (!fits) {
    const k = free / need;
    console.log(`largest run that fits at this ratio: about ${fmt(packages * k)} packages + ${fmt(transactions * k)} transactions`); // prettier-ignore
  }
  return fits;
}

async function main() {
  const { values } = parseArgs({
    options: {
      packages: { type: 'string', default: '1000000' },
      transactions: { type: 'string', default: '10000000' },
      pemda: { type: 'string', default: '550' },
      'memory-limit': { type: 'string', default: '4GB' },
      threads: { type: 'string', default: String(cpus().length) },
      repeat: { type: 'string', default: '1' },
      dir: { type: 'string', default: tmpdir() },
      keep: { type: 'boolean', default: false },
      /** Also import the RUP penyedia file on the browser's engine (DuckDB-wasm, child process), each repeat. */
      wasm: { type: 'boolean', default: false },
      plan: { type: 'boolean', default: false },
    },
  });
  const packages = Number(values.packages);
  const transactions = Number(values.transactions);
  const pemda = Number(values.pemda);
  const repeat = Number(values.repeat);
  for (const [k, v] of Object.entries({ packages, transactions, pemda, repeat }))
    if (!(Number.isInteger(v) && v > 0)) throw new Error(`--${k} must be a positive integer`);
  const fits = plan(values.dir, packages, transactions, pemda);
  if (values.plan) return;
  if (!fits)
    throw new Error('Not enough free disk space for this size (see above); pass a smaller size or --dir.');
  const tmp = mkdtempSync(join(resolve(values.dir), 'pantau-pdn-bench-'));
  const cleanup = () => {
    if (!values.keep) rmSync(tmp, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.once(sig, () => {
      cleanup();
      process.exit(130);
    });
  try {
    const input = join(tmp, 'input');
    console.log(`temp folder: ${tmp}${values.keep ? ' (kept)' : ' (removed at the end)'}`);
    await generate(input, packages, transactions, pemda);
    const rowsOf = { penyedia: packages, struktur: pemda * AGENCIES_PER_PEMDA, tender: transactions };
    const sizes = (Object.keys(FILES) as (keyof typeof FILES)[]).map((k) => {
      const b = statSync(join(input, FILES[k])).size;
      return [FILES[k], b, b / rowsOf[k]] as const;
    });
    const inputBytes = sizes.reduce((s, [, b]) => s + b, 0);
    console.log(sizes.map(([f, b, r]) => `${f}: ${gb(b)} (${r.toFixed(1)} bytes per row)`).join(', '));
    console.log(`input: ${fmt(packages)} packages, ${fmt(transactions)} transactions, ${fmt(pemda)} Pemda × ${AGENCIES_PER_PEMDA} agencies, ${gb(inputBytes)} (${fmt(inputBytes / (packages + transactions))} bytes per row); machine: ${cpus().length} cores, --threads ${values.threads}, --memory-limit ${values['memory-limit']}`); // prettier-ignore
    const runs: Run[] = [];
    const wasm: Awaited<ReturnType<typeof wasmImport>>[] = [];
    for (let i = 0; i < repeat; i++) {
      console.log(`\nrun ${i + 1}/${repeat}`);
      runs.push(await runCli(input, tmp, { memoryLimit: values['memory-limit'], threads: values.threads }));
      if (values.wasm) wasm.push(await wasmImport(join(input, FILES.penyedia), ROOT, timed));
    }
    printRuns(runs);
    console.log('\nbeside the browser\trows\tseconds\trows_per_s\tpeak_rss\tduckdb_memory_after');
    for (const b of BROWSER)
      console.log(`${b.what}\t${fmt(b.rows)}\t${b.seconds}\t${fmt(b.rows / b.seconds)}\t(not measured)\t`);
    if (wasm.length > 0) {
      const row = (name: string, w: (typeof wasm)[number]) =>
        console.log(`${name}\t${fmt(w.rows)}\t${w.wall.toFixed(1)}\t${fmt(w.rows / w.wall)}\t${gb(w.rss)}\t${gb(w.duckMemory)}`); // prettier-ignore
      wasm.forEach((w, i) => row(`DuckDB-wasm (browser build, in Node), ${FILES.penyedia}, run ${i + 1}`, w));
      if (wasm.length > 1) {
        const m = (f: (w: (typeof wasm)[number]) => number) => median(wasm.map(f));
        row('DuckDB-wasm median', { rows: m((w) => w.rows), wall: m((w) => w.wall), rss: m((w) => w.rss), duckMemory: m((w) => w.duckMemory), cpu: m((w) => w.cpu) }); // prettier-ignore
      }
    }
    process.exitCode = runs.every((r) => r.code === 0) ? 0 : 1;
  } finally {
    cleanup();
  }
}

await main();
