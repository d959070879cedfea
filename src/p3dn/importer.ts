import { EngineCancelled, type Engine } from '../engine/types';
import {
  GENERIC_KIND,
  KINDS,
  composedColumns,
  detectKind,
  mapColumns,
  missingColumns,
  normalizeHeader,
  requiredName,
  type ColumnSpec,
  type KindId,
  type KindSpec,
  type MappingOverride,
} from './kinds';
import { canonicalViewSql, schemaSql, sqlType, type LoadedFile } from './schema';
import { sniffCsvHead, type CsvHead } from './sniff';
import { ident, literal } from './sql';

/** Why a file could not be imported at all. The UI turns the code into a sentence in the user's language. */
export type ImportErrorCode =
  | 'kosong'
  | 'biner'
  | 'tanpa_header'
  | 'jenis_tidak_dikenal'
  | 'kolom_wajib_kosong'
  | 'tanpa_baris'
  | 'excel_belum_didukung'
  | 'excel_tidak_terbaca'
  | 'terlalu_besar'
  | 'dibatalkan'
  | 'gagal_baca';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

export interface ImportCounts {
  /** Data records in the file (header excluded). */
  read: number;
  loaded: number;
  excluded: number;
  rejected: number;
  excludedByRule: Record<string, number>;
  rejectedByReason: Record<string, number>;
}

/** How the import related to data already loaded. */
export type ImportMode = 'replace' | 'add' | 'same_file';

export interface ImportResult {
  fileId: number;
  name: string;
  kind: KindId;
  confidence: number;
  variant: string | null;
  encoding: string;
  delimiter: string;
  counts: ImportCounts;
  /** File ids this import replaced. */
  replaced: number[];
  mode: ImportMode;
  /** Canonical column -> source header actually used. */
  mapping: Record<string, string>;
  /** Things worth telling the user about the file (ignored columns, an index column…), as codes. */
  notes: string[];
}

export type ImportStage = 'membaca' | 'memeriksa' | 'menghitung' | 'menyimpan';

export interface ImportRequest {
  /** Name the file is registered under in the engine (already registered). */
  engineFileName: string;
  /** Name shown to the user. */
  displayName: string;
  sizeBytes: number;
  /** The first HEAD_BYTES of the file. */
  head: Uint8Array;
  isSample: boolean;
  /** Which loaded files this one replaces: every file, files of the same kind, or none (added). */
  replace: 'all' | 'same_kind' | 'none';
  /** Force a kind instead of detecting it. */
  kind?: KindId;
  /** The user's corrections to the automatic column mapping. */
  mapping?: MappingOverride;
  /** Called when a stage starts. */
  onProgress?: (stage: ImportStage) => void;
  /**
   * Bytes of the file the CSV reader has consumed so far, while the one statement that scans the file runs
   * (DuckDB's progress estimate for that statement × the file size; browser engine only).
   */
  onBytes?: (bytesRead: number) => void;
  /**
   * Cancels the import: the running statement is interrupted (browser engine; the Node engine only between
   * statements), temp tables are dropped, and the loaded data stays exactly as it was. The final swap into the
   * canonical tables is one transaction that is not interrupted once it has started.
   */
  signal?: AbortSignal;
  /** Shown as the file's format in the report (e.g. `xlsx` for a converted sheet). */
  format?: string;
  /**
   * The number of lines in the file as the engine reads it (`countLines`), counted by the caller while the import
   * runs. When it equals header + records + rejected lines, no record spans several lines and the search for line
   * breaks inside quoted cells (a second pass over the file) is skipped. Without it, that search always runs.
   */
  lines?: Promise<number | null>;
}

export async function createSchema(engine: Engine): Promise<void> {
  await engine.exec(schemaSql());
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

/**
 * The staged source column(s) feeding a canonical column: one column, or the segments of a composed column
 * (`ColumnSpec.parts`, e.g. SIMDA's Kd_Rek_1..Kd_Rek_5) in order, with each segment's zero-padding.
 */
export type ColumnSource = string | { readonly columns: readonly string[]; readonly pads: readonly number[] };

/** The SQL expression that turns one source text column into its canonical typed value. */
export function columnExpr(col: ColumnSpec, src: ColumnSource | null): string {
  const expr = typedExpr(col, src);
  return col.fallback === undefined ? expr : `coalesce(${expr}, ${literal(col.fallback)})`;
}

/** Segments joined with `.`, each zero-padded to its part's width: the text a composed column is typed from. */
function composedText(src: Exclude<ColumnSource, string>): string {
  const segs = src.columns.map((c, i) => `p3dn_segment(${ident(c)}, ${Math.trunc(src.pads[i] ?? 1)})`);
  return `p3dn_segments([${segs.join(', ')}])`;
}

function typedExpr(col: ColumnSpec, src: ColumnSource | null): string {
  if (src === null) {
    return `CAST(NULL AS ${sqlType(col.type)})`;
  }
  const s = typeof src === 'string' ? ident(src) : composedText(src);
  switch (col.type) {
    case 'text':
      return `p3dn_text(${s})`;
    case 'code':
      return `p3dn_code(${s})`;
    case 'satker_str':
      return `p3dn_satker_str(${s})`;
    case 'multi':
      return `p3dn_multi(${s})`;
    case 'money':
      return `p3dn_money(${s})`;
    case 'bool':
      return `p3dn_bool(${s})`;
    case 'int':
      // A plain number casts directly; only other text goes through p3dn_code (float damage, blank words).
      return `coalesce(TRY_CAST(${s} AS INTEGER), TRY_CAST(p3dn_code(${s}) AS INTEGER))`;
    case 'date':
      return `p3dn_date(${s})`;
    case 'rekening':
      return `p3dn_rekening(${s})`;
    case 'mak_rekening':
      return `p3dn_mak_rekening(${s})`;
    case 'flag_pdn':
      return flagExpr(
        s,
        ['PDN', 'YA', 'Y', 'TRUE', '1'],
        ['NON-PDN', 'NON PDN', 'NONPDN', 'TIDAK', 'FALSE', '0'],
      );
    case 'flag_ukm':
      return flagExpr(
        s,
        ['UKM', 'YA', 'Y', 'TRUE', '1', 'USAHAKECIL', 'USAHA KECIL'],
        ['NON-UKM', 'NON UKM', 'NONUKM', 'TIDAK', 'FALSE', '0', 'BUKANUSAHAKECIL'],
      );
  }
}

/**
 * The spellings a word is usually written in: as given (upper case), lower case, capitalised, and with only its
 * first part capitalised (`Non-PDN`, the spelling SIRUP exports use).
 */
function spellings(words: readonly string[]): string {
  const all = words.flatMap((w) => [
    w,
    w.toLowerCase(),
    w.charAt(0) + w.slice(1).toLowerCase(),
    w.replace(/^(\w)(\w*)(?=[- ])/, (_, a: string, b: string) => a + b.toLowerCase()),
  ]);
  return `[${[...new Set(all)].map(literal).join(', ')}]`;
}

/**
 * A PDN/UKM status cell -> true/false/NULL, case and surrounding spaces ignored. The usual spellings are matched
 * as they are first; only other cells pay for upper(trim()) (DuckDB-wasm string functions are slow per call).
 */
function flagExpr(s: string, yes: readonly string[], no: readonly string[]): string {
  const list = (w: readonly string[]) => `[${w.map(literal).join(', ')}]`;
  return `CASE WHEN list_contains(${spellings(yes)}, ${s}) THEN true
        WHEN list_contains(${spellings(no)}, ${s}) THEN false
        WHEN list_contains(${list(yes)}, upper(trim(${s}))) THEN true
        WHEN list_contains(${list(no)}, upper(trim(${s}))) THEN false END`;
}

/** Types that keep the source text beside the typed value, so a bad value can be rejected and shown. */
const KEEPS_RAW = new Set(['money', 'date']);

/** Canonical column -> staged source column(s), from the header row (and the user's corrections). */
export function resolveMapping(
  spec: KindSpec,
  rawColumns: readonly string[],
  fileHeaders: readonly string[] = rawColumns,
  override: MappingOverride = {},
): Map<string, ColumnSource> {
  const headers = fileHeaders.length === rawColumns.length ? fileHeaders : rawColumns;
  const out = new Map<string, ColumnSource>();
  for (const [name, i] of mapColumns(spec, headers, override)) {
    const src = rawColumns[i];
    if (src !== undefined) out.set(name, src);
  }
  for (const [name, c] of composedColumns(spec, headers, override)) {
    const columns = c.index.map((i) => rawColumns[i]);
    if (columns.every((x) => x !== undefined)) out.set(name, { columns: columns as string[], pads: c.pads });
  }
  return out;
}

/**
 * Build the statement that classifies every record of a staged raw table: typed canonical columns, the line the
 * record starts on, the first rejection reason (if any), then the first exclusion rule (if any). Repeated keys
 * are marked afterwards by `dedupSql`.
 */
export function classifySql(
  spec: KindSpec,
  rawTable: string,
  rawColumns: readonly string[],
  out: string,
  mapping: ReadonlyMap<string, ColumnSource> = resolveMapping(spec, rawColumns),
): string {
  const sel = spec.columns.map((c) => {
    const src = mapping.get(c.name) ?? null;
    const raw = KEEPS_RAW.has(c.type)
      ? `, ${typeof src !== 'string' ? 'CAST(NULL AS VARCHAR)' : ident(src)} AS ${ident(`raw_${c.name}`)}`
      : '';
    return `${columnExpr(c, src)} AS ${ident(c.name)}${raw}`;
  });
  const rejectCase = (what: (r: { code: string; column?: string }) => string) =>
    spec.rejections.length === 0
      ? 'CAST(NULL AS VARCHAR)'
      : `CASE ${spec.rejections.map((r) => `WHEN ${r.sql} THEN ${what(r)}`).join(' ')} END`;
  const rejectValue =
    spec.rejections.length === 0
      ? 'CAST(NULL AS VARCHAR)'
      : `CASE ${spec.rejections
          .map((r) => {
            const c = r.column ? spec.columns.find((x) => x.name === r.column) : undefined;
            const v = c
              ? KEEPS_RAW.has(c.type)
                ? ident(`raw_${c.name}`)
                : `CAST(${ident(c.name)} AS VARCHAR)`
              : 'NULL';
            return `WHEN ${r.sql} THEN ${v}`;
          })
          .join(' ')} END`;
  const exclCase =
    spec.exclusions.length === 0
      ? 'CAST(NULL AS VARCHAR)'
      : `CASE ${spec.exclusions.map((r) => `WHEN ${r.sql} THEN ${literal(r.code)}`).join(' ')} END`;
  const raws = spec.columns.filter((c) => KEEPS_RAW.has(c.type)).map((c) => `, ${ident(`raw_${c.name}`)}`);
  // A table of the main schema, not a temp one: once loaded it holds the file's rows (see `canonicalViewSql`).
  return `CREATE OR REPLACE TABLE ${ident(out)} AS
    WITH typed AS (
      SELECT ordinality AS rec, ${sel.join(',\n        ')} FROM ${ident(rawTable)}
    ), keyed AS (
      SELECT *, ${spec.agencyKey} AS agency_key, rec + 1 AS line FROM typed
    ), excluded AS (
      -- A named rule first: a row the rules leave out anyway (a failed tender without a contract value, a
      -- deleted package) is excluded by that rule, not rejected for the value it never needed.
      SELECT *, ${exclCase} AS excl0 FROM keyed
    ), rejected AS (
      SELECT *,
        CASE WHEN excl0 IS NULL THEN ${rejectCase((r) => literal(r.code))} END AS reject_code,
        CASE WHEN excl0 IS NULL THEN ${rejectCase((r) => literal(r.column ?? ''))} END AS reject_column,
        CASE WHEN excl0 IS NULL THEN ${rejectValue} END AS reject_value
      FROM excluded
    )
    SELECT * EXCLUDE (excl0${raws.join('')}), excl0 AS exclusion FROM rejected`;
}

/**
 * Mark repeated keys among the rows still counted: all but the kept one get the kind's dedup rule. A hash
 * aggregate over the keys, then an update of the repeated ones only (no sort of the whole file).
 */
export function dedupSql(spec: KindSpec, cls: string): string | null {
  const d = spec.dedup;
  if (!d) return null;
  const t = ident(cls);
  const k = ident(d.key);
  return `UPDATE ${t} SET exclusion = ${literal(d.code)}
    FROM (SELECT ${k} AS dk, ${d.keep ?? 'min(rec)'} AS keep FROM ${t}
      WHERE reject_code IS NULL AND exclusion IS NULL AND ${k} IS NOT NULL GROUP BY 1 HAVING count(*) > 1) d
    WHERE ${t}.${k} = d.dk AND ${t}.rec <> d.keep AND ${t}.reject_code IS NULL AND ${t}.exclusion IS NULL`;
}

let importSeq = 0;

/** A short fingerprint of a file (name, size, first bytes): the same export imported twice is recognised. */
export function fingerprint(name: string, size: number, head: Uint8Array): string {
  let h = 0x811c9dc5;
  const n = Math.min(head.length, 65536);
  for (let i = 0; i < n; i++) {
    h ^= head[i]!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${name}|${size}|${h.toString(16)}`;
}

/** Notes about the header row: deliberately ignored columns, a leading unnamed index column. */
function headerNotes(spec: KindSpec, headers: readonly string[]): string[] {
  const norm = headers.map(normalizeHeader);
  const notes: string[] = [];
  for (const ig of spec.ignored ?? []) if (norm.includes(ig.header)) notes.push(ig.note);
  const first = norm[0] ?? '';
  if (first === '' || /^unnamed_?0$/.test(first) || first === 'index') notes.push('kolom_indeks');
  return notes;
}

/**
 * Import one CSV export into the canonical tables. Every record ends up loaded, excluded by a named rule, or
 * rejected with its line and reason; `read = loaded + excluded + rejected` is checked before anything is kept.
 * Nothing already loaded changes unless the whole import succeeds (one transaction at the end).
 */
export async function importCsv(engine: Engine, req: ImportRequest): Promise<ImportResult> {
  if (/\.xls$/i.test(req.displayName)) throw new ImportError('excel_belum_didukung');
  const head = sniffCsvHead(req.head);
  if ('error' in head) throw new ImportError(head.error);
  const detected = detectKind(head.headers);
  // A generic reading is only a proposal: it is loaded when the user (the caller) chose it.
  const kind = req.kind ?? (detected.kind === GENERIC_KIND ? null : detected.kind);
  if (!kind) throw new ImportError('jenis_tidak_dikenal', head.headers.slice(0, 12).join(', '));
  const confidence = req.kind
    ? (detected.ranking.find((r) => r.kind === req.kind)?.confidence ?? 0)
    : detected.confidence;
  const spec = KINDS[kind];
  const missing = missingColumns(spec, head.headers, req.mapping);
  if (missing.length) {
    throw new ImportError('kolom_wajib_kosong', missing.map(requiredName).join('; '));
  }
  const seq = ++importSeq;
  const raw = `imp_raw_${seq}`;
  const rej = `imp_rej_${seq}`;
  const scan = `imp_scan_${seq}`;
  // The file's own table once loaded; a random part so that it can never meet a table left by an earlier run.
  const cls = `p3dn_file_${seq}_${Math.random().toString(36).slice(2, 8)}`;
  let loaded = false;
  const step = (stage: ImportStage) => {
    if (req.signal?.aborted) throw new ImportError('dibatalkan');
    req.onProgress?.(stage);
  };
  const cleanup = async () => {
    for (const v of [`${raw}_1252`, raw]) await engine.exec(`DROP VIEW IF EXISTS ${ident(v)}`);
    for (const t of loaded ? [rej, scan] : [rej, scan, cls])
      await engine.exec(`DROP TABLE IF EXISTS ${ident(t)}`);
  };
  try {
    step('membaca');
    await readRaw(engine, req.engineFileName, head, raw, rej, scan);
    step('memeriksa');
    const rawColumns = (await engine.query(`SELECT column_name FROM (DESCRIBE ${ident(raw)})`))
      .map((r) => String(r['column_name']))
      .filter((c) => c !== 'ordinality');
    // Only when the caller did not transcode: DuckDB's latin-1 reader, then 0x80-0x9F as Windows-1252.
    let source = raw;
    if (head.encoding === 'latin-1') {
      source = `${raw}_1252`;
      await engine.exec(
        `CREATE OR REPLACE TEMP VIEW ${ident(source)} AS SELECT * REPLACE (${rawColumns
          .map((c) => `p3dn_cp1252(${ident(c)}) AS ${ident(c)}`)
          .join(', ')}) FROM ${ident(raw)}`,
      );
    }
    const mapping = resolveMapping(spec, rawColumns, head.headers, req.mapping);
    const sig = req.signal ? { signal: req.signal } : {};
    const onBytes = req.onBytes;
    await engine.exec(classifySql(spec, source, rawColumns, cls, mapping), {
      ...sig,
      ...(onBytes ? { onProgress: (f: number) => onBytes(Math.round(f * req.sizeBytes)) } : {}),
    });
    const dedup = dedupSql(spec, cls);
    if (dedup) await engine.exec(dedup, sig);
    step('menghitung');
    const counts = await countImport(engine, cls, rej);
    // Lines last: the counts do not depend on them, and `counts.read` tells whether any record spans lines.
    await shiftForQuotedBreaks(
      engine,
      { cls, source, rawColumns, records: counts.read, lines: req.lines },
      sig,
    );
    await shiftForRejectedLines(engine, cls, rej, sig);
    if (counts.read === 0) throw new ImportError('tanpa_baris');
    if (counts.loaded + counts.excluded + counts.rejected !== counts.read) {
      throw new Error(`Row accounting failed: ${JSON.stringify(counts)}`);
    }
    step('menyimpan');
    const fileId = num(
      (await engine.query('SELECT coalesce(max(file_id), 0) + 1 AS id FROM source_file'))[0]?.['id'],
    );
    const fp = fingerprint(req.displayName, req.sizeBytes, req.head);
    const sameFile = (await engine.query('SELECT file_id FROM source_file WHERE fingerprint = ?', [fp])).map(
      (r) => num(r['file_id']),
    );
    const byMode = (
      await engine.query(
        req.replace === 'all'
          ? 'SELECT file_id FROM source_file'
          : req.replace === 'same_kind'
            ? 'SELECT file_id FROM source_file WHERE kind = ?'
            : 'SELECT file_id FROM source_file WHERE false',
        req.replace === 'same_kind' ? [spec.id] : [],
      )
    ).map((r) => num(r['file_id']));
    const replaced = [...new Set([...byMode, ...sameFile])].sort((a, b) => a - b);
    const mode: ImportMode =
      sameFile.length > 0 && byMode.every((id) => sameFile.includes(id))
        ? 'same_file'
        : replaced.length > 0
          ? 'replace'
          : 'add';
    // Last chance to cancel: once the swap transaction starts it runs to its end (or rolls back whole).
    if (req.signal?.aborted) throw new ImportError('dibatalkan');
    const files: LoadedFile[] = (
      await engine.query('SELECT file_id, kind, data_table FROM source_file ORDER BY file_id')
    ).map((r) => ({
      fileId: num(r['file_id']),
      kind: r['kind'] as KindId,
      dataTable: String(r['data_table']),
    }));
    const swap: Swap = { fileId, replaced, files, counts, fp, mode, format: req.format ?? head.encoding };
    try {
      await engine.exec(swapSql(spec, cls, rej, req, head, swap));
      loaded = true;
    } catch (e) {
      await engine.exec('ROLLBACK').catch(() => undefined);
      throw e;
    }
    return {
      fileId,
      name: req.displayName,
      kind: spec.id,
      confidence,
      variant: req.kind && req.kind !== detected.kind ? null : detected.variant,
      encoding: req.format ?? head.encoding,
      delimiter: head.delimiter,
      counts,
      replaced,
      mode,
      mapping: Object.fromEntries(
        [...mapping].map(([k, src]) => [
          k,
          (typeof src === 'string' ? [src] : src.columns)
            .map((c) => head.headers[rawColumns.indexOf(c)] ?? c)
            .join(' + '),
        ]),
      ),
      notes: headerNotes(spec, head.headers),
    };
  } catch (e) {
    if (e instanceof ImportError) throw e;
    if (e instanceof EngineCancelled || req.signal?.aborted) throw new ImportError('dibatalkan');
    const msg = e instanceof Error ? e.message : String(e);
    if (/out of memory|memory access out of bounds|could not allocate|Allocation/i.test(msg)) {
      throw new ImportError('terlalu_besar', msg);
    }
    throw new ImportError('gagal_baca', msg);
  } finally {
    await cleanup().catch(() => undefined);
  }
}

async function readRaw(engine: Engine, file: string, head: CsvHead, raw: string, rej: string, scan: string) {
  // A view, not a table: the file is scanned once, by the classifying statement, and never held twice in memory.
  await engine.exec(`CREATE OR REPLACE TEMP VIEW ${ident(raw)} AS
    SELECT * FROM read_csv(${literal(file)}, header = true, all_varchar = true, delim = ${literal(head.delimiter)},
      quote = '"', escape = '"', encoding = ${literal(head.encoding)}, store_rejects = true, null_padding = false,
      rejects_table = ${literal(rej)}, rejects_scan = ${literal(scan)}) WITH ORDINALITY`);
}

/**
 * Records with line breaks inside quoted cells span several lines: every later record starts that much further
 * down. When the caller counted the file's lines and they match one line per record, there is nothing to do.
 * Otherwise the file is read again for the records that hold line breaks (tested column by column: a concat of
 * every cell per row costs more), and each record moves down by the breaks of the records before it (an ASOF
 * join on the running sum, so only the records with breaks are kept aside).
 */
async function shiftForQuotedBreaks(
  engine: Engine,
  t: {
    cls: string;
    source: string;
    rawColumns: readonly string[];
    /** Records read, the CSV reader's rejected lines included. */
    records: number;
    lines: Promise<number | null> | undefined;
  },
  sig: { signal?: AbortSignal },
) {
  const cls = ident(t.cls);
  const lines = t.lines ? await t.lines : null;
  if (lines !== null && 1 + t.records === lines) return;
  if (t.rawColumns.length === 0) return;
  const cell = (c: string) => `coalesce(${ident(c)}, '')`;
  const anyBreak = t.rawColumns.map((c) => `contains(${cell(c)}, chr(10))`).join(' OR ');
  const breaks = t.rawColumns
    .map((c) => `(length(${cell(c)}) - length(replace(${cell(c)}, chr(10), '')))`)
    .join(' + ');
  const brk = ident(`${t.cls}_brk`);
  try {
    await engine.exec(
      `CREATE OR REPLACE TEMP TABLE ${brk} AS
        SELECT ordinality AS rec, ${breaks} AS extra FROM ${ident(t.source)} WHERE ${anyBreak}`,
      sig,
    );
    const [r] = await engine.query(`SELECT count(*) AS n FROM ${brk}`);
    if (num(r?.['n']) === 0) return;
    await engine.exec(
      `UPDATE ${cls} SET line = ${cls}.line + s.shift FROM (
        SELECT c.rec, b.cum AS shift FROM ${cls} c
        ASOF JOIN (SELECT rec, sum(extra) OVER (ORDER BY rec) AS cum FROM ${brk}) b ON c.rec > b.rec
      ) s WHERE ${cls}.rec = s.rec`,
      sig,
    );
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${brk}`);
  }
}

/**
 * Records the CSV reader rejected (wrong column count…) are not in the staged table, so every later record moves
 * down one line per rejected line before it.
 */
async function shiftForRejectedLines(
  engine: Engine,
  cls: string,
  rej: string,
  sig: { signal?: AbortSignal },
) {
  const [r] = await engine.query(`SELECT count(*) AS n FROM ${ident(rej)}`);
  if (num(r?.['n']) === 0) return;
  await engine.exec(
    `UPDATE ${ident(cls)} SET line = line + coalesce((
      SELECT count(*) FROM (
        SELECT line - row_number() OVER (ORDER BY line) AS t FROM (SELECT DISTINCT line FROM ${ident(rej)})
      ) r WHERE r.t < ${ident(cls)}.line), 0)`,
    sig,
  );
}

async function countImport(engine: Engine, cls: string, rej: string): Promise<ImportCounts> {
  const t = ident(cls);
  const [tot] = await engine.query(`SELECT count(*) AS n,
      count(*) FILTER (WHERE reject_code IS NULL AND exclusion IS NULL) AS loaded,
      count(*) FILTER (WHERE reject_code IS NULL AND exclusion IS NOT NULL) AS excluded,
      count(*) FILTER (WHERE reject_code IS NOT NULL) AS rejected,
      (SELECT count(DISTINCT line) FROM ${ident(rej)}) AS structural
    FROM ${t}`);
  const excl = await engine.query(
    `SELECT exclusion AS k, count(*) AS n FROM ${t} WHERE reject_code IS NULL AND exclusion IS NOT NULL GROUP BY 1`,
  );
  const rejs = await engine.query(`SELECT k, count(*) AS n FROM (
      SELECT reject_code AS k FROM ${t} WHERE reject_code IS NOT NULL
      UNION ALL SELECT 'struktur_baris' FROM (SELECT DISTINCT line FROM ${ident(rej)})) GROUP BY 1`);
  const structural = num(tot?.['structural']);
  return {
    read: num(tot?.['n']) + structural,
    loaded: num(tot?.['loaded']),
    excluded: num(tot?.['excluded']),
    rejected: num(tot?.['rejected']) + structural,
    excludedByRule: Object.fromEntries(excl.map((r) => [String(r['k']), num(r['n'])])),
    rejectedByReason: Object.fromEntries(rejs.map((r) => [String(r['k']), num(r['n'])])),
  };
}

interface Swap {
  fileId: number;
  /** Loaded files this import replaces. */
  replaced: number[];
  /** Every loaded file before the import. */
  files: LoadedFile[];
  counts: ImportCounts;
  fp: string;
  mode: ImportMode;
  format: string;
}

/**
 * One transaction: the replaced files go (their tables are dropped), the new file's rejected rows move to
 * `import_reject`, its table becomes part of the canonical view of its kind, and `source_file` records it. The
 * classified rows are not copied: the file's table is what the view reads.
 */
function swapSql(
  spec: KindSpec,
  cls: string,
  rej: string,
  req: ImportRequest,
  head: CsvHead,
  w: Swap,
): string {
  const { fileId, counts: c } = w;
  const ids = w.replaced.length ? w.replaced.join(', ') : 'NULL';
  const gone = w.files.filter((f) => w.replaced.includes(f.fileId));
  const after = [
    ...w.files.filter((f) => !w.replaced.includes(f.fileId)),
    { fileId, kind: spec.id, dataTable: cls },
  ];
  const views = new Set([spec.table, ...gone.map((f) => KINDS[f.kind].table)]);
  const excl = Object.entries(c.excludedByRule)
    .map(([k, n]) => `(${fileId}, ${literal(k)}, ${n})`)
    .join(', ');
  return [
    'BEGIN TRANSACTION;',
    ...['import_reject', 'import_exclusion', 'source_file'].map(
      (t) => `DELETE FROM ${ident(t)} WHERE file_id IN (${ids});`,
    ),
    ...gone.map((f) => `DROP TABLE IF EXISTS ${ident(f.dataTable)};`),
    `INSERT INTO import_reject SELECT ${fileId}, line, reject_column, reject_value, reject_code, NULL
      FROM ${ident(cls)} WHERE reject_code IS NOT NULL;`,
    `INSERT INTO import_reject SELECT ${fileId}, line, any_value(column_name), any_value(csv_line), 'struktur_baris',
      any_value(error_type) FROM ${ident(rej)} GROUP BY line;`,
    `DELETE FROM ${ident(cls)} WHERE reject_code IS NOT NULL;`,
    excl ? `INSERT INTO import_exclusion VALUES ${excl};` : '',
    `INSERT INTO source_file VALUES (${fileId}, ${literal(req.displayName)}, ${literal(spec.id)}, ${req.sizeBytes},
      ${literal(w.format)}, ${literal(head.delimiter)}, ${req.isSample}, ${c.read}, ${c.loaded}, ${c.excluded},
      ${c.rejected}, ${literal(w.fp)}, ${literal(w.mode)}, ${literal(cls)});`,
    ...[...views].map((t) => canonicalViewSql(t, after)),
    'COMMIT;',
  ].join('\n');
}

/** The rejected rows of a loaded file, for the report and its CSV download. */
export async function rejectedRows(engine: Engine, fileId: number, limit = 100_000) {
  const rows = await engine.query(
    `SELECT line, column_name, value, reason, detail FROM import_reject WHERE file_id = ? ORDER BY line LIMIT ?`,
    [fileId, limit],
  );
  return rows.map((r) => ({
    line: num(r['line']),
    column: r['column_name'] === null ? '' : String(r['column_name']),
    value: r['value'] === null ? '' : String(r['value']),
    reason: String(r['reason']),
    detail: r['detail'] === null ? '' : String(r['detail']),
  }));
}
