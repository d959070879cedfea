/**
 * One report run on any Engine: every input file through the core's `importFile` (detection as in the app; a
 * file only readable as a generic sheet is skipped with its reason unless accepted), then the figures. The command
 * line runs it on the native engine; the tests run it on the wasm engine too and compare.
 */
import { num, str } from '../engine/cells';
import type { Engine } from '../engine/types';
import { FILE_PEMDA_SQL, UNKNOWN_PEMDA, type PemdaPath } from '../p3dn/agency';
import { GENERIC_KIND } from '../p3dn/kinds';
import {
  ImportError,
  detectKind,
  finishBatch,
  importFile,
  rejectedRows,
  sniffCsvHead,
  type ImportCounts,
  type ImportStage,
} from '../p3dn/import';
import { createSchema } from '../p3dn/schema';
import { reportFigures, type AgencyFigures, type PemdaFigures, type ReportOptions } from './figures';
import { hashAndCount, prepareFile, type InputFile, type Prepared } from './inputs';
import { failureText, fill, kindText, pemdaText, type Texts } from './messages';

export interface RunOptions extends ReportOptions {
  acceptGeneric: boolean;
  /** Where transcoded copies go. */
  workDir: string;
  texts: Texts;
  /** Progress lines (stderr in the CLI). */
  log: (line: string) => void;
  /** Match the agencies after every file, as the app does (the tests compare), instead of once after the last. */
  matchEachFile?: boolean;
}

interface FileOutcome {
  name: string;
  status: 'loaded' | 'skipped' | 'failed';
  /** Why not loaded: an ImportError code, `generik`, `ekstensi`. */
  code: string | null;
  reason: string;
  kind: string | null;
  confidence: number | null;
  format: string | null;
  /** `,` `;` `|` or `tab`. */
  delimiter: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  counts: ImportCounts | null;
  mode: string | null;
  replaced: number;
  fileId: number | null;
  /** The Pemda the file's loaded rows belong to, by how that is known (the register's FILE_PEMDA_SQL). */
  pemda: FilePemda[];
  /** Why the rows that name no Pemda belong where they do (in the report's language). */
  pemdaNotes: string[];
}

interface FilePemda {
  pemdaKey: string;
  /** As the report names it (pemdaText). */
  label: string;
  path: PemdaPath;
  rows: number;
  agencies: number;
}

interface RejectOut {
  file: string;
  line: number;
  column: string;
  value: string;
  reason: string;
  detail: string;
}

export interface RunResult {
  files: FileOutcome[];
  agencies: AgencyFigures[];
  pemda: PemdaFigures[];
  rejects: RejectOut[];
}

/** Rejected rows written per file (the import report always has the full counts). */
const MAX_REJECTS_PER_FILE = 1_000_000;

const blank = (name: string): FileOutcome => ({
  name,
  status: 'failed',
  code: null,
  reason: '',
  kind: null,
  confidence: null,
  format: null,
  delimiter: null,
  sizeBytes: null,
  sha256: null,
  counts: null,
  mode: null,
  replaced: 0,
  fileId: null,
  pemda: [],
  pemdaNotes: [],
});

async function sha256Of(path: string, prepared: Prepared | null): Promise<string | null> {
  const given = prepared ? await prepared.checksum?.catch(() => null) : null;
  return (
    given ??
    (await hashAndCount(path)
      .then((h) => h.sha256)
      .catch(() => null))
  );
}

async function loadOne(engine: Engine, f: InputFile, o: RunOptions): Promise<FileOutcome> {
  const t = o.texts;
  const out = blank(f.name);
  if (f.skip) {
    o.log(fill(t.cli.notLoaded, { reason: t.cli.extSkipped }));
    return {
      ...out,
      status: 'skipped',
      code: f.skip,
      reason: t.cli.extSkipped,
      sha256: await sha256Of(f.path, null),
    };
  }
  let prepared: Prepared | null = null;
  const started = Date.now();
  try {
    prepared = await prepareFile(f, o.workDir);
    out.format = prepared.format;
    out.sizeBytes = prepared.fileBytes;
    const head = sniffCsvHead(prepared.head);
    const detected = 'error' in head ? null : detectKind(head.headers);
    if (detected?.kind === GENERIC_KIND && !o.acceptGeneric) {
      const reason = fill(t.cli.genericSkipped, { confidence: detected.confidence });
      o.log(fill(t.cli.notLoaded, { reason }));
      return {
        ...out,
        status: 'skipped',
        code: 'generik',
        reason,
        kind: GENERIC_KIND,
        confidence: detected.confidence,
        sha256: await sha256Of(f.path, prepared),
      };
    }
    let lastBytes = 0;
    let stage: ImportStage = 'membaca';
    const { data, head: fileHead, sizeBytes, lines, checksum, format, readBack } = prepared;
    const imported = await importFile(engine, {
      data,
      head: fileHead,
      ...(readBack ? { readBack } : {}),
      ...(sizeBytes !== undefined ? { sizeBytes } : {}),
      ...(lines !== undefined ? { lines } : {}),
      ...(checksum ? { checksum } : {}),
      displayName: f.name,
      isSample: false,
      replace: 'none',
      // The register (and the cubes) rebuilt once, after the last file (`finishBatch`), unless asked per file.
      refresh: o.matchEachFile === true,
      ...(detected?.kind === GENERIC_KIND ? { kind: GENERIC_KIND } : {}),
      ...(format ? { format } : {}),
      onProgress: (s) => {
        stage = s;
        o.log(`  ${t.app.importer.stage[s]}`);
      },
      onBytes: (b) => {
        const size = prepared?.sizeBytes ?? 0;
        if (size > 0 && b - lastBytes >= size / 10) {
          lastBytes = b;
          o.log(fill(t.cli.bytes, { stage: t.app.importer.stage[stage], pct: Math.round((b / size) * 100) }));
        }
      },
    });
    const c = imported.counts;
    o.log(
      fill(t.cli.loaded, {
        kind: kindText(t, imported.kind),
        read: c.read,
        loaded: c.loaded,
        excluded: c.excluded,
        rejected: c.rejected,
        seconds: ((Date.now() - started) / 1000).toFixed(1),
      }),
    );
    return {
      ...out,
      status: 'loaded',
      kind: imported.kind,
      confidence: imported.confidence,
      format: imported.encoding,
      delimiter: imported.delimiter === '\t' ? 'tab' : imported.delimiter,
      sha256: await sha256Of(f.path, prepared),
      counts: c,
      mode: imported.mode,
      replaced: imported.replaced.length,
      fileId: imported.fileId,
    };
  } catch (e) {
    const err =
      e instanceof ImportError
        ? e
        : new ImportError('gagal_baca', e instanceof Error ? e.message : String(e));
    const reason = failureText(t, err.code, err.detail ?? '');
    o.log(fill(t.cli.notLoaded, { reason }));
    return { ...out, status: 'failed', code: err.code, reason, sha256: await sha256Of(f.path, prepared) };
  }
}

/** Load every file (in order), then compute the figures and gather the rejected rows. */
export async function runReport(
  engine: Engine,
  files: readonly InputFile[],
  o: RunOptions,
): Promise<RunResult> {
  await createSchema(engine);
  const outcomes: FileOutcome[] = [];
  for (const [i, f] of files.entries()) {
    o.log(fill(o.texts.cli.fileStart, { i: i + 1, n: files.length, file: f.name }));
    outcomes.push(await loadOne(engine, f, o));
  }
  if (!o.matchEachFile) {
    // The agencies of every loaded file matched once (register, then the cubes), not after each file.
    const started = Date.now();
    o.log(o.texts.cli.matching);
    await finishBatch(engine);
    o.log(fill(o.texts.cli.matched, { seconds: ((Date.now() - started) / 1000).toFixed(1) }));
  }
  o.log(fill(o.texts.cli.computing, { basis: o.basis, denominator: o.denominator }));
  const { agencies, pemda } = await reportFigures(engine, o);
  await explainPemda(engine, outcomes, o);
  const live = new Set(
    (await engine.query('SELECT file_id FROM source_file')).map((r) => Number(r['file_id'])),
  );
  const rejects: RejectOut[] = [];
  for (const f of outcomes) {
    if (f.fileId === null || !live.has(f.fileId) || !f.counts?.rejected) continue;
    for (const r of await rejectedRows(engine, f.fileId, MAX_REJECTS_PER_FILE)) {
      rejects.push({
        file: f.name,
        line: r.line,
        column: r.column,
        value: r.value,
        reason: r.reason,
        detail: r.detail,
      });
    }
  }
  return { files: outcomes, agencies, pemda, rejects };
}

/** The register's Pemda of each loaded file's rows; a file whose rows name no Pemda is explained on stderr. */
async function explainPemda(engine: Engine, outcomes: FileOutcome[], o: RunOptions): Promise<void> {
  const rows = await engine.query(FILE_PEMDA_SQL);
  const named = rows.some((r) => r['pemda_key'] !== UNKNOWN_PEMDA);
  for (const f of outcomes) {
    if (f.fileId === null) continue;
    f.pemda = rows
      .filter((r) => Number(r['file_id']) === f.fileId)
      .map((r) => ({
        pemdaKey: String(r['pemda_key']),
        label: pemdaText(o.texts, String(r['pemda_key']), str(r['pemda'])),
        path: String(r['pemda_path']) as PemdaPath,
        rows: num(r['n_rows']),
        agencies: num(r['agencies']),
      }));
    f.pemdaNotes = pemdaNotes(f.pemda, o.texts, named);
    for (const note of f.pemdaNotes) o.log(fill(o.texts.cli.pemdaNote, { file: f.name, note }));
  }
}

/** Why rows that name no Pemda belong where they do, one sentence per Pemda and path (none for kd_klpd/nama_klpd). */
function pemdaNotes(entries: readonly FilePemda[], t: Texts, anyNamed: boolean): string[] {
  return entries
    .filter((e) => e.path !== 'kd_klpd' && e.path !== 'nama_klpd')
    .map((e) => {
      const key = e.path === 'tanpa_pemda' && !anyNamed ? 'pemda_tanpa_pemda_none' : `pemda_${e.path}`;
      return fill(t.cli[key as keyof Texts['cli']], { rows: e.rows, pemda: e.label });
    });
}
