import { afterAll } from 'vitest';
import { readSheet } from 'read-excel-file/node';
import { NodeEngine } from '../../src/engine/node-engine';
import type { Engine, SqlParam } from '../../src/engine/types';
import {
  HEAD_BYTES,
  cp1252ToUtf8,
  importFile,
  isXlsx,
  needsTranscode,
  xlsxToCsvBytes,
  type ImportCounts,
  type ImportRequest,
  type ImportedFile,
} from '../../src/p3dn/import';
import type { RealisasiSource } from '../../src/p3dn/kinds';
import { createSchema } from '../../src/p3dn/schema';

/** A fresh engine with the canonical schema, on the same DuckDB-wasm build the browser runs. */
export async function freshEngine(): Promise<NodeEngine> {
  const engine = await NodeEngine.create();
  await createSchema(engine);
  return engine;
}

/** Register `content` as a file and import it like the app does (an .xlsx goes through the same conversion). */
export async function importText(
  engine: NodeEngine,
  name: string,
  content: string | Uint8Array,
  opts: Partial<Pick<ImportRequest, 'replace' | 'isSample' | 'kind' | 'mapping' | 'rowStore'>> & {
    /** false: import without the caller's line count (the importer then always searches for quoted breaks). */
    countLines?: boolean;
  } = {},
): Promise<ImportedFile> {
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
  // The app's own pipeline: import, checksum, agencies matched again, APBD summary.
  return importFile(engine, {
    data: bytes,
    displayName: name,
    isSample: opts.isSample ?? false,
    replace: opts.replace ?? 'same_kind',
    ...(opts.kind ? { kind: opts.kind } : {}),
    ...(opts.mapping ? { mapping: opts.mapping } : {}),
    ...(opts.rowStore ? { rowStore: opts.rowStore } : {}),
    ...(format ? { format } : {}),
    ...(opts.countLines === false ? { lines: null } : {}),
  });
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

/** The engine, counting the calls that reach it. */
export function counting(inner: Engine) {
  const calls: string[] = [];
  const e: Engine = {
    query: (s: string, p?: readonly SqlParam[]) => (calls.push(s), inner.query(s, p)),
    // Several queries sent together are one call: their texts joined by a line `;;`.
    queryMany: (items) => (calls.push(items.map((i) => i.sql).join('\n;;\n')), inner.queryMany(items)),
    exec: (s, o) => (calls.push(s), inner.exec(s, o)),
    registerFile: (n, s) => inner.registerFile(n, s),
    dropFile: (n) => inner.dropFile(n),
    registerEmptyFile: (n) => inner.registerEmptyFile(n),
    copyFileToBuffer: (n) => inner.copyFileToBuffer(n),
  };
  return { e, calls };
}

/**
 * A maker of fresh engines for one suite, each closed when the suite ends: call it at the suite's top level (or
 * in its `describe`), then `await fresh()` wherever a test wants an engine of its own.
 */
export function freshEngines(): () => Promise<NodeEngine> {
  const engines: NodeEngine[] = [];
  afterAll(() => engines.forEach((e) => e.close()));
  return async () => {
    const e = await freshEngine();
    engines.push(e);
    return e;
  };
}
