import type { Engine } from '../lib/engine/types';
import { KINDS, detectKind, mapColumns, type ColumnSpec, type KindId, type KindSpec } from './kinds';
import { schemaSql, sqlType, tableColumns } from './schema';
import { sniffCsvHead, type CsvHead } from './sniff';
import { ident, literal } from './sql';

/** Why a file could not be imported at all. The UI turns the code into a sentence in the user's language. */
export type ImportErrorCode =
  | 'kosong'
  | 'biner'
  | 'tanpa_header'
  | 'jenis_tidak_dikenal'
  | 'tanpa_baris'
  | 'excel_belum_didukung'
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

export interface ImportResult {
  fileId: number;
  name: string;
  kind: KindId;
  confidence: number;
  encoding: string;
  delimiter: string;
  counts: ImportCounts;
  /** File ids this import replaced. */
  replaced: number[];
}

export interface ImportRequest {
  /** Name the file is registered under in the engine (already registered). */
  engineFileName: string;
  /** Name shown to the user. */
  displayName: string;
  sizeBytes: number;
  /** The first HEAD_BYTES of the file. */
  head: Uint8Array;
  isSample: boolean;
  /** Which loaded files this one replaces: every file, files of the same kind, or none. */
  replace: 'all' | 'same_kind' | 'none';
  /** Force a kind instead of detecting it. */
  kind?: KindId;
}

export async function createSchema(engine: Engine): Promise<void> {
  await engine.exec(schemaSql());
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

/** The SQL expression that turns one source text column into its canonical typed value. */
export function columnExpr(col: ColumnSpec, src: string | null): string {
  if (src === null) {
    return `CAST(NULL AS ${sqlType(col.type)})`;
  }
  const s = ident(src);
  switch (col.type) {
    case 'text':
      return `p3dn_text(${s})`;
    case 'code':
      return `p3dn_code(${s})`;
    case 'satker_str':
      return `p3dn_satker_str(${s})`;
    case 'money':
      return `p3dn_money(${s})`;
    case 'bool':
      return `p3dn_bool(${s})`;
    case 'int':
      return `TRY_CAST(p3dn_code(${s}) AS INTEGER)`;
    case 'flag_pdn':
      return `CASE WHEN upper(trim(${s})) IN ('PDN', 'YA', 'Y', 'TRUE', '1') THEN true
        WHEN upper(trim(${s})) IN ('NON-PDN', 'NON PDN', 'TIDAK', 'FALSE', '0') THEN false END`;
    case 'flag_ukm':
      return `CASE WHEN upper(trim(${s})) IN ('UKM', 'YA', 'Y', 'TRUE', '1', 'USAHAKECIL') THEN true
        WHEN upper(trim(${s})) IN ('NON-UKM', 'NON UKM', 'TIDAK', 'FALSE', '0', 'BUKANUSAHAKECIL') THEN false END`;
  }
}

/** Identity of an agency inside the SIRUP family: its SIRUP id, else its code string, else its name. */
export const AGENCY_KEY_SQL = `coalesce('kd:' || kd_satker, 'str:' || kd_satker_str, 'nama:' || upper(nama_satker))`;

/**
 * Build the statements that classify every record of a staged raw table: typed canonical columns, the first
 * rejection reason (if any), then the first exclusion rule (if any), then dedup.
 */
export function classifySql(
  spec: KindSpec,
  rawTable: string,
  rawColumns: readonly string[],
  out: string,
): string {
  const map = mapColumns(spec, rawColumns);
  const sel = spec.columns.map((c) => {
    const i = map.get(c.name);
    const src = i === undefined ? null : (rawColumns[i] ?? null);
    const raw =
      c.type === 'money'
        ? `, ${src === null ? 'CAST(NULL AS VARCHAR)' : ident(src)} AS ${ident(`raw_${c.name}`)}`
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
              ? c.type === 'money'
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
  const dedup = spec.dedupKey
    ? `CASE WHEN reject_code IS NULL AND excl0 IS NULL AND row_number() OVER (
          PARTITION BY ${ident(spec.dedupKey)}, (reject_code IS NULL AND excl0 IS NULL) ORDER BY rec) > 1
        THEN 'duplikat' END`
    : 'CAST(NULL AS VARCHAR)';
  return `CREATE OR REPLACE TEMP TABLE ${ident(out)} AS
    WITH typed AS (
      SELECT ordinality AS rec, ${sel.join(',\n        ')} FROM ${ident(rawTable)}
    ), keyed AS (
      SELECT *, ${AGENCY_KEY_SQL} AS agency_key FROM typed
    ), rejected AS (
      SELECT *, ${rejectCase((r) => literal(r.code))} AS reject_code,
        ${rejectCase((r) => literal(r.column ?? ''))} AS reject_column,
        ${rejectValue} AS reject_value
      FROM keyed
    ), excluded AS (
      SELECT *, CASE WHEN reject_code IS NULL THEN ${exclCase} END AS excl0 FROM rejected
    )
    SELECT *, coalesce(excl0, ${dedup}) AS exclusion FROM excluded`;
}

let importSeq = 0;

/**
 * Import one CSV export into the canonical tables. Every record ends up loaded, excluded by a named rule, or
 * rejected with its line and reason; `read = loaded + excluded + rejected` is checked before anything is kept.
 * Nothing already loaded changes unless the whole import succeeds (one transaction at the end).
 */
export async function importCsv(engine: Engine, req: ImportRequest): Promise<ImportResult> {
  if (/\.(xlsx|xls)$/i.test(req.displayName)) throw new ImportError('excel_belum_didukung');
  const head = sniffCsvHead(req.head);
  if ('error' in head) throw new ImportError(head.error);
  const detection = req.kind ? { kind: req.kind, confidence: 1 } : detectKind(head.headers);
  if (!detection.kind) throw new ImportError('jenis_tidak_dikenal', head.headers.slice(0, 12).join(', '));
  const spec = KINDS[detection.kind];
  const seq = ++importSeq;
  const raw = `imp_raw_${seq}`;
  const rej = `imp_rej_${seq}`;
  const scan = `imp_scan_${seq}`;
  const cls = `imp_cls_${seq}`;
  const cleanup = async () => {
    for (const t of [raw, rej, scan, cls]) await engine.exec(`DROP TABLE IF EXISTS ${ident(t)}`);
  };
  try {
    await readRaw(engine, req.engineFileName, head, raw, rej, scan);
    const rawColumns = (await engine.query(`SELECT column_name FROM (DESCRIBE ${ident(raw)})`))
      .map((r) => String(r['column_name']))
      .filter((c) => c !== 'ordinality');
    await engine.exec(classifySql(spec, raw, rawColumns, cls));
    await addLineNumbers(engine, cls, rej);
    const counts = await countImport(engine, cls, rej);
    if (counts.read === 0) throw new ImportError('tanpa_baris');
    if (counts.loaded + counts.excluded + counts.rejected !== counts.read) {
      throw new Error(`Row accounting failed: ${JSON.stringify(counts)}`);
    }
    const fileId = num(
      (await engine.query('SELECT coalesce(max(file_id), 0) + 1 AS id FROM source_file'))[0]?.['id'],
    );
    const replaced = (
      await engine.query(
        req.replace === 'all'
          ? 'SELECT file_id FROM source_file'
          : req.replace === 'same_kind'
            ? 'SELECT file_id FROM source_file WHERE kind = ?'
            : 'SELECT file_id FROM source_file WHERE false',
        req.replace === 'same_kind' ? [spec.id] : [],
      )
    ).map((r) => num(r['file_id']));
    try {
      await engine.exec(swapSql(spec, cls, rej, fileId, replaced, req, head, counts));
    } catch (e) {
      await engine.exec('ROLLBACK').catch(() => undefined);
      throw e;
    }
    return {
      fileId,
      name: req.displayName,
      kind: spec.id,
      confidence: detection.confidence,
      encoding: head.encoding,
      delimiter: head.delimiter,
      counts,
      replaced,
    };
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError('gagal_baca', e instanceof Error ? e.message : String(e));
  } finally {
    await cleanup();
  }
}

async function readRaw(engine: Engine, file: string, head: CsvHead, raw: string, rej: string, scan: string) {
  await engine.exec(`CREATE OR REPLACE TEMP TABLE ${ident(raw)} AS
    SELECT * FROM read_csv(${literal(file)}, header = true, all_varchar = true, delim = ${literal(head.delimiter)},
      quote = '"', escape = '"', encoding = ${literal(head.encoding)}, store_rejects = true,
      rejects_table = ${literal(rej)}, rejects_scan = ${literal(scan)}) WITH ORDINALITY`);
}

/**
 * Physical line of each record: header is line 1; records the CSV reader rejected (wrong column count…) are not in
 * the staged table, so every later record moves down one line per rejected line before it.
 */
async function addLineNumbers(engine: Engine, cls: string, rej: string) {
  await engine.exec(`ALTER TABLE ${ident(cls)} ADD COLUMN line BIGINT`);
  await engine.exec(`UPDATE ${ident(cls)} SET line = rec + 1 + coalesce((
      SELECT count(*) FROM (
        SELECT line - row_number() OVER (ORDER BY line) AS t FROM (SELECT DISTINCT line FROM ${ident(rej)})
      ) r WHERE r.t <= ${ident(cls)}.rec), 0)`);
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

function swapSql(
  spec: KindSpec,
  cls: string,
  rej: string,
  fileId: number,
  replaced: number[],
  req: ImportRequest,
  head: CsvHead,
  c: ImportCounts,
): string {
  const ids = replaced.length ? replaced.join(', ') : 'NULL';
  const tables = [
    ...Object.values(KINDS).map((k) => k.table),
    'import_reject',
    'import_exclusion',
    'source_file',
  ];
  const cols = tableColumns(spec).filter((x) => x.name !== 'file_id');
  const excl = Object.entries(c.excludedByRule)
    .map(([k, n]) => `(${fileId}, ${literal(k)}, ${n})`)
    .join(', ');
  return [
    'BEGIN TRANSACTION;',
    ...tables.map((t) => `DELETE FROM ${ident(t)} WHERE file_id IN (${ids});`),
    `INSERT INTO ${ident(spec.table)} (file_id, ${cols.map((x) => ident(x.name)).join(', ')})
      SELECT ${fileId}, ${cols.map((x) => ident(x.name)).join(', ')} FROM ${ident(cls)} WHERE reject_code IS NULL;`,
    `INSERT INTO import_reject SELECT ${fileId}, line, reject_column, reject_value, reject_code, NULL
      FROM ${ident(cls)} WHERE reject_code IS NOT NULL;`,
    `INSERT INTO import_reject SELECT ${fileId}, line, any_value(column_name), any_value(csv_line), 'struktur_baris',
      any_value(error_type) FROM ${ident(rej)} GROUP BY line;`,
    excl ? `INSERT INTO import_exclusion VALUES ${excl};` : '',
    `INSERT INTO source_file VALUES (${fileId}, ${literal(req.displayName)}, ${literal(spec.id)}, ${req.sizeBytes},
      ${literal(head.encoding)}, ${literal(head.delimiter)}, ${req.isSample}, ${c.read}, ${c.loaded}, ${c.excluded},
      ${c.rejected});`,
    'COMMIT;',
  ].join('\n');
}
