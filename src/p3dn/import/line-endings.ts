/**
 * Line endings. DuckDB's strict CSV reader takes one line ending per file (LF, CRLF or CR, sniffed from its first
 * lines): a file whose records end in different ways (a CRLF export with a line added in another editor, two
 * exports joined) fails whole, or misreads the lines of the other kind. Such a file is read from a copy with every
 * line ending made LF (CRLF and a bare CR alike, inside quoted cells too), so that its lines are the lines an
 * editor shows; nothing else in the bytes changes, and the reader keeps every check it makes.
 *
 * The cost falls on those files only. The line count every import makes beside the read (`LineCounter`) notes the
 * CRs too: a file with LF endings only, or CRLF endings only, is known at once. Only a file with both kinds (or a
 * bare CR) somewhere is read again, by a model of the reader's quoting (`RecordEndings`): quoted cells may hold
 * other line breaks (Excel writes CRLF records with LF inside cells), and a file whose records all end alike is
 * read as it is.
 */
import type { FileSource } from '../../engine/types';
import { ImportError } from './errors';

/** A file's line count, and what its line endings ask of the importer. */
export interface LineScan {
  /** Lines as the reader numbers them in the file as it is: one per LF, plus a last line without one. */
  lines: number;
  /** Counted everywhere, quoted cells included: LF only, CRLF only, or `check` (both kinds, or a bare CR). */
  endings: 'lf' | 'crlf' | 'check';
}

/**
 * Counts a file's lines chunk by chunk, as DuckDB's CSV reader sees them: one per line feed, plus a last line
 * without one. The importer compares it with the records it read to know that no record spans several lines. It
 * also tells whether the file has line endings of one kind only (`scan`).
 */
export class LineCounter {
  private feeds = 0;
  /** LFs right after a CR. */
  private pairs = 0;
  private crs = 0;
  private last = -1;

  add(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    const firstCr = chunk.indexOf(13);
    if (firstCr === -1 && this.last !== 13) {
      // No CR near any LF of this chunk (the file's common case): only the LFs are counted.
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.feeds++;
    } else {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) {
        this.feeds++;
        if ((i > 0 ? chunk[i - 1] : this.last) === 13) this.pairs++;
      }
      for (let i = firstCr; i !== -1; i = chunk.indexOf(13, i + 1)) this.crs++;
    }
    this.last = chunk[chunk.length - 1]!;
  }

  get lines(): number {
    return this.feeds + (this.last !== -1 && this.last !== 10 ? 1 : 0);
  }

  get scan(): LineScan {
    const endings =
      this.crs === 0 ? 'lf' : this.crs === this.pairs && this.pairs === this.feeds ? 'crlf' : 'check';
    return { lines: this.lines, endings };
  }
}

function countLines(bytes: Uint8Array): number {
  return scanLines(bytes).lines;
}

export function scanLines(bytes: Uint8Array): LineScan {
  const c = new LineCounter();
  c.add(bytes);
  return c.scan;
}

/**
 * How a file's records end: `uniform`, one kind of line ending between records (other line breaks, if any, only
 * inside quoted cells: read as it is); `cr`, bare CRs only; `mixed`, several kinds. The last two are read from an
 * LF copy.
 */
export type RecordEndingKind = 'uniform' | 'cr' | 'mixed';

/**
 * What the importer is told of a file's line endings beside its read (`ImportRequest.lineEndings`): the records'
 * kind, or `cells`: the records end alike, other line breaks only in quoted cells.
 */
export type LineEndings = RecordEndingKind | 'cells';

/** Whether a line count (a plain number: not scanned) saw both kinds of line ending, or bare CRs: look closer. */
export const endingsToCheck = (s: number | LineScan | null): boolean =>
  s !== null && typeof s === 'object' && s.endings === 'check';

const START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3;
const BOM = [0xef, 0xbb, 0xbf];

/**
 * The line endings between records, as DuckDB's reader finds them: a quote opens a quoted cell only at the start of
 * a cell (elsewhere it is a character of the cell), a doubled quote inside it is a quote, and a line break inside
 * it belongs to the cell. Chunk by chunk (state carried over).
 */
export class RecordEndings {
  private state = START;
  private afterCr = false;
  /** Bytes of a leading byte order mark seen so far (-1: past it). */
  private bom = 0;
  private lf = 0;
  private crlf = 0;
  private cr = 0;
  private readonly delim: number;

  constructor(delimiter: string) {
    this.delim = delimiter.charCodeAt(0);
  }

  add(chunk: Uint8Array): void {
    let i = 0;
    // A UTF-8 byte order mark is not part of the first cell (it may be cut between chunks).
    while (this.bom >= 0 && this.bom < 3 && i < chunk.length) {
      if (chunk[i] === BOM[this.bom]) {
        this.bom++;
        i++;
      } else {
        if (this.bom > 0) this.state = UNQUOTED;
        this.bom = -1;
      }
    }
    if (this.bom === 3) this.bom = -1;
    let { state, afterCr, lf, crlf, cr } = this;
    const delim = this.delim;
    for (; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (afterCr) {
        afterCr = false;
        if (b === 10) {
          crlf++;
          continue;
        }
        cr++;
      }
      if (state === QUOTED) {
        if (b === 34) state = QUOTE_SEEN;
      } else if (b === 10) {
        lf++;
        state = START;
      } else if (b === 13) {
        afterCr = true;
        state = START;
      } else if (b === delim) {
        state = START;
      } else if (b === 34 && (state === START || state === QUOTE_SEEN)) {
        // Opens a quoted cell, or (right after a closing quote) is a doubled quote inside it.
        state = QUOTED;
      } else {
        state = UNQUOTED;
      }
    }
    Object.assign(this, { state, afterCr, lf, crlf, cr });
  }

  get kind(): RecordEndingKind {
    const cr = this.cr + (this.afterCr ? 1 : 0);
    const kinds = (this.lf > 0 ? 1 : 0) + (this.crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
    if (kinds > 1) return 'mixed';
    return cr > 0 ? 'cr' : 'uniform';
  }
}

/**
 * Every CRLF and every bare CR made LF, chunk by chunk (a CR at the end of one chunk and an LF at the start of
 * the next are one line ending).
 */
export class LfWriter {
  private afterCr = false;

  push(chunk: Uint8Array): Uint8Array {
    if (chunk.length === 0) return chunk;
    let from = this.afterCr && chunk[0] === 10 ? 1 : 0;
    this.afterCr = false;
    let at = chunk.indexOf(13, from);
    if (at === -1) return from === 0 ? chunk : chunk.subarray(from);
    const out = new Uint8Array(chunk.length);
    let o = 0;
    for (; at !== -1; at = chunk.indexOf(13, from)) {
      out.set(chunk.subarray(from, at), o);
      o += at - from;
      out[o++] = 10;
      from = at + 1;
      if (from === chunk.length) this.afterCr = true;
      else if (chunk[from] === 10) from++;
    }
    out.set(chunk.subarray(from), o);
    o += chunk.length - from;
    return out.subarray(0, o);
  }
}

/** A file's bytes again, slice by slice, and where a corrected copy of it goes. */
export interface FileReadBack {
  slices(): AsyncIterable<Uint8Array>;
  /** A copy made of `slices` (in order) that the engine can read. Default: a File in memory. */
  write?(slices: AsyncIterable<Uint8Array>): Promise<FileSource>;
}

const SLICE_BYTES = 4 * 1024 * 1024;

/** A Blob (a dropped File, a transcoded copy) read back slice by slice. */
export function blobReadBack(file: Blob): FileReadBack {
  return {
    async *slices() {
      for (let at = 0; at < file.size; at += SLICE_BYTES)
        yield new Uint8Array(await file.slice(at, at + SLICE_BYTES).arrayBuffer());
    },
  };
}

/** How the records of a file read back end (`uniform` when cancelled: the import stops anyway). */
export async function recordEndings(
  back: FileReadBack,
  delimiter: string,
  signal?: AbortSignal,
): Promise<RecordEndingKind> {
  const r = new RecordEndings(delimiter);
  for await (const s of back.slices()) {
    if (signal?.aborted) return 'uniform';
    r.add(s);
  }
  return r.kind;
}

/** The same check on bytes in memory. */
export function recordEndingsOf(bytes: Uint8Array, delimiter: string): RecordEndingKind {
  const r = new RecordEndings(delimiter);
  r.add(bytes);
  return r.kind;
}

/** An LF copy of bytes in memory and its lines. */
export function lfBytes(bytes: Uint8Array): { bytes: Uint8Array; lines: number } {
  const out = new LfWriter().push(bytes).slice();
  return { bytes: out, lines: countLines(out) };
}

/**
 * An LF copy of a file read back, slice by slice (never the whole file in one string), with its first `headBytes`
 * and its lines counted on the way.
 */
export async function lfCopy(
  back: FileReadBack,
  headBytes: number,
  signal?: AbortSignal,
): Promise<{ data: FileSource; head: Uint8Array; lines: number }> {
  const writer = new LfWriter();
  const counter = new LineCounter();
  const head: Uint8Array[] = [];
  let headLen = 0;
  async function* converted() {
    for await (const s of back.slices()) {
      if (signal?.aborted) throw new ImportError('dibatalkan');
      const out = writer.push(s);
      counter.add(out);
      if (headLen < headBytes) {
        head.push(out.slice(0, headBytes - headLen));
        headLen += head[head.length - 1]!.length;
      }
      yield out;
    }
  }
  const write =
    back.write ??
    (async (slices: AsyncIterable<Uint8Array>) => {
      const parts: BlobPart[] = [];
      for await (const s of slices) parts.push(s.slice().buffer as ArrayBuffer);
      return new File(parts, 'lf.csv', { type: 'text/csv' });
    });
  const data = await write.call(back, converted());
  const h = new Uint8Array(headLen);
  let o = 0;
  for (const p of head) {
    h.set(p, o);
    o += p.length;
  }
  return { data, head: h, lines: counter.lines };
}
