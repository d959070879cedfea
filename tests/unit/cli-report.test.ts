/**
 * The command line (spawned as a process, native DuckDB) on the fixture corpus: two Pemda with same-named
 * agencies, a folder input, every file form. Figures checked against BigInt cents computed from the fixture rows.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decimalCell } from '../../src/cli/write';
import { centsText, counted } from '../helpers/fixtures';
import {
  PEMDA_A,
  PEMDA_B,
  expectedKomitmen,
  readCsv,
  runCli,
  writeCorpus,
  type CliRun,
  type Corpus,
} from './cli-corpus';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

let work: string;
let corpus: Corpus;
let run: CliRun;
let out: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cli-report-'));
  corpus = writeCorpus(join(work, 'in'));
  out = join(work, 'out');
  run = await runCli(['report', ...corpus.inputs, '--out', out, '--threads', '2']);
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run cli -- report (fixture corpus)', () => {
  it('exits 1 (two inputs not loaded), with progress and the reason on stderr', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`[1/7] ${corpus.files.penyediaA}`);
    expect(run.stderr).toContain(`[7/7] ${corpus.files.strukturB}`);
    expect(run.stderr).toContain('membaca berkas');
    expect(run.stderr).toContain('--accept-generic');
    expect(run.stderr).toContain('2 berkas tidak dimuat');
  });

  it('agencies.csv: one row per Pemda × agency, same-named agencies kept apart, figures exact', () => {
    const rows = readCsv(join(out, 'agencies.csv'));
    const want = expectedKomitmen(corpus);
    expect(rows).toHaveLength(want.length);
    for (const w of want) {
      const r = rows.find((x) => x['agency_key'] === `kd:${w.agency.kd}`);
      expect(r, w.agency.kd).toMatchObject({
        pemda: w.pemda,
        kd_satker_str: w.agency.str,
        nama_satker: w.agency.nama,
        pdn_numerator: centsText(w.pdn),
        umk_numerator: centsText(w.umk),
        denominator: w.den === null ? '' : centsText(w.den),
        rup_penyedia: centsText(w.pagu),
        basis: 'komitmen',
        denominator_basis: 'belanja_pengadaan',
        pdn_target_pct: '40',
        pemda_key: `klpd:${w.kd}`,
        pemda_source: 'kd_klpd',
      });
      for (const [k, numer] of [
        ['pdn', w.pdn],
        ['umk', w.umk],
      ] as const) {
        const share = r![`${k}_share_pct`]!;
        const gap = r![`${k}_gap`]!;
        if (w.den === null) {
          expect(share).toBe('');
          expect(gap).toBe('');
          expect(r![`${k}_meets`]).toBe('');
          continue;
        }
        // Percent from exact cents (the CLI divides DOUBLEs: equal to 12 significant digits).
        const pct = (Number(numer) / Number(w.den)) * 100;
        expect(Math.abs(Number(share) - pct)).toBeLessThan(pct * 1e-12 + 1e-12);
        const gapCents = w.den * 40n - numer * 100n; // target 40 %: 0.4 × den − numer, in 1/100 cents
        const wantGap = gapCents > 0n ? (gapCents + 50n) / 100n : 0n; // rounded half up to the cent
        expect(gap).toBe(centsText(wantGap));
        expect(r![`${k}_meets`]).toBe(String(numer * 100n >= w.den * 40n));
      }
    }
    // The same name in two Pemda is two agencies, each under its own Pemda.
    const pendidikan = rows.filter((r) => r['nama_satker'] === 'DINAS PENDIDIKAN').map((r) => r['pemda']);
    expect(pendidikan.sort()).toEqual([PEMDA_A.nama, PEMDA_B.nama].sort());
    // Sorted by Pemda, then agency name.
    const order = rows.map((r) => `${r['pemda']}|${r['nama_satker']}`);
    expect(order).toEqual([...order].sort());
  });

  it('pemda.csv: one row per Pemda, the totals of its agencies that have a denominator', () => {
    const rows = readCsv(join(out, 'pemda.csv'));
    expect(rows.map((r) => r['pemda'])).toEqual([PEMDA_A.nama, PEMDA_B.nama]);
    const want = expectedKomitmen(corpus);
    for (const p of [PEMDA_A, PEMDA_B]) {
      const mine = want.filter((w) => w.pemda === p.nama);
      const withDen = mine.filter((w) => w.den !== null);
      const sum = (xs: typeof mine, f: (w: (typeof mine)[number]) => bigint) =>
        xs.reduce((s, w) => s + f(w), 0n);
      const den = sum(withDen, (w) => w.den!);
      const pdn = sum(withDen, (w) => w.pdn);
      const r = rows.find((x) => x['pemda'] === p.nama)!;
      expect(r).toMatchObject({
        agencies: String(mine.length),
        pdn_numerator: centsText(pdn),
        umk_numerator: centsText(sum(withDen, (w) => w.umk)),
        pdn_denominator: centsText(den),
        umk_denominator: centsText(den),
        pdn_agencies_with_denominator: String(withDen.length),
        pdn_numerator_without_denominator: centsText(
          sum(
            mine.filter((w) => w.den === null),
            (w) => w.pdn,
          ),
        ),
        pdn_agencies_meeting: String(withDen.filter((w) => w.pdn * 100n >= w.den! * 40n).length),
      });
      const pct = (Number(pdn) / Number(den)) * 100;
      expect(Math.abs(Number(r['pdn_share_pct']) - pct)).toBeLessThan(pct * 1e-12);
    }
    // Pemda A has an agency without a denominator (no Struktur Anggaran row); B has none.
    expect(rows[0]!['pdn_agencies_with_denominator']).toBe('2');
    expect(rows[1]!['pdn_numerator_without_denominator']).toBe('0.00');
  });

  it('import-report.csv: every input with its kind, counts per rule and reason, and SHA-256', () => {
    const rows = readCsv(join(out, 'import-report.csv'));
    const f = corpus.files;
    expect(rows.map((r) => [r['file'], r['status'], r['kind'], r['reason_code']])).toEqual([
      [f.penyediaA, 'loaded', 'rup_penyedia', ''],
      [f.strukturA, 'loaded', 'struktur_anggaran', ''],
      [f.tenderA, 'loaded', 'spse_tender', ''],
      [f.notes, 'skipped', '', 'ekstensi'],
      [f.generic, 'skipped', 'generik', 'generik'],
      [f.penyediaB, 'loaded', 'rup_penyedia', ''],
      [f.strukturB, 'loaded', 'struktur_anggaran', ''],
    ]);
    for (const r of rows) expect(r['sha256'], r['file']).toBe(sha(r['file']!));
    expect(rows[1]!['format']).toBe('xlsx');
    expect(rows[5]!['format']).toBe('windows-1252');
    expect(rows[6]!['delimiter']).toBe('tab');
    expect(rows[4]!['reason']).toContain('--accept-generic');
    const pa = corpus.pakets.filter((p) => PEMDA_A.agencies.includes(p.agency));
    const a = rows[0]!;
    expect(a).toMatchObject({
      rows_read: String(corpus.penyediaLines.a),
      rows_counted: String(pa.filter(counted).length),
      rows_excluded: String(pa.filter((p) => !counted(p)).length),
      rows_rejected: '3',
      excluded_paket_dihapus: String(pa.filter((p) => p.deleted).length),
      excluded_paket_tidak_aktif: String(pa.filter((p) => p.aktif === false).length),
      excluded_belum_diumumkan: String(pa.filter((p) => p.umumkan === 'Draf').length),
      rejected_angka_tidak_valid: '2',
      rejected_kd_rup_kosong: '1',
    });
    const t = corpus.tender;
    expect(rows[2]).toMatchObject({
      rows_read: String(t.read),
      rows_counted: String(t.loaded),
      rows_excluded: String(t.excluded),
      rows_rejected: String(t.rejected),
    });
    for (const [k, n] of Object.entries(t.rejectedByReason))
      expect(rows[2]![`rejected_${k}`]).toBe(String(n));
    expect(rows[5]!['rows_read']).toBe(String(corpus.penyediaLines.b));
    // A rule a file never met reads 0 for it; a file never loaded has no counts.
    expect(rows[1]!['excluded_paket_dihapus']).toBe('0');
    expect(rows[3]!['rows_read']).toBe('');
  });

  it('rejects.csv: each rejected row with file, line, column and reason; formulas neutralised', () => {
    const rows = readCsv(join(out, 'rejects.csv'));
    const a = rows.filter((r) => r['file'] === corpus.files.penyediaA);
    const first = corpus.penyediaLines.a - corpus.bad.length + 2; // header on line 1
    expect(a).toEqual(
      corpus.bad.map((b, i) => ({
        file: corpus.files.penyediaA,
        line: String(first + i),
        column: b.column,
        value: b.value === '=1+2' ? "'=1+2" : b.value,
        reason_code: b.reason,
        reason: b.reason === 'kd_rup_kosong' ? 'kd_rup kosong' : 'angka tidak valid',
        detail: '',
      })),
    );
    const tender = rows.filter((r) => r['file'] === corpus.files.tenderA);
    expect(tender).toHaveLength(corpus.tender.rejected);
    expect(rows).toHaveLength(a.length + tender.length);
  });
});

describe('CLI failures', () => {
  it('a path that does not exist: exit 2 and a clear message, in Indonesian or English', async () => {
    const missing = join(work, 'tidak-ada.csv');
    const id = await runCli(['report', missing, '--out', join(work, 'o1')]);
    expect(id.code).toBe(2);
    expect(id.stderr).toContain(`Tidak dapat membaca ${missing}: berkas atau folder itu tidak ada.`);
    const en = await runCli(['report', missing, '--out', join(work, 'o2'), '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`Cannot read ${missing}: no such file or folder.`);
  });

  it('an unreadable file beside a good one: exit 1, the reason in the import report', async () => {
    const bin = join(work, 'in', 'rusak.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      bin,
      Uint8Array.from({ length: 4096 }, (_, i) => (i * 7) % 256),
    );
    const o = join(work, 'o3');
    const r = await runCli(['report', corpus.files.strukturA, bin, '--out', o, '--threads', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bukan berkas teks CSV');
    const rows = readCsv(join(o, 'import-report.csv'));
    expect(rows.map((x) => [x['status'], x['reason_code']])).toEqual([
      ['loaded', ''],
      ['failed', 'biner'],
    ]);
    expect(rows[1]!['sha256']).toBe(sha(bin));
    // Nothing loadable at all: exit 2, the import report still says why.
    const none = await runCli(['report', bin, '--out', join(work, 'o4')]);
    expect(none.code).toBe(2);
    expect(readCsv(join(work, 'o4', 'import-report.csv'))[0]!['reason_code']).toBe('biner');
  });

  it('bad arguments: exit 2 and the usage', async () => {
    const r = await runCli(['report', corpus.files.strukturA]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out?');
    expect(r.stderr).toContain('Pemakaian: npm run cli -- report');
    const b = await runCli(['report', corpus.files.strukturA, '--out', work, '--basis', 'x', '--lang', 'en']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('Invalid arguments: --basis x');
    const t = await runCli(['report', corpus.files.strukturA, '--out', work, '--target-pdn', '120']);
    expect(t.code).toBe(2);
  });
});

describe('decimalCell', () => {
  it('keeps exact decimal text; writes a negative one as a number while that is exact', () => {
    expect(decimalCell('1234.50')).toBe('1234.50');
    expect(decimalCell(null)).toBe(null);
    expect(decimalCell('-1234.50')).toBe(-1234.5);
    expect(decimalCell('-9999999999999.99')).toBe(-9999999999999.99); // 15 digits
    expect(decimalCell('-99999999999999.99')).toBe('-99999999999999.99'); // 16: text (formula-guarded on output)
  });
});
