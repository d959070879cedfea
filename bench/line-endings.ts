/**
 * What mixed line endings cost (src/p3dn/import/line-endings.ts), in Node on the DuckDB-wasm build: the line count
 * every import makes beside its read, before (LF only) and now (CRs noted too), on a 100 MB LF export and its CRLF
 * copy; the model of the reader's quoting and the LF copy (run for files with both kinds of line ending only);
 * and the import of the CRLF file against the same file with one LF line, from bytes (known before the read) and
 * from a File (the app's drop: known beside the read, so a mixed file is read twice). Not a test. Usage:
 * `tsx bench/line-endings.ts [runs]`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { NodeEngine } from '../src/engine/node-engine';
import { importFile } from '../src/p3dn/import';
import { LfWriter, LineCounter, RecordEndings } from '../src/p3dn/import/line-endings';
import { createSchema } from '../src/p3dn/schema';
import { generate } from './generate';
import { runBench } from './results';

const runs = Number(process.argv[2] ?? 2);
const STEP = 4 * 1024 * 1024;

/** The line count as it was (LF only), for comparison. */
class LfOnlyCounter {
  private feeds = 0;
  private last = -1;
  add(chunk: Uint8Array) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.feeds++;
    if (chunk.length > 0) this.last = chunk[chunk.length - 1]!;
  }
  get lines() {
    return this.feeds + (this.last !== -1 && this.last !== 10 ? 1 : 0);
  }
}

const slices = (b: Uint8Array, f: (c: Uint8Array) => void) => {
  for (let at = 0; at < b.length; at += STEP) f(b.subarray(at, at + STEP));
};
/** One scanner over every slice of `b`. */
const each = (b: Uint8Array, s: { add(c: Uint8Array): void }) => slices(b, (c) => s.add(c));
const ms = (f: () => void) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};
const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;

async function main() {
  const path = await generate(100);
  const lf = new Uint8Array(readFileSync(path));
  const crlfPath = path.replace(/\.csv$/, '-crlf.csv');
  if (!existsSync(crlfPath)) writeFileSync(crlfPath, Buffer.from(lf).toString('latin1').replace(/\n/g, '\r\n'), 'latin1'); // prettier-ignore
  const crlf = new Uint8Array(readFileSync(crlfPath));
  for (const [name, b] of [
    ['LF', lf],
    ['CRLF', crlf],
  ] as const) {
    const t = { before: [] as number[], now: [] as number[], model: [] as number[], copy: [] as number[] };
    for (let r = 0; r < 5; r++) {
      t.before.push(ms(() => each(b, new LfOnlyCounter())));
      t.now.push(ms(() => each(b, new LineCounter())));
      t.model.push(ms(() => each(b, new RecordEndings(','))));
      t.copy.push(
        ms(() => {
          const w = new LfWriter();
          each(b, { add: (c) => void w.push(c) });
        }),
      );
    }
    console.log(
      `${name} ${(b.length / 1048576).toFixed(0)} MB, medians of 5: line count before ${median(t.before).toFixed(0)} ms, now ${median(t.now).toFixed(0)} ms; quoting model ${median(t.model).toFixed(0)} ms; LF copy ${median(t.copy).toFixed(0)} ms`,
    );
  }
  // One LF line in the middle of the CRLF file (its CR removed).
  const cr = crlf.indexOf(13, crlf.length >> 1);
  const mixed = new Uint8Array(crlf.length - 1);
  mixed.set(crlf.subarray(0, cr));
  mixed.set(crlf.subarray(cr + 1), cr);
  const engine = await NodeEngine.create();
  await createSchema(engine);
  for (let r = 0; r < runs; r++) {
    for (const [name, bytes] of [
      ['CRLF', crlf],
      ['mixed', mixed],
    ] as const) {
      for (const as of ['bytes', 'File'] as const) {
        const t0 = performance.now();
        const counter = new LineCounter();
        slices(bytes, (c) => counter.add(c));
        const res = await importFile(engine, {
          data:
            as === 'bytes' ? bytes.slice() : new File([bytes.slice().buffer as ArrayBuffer], `${name}.csv`),
          displayName: `${name}.csv`,
          isSample: false,
          replace: 'all',
          lines: Promise.resolve(counter.scan),
          checksum: Promise.resolve(`${name}-${as}-${r}`),
        });
        const s = ((performance.now() - t0) / 1000).toFixed(2);
        console.log(`import ${name} from ${as}: ${s} s, ${res.counts.read} records, notes ${res.notes.join(',') || '-'}`); // prettier-ignore
      }
    }
  }
  engine.close();
}

runBench(main);
