/**
 * Pantau PDN on the command line: `npm run cli -- report <files or folders…> --out <dir> [options]`.
 * The same core as the app (kinds, rules, import pipeline, metric SQL) on native DuckDB (NativeEngine): several
 * threads, a database on disk that spills when the data outgrows memory. Progress goes to stderr.
 *
 * Exit codes: 0 every file loaded; 1 the report was written but some file was skipped or not loaded (see
 * import-report.csv); 2 no report (bad arguments, a path that cannot be read, an output folder that cannot be
 * written) or no file could be loaded (the import report is still written, to say why).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NativeEngine } from '../engine/native-engine';
import { DENOMINATORS, isBasis, isDenominator, type Basis, type Denominator } from '../p3dn/metrics';
import { InputError, collectInputs } from './inputs';
import { fill, texts, type Lang, type Texts } from './messages';
import { runReport } from './run';
import { writeReport } from './write';

export interface CliArgs {
  paths: string[];
  out: string;
  basis: Basis;
  denominator: Denominator;
  targets: { pdn: number; umk: number };
  acceptGeneric: boolean;
  memoryLimit: string | undefined;
  threads: number | undefined;
  workDir: string | undefined;
  lang: Lang;
  memoryStats: boolean;
}

class UsageError extends Error {}

function percent(v: string | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v.replace(',', '.'));
  if (!/^\d+([.,]\d+)?$/.test(v.trim()) || !(n >= 0 && n <= 100))
    throw new UsageError(`--${name} ${v} (0–100)`);
  return n / 100;
}

export function parseCli(argv: readonly string[]): CliArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      basis: { type: 'string' },
      denominator: { type: 'string' },
      'target-pdn': { type: 'string' },
      'target-umk': { type: 'string' },
      'accept-generic': { type: 'boolean' },
      'memory-limit': { type: 'string' },
      threads: { type: 'string' },
      'work-dir': { type: 'string' },
      'memory-stats': { type: 'boolean' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const lang = values.lang ?? 'id';
  if (lang !== 'id' && lang !== 'en') throw new UsageError(`--lang ${lang}`);
  const [command, ...paths] = positionals;
  if (values.help) throw new UsageError('');
  if (command !== 'report') throw new UsageError(command ? `${command}?` : 'report?');
  if (paths.length === 0) throw new UsageError('<berkas/files>?');
  if (!values.out) throw new UsageError('--out?');
  const basis = values.basis ?? 'komitmen';
  if (!isBasis(basis)) throw new UsageError(`--basis ${basis}`);
  const denominator = values.denominator ?? 'belanja_pengadaan';
  if (!isDenominator(denominator)) throw new UsageError(`--denominator ${denominator}`);
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads > 0))
    throw new UsageError(`--threads ${values.threads}`);
  const mem = values['memory-limit'];
  if (mem !== undefined && !/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(mem))
    throw new UsageError(`--memory-limit ${mem}`);
  return {
    paths,
    out: values.out,
    basis,
    denominator,
    targets: { pdn: percent(values['target-pdn'], 'target-pdn', 0.4), umk: percent(values['target-umk'], 'target-umk', 0.4) }, // prettier-ignore
    acceptGeneric: values['accept-generic'] ?? false,
    memoryLimit: mem,
    threads,
    workDir: values['work-dir'],
    lang,
    memoryStats: values['memory-stats'] ?? false,
  };
}

const gib = (b: number) => `${(b / 1024 ** 3).toFixed(2)} GiB`;

function langOf(argv: readonly string[]): Lang {
  const i = argv.indexOf('--lang');
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  return v === 'en' ? 'en' : 'id';
}

export async function main(argv: readonly string[], log = (l: string) => process.stderr.write(l + '\n')) {
  let args: CliArgs;
  const early: Texts = texts(langOf(argv));
  try {
    args = parseCli(argv);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    if (detail) log(fill(early.cli.badArgs, { detail }));
    log(fill(early.cli.usage, { denominators: DENOMINATORS.join('|') }));
    return 2;
  }
  const t = texts(args.lang);
  let files;
  try {
    files = collectInputs(args.paths);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    log(fill(e.missing ? t.cli.missingPath : t.cli.unreadablePath, { path: e.path, detail: e.message }));
    return 2;
  }
  if (files.length === 0) {
    log(t.cli.noFiles);
    return 2;
  }
  try {
    mkdirSync(args.out, { recursive: true });
  } catch (e) {
    log(fill(t.cli.outError, { dir: args.out, detail: e instanceof Error ? e.message : String(e) }));
    return 2;
  }
  const base = args.workDir ?? undefined;
  if (base) mkdirSync(base, { recursive: true });
  const engineDir = base ? mkdtempSync(join(base, 'pantau-pdn-')) : undefined;
  const engine = await NativeEngine.create({
    ...(engineDir ? { dir: engineDir } : {}),
    ...(args.memoryLimit ? { memoryLimit: args.memoryLimit } : {}),
    ...(args.threads ? { threads: args.threads } : {}),
  });
  const watch = args.memoryStats ? await engine.watchMemory() : null;
  try {
    const work = join(engine.dir, 'work');
    mkdirSync(work, { recursive: true });
    const opts = { ...args, workDir: work, texts: t, log };
    const result = await runReport(engine, files, opts);
    writeReport(args.out, result, opts, t);
    const notLoaded = result.files.filter((f) => f.status !== 'loaded').length;
    log(t.cli.pemdaSource);
    log(
      fill(t.cli.written, {
        dir: args.out,
        agencies: result.agencies.length,
        pemda: result.pemda.length,
        files: result.files.length,
        rejects: result.rejects.length,
      }),
    );
    if (watch) {
      const [limit] = await engine.query("SELECT current_setting('memory_limit') AS l");
      const p = watch.peak();
      log(fill(t.cli.memoryStats, { memory: gib(p.memoryBytes), spill: gib(p.spillBytes), limit: String(limit?.['l']), samples: p.samples })); // prettier-ignore
    }
    if (notLoaded === result.files.length) {
      log(t.cli.nothingLoaded);
      return 2;
    }
    if (notLoaded > 0) log(fill(t.cli.notAllLoaded, { count: notLoaded }));
    return notLoaded > 0 ? 1 : 0;
  } finally {
    engine.close();
    if (engineDir) rmSync(engineDir, { recursive: true, force: true });
  }
}

// Run when executed (`tsx src/cli/main.ts …`), not when imported by a test.
if (process.argv[1] && /[\\/]cli[\\/]main\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      const t = texts(langOf(process.argv));
      process.stderr.write(fill(t.cli.failed, { detail: e instanceof Error ? e.message : String(e) }) + '\n');
      if (process.env['DEBUG']) process.stderr.write(`${e instanceof Error ? e.stack : ''}\n`);
      process.exit(2);
    },
  );
}
