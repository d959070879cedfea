/**
 * The command line's inputs: files and folders (walked recursively) to a sorted list of files, and each file made
 * ready for the core's `importFile` as the app makes a dropped file ready: an .xlsx converted to CSV by the same
 * `xlsxToCsvBytes` (read-excel-file's Node build), a Windows-1252 file transcoded by the same `cp1252ToUtf8` (slice
 * by slice, into the work directory), every other file read in place by path. The SHA-256 of the file as the user
 * has it and its line count are computed in one streaming pass beside the import.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, readdirSync, statSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { open, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import type { FileInput, FileReadBack, LineScan } from '../p3dn/import';
import {
  HEAD_BYTES,
  LineCounter,
  cp1252ToUtf8,
  isXlsx,
  needsTranscode,
  xlsxToCsvBytes,
} from '../p3dn/import';

/** Extensions read from folders (a file named on the command line is always tried). */
const INPUT_EXTENSIONS = /\.(csv|tsv|xlsx)$/i;

export interface InputFile {
  /** Where it is on disk. */
  path: string;
  /** How it is named in the reports: the path as given, or the folder as given joined with the path inside it. */
  name: string;
  /** Skipped without being read (a folder's file of another type). */
  skip?: 'ekstensi';
}

/** A path on the command line that does not exist or cannot be read. */
export class InputError extends Error {
  constructor(
    readonly path: string,
    readonly missing: boolean,
    detail: string,
  ) {
    super(detail);
  }
}

/** Every file under the given paths, in a stable order (folders sorted by name, recursively). */
export function collectInputs(paths: readonly string[]): InputFile[] {
  const out: InputFile[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new InputError(p, code === 'ENOENT' || code === 'ENOTDIR', String((e as Error).message));
    }
    if (st.isDirectory()) walk(p, out);
    else out.push({ path: p, name: p });
  }
  return out;
}

function walk(dir: string, out: InputFile[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch (e) {
    throw new InputError(dir, false, String((e as Error).message));
  }
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else if (e.isFile()) {
      const name = full;
      out.push(INPUT_EXTENSIONS.test(e.name) ? { path: full, name } : { path: full, name, skip: 'ekstensi' });
    }
  }
}

/** What `importFile` needs besides the import options, and how the file was read (for the report). */
export type Prepared = Pick<FileInput, 'data' | 'head' | 'sizeBytes' | 'lines' | 'checksum' | 'readBack'> & {
  head: Uint8Array;
  format: string | null;
  /** The file's own size on disk. */
  fileBytes: number;
};

async function readHead(path: string): Promise<{ head: Uint8Array; size: number }> {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    const buf = new Uint8Array(Math.min(size, HEAD_BYTES));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return { head: buf.subarray(0, bytesRead), size };
  } finally {
    await fh.close();
  }
}

/** SHA-256 (hex) and line count (with its line endings) of a file on disk, in one streaming pass. */
export async function hashAndCount(path: string): Promise<{ sha256: string; lines: LineScan }> {
  const hash = createHash('sha256');
  const lines = new LineCounter();
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * 1024 * 1024 })) {
    const c = chunk as Buffer;
    hash.update(c);
    lines.add(c);
  }
  return { sha256: hash.digest('hex'), lines: lines.scan };
}

let copySeq = 0;

/**
 * The file at `path` read back slice by slice; a corrected copy of it (an LF copy, for records ending in several
 * ways) written into `workDir`.
 */
function diskReadBack(path: string, workDir: string): FileReadBack {
  return {
    slices: () => createReadStream(path, { highWaterMark: 4 * 1024 * 1024 }),
    async write(slices) {
      mkdirSync(workDir, { recursive: true });
      const target = join(workDir, `lf-${++copySeq}-${basename(path).replace(/[^\w.-]/g, '_')}`);
      await pipeline(Readable.from(slices), createWriteStream(target));
      return { path: target };
    },
  };
}

/** Windows-1252 to UTF-8, slice by slice, into `target`; the SHA-256 of the original and the output's lines. */
async function transcode(path: string, target: string): Promise<{ sha256: string; lines: LineScan }> {
  const hash = createHash('sha256');
  const lines = new LineCounter();
  await pipeline(
    createReadStream(path, { highWaterMark: 4 * 1024 * 1024 }),
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        const utf8 = cp1252ToUtf8(chunk);
        lines.add(utf8);
        done(null, utf8);
      },
    }),
    createWriteStream(target),
  );
  return { sha256: hash.digest('hex'), lines: lines.scan };
}

let transcodeSeq = 0;

/** Make one file ready for `importFile`; `workDir` holds transcoded copies. */
export async function prepareFile(f: InputFile, workDir: string): Promise<Prepared> {
  const { head, size } = await readHead(f.path);
  if (isXlsx(f.name, head) && !/\.xls$/i.test(f.name)) {
    const input = await readFile(f.path);
    const sha = createHash('sha256').update(input).digest('hex');
    const bytes = await xlsxToCsvBytes(() => readSheet(input, { parseNumber: (s: string) => s }));
    return {
      data: bytes,
      head: bytes.slice(0, HEAD_BYTES),
      sizeBytes: bytes.length,
      checksum: Promise.resolve(sha),
      format: 'xlsx',
      fileBytes: size,
    };
  }
  if (needsTranscode(head)) {
    mkdirSync(workDir, { recursive: true });
    const target = join(workDir, `utf8-${++transcodeSeq}-${basename(f.path).replace(/[^\w.-]/g, '_')}`);
    const done = await transcode(f.path, target);
    const utf8 = await readHead(target);
    return {
      data: { path: target },
      head: utf8.head,
      sizeBytes: size,
      lines: Promise.resolve(done.lines),
      readBack: diskReadBack(target, workDir),
      checksum: Promise.resolve(done.sha256),
      format: 'windows-1252',
      fileBytes: size,
    };
  }
  // Hashed and counted while DuckDB reads the file (the importer awaits the line count only after its scan).
  const pass = hashAndCount(f.path);
  return {
    data: { path: f.path },
    head,
    sizeBytes: size,
    lines: pass.then(
      (p) => p.lines,
      () => null,
    ),
    readBack: diskReadBack(f.path, workDir),
    checksum: pass.then(
      (p) => p.sha256,
      () => null,
    ),
    format: null,
    fileBytes: size,
  };
}
