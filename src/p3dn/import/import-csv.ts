import { num } from '../../engine/cells';
import { ident, literal } from '../../engine/sql';
import { EngineCancelled, type Engine } from '../../engine/types';
import { GENERIC_KIND, KINDS, type KindId, type KindSpec } from '../kinds';
import type { LoadedFile } from '../schema/tables';
import { classifySql, dedupSql } from './classify';
import { resolveMapping } from './columns';
import { detectKind, missingColumns, normalizeHeader, requiredName } from './detect';
import { ImportError } from './errors';
import { shiftForQuotedBreaks, shiftForRejectedLines } from './lines';
import { sniffCsvHead, type CsvHead } from './sniff';
import { fingerprint, swapSql, type Swap } from './swap';
import type { ImportCounts, ImportMode, ImportRequest, ImportResult, ImportStage } from './types';

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
