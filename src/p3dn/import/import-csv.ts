import { num } from '../../engine/cells';
import { ident } from '../../engine/sql';
import { EngineCancelled, type Engine } from '../../engine/types';
import { GENERIC_KIND, KINDS, type KindSpec } from '../kinds';
import { classifySql, dedupSql } from './classify';
import { resolveMapping } from './columns';
import { detectKind, missingColumns, normalizeHeader, requiredName } from './detect';
import { ImportError, OtherLineEndings } from './errors';
import { accountLines } from './account-lines';
import { LINE_REJECT_SQL } from './reconcile';
import { readRaw, stagedColumns } from './read';
import { sniffCsvHead } from './sniff';
import { chooseRowStore, ensureRowStore, fileTableName } from '../schema/row-store';
import { fingerprint, runSwap } from './swap';
import { classifyFile } from './typed-read';
import type { ImportCounts, ImportRequest, ImportResult, ImportStage } from './types';

let importSeq = 0;

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
  // Its rows in memory while they fit, else in the attached database file (../schema/row-store.ts).
  const store =
    req.rowStore === undefined || req.rowStore === 'auto'
      ? await chooseRowStore(engine, req.sizeBytes)
      : req.rowStore;
  if (store === 'disk') await ensureRowStore(engine);
  const cls = fileTableName(store, `${seq}_${Math.random().toString(36).slice(2, 8)}`);
  let loaded = false;
  const step = (stage: ImportStage) => {
    if (req.signal?.aborted) throw new ImportError('dibatalkan');
    req.onProgress?.(stage);
  };
  const cleanup = async () => {
    for (const v of [`${raw}_1252`, raw]) await engine.exec(`DROP VIEW IF EXISTS ${ident(v)}`);
    for (const t of loaded ? [rej, scan, `${cls}_lines`] : [rej, scan, `${cls}_lines`, cls])
      await engine.exec(`DROP TABLE IF EXISTS ${ident(t)}`);
  };
  try {
    step('membaca');
    const { how } = await readRaw(engine, req.engineFileName, head, raw, rej, scan);
    step('memeriksa');
    const rawColumns = await stagedColumns(engine, raw);
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
    const { formats, path } = await classifyFile(engine, {
      spec,
      file: req.engineFileName,
      head,
      raw,
      rej,
      scan,
      source,
      how,
      rawColumns,
      mapping,
      cls,
      sig,
      ...(onBytes ? { onProgress: (f: number) => onBytes(Math.round(f * req.sizeBytes)) } : {}),
    });
    await checkLineEndings(req, false);
    const lineRej = `${cls}_lines`;
    await engine.exec(LINE_REJECT_SQL(lineRej));
    const lineCheck = await accountLines(engine, {
      req,
      head,
      cls,
      rej,
      lineRej,
      source,
      rawColumns,
      sig,
      classify: (view, out) => engine.exec(classifySql(spec, view, rawColumns, out, mapping, formats), sig),
    });
    const dedup = dedupSql(spec, cls);
    if (dedup) await engine.exec(dedup, sig);
    step('menghitung');
    const counts = await countImport(engine, cls, rej, lineRej);
    if (counts.read === 0) throw new ImportError('tanpa_baris');
    if (counts.loaded + counts.excluded + counts.rejected !== counts.read) {
      throw new Error(`Row accounting failed: ${JSON.stringify(counts)}`);
    }
    step('menyimpan');
    // A file's identity is its SHA-256 (a renamed copy is the same file; two exports of one size are not).
    if (req.checksum) req.onChecksumWait?.();
    const sha = req.checksum ? await req.checksum.catch(() => null) : null;
    const fp = sha ? `sha256:${sha}` : fingerprint(req.displayName, req.sizeBytes, req.head);
    // Last chance to cancel: once the swap transaction starts it runs to its end (or rolls back whole).
    if (req.signal?.aborted) throw new ImportError('dibatalkan');
    const { fileId, replaced, mode } = await runSwap(engine, {
      spec,
      cls,
      rej,
      req,
      head,
      counts,
      fp,
      format: req.format ?? head.encoding,
    });
    loaded = true;
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
      numberFormats: Object.fromEntries(formats),
      lineCheck,
      readPath: path,
    };
  } catch (e) {
    if (e instanceof ImportError) throw e;
    if (e instanceof EngineCancelled || req.signal?.aborted) throw new ImportError('dibatalkan');
    if (e instanceof OtherLineEndings) throw e;
    await checkLineEndings(req, true);
    const msg = e instanceof Error ? e.message : String(e);
    if (/out of memory|memory access out of bounds|could not allocate|Allocation/i.test(msg)) {
      throw new ImportError('terlalu_besar', msg);
    }
    // An engine message is never shown as such: the reader's known failures get their own sentence.
    if (/sniff|dialect/i.test(msg)) throw new ImportError('csv_tidak_konsisten', msg);
    if (/maximum line size|max_line_size/i.test(msg)) throw new ImportError('baris_terlalu_panjang', msg);
    if (/invalid unicode|encoding/i.test(msg)) throw new ImportError('encoding_tidak_valid', msg);
    throw new ImportError('gagal_baca', msg);
  } finally {
    await cleanup().catch(() => undefined);
  }
}

/**
 * Records ending in several ways are read from an LF copy (the pipeline's): after the read, or when the read
 * failed and other line breaks sit in quoted cells (the model of the reader's quoting may be wrong there).
 */
async function checkLineEndings(req: ImportRequest, failed: boolean): Promise<void> {
  const kind = await req.lineEndings?.catch(() => 'uniform' as const);
  if (kind === 'cr' || kind === 'mixed') throw new OtherLineEndings(kind);
  if (failed && kind === 'cells') throw new OtherLineEndings('mixed');
}

async function countImport(engine: Engine, cls: string, rej: string, lineRej: string): Promise<ImportCounts> {
  const t = ident(cls);
  const lr = ident(lineRej);
  const [tot] = await engine.query(`SELECT count(*) AS n,
      count(*) FILTER (WHERE reject_code IS NULL AND exclusion IS NULL) AS loaded,
      count(*) FILTER (WHERE reject_code IS NULL AND exclusion IS NOT NULL) AS excluded,
      count(*) FILTER (WHERE reject_code IS NOT NULL) AS rejected,
      (SELECT count(DISTINCT line) FROM ${ident(rej)}) + (SELECT count(*) FROM ${lr}) AS structural
    FROM ${t}`);
  const excl = await engine.query(
    `SELECT exclusion AS k, count(*) AS n FROM ${t} WHERE reject_code IS NULL AND exclusion IS NOT NULL GROUP BY 1`,
  );
  const rejs = await engine.query(`SELECT k, count(*) AS n FROM (
      SELECT reject_code AS k FROM ${t} WHERE reject_code IS NOT NULL
      UNION ALL SELECT 'struktur_baris' FROM (SELECT DISTINCT line FROM ${ident(rej)})
      UNION ALL SELECT reason FROM ${lr}) GROUP BY 1`);
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
