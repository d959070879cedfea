/**
 * The line-ending scanners on their own: the line count made beside every import (and what it says of the
 * endings), the model of the reader's quoting that decides whether a file is read from an LF copy, and the LF
 * writer, each fed the same text whole and cut at every position (chunks carry state over).
 */
import { describe, expect, it } from 'vitest';
import {
  LfWriter,
  LineCounter,
  RecordEndings,
  blobReadBack,
  lfCopy,
  type LineScan,
  type RecordEndingKind,
} from '../../src/p3dn/import/line-endings';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

/** `text` cut into chunks at `cuts` (positions in bytes). */
function chunks(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [0, ...cuts, bytes.length];
  return at.slice(1).map((end, i) => bytes.subarray(at[i]!, end));
}

/** Every way of cutting `text` once, and twice at neighbouring positions. */
function cuttings(text: string): Uint8Array[][] {
  const b = enc(text);
  const out: Uint8Array[][] = [[b]];
  for (let i = 0; i <= b.length; i++) {
    out.push(chunks(b, [i]));
    if (i + 1 <= b.length) out.push(chunks(b, [i, i + 1]));
  }
  return out;
}

function scan(parts: Uint8Array[]): LineScan {
  const c = new LineCounter();
  for (const p of parts) c.add(p);
  return c.scan;
}

function kind(parts: Uint8Array[], delim = ','): RecordEndingKind {
  const r = new RecordEndings(delim);
  for (const p of parts) r.add(p);
  return r.kind;
}

describe('LineCounter', () => {
  const cases: [string, LineScan][] = [
    ['a,b\nc,d\n', { lines: 2, endings: 'lf' }],
    ['a,b\nc,d', { lines: 2, endings: 'lf' }],
    ['a,"b\nx"\nc,d\n', { lines: 3, endings: 'lf' }],
    ['a,b\r\nc,d\r\n', { lines: 2, endings: 'crlf' }],
    ['a,b\r\nc,d', { lines: 2, endings: 'crlf' }],
    ['a,b\r\nc,d\n', { lines: 2, endings: 'check' }],
    ['a,b\nc,d\r\n', { lines: 2, endings: 'check' }],
    ['a,b\r\nc,d\r', { lines: 2, endings: 'check' }],
    // Bare CRs are not lines to the count (DuckDB's lines of the file as it is): the file is checked.
    ['a,b\rc,d\r', { lines: 1, endings: 'check' }],
    ['a,b\r\n"x\ny",d\r\n', { lines: 3, endings: 'check' }],
    ['', { lines: 0, endings: 'lf' }],
    ['\r\n', { lines: 1, endings: 'crlf' }],
  ];
  it.each(cases)('%j, cut anywhere', (text, want) => {
    for (const parts of cuttings(text)) expect(scan(parts)).toEqual(want);
  });
});

describe('RecordEndings (the reader quoting)', () => {
  const cases: [string, string, RecordEndingKind][] = [
    ['LF only', 'a,b\nc,d\n', 'uniform'],
    ['CRLF records, LF in a quoted cell', 'a,b\r\n"x\ny",z\r\nc,d\r\n', 'uniform'],
    ['LF records, CRLF and CR in quoted cells', 'a,b\n1,"x\r\ny"\n2,"p\rq"\n', 'uniform'],
    ['CRLF with an LF record', 'a,b\r\nc,d\ne,f\r\n', 'mixed'],
    ['LF with a CRLF record', 'a,b\nc,d\r\ne,f\n', 'mixed'],
    ['a bare CR record', 'a,b\nc,d\re,f\n', 'mixed'],
    ['CR only', 'a,b\rc,d\re,f\r', 'cr'],
    ['CRLF, the last line unterminated', 'a,b\r\nc,d', 'uniform'],
    ['a doubled quote inside a quoted cell', 'a,b\r\n"x""\ny",z\r\n', 'uniform'],
    ['a quote inside an unquoted cell is a character', 'a,b\r\nx"y,z\nc,d\r\n', 'mixed'],
    ['text after a closing quote', 'a,b\r\n"x"y,z\nc,d\r\n', 'mixed'],
    ['an unclosed quote runs to the end', 'a,b\r\n"x,z\nc,d\r\n', 'uniform'],
    ['a UTF-8 BOM before a quoted header', '\uFEFF"a\nb",c\r\nd,e\r\n', 'uniform'],
    ['no line ending at all', 'a,b', 'uniform'],
  ];
  it.each(cases)('%s, cut anywhere', (_, text, want) => {
    for (const parts of cuttings(text)) expect(kind(parts)).toBe(want);
  });

  it('a quote opens a cell only after the delimiter of the file', () => {
    const text = 'a;b\n1;"x\r\ny";z\n';
    expect(kind([enc(text)], ';')).toBe('uniform');
    // With `,` as the delimiter the quote stands inside a cell: the CRLF ends a record.
    expect(kind([enc(text)], ',')).toBe('mixed');
    expect(kind([enc('a\tb\n1\t"x\r\ny"\n')], '\t')).toBe('uniform');
  });
});

describe('LfWriter', () => {
  it('makes every CRLF and bare CR an LF, the rest unchanged, cut anywhere', () => {
    for (const text of ['a\r\nb\rc\nd\r', '\r\r\n\n\r', '"x\r\ny"\r\n\r', 'plain\n', 'é\r\nü\r']) {
      const want = text.replace(/\r\n|\r/g, '\n');
      for (const parts of cuttings(text)) {
        const w = new LfWriter();
        const out = parts.map((p) => w.push(p));
        const all = new Uint8Array(out.reduce((n, p) => n + p.length, 0));
        out.reduce((at, p) => (all.set(p, at), at + p.length), 0);
        expect(dec(all)).toBe(want);
      }
    }
  });

  it('an LF copy read back from a Blob: head, lines and bytes', async () => {
    const text = 'h1,h2\r\n' + Array.from({ length: 5000 }, (_, i) => `${i},x`).join('\r') + '\n';
    const copy = await lfCopy(blobReadBack(new Blob([enc(text)])), 100);
    const want = text.replace(/\r\n|\r/g, '\n');
    expect(copy.lines).toBe(5001);
    expect(dec(copy.head)).toBe(want.slice(0, 100));
    expect(copy.data).toBeInstanceOf(Blob);
    expect(await (copy.data as Blob).text()).toBe(want);
  });
});
