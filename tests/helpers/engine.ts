import { readSheet } from 'read-excel-file/node';
import { NodeEngine } from '../../src/engine/node-engine';
import {
  createSchema,
  importCsv,
  type ImportCounts,
  type ImportRequest,
  type ImportResult,
} from '../../src/p3dn/importer';
import type { RealisasiSource } from '../../src/p3dn/realisasi-schema';
import { createRealisasiSchema, pruneRealisasi } from '../../src/p3dn/realisasi-views';
import { HEAD_BYTES, countLines, cp1252ToUtf8, needsTranscode } from '../../src/p3dn/sniff';
import { isXlsx, xlsxToCsvBytes } from '../../src/p3dn/xlsx';

/** A fresh engine with the canonical schema, on the same DuckDB-wasm build the browser runs. */
export async function freshEngine(): Promise<NodeEngine> {
  const engine = await NodeEngine.create();
  await createSchema(engine);
  await createRealisasiSchema(engine);
  return engine;
}

let seq = 0;

/** Register `content` as a file and import it like the app does (an .xlsx goes through the same conversion). */
export async function importText(
  engine: NodeEngine,
  name: string,
  content: string | Uint8Array,
  opts: Partial<Pick<ImportRequest, 'replace' | 'isSample' | 'kind' | 'mapping'>> & {
    /** false: import without the caller's line count (the importer then always searches for quoted breaks). */
    countLines?: boolean;
  } = {},
): Promise<ImportResult> {
  let bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  let format: string | undefined;
  if (isXlsx(name, bytes) && !/\.xls$/i.test(name)) {
    const input = Buffer.from(bytes);
    bytes = await xlsxToCsvBytes(() => readSheet(input, { parseNumber: (s: string) => s }));
    format = 'xlsx';
  }
  if (needsTranscode(bytes.subarray(0, HEAD_BYTES))) {
    bytes = cp1252ToUtf8(bytes);
    format = 'windows-1252';
  }
  const engineFileName = `test_${++seq}.csv`;
  const head = bytes.slice(0, HEAD_BYTES);
  const lines = opts.countLines === false ? undefined : Promise.resolve(countLines(bytes));
  await engine.registerFile(engineFileName, bytes);
  const result = await importCsv(engine, {
    engineFileName,
    displayName: name,
    sizeBytes: bytes.length,
    head,
    isSample: opts.isSample ?? false,
    replace: opts.replace ?? 'same_kind',
    ...(opts.kind ? { kind: opts.kind } : {}),
    ...(opts.mapping ? { mapping: opts.mapping } : {}),
    ...(format ? { format } : {}),
    ...(lines ? { lines } : {}),
  });
  // SIRUP changed: transaction rows of dropped files go, and agencies are matched again (as the app does).
  await pruneRealisasi(engine);
  return result;
}

export interface RealisasiLoad extends ImportCounts {
  fileId: number;
  source: string;
}

/** A transaction export, imported like any other file (forcing its kind when given), flattened for tests. */
export async function loadRealisasiText(
  engine: NodeEngine,
  name: string,
  content: string | Uint8Array,
  source?: RealisasiSource,
): Promise<RealisasiLoad> {
  const r = await importText(engine, name, content, source ? { kind: source } : {});
  return { ...r.counts, fileId: r.fileId, source: r.kind };
}
