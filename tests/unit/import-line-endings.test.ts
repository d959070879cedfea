/**
 * Files whose lines end in several ways (CRLF with an LF line, LF with a CRLF line, bare CRs): every line loaded,
 * excluded or rejected on its physical line, checked against the file's line count, exactly as the same records
 * written with LF endings — through the bytes path (tests, the CLI's sheets) and the File path (the app's drop).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { digestFile } from '../../src/features/import/lib/digest';
import { importFile, rejectedRows, type ImportedFile } from '../../src/p3dn/import';
import { freshEngine, importText } from '../helpers/engine';
import {
  asLf,
  buildMixed,
  type Eol,
  type Expected,
  type MixedSpec,
  type RecordKind,
} from '../helpers/mixed-endings';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await freshEngine();
});
afterAll(() => engine.close());

let seq = 0;

/**
 * Import as the app imports a dropped file: the File read in place, its lines counted beside the read (in the hash
 * worker's one read of it: the worker runs `digestFile`).
 */
async function importAsFile(name: string, bytes: Uint8Array): Promise<ImportedFile> {
  const file = new File([bytes.slice().buffer as ArrayBuffer], name, { type: 'text/csv' });
  return importFile(engine, {
    data: file,
    displayName: name,
    isSample: false,
    replace: 'all',
    lines: digestFile(file).then((d) => d.scan),
  });
}

async function loaded(fileId: number) {
  const rows = await engine.query(
    `SELECT kd_rup, line, exclusion, CAST(pagu AS VARCHAR) AS pagu, nama_paket FROM rup_penyedia
     WHERE file_id = ? ORDER BY line`,
    [fileId],
  );
  return rows.map((r) => ({
    kd: String(r['kd_rup']),
    line: Number(r['line']),
    exclusion: r['exclusion'] === null ? null : String(r['exclusion']),
    pagu: String(r['pagu']),
    nama: String(r['nama_paket']),
  }));
}

async function paguCents(fileId: number): Promise<bigint> {
  const [r] = await engine.query(
    `SELECT CAST(CAST(coalesce(sum(pagu), 0) * 100 AS HUGEINT) AS VARCHAR) AS c FROM rup_penyedia
     WHERE file_id = ? AND exclusion IS NULL`,
    [fileId],
  );
  return BigInt(String(r?.['c']));
}

/** What an import left: its counts and line check, its rows, its rejects (read before the next import replaces it). */
async function snapshot(res: ImportedFile) {
  return {
    counts: res.counts,
    lineCheck: res.lineCheck,
    rows: await loaded(res.fileId),
    rejects: await rejectedRows(engine, res.fileId),
    cents: await paguCents(res.fileId),
  };
}

/** The import against what the file's writing says; returns what it left. */
async function check(res: ImportedFile, e: Expected) {
  const got = await snapshot(res);
  expect(res.counts).toMatchObject({
    read: e.read,
    loaded: e.loaded,
    excluded: e.excluded,
    rejected: e.rejected,
  });
  expect(res.lineCheck.physical).toBe(e.physical);
  expect(res.lineCheck.unexplained).toBe(0);
  expect(res.lineCheck.swallowed).toEqual(e.swallowed ? [e.swallowed] : []);
  expect(got.rows.map((r) => [r.kd, r.line])).toEqual([...e.lineOf].sort((a, b) => a[1] - b[1]));
  expect(got.rows.filter((r) => r.exclusion !== null).map((r) => r.kd)).toEqual([...e.excludedKd]);
  expect(got.rows.some((r) => r.nama.includes('\r'))).toBe(false);
  expect(got.rejects.map((r) => ({ line: r.line, reason: r.reason }))).toEqual(e.rejects);
  expect(got.cents).toBe(e.loadedCents);
  return got;
}

/**
 * The mixed file through the bytes path and the File path, each against the writing and against exactly what the
 * same records with LF endings give (counts, line check, rows, rejects with their values and details). Every
 * import replaces the one before, so no row is counted from another file.
 */
async function both(spec: MixedSpec, note: string | null) {
  const e = buildMixed(spec);
  const lfRes = await importText(engine, `lf-${++seq}.csv`, buildMixed(asLf(spec)).bytes, { replace: 'all' });
  expect(lfRes.notes).toEqual([]);
  const lf = await snapshot(lfRes);
  const fromBytes = await importText(engine, `mixed-${seq}.csv`, e.bytes, { replace: 'all' });
  expect(await check(fromBytes, e)).toEqual(lf);
  const fromFile = await importAsFile(`mixed-file-${seq}.csv`, e.bytes);
  expect(await check(fromFile, e)).toEqual(lf);
  for (const r of [fromBytes, fromFile]) {
    if (note) expect(r.notes).toContain(note);
    else expect(r.notes).toEqual([]);
  }
  return { e, fromBytes, fromFile };
}

const N = 3_000;
const crlf = (): Eol => '\r\n';
const only =
  (base: Eol, at: Record<number, Eol>) =>
  (i: number): Eol =>
    at[i] ?? base;

describe('mixed line endings: every line accounted for, as in the LF file', () => {
  it('CRLF, the last line ending LF', async () => {
    await both({ records: N, eol: only('\r\n', { [N]: '\n' }) }, 'akhir_baris_campuran');
  });

  it('CRLF, one LF line after the first 2,048 lines (past the sniffer), one near the start', async () => {
    await both({ records: N, eol: only('\r\n', { 2_600: '\n', 5: '\n' }) }, 'akhir_baris_campuran');
  });

  it('LF, one CRLF line in the middle; the last line without an ending', async () => {
    await both(
      { records: N, eol: only('\n', { 1_500: '\r\n' }), unterminated: true },
      'akhir_baris_campuran',
    );
  });

  it('a bare CR (old Mac) line inside a CRLF file and inside an LF file', async () => {
    await both({ records: N, eol: only('\r\n', { 2_200: '\r' }) }, 'akhir_baris_campuran');
    await both({ records: N, eol: only('\n', { 10: '\r', 2_999: '\r' }) }, 'akhir_baris_campuran');
  });

  it('a file of bare CRs only: read from its LF copy, every line counted', async () => {
    const { fromFile } = await both({ records: N, eol: () => '\r' }, 'akhir_baris_cr');
    expect(fromFile.lineCheck.physical).toBe(N + 1);
  });

  it('a malformed line next to the mixed ending is still rejected, with its line and reason', async () => {
    const kinds: Record<number, RecordKind> = {
      2_499: 'short',
      2_500: 'bad_pagu',
      2_501: 'short',
      2_502: 'draft',
      7: 'draft',
      2_900: 'open_quote',
    };
    const { e } = await both(
      {
        records: N,
        eol: only('\r\n', { 2_499: '\n', 2_500: '\r', 2_501: '\n', 2_950: '\n' }),
        kind: (i) => kinds[i] ?? 'ok',
      },
      'akhir_baris_campuran',
    );
    // Computed from the writing: header, 2,498 records before the first short line.
    expect(e.rejects).toEqual([
      { line: 2_500, reason: 'struktur_baris' },
      { line: 2_501, reason: 'angka_tidak_valid' },
      { line: 2_502, reason: 'struktur_baris' },
      { line: 2_901, reason: 'kutip_tidak_tertutup' },
    ]);
    expect(e.swallowed).toEqual({ from: 2_902, to: N + 1, recovered: 100 });
  });

  it('line breaks inside quoted cells count as lines; a CRLF in a cell of a mixed file reads as LF', async () => {
    const { fromFile } = await both(
      {
        records: N,
        eol: only('\r\n', { 2_100: '\n' }),
        kind: (i) => (i === 40 ? { multiline: '\r\n' } : i === 2_700 ? { multiline: '\r' } : 'ok'),
      },
      'akhir_baris_campuran',
    );
    const rows = await loaded(fromFile.fileId);
    expect(rows.find((r) => r.kd === String(83_000_040))?.nama).toBe('Belanja\nmulti baris 40');
  });
});

describe('one kind of line ending between records: read as it is', () => {
  it('CRLF records with LF inside quoted cells (as Excel writes): no copy, cells as written', async () => {
    const spec: MixedSpec = {
      records: N,
      eol: crlf,
      kind: (i) => (i % 500 === 0 ? { multiline: '\n' } : 'ok'),
    };
    const e = buildMixed(spec);
    for (const read of [
      () => importText(engine, `excel-${++seq}.csv`, e.bytes, { replace: 'all' }),
      () => importAsFile(`excel-file-${seq}.csv`, e.bytes),
    ]) {
      const res = await read();
      await check(res, e);
      expect(res.notes).toEqual([]);
    }
  });

  it('LF records with CRLF inside quoted cells: no copy, the cell keeps its CRLF', async () => {
    const spec: MixedSpec = {
      records: N,
      eol: () => '\n',
      kind: (i) => (i === 2_500 || i === 3 ? { multiline: '\r\n' } : 'ok'),
    };
    const e = buildMixed(spec);
    const res = await importAsFile(`lf-cells-${++seq}.csv`, e.bytes);
    expect(res.notes).toEqual([]);
    expect(res.counts).toMatchObject({ read: N, loaded: N, rejected: 0 });
    expect(res.lineCheck).toMatchObject({ physical: e.physical, unexplained: 0 });
    const rows = await loaded(res.fileId);
    expect(rows.map((r) => [r.kd, r.line])).toEqual([...e.lineOf]);
    expect(rows.find((r) => r.kd === String(83_002_500))?.nama).toBe('Belanja\r\nmulti baris 2500');
    expect(await paguCents(res.fileId)).toBe(e.loadedCents);
  });
});
