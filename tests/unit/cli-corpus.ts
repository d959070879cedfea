/**
 * The CLI's fixture corpus, written to a folder: two Pemda whose agencies have the same names (different SIRUP
 * ids and codes), in every input form the CLI reads — UTF-8 CSV, .xlsx, Windows-1252 CSV, TSV, a folder with a
 * subfolder, a file of another type and a generic-only sheet. Expected figures are computed here from the fixture
 * rows with BigInt cents, independently of the code under test.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { expect } from 'vitest';
import { serialize } from '../helpers/csv-bytes';
import { REALISASI_FIXTURES, expectedReport, realisasiRows } from '../helpers/exports';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS, STRUKTUR_HEADERS } from '../../scripts/sample/layouts';
import { mulberry32 as rng } from '../../scripts/sample/prng';
import { centsText, counted, penyediaRow, type Agency, type Paket } from '../helpers/fixtures';
import { writeXlsx, type XCell } from '../helpers/xlsx-writer';

export interface Pemda {
  nama: string;
  kd: string;
  agencies: Agency[];
}

/** Pemda A's agencies are those the realisasi fixtures (tests/helpers/exports.ts) write their transactions for. */
export const PEMDA_A: Pemda = {
  nama: 'Kab. Uji',
  kd: 'D999',
  agencies: [
    { kd: '63421', str: '1.01.2.22.0.00.01.0000', nama: 'DINAS PENDIDIKAN' },
    { kd: '63422', str: '1.02.0.00.0.00.01.0000', nama: 'Dinas Kesehatan' },
    { kd: '63423', str: '4.01.0.00.0.00.01.0000', nama: 'SEKRETARIAT DAERAH' },
  ],
};
export const PEMDA_B: Pemda = {
  nama: 'Kota Contoh',
  kd: 'D111',
  agencies: [
    { kd: '71001', str: '1.01.2.22.0.00.02.0000', nama: 'DINAS PENDIDIKAN' },
    { kd: '71002', str: '1.02.0.00.0.00.02.0000', nama: 'Dinas Kesehatan' },
  ],
};

interface Bad {
  row: Record<string, string>;
  reason: string;
  column: string;
  value: string;
}

/** Packages of one Pemda: a few per agency, some excluded by one rule each. */
function pakets(p: Pemda, seed: number, firstKdRup: number): Paket[] {
  const rand = rng(seed);
  const out: Paket[] = [];
  let i = 0;
  for (const agency of p.agencies) {
    for (let j = 0; j < 9; j++, i++) {
      const r = j % 9;
      out.push({
        agency,
        kdRup: String(firstKdRup + i),
        cents: BigInt(Math.floor(rand() * 4_000_000_000)) * 100n + BigInt(Math.floor(rand() * 100)),
        pdn: rand() < 0.5,
        ukm: rand() < 0.4,
        deleted: r === 6,
        aktif: r !== 7,
        umumkan: r === 8 ? 'Draf' : 'Terumumkan',
      });
    }
  }
  return out;
}

function pemdaRow(p: Pemda, row: Record<string, string>): Record<string, string> {
  return { ...row, nama_klpd: p.nama, kd_klpd: p.kd };
}

export interface Corpus {
  dir: string;
  /** The command-line arguments naming the inputs (files of A, the folder of B). */
  inputs: string[];
  files: {
    penyediaA: string;
    strukturA: string;
    tenderA: string;
    penyediaB: string;
    strukturB: string;
    notes: string;
    generic: string;
  };
  pakets: Paket[];
  bad: Bad[];
  /** belanja_pengadaan per SIRUP id (cents); absent: no Struktur Anggaran row. */
  belanja: Map<string, bigint>;
  pemdaOf: Map<string, Pemda>;
  tender: ReturnType<typeof expectedReport>;
  penyediaLines: { a: number; b: number };
}

export function writeCorpus(dir: string): Corpus {
  const a = pakets(PEMDA_A, 7, 10_000);
  const b = pakets(PEMDA_B, 11, 20_000);
  // Bad values on packages the rules would count, at the end of Pemda A's file.
  const ok: Paket = { ...a[0]!, deleted: false, aktif: true, umumkan: 'Terumumkan' };
  const bad: Bad[] = [
    { row: { ...penyediaRow({ ...ok, kdRup: '19000001' }), pagu: 'abc' }, reason: 'angka_tidak_valid', column: 'pagu', value: 'abc' }, // prettier-ignore
    { row: { ...penyediaRow({ ...ok, kdRup: '19000002' }), kd_rup: '' }, reason: 'kd_rup_kosong', column: 'kd_rup', value: '' }, // prettier-ignore
    { row: { ...penyediaRow({ ...ok, kdRup: '19000003' }), pagu: '=1+2' }, reason: 'angka_tidak_valid', column: 'pagu', value: '=1+2' }, // prettier-ignore
  ];
  const files = {
    penyediaA: join(dir, 'a', 'RUP-PaketPenyedia-A.csv'),
    strukturA: join(dir, 'a', 'Struktur-A.xlsx'),
    tenderA: join(dir, 'a', 'SPSE-Tender-A.csv'),
    penyediaB: join(dir, 'b', 'sirup', 'RUP-PaketPenyedia-B.csv'),
    strukturB: join(dir, 'b', 'sirup', 'Struktur-B.tsv'),
    notes: join(dir, 'b', 'catatan.txt'),
    generic: join(dir, 'b', 'lain', 'transaksi-lain.csv'),
  };
  mkdirSync(join(dir, 'a'), { recursive: true });
  mkdirSync(join(dir, 'b', 'sirup'), { recursive: true });
  mkdirSync(join(dir, 'b', 'lain'), { recursive: true });

  writeFileSync(
    files.penyediaA,
    toCsv(PENYEDIA_HEADERS, [...a.map((p) => penyediaRow(p)), ...bad.map((x) => x.row)]),
  );
  // Pemda B as Excel on an Indonesian PC saves "CSV": Windows-1252, an en dash in the package names.
  const rowsB = b.map((p) => pemdaRow(PEMDA_B, { ...penyediaRow(p), nama_paket: `Pengadaan – ${p.kdRup}` }));
  writeFileSync(files.penyediaB, serialize(PENYEDIA_HEADERS, rowsB, { latin1: true }).bytes);

  const rand = rng(23);
  const belanja = new Map<string, bigint>();
  for (const ag of [...PEMDA_A.agencies.slice(0, 2), ...PEMDA_B.agencies]) {
    belanja.set(ag.kd, BigInt(Math.floor(rand() * 30_000_000_000)) * 100n + 45n);
  }
  const strukturRow = (p: Pemda, ag: Agency): Record<string, string> => {
    const bp = belanja.get(ag.kd)!;
    return {
      tahun_anggaran: '2025',
      kd_klpd: p.kd,
      nama_klpd: p.nama,
      kd_satker: ag.kd,
      kd_satker_str: ag.str,
      nama_satker: ag.nama,
      belanja_pengadaan: centsText(bp),
      belanja_non_pengadaan: '0',
      total_belanja: centsText(bp),
    };
  };
  // Pemda A's SEKRETARIAT DAERAH has no Struktur Anggaran row: no denominator, empty shares.
  const sa = PEMDA_A.agencies.slice(0, 2).map((ag) => strukturRow(PEMDA_A, ag));
  const numeric = new Set(['belanja_pengadaan', 'belanja_non_pengadaan', 'total_belanja', 'tahun_anggaran']);
  const sheet: XCell[][] = [
    [...STRUKTUR_HEADERS],
    ...sa.map((r) => STRUKTUR_HEADERS.map((h) => (r[h] ? (numeric.has(h) ? { n: r[h] } : r[h]) : null))),
  ];
  writeFileSync(files.strukturA, writeXlsx(sheet));
  writeFileSync(
    files.strukturB,
    toCsv(
      STRUKTUR_HEADERS,
      PEMDA_B.agencies.map((ag) => strukturRow(PEMDA_B, ag)),
      '\t',
    ),
  );

  const spec = REALISASI_FIXTURES.find((s) => s.kind === 'spse_tender')!;
  const tenderRows = realisasiRows(spec, 14, 5, 'api');
  writeFileSync(
    files.tenderA,
    serialize(
      spec.headers,
      tenderRows.map((r) => r.cells),
    ).bytes,
  );

  writeFileSync(files.notes, 'Catatan: berkas ini bukan data.\n');
  writeFileSync(files.generic, 'satuan_kerja,nilai,catatan\nDINAS PENDIDIKAN,1000,uji\n');

  const pemdaOf = new Map<string, Pemda>();
  for (const p of [PEMDA_A, PEMDA_B]) for (const ag of p.agencies) pemdaOf.set(ag.kd, p);
  return {
    dir,
    inputs: [files.penyediaA, files.strukturA, files.tenderA, join(dir, 'b')],
    files,
    pakets: [...a, ...b],
    bad,
    belanja,
    pemdaOf,
    tender: expectedReport(tenderRows),
    penyediaLines: { a: a.length + bad.length, b: b.length },
  };
}

/** Komitmen per agency from the fixture rows, BigInt cents. */
export function expectedKomitmen(c: Corpus) {
  return [PEMDA_A, PEMDA_B].flatMap((p) =>
    p.agencies.map((ag) => {
      const mine = c.pakets.filter((x) => x.agency === ag && counted(x));
      const sum = (xs: Paket[]) => xs.reduce((s, x) => s + x.cents, 0n);
      return {
        pemda: p.nama,
        kd: p.kd,
        agency: ag,
        pdn: sum(mine.filter((x) => x.pdn)),
        umk: sum(mine.filter((x) => x.ukm)),
        pagu: sum(mine),
        den: c.belanja.get(ag.kd) ?? null,
      };
    }),
  );
}

const REPO = resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number;
  stderr: string;
}

/** `npm run cli -- …` without npm: node + tsx on src/cli/main.ts. */
export function runCli(args: readonly string[]): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(REPO, 'src/cli/main.ts'), ...args],
      { cwd: REPO, maxBuffer: 64 * 1024 * 1024, timeout: 240_000 },
      (err, _stdout, stderr) => done({ code: err ? Number(err.code ?? 1) : 0, stderr }),
    );
  });
}

export function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}
