/**
 * The command line on files whose lines end in several ways, on its own engine (native DuckDB): a file read in
 * place by path and a Windows-1252 file transcoded first are both read from an LF copy written into the work
 * directory, every line loaded, excluded or rejected on the physical line the writing gives.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectInputs } from '../../src/cli/inputs';
import { texts } from '../../src/cli/messages';
import { runReport, type RunResult } from '../../src/cli/run';
import { NativeEngine } from '../../src/engine/native-engine';
import { encodeCp1252 } from '../helpers/csv-bytes';
import { buildMixed, type Eol, type Expected } from '../helpers/mixed-endings';

let work: string;
let engine: NativeEngine;
let result: RunResult;
let utf8: Expected;
let cp1252: Expected;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cli-eol-'));
  const kinds: Record<number, 'short' | 'bad_pagu' | 'draft'> = {
    2_301: 'short',
    2_302: 'bad_pagu',
    9: 'draft',
  };
  utf8 = buildMixed({
    records: 3_000,
    eol: (i): Eol => (i === 2_301 ? '\n' : i === 2_700 ? '\r' : '\r\n'),
    kind: (i) => kinds[i] ?? 'ok',
  });
  cp1252 = buildMixed({
    records: 3_000,
    kd0: 84_000_000,
    eol: (i): Eol => (i === 2_500 ? '\r\n' : '\n'),
    kind: (i) => (i === 2_501 ? 'short' : 'ok'),
  });
  writeFileSync(join(work, 'a-mixed.csv'), utf8.bytes);
  // A Windows-1252 export (é as one byte): the CLI transcodes it, then reads the LF copy of that.
  writeFileSync(
    join(work, 'b-mixed-1252.csv'),
    encodeCp1252(cp1252.text.replace('Paket 1,', 'Paket caf\u00e9 1,')),
  );
  engine = await NativeEngine.create({ threads: 2 });
  result = await runReport(
    engine,
    collectInputs([join(work, 'a-mixed.csv'), join(work, 'b-mixed-1252.csv')]),
    {
      basis: 'komitmen',
      denominator: 'belanja_pengadaan',
      targets: { pdn: 0.4, umk: 0.4 },
      acceptGeneric: false,
      workDir: join(work, 'work'),
      texts: texts('id'),
      log: () => undefined,
    },
  );
}, 240_000);
afterAll(() => {
  engine?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('CLI: mixed line endings', () => {
  it('both files load with the counts the writing gives', () => {
    for (const [i, e, format] of [
      [0, utf8, 'utf-8'],
      [1, cp1252, 'windows-1252'],
    ] as const) {
      expect(result.files[i]).toMatchObject({ status: 'loaded', format });
      expect(result.files[i]!.counts).toMatchObject({
        read: e.read,
        loaded: e.loaded,
        excluded: e.excluded,
        rejected: e.rejected,
      });
    }
  });

  it('rejects keep their physical lines and reasons', () => {
    for (const [i, e] of [
      [0, utf8],
      [1, cp1252],
    ] as const) {
      const name = result.files[i]!.name;
      expect(
        result.rejects.filter((r) => r.file === name).map((r) => ({ line: r.line, reason: r.reason })),
      ).toEqual(e.rejects);
    }
    expect(utf8.rejects).toEqual([
      { line: 2_302, reason: 'struktur_baris' },
      { line: 2_303, reason: 'angka_tidak_valid' },
    ]);
  });

  it('the LF copies are written into the work directory, not held in memory', () => {
    expect(
      readdirSync(join(work, 'work'))
        .filter((f) => f.startsWith('lf-'))
        .sort(),
    ).toEqual(['lf-1-a-mixed.csv', expect.stringMatching(/^lf-2-utf8-\d+-b-mixed-1252\.csv$/)]);
  });
});
