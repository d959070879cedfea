import { createHash, randomFillSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ChecksumCancelled, sha256Blob } from '../../src/lib/checksum';

/** Random bytes: the expected digest is Node's own SHA-256 of the same bytes, computed independently. */
function bytes(n: number): Uint8Array<ArrayBuffer> {
  return randomFillSync(new Uint8Array(new ArrayBuffer(n)));
}

const nodeSha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('streaming SHA-256 of a file, slice by slice', () => {
  it('equals Node crypto for sizes around the slice boundaries', async () => {
    const chunk = 64 * 1024;
    const sizes = [0, 1, chunk - 1, chunk, chunk + 1, 3 * chunk, 3 * chunk + 17, 7 * chunk - 5];
    for (const n of sizes) {
      const b = bytes(n);
      const seen: number[] = [];
      const got = await sha256Blob(new Blob([b]), { chunkBytes: chunk, onBytes: (d) => seen.push(d) });
      expect([n, got]).toEqual([n, nodeSha(b)]);
      // Progress: one report per slice, increasing, ending at the size.
      expect(seen.length).toBe(Math.ceil(n / chunk));
      if (n > 0) expect(seen.at(-1)).toBe(n);
      expect(seen.every((d, j) => j === 0 || d > seen[j - 1]!)).toBe(true);
    }
  });

  it('matches the known digest of "abc" and of an empty file, with the default slice size', async () => {
    expect(await sha256Blob(new Blob(['abc']))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await sha256Blob(new Blob([]))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('hashes a file larger than the default 8 MB slice exactly once per byte', async () => {
    const b = bytes(8 * 1024 * 1024 * 2 + 12345);
    const seen: number[] = [];
    expect(await sha256Blob(new Blob([b]), { onBytes: (d) => seen.push(d) })).toBe(nodeSha(b));
    expect(seen).toEqual([8 * 1024 * 1024, 16 * 1024 * 1024, b.length]);
  });

  it('stops between slices when cancelled', async () => {
    const ctl = new AbortController();
    const b = bytes(10 * 1024);
    const seen: number[] = [];
    const run = sha256Blob(new Blob([b]), {
      chunkBytes: 1024,
      signal: ctl.signal,
      onBytes: (d) => {
        seen.push(d);
        if (d >= 3 * 1024) ctl.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ChecksumCancelled);
    expect(seen).toEqual([1024, 2048, 3072]);
  });
});

describe('the line count in the same read as the hash', () => {
  it('gives every slice once, in order: the lines counted on the way equal a count of the whole file', async () => {
    const { LineCounter, scanLines } = await import('../../src/p3dn/import/line-endings');
    const chunk = 1024;
    // Line feeds at the slice boundaries, CRLF split across them, a last line without a feed, then with one.
    const text = ('a,b\r\n' + 'x'.repeat(chunk - 6) + '\n\n' + '"q\nr",s\r\n').repeat(5) + 'end';
    for (const body of [text, text + '\n', '', '\n']) {
      const b = new TextEncoder().encode(body);
      const counter = new LineCounter();
      const pieces: number[] = [];
      const hex = await sha256Blob(new Blob([b]), {
        chunkBytes: chunk,
        onChunk: (bytes) => {
          pieces.push(bytes.length);
          counter.add(bytes);
        },
      });
      expect(hex).toBe(nodeSha(b));
      expect(pieces.reduce((a, n) => a + n, 0)).toBe(b.length);
      expect(pieces.length).toBe(Math.ceil(b.length / chunk));
      // Independent count: line feeds, plus a last line without one.
      const feeds = [...body].filter((c) => c === '\n').length;
      const expected = feeds + (body.length > 0 && !body.endsWith('\n') ? 1 : 0);
      expect(counter.lines).toBe(expected);
      expect(scanLines(b).lines).toBe(expected);
    }
  });
});

describe('the hash worker’s digest: checksum and line scan from one read', () => {
  it('equals Node’s SHA-256 and a scan of the whole file, CRs and CRLF split across slices included', async () => {
    const { digestFile } = await import('../../src/features/import/lib/digest');
    const { scanLines } = await import('../../src/p3dn/import/line-endings');
    const bodies = [
      'a,b\r\n1,2\r\n3,4\r\n', // CRLF only
      'a,b\n1,2\n3,4', // LF only, no last feed
      'a,b\r\n1,2\n"x\r\ny",3\r4,5\r\n', // mixed, a bare CR, a CRLF inside quotes
      '',
    ];
    for (const body of bodies) {
      const b = new TextEncoder().encode(body);
      const whole = scanLines(b);
      // Slices of 1..5 bytes: every CR/LF pair is split across two slices somewhere.
      for (const chunkBytes of [1, 2, 3, 5, 1024]) {
        const d = await digestFile(new Blob([b]), { chunkBytes });
        expect([body, chunkBytes, d.hex]).toEqual([body, chunkBytes, nodeSha(b)]);
        expect([body, chunkBytes, d.scan]).toEqual([body, chunkBytes, whole]);
      }
    }
    expect(scanLines(new TextEncoder().encode(bodies[0]!)).endings).toBe('crlf');
    expect(scanLines(new TextEncoder().encode(bodies[2]!)).endings).toBe('check');
  });
});
