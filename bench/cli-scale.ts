/**
 * The command line at national size. Not a test. `npm run bench:cli` (1 million RUP packages + 10 million
 * transactions), or `tsx bench/cli-scale.ts --packages 5000000 --transactions 50000000 [--pemda 550]
 * [--memory-limit 4GB] [--threads 2] [--keep]`.
 *
 * Generates, under bench/out/ (git-ignored, never committed), SIRUP RUP-PaketPenyedia and Struktur Anggaran
 * exports of `--pemda` Pemda × 40 agencies (the same 40 agency names in every Pemda) and an SPSE tender export of
 * the transactions (each linked to a package by kd_rup), written by native DuckDB's COPY; then runs
 * `npm run cli -- report` on the folder as a child process under /usr/bin/time, and prints rows per second per
 * file, wall time, peak RSS, the peak size of the engine's work folder (database + spill) and the machine's load
 * average, beside the browser import figure from BENCHMARKS.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { NativeEngine } from '../src/engine/native-engine';
import { PENYEDIA_HEADERS, STRUKTUR_HEADERS } from '../scripts/sample/layouts';

const ROOT = resolve(import.meta.dirname, '..');
const AGENCIES_PER_PEMDA = 40;

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
    // Unique per Pemda (the register that scopes codes by Pemda is not merged yet): the Pemda in a segment.
    kd_satker_str: `(${a}) || '.' || (${p}) || '.0.00.0.00.01.0000'`,
    nama_satker: `'DINAS NOMOR ' || (${a})`,
  };
}

const money = (cents: string) => `printf('%d.%02d', (${cents}) // 100, (${cents}) % 100)`;

function selectList(headers: readonly string[], cols: Record<string, string>): string {
  return headers.map((h) => `${cols[h] ?? 'NULL::VARCHAR'} AS "${h}"`).join(', ');
}

async function generate(dir: string, packages: number, transactions: number, pemda: number): Promise<void> {
  const agencies = pemda * AGENCIES_PER_PEMDA;
  const files = {
    penyedia: join(dir, 'RUP-PaketPenyedia-Terumumkan.csv'),
    struktur: join(dir, 'RUP-StrukturAnggaranPD.csv'),
    tender: join(dir, 'SPSE-TenderSelesaiNilai.csv'),
  };
  if (Object.values(files).every((f) => existsSync(f))) return;
  mkdirSync(dir, { recursive: true });
  const gen = await NativeEngine.create({ memoryLimit: '2GB' });
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
    await gen.exec(`COPY (SELECT ${penyedia} FROM range(${packages}) t(i)) TO '${files.penyedia}' (HEADER)`);
    const struktur = selectList(STRUKTUR_HEADERS, {
      ...agencyCols('i', agencies),
      belanja_pengadaan: money(`(${h(5)} % 5000000000000)::BIGINT + 100000000000`),
    });
    await gen.exec(`COPY (SELECT ${struktur} FROM range(${agencies}) t(i)) TO '${files.struktur}' (HEADER)`);
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
    await gen.exec(`COPY (SELECT ${tender} FROM range(${transactions}) t(j)) TO '${files.tender}' (HEADER)`);
  } finally {
    gen.close();
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

/** Rows read of every loaded file, from the CLI's English progress lines. */
function rowsOf(stderr: string): number {
  return [...stderr.matchAll(/: (\d+) rows read,/g)].reduce((s, x) => s + Number(x[1]), 0);
}

const fmt = (n: number) => n.toLocaleString('en-US');
const gb = (b: number) => `${(b / 1024 ** 3).toFixed(2)} GB`;

/** The same file through the same pipeline on DuckDB-wasm (the browser's build, blocking, in this process). */
async function wasmImport(path: string): Promise<void> {
  const { NodeEngine } = await import('../src/engine/node-engine');
  const { createSchema } = await import('../src/p3dn/schema');
  const { importFile } = await import('../src/p3dn/import');
  const engine = await NodeEngine.create();
  await createSchema(engine);
  const bytes = new Uint8Array(readFileSync(path));
  const load = loadavg()[0]!;
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  const r = await importFile(engine, {
    data: bytes,
    displayName: 'penyedia.csv',
    isSample: false,
    replace: 'none',
  });
  const wall = (Date.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  engine.close();
  console.log(`\nDuckDB-wasm (browser build, in Node), same file, load ${load.toFixed(2)}: ${fmt(r.counts.read)} rows in ${wall.toFixed(1)} s = ${fmt(Math.round(r.counts.read / wall))} rows/s; CPU ${cpuS.toFixed(1)} s = ${fmt(Math.round(r.counts.read / cpuS))} rows per CPU second`); // prettier-ignore
}

async function main() {
  const { values } = parseArgs({
    options: {
      packages: { type: 'string', default: '1000000' },
      transactions: { type: 'string', default: '10000000' },
      pemda: { type: 'string', default: '550' },
      'memory-limit': { type: 'string', default: '4GB' },
      threads: { type: 'string', default: String(cpus().length) },
      keep: { type: 'boolean', default: false },
      /** Also import the RUP penyedia file on the browser's engine (DuckDB-wasm in Node), now, on this load. */
      wasm: { type: 'boolean', default: false },
      'wasm-only': { type: 'boolean', default: false },
    },
  });
  const packages = Number(values.packages);
  const transactions = Number(values.transactions);
  const pemda = Number(values.pemda);
  const dir = join(ROOT, 'bench/out', `cli-scale-${packages}-${transactions}-${pemda}`);
  const input = join(dir, 'input');
  const out = join(dir, 'report');
  const work = join(dir, 'work');
  await generate(input, packages, transactions, pemda);
  const inputBytes = readdirSync(input).reduce((s, f) => s + statSync(join(input, f)).size, 0);
  if (values['wasm-only']) return wasmImport(join(input, 'RUP-PaketPenyedia-Terumumkan.csv'));
  console.log(`input: ${fmt(packages)} packages, ${fmt(transactions)} transactions, ${fmt(pemda)} Pemda, ${gb(inputBytes)}`); // prettier-ignore
  rmSync(work, { recursive: true, force: true });
  const loadBefore = loadavg()[0]!;
  const started = Date.now();
  const args = ['-f', 'BENCH_TIME %M %e %U %S', process.execPath, '--import', 'tsx', 'src/cli/main.ts', 'report', input,
    '--out', out, '--work-dir', work, '--memory-limit', values['memory-limit'], '--threads', values.threads, '--lang', 'en']; // prettier-ignore
  const child = spawn('/usr/bin/time', args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'pipe'] });
  let peakDisk = 0;
  let peakLoad = loadBefore;
  const poll = setInterval(() => {
    peakDisk = Math.max(peakDisk, dirBytes(work));
    peakLoad = Math.max(peakLoad, loadavg()[0]!);
  }, 1000);
  let stderr = '';
  let partial = '';
  child.stderr.on('data', (d: Buffer) => {
    const s = partial + d.toString();
    stderr += d.toString();
    const lines = s.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line && !line.startsWith('BENCH_TIME')) console.log(`  +${((Date.now() - started) / 1000).toFixed(1)} s ${line}`); // prettier-ignore
    }
  });
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? 1)));
  clearInterval(poll);
  const wall = (Date.now() - started) / 1000;
  const m = /BENCH_TIME (\d+) ([\d.]+) ([\d.]+) ([\d.]+)/.exec(stderr);
  const rssKb = m ? Number(m[1]) : NaN;
  const cpu = m ? Number(m[3]) + Number(m[4]) : NaN;
  console.log(`\nCLI exit ${code}, wall ${wall.toFixed(1)} s, peak RSS ${gb(rssKb * 1024)}, peak work folder (database + spill) ${gb(peakDisk)}`); // prettier-ignore
  console.log(
    `CPU time (user + system) ${cpu.toFixed(1)} s: ${fmt(Math.round(rowsOf(stderr) / cpu))} rows per CPU second`,
  );
  console.log(`load average (1 min): ${loadBefore.toFixed(2)} at start, ${peakLoad.toFixed(2)} peak, ${loadavg()[0]!.toFixed(2)} at end, on ${cpus().length} cores`); // prettier-ignore
  console.log('\nfile\trows_read\tseconds\trows_per_s');
  const re = /^\[\d+\/\d+\] (.+)$|^ {2}[^:]+: (\d+) rows read, .* \(([\d.]+) s\)$/;
  let current = '';
  let rows = 0;
  for (const line of stderr.split('\n')) {
    const x = re.exec(line);
    if (x?.[1]) current = x[1].replace(`${input}/`, '');
    else if (x?.[2]) {
      rows += Number(x[2]);
      console.log(
        `${current}\t${fmt(Number(x[2]))}\t${x[3]}\t${fmt(Math.round(Number(x[2]) / Number(x[3])))}`,
      );
    }
  }
  console.log(`all files + figures\t${fmt(rows)}\t${wall.toFixed(1)}\t${fmt(Math.round(rows / wall))}`);
  for (const b of BROWSER)
    console.log(`${b.what}\t${fmt(b.rows)}\t${b.seconds}\t${fmt(Math.round(b.rows / b.seconds))}`);
  if (values.wasm) await wasmImport(join(input, 'RUP-PaketPenyedia-Terumumkan.csv'));
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  process.exitCode = code === 0 ? 0 : 1;
}

await main();
