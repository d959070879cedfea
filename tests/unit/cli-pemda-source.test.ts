/**
 * Files that name no Pemda (no kd_klpd / nama_klpd columns) loaded beside files that do, through the command line:
 * where their rows belong is the agency register's answer, and the report says how it was reached — per agency
 * (`pemda_source` in agencies.csv), per file (`pemda`, `pemda_source`, `rows_unknown_pemda`, `pemda_note` in
 * import-report.csv) and on stderr — never a silent guess. Expected figures are BigInt cents from the fixture rows.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIRUP_WEB_LABEL_HEADERS, SWAKELOLA_HEADERS } from '../../scripts/sample/layouts';
import { toCsv } from '../../scripts/sample/csv';
import { centsText } from '../helpers/fixtures';
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

const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);

/**
 * RUP swakelola of two of Pemda A's agencies (not its "Dinas Kesehatan", whose name the web list below uses), by
 * SIRUP satker id, without any Pemda column.
 */
const SWA_HEADERS = SWAKELOLA_HEADERS.filter((h) => !['kd_klpd', 'nama_klpd', 'jenis_klpd'].includes(h));
const swakelola = [PEMDA_A.agencies[0]!, PEMDA_A.agencies[2]!].flatMap(
  (ag, i) =>
  [0, 1, 2].map((j) => ({ agency: ag, kdRup: String(30_000 + i * 10 + j), cents: 123_456_789_00n + BigInt(i * 1000 + j * 7) })), // prettier-ignore
);
const swakelolaCsv = toCsv(
  SWA_HEADERS,
  swakelola.map((s) => ({
    tahun_anggaran: '2025',
    kd_satker: s.agency.kd,
    kd_satker_str: s.agency.str,
    nama_satker: s.agency.nama,
    kd_rup: s.kdRup,
    nama_paket: `Swakelola ${s.kdRup}`,
    pagu: centsText(s.cents),
    tipe_swakelola: '1',
    status_aktif_rup: 'true',
    status_delete_rup: 'false',
    status_umumkan_rup: 'Terumumkan',
  })),
);

/** The SIRUP web list: names only (no Pemda, no satker id, no code). */
interface WebPaket {
  kd: string;
  satker: string;
  cents: bigint;
  pdn: boolean;
  ukm: boolean;
}
const webList = (pakets: readonly WebPaket[]) =>
  toCsv(
    SIRUP_WEB_LABEL_HEADERS,
    pakets.map((p) => ({
      'Kode RUP': p.kd,
      'Nama Paket': `Paket ${p.kd}`,
      'Total Pagu': centsText(p.cents),
      'Satuan Kerja': p.satker,
      'Produk Dalam Negeri': p.pdn ? 'Ya' : 'Tidak',
      'Usaha Kecil/Koperasi': p.ukm ? 'Ya' : 'Tidak',
    })),
  );
const web = (satker: string, from: number, n: number): WebPaket[] =>
  Array.from({ length: n }, (_, i) => ({
    kd: String(from + i),
    satker,
    cents: 2_500_000_00n + BigInt(from % 1000) * 10_000_00n + BigInt(i * 13),
    pdn: i % 2 === 0,
    ukm: i % 3 === 0,
  }));

let work: string;
let corpus: Corpus;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cli-pemda-'));
  corpus = writeCorpus(join(work, 'in'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function writeIn(name: string, text: string): string {
  const dir = join(work, 'extra');
  mkdirSync(dir, { recursive: true });
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('two Pemda loaded, plus files that name no Pemda', () => {
  const unknownWeb = [...web('Dinas Kesehatan', 40_000, 4), ...web('DINAS PERHUBUNGAN', 41_000, 3)];
  let run: CliRun;
  let out: string;
  let files: { swa: string; web: string };
  beforeAll(async () => {
    files = {
      swa: writeIn('RUP-PaketSwakelola-tanpa-klpd.csv', swakelolaCsv),
      web: writeIn('daftar-paket-sirup-web.csv', webList(unknownWeb)),
    };
    out = join(work, 'out-two');
    const f = corpus.files;
    run = await runCli(['report', f.penyediaA, f.strukturA, f.penyediaB, f.strukturB, files.swa, files.web, '--out', out, '--threads', '1']); // prettier-ignore
  }, 240_000);

  it('exits 0: every file loaded', () => {
    expect(run.code, run.stderr).toBe(0);
  });

  it('the swakelola file (SIRUP satker ids) goes to Pemda A through its agencies; A and B keep their figures', () => {
    const rows = readCsv(join(out, 'agencies.csv'));
    for (const w of expectedKomitmen(corpus)) {
      const mine = swakelola.filter((s) => s.agency === w.agency);
      expect(
        rows.find((r) => r['agency_key'] === `kd:${w.agency.kd}`),
        w.agency.kd,
      ).toMatchObject({
        pemda: w.pemda,
        pemda_key: `klpd:${w.kd}`,
        pemda_source: 'kd_klpd',
        pdn_numerator: centsText(w.pdn),
        umk_numerator: centsText(w.umk),
        denominator: w.den === null ? '' : centsText(w.den),
        rup_swakelola: centsText(sum(mine.map((s) => s.cents))),
        swakelola_packages: String(mine.length),
      });
    }
  });

  it('the names-only web list cannot be placed in A or B: its agencies are listed under "Pemda tidak diketahui"', () => {
    const rows = readCsv(join(out, 'agencies.csv'));
    const unknown = rows.filter((r) => r['pemda_key'] === 'tanpa_pemda');
    expect(unknown.map((r) => r['nama_satker'])).toEqual(['DINAS PERHUBUNGAN', 'Dinas Kesehatan']);
    for (const r of unknown) {
      const mine = unknownWeb.filter((p) => p.satker === r['nama_satker']);
      expect(r).toMatchObject({
        pemda: 'Pemda tidak diketahui',
        pemda_source: 'tanpa_pemda',
        pdn_numerator: centsText(sum(mine.filter((p) => p.pdn).map((p) => p.cents))),
        umk_numerator: centsText(sum(mine.filter((p) => p.ukm).map((p) => p.cents))),
        rup_penyedia: centsText(sum(mine.map((p) => p.cents))),
        packages: String(mine.length),
        denominator: '',
        pdn_share_pct: '',
      });
    }
    // The bucket comes last; A's and B's "Dinas Kesehatan" are still their own.
    expect(rows.slice(-2)).toEqual(unknown);
    expect(rows.filter((r) => r['nama_satker'] === 'Dinas Kesehatan').map((r) => r['pemda_key'])).toEqual([
      'klpd:D999',
      'klpd:D111',
      'tanpa_pemda',
    ]);
    const pemda = readCsv(join(out, 'pemda.csv'));
    expect(pemda.map((r) => [r['pemda'], r['pemda_key'], r['agencies']])).toEqual([
      [PEMDA_A.nama, 'klpd:D999', '3'],
      [PEMDA_B.nama, 'klpd:D111', '2'],
      ['Pemda tidak diketahui', 'tanpa_pemda', '2'],
    ]);
    // Without a denominator its rupiah are counted apart, never in a share.
    expect(pemda[2]).toMatchObject({
      pdn_numerator: '0.00',
      pdn_denominator: '',
      pdn_share_pct: '',
      pdn_numerator_without_denominator: centsText(sum(unknownWeb.filter((p) => p.pdn).map((p) => p.cents))),
    });
  });

  it('import-report.csv and stderr say, per file, which Pemda its rows belong to and how that is known', () => {
    const rows = readCsv(join(out, 'import-report.csv'));
    const by = (p: string) => rows.find((r) => r['file'] === p)!;
    expect(by(corpus.files.penyediaA)).toMatchObject({
      pemda: PEMDA_A.nama,
      pemda_key: 'klpd:D999',
      pemda_source: 'kd_klpd',
      rows_unknown_pemda: '0',
      pemda_note: '',
    });
    const swaNote = `${swakelola.length} baris tanpa kd_klpd/nama_klpd masuk ${PEMDA_A.nama} lewat perangkat daerahnya, yang cocok (kode satker SIRUP, kode atau nama) dengan perangkat daerah berkas lain yang menyebut Pemda-nya.`; // prettier-ignore
    expect(by(files.swa)).toMatchObject({
      pemda: PEMDA_A.nama,
      pemda_key: 'klpd:D999',
      pemda_source: 'perangkat_daerah',
      rows_unknown_pemda: '0',
      pemda_note: swaNote,
    });
    const webNote = `${unknownWeb.length} baris tanpa kd_klpd/nama_klpd tidak dapat ditempatkan di satu Pemda (beberapa Pemda dimuat dan perangkat daerahnya tidak cocok lewat kode satker SIRUP): dicatat sebagai “Pemda tidak diketahui”, tidak dihitung pada Pemda mana pun.`; // prettier-ignore
    expect(by(files.web)).toMatchObject({
      pemda: 'Pemda tidak diketahui',
      pemda_key: 'tanpa_pemda',
      pemda_source: 'tanpa_pemda',
      rows_unknown_pemda: String(unknownWeb.length),
      pemda_note: webNote,
    });
    expect(run.stderr).toContain(`  ${files.swa}: ${swaNote}`);
    expect(run.stderr).toContain(`  ${files.web}: ${webNote}`);
  });
});

describe('one Pemda loaded, plus a names-only file', () => {
  // "Dinas Pendidikan" matches Pemda A's DINAS PENDIDIKAN by name; "Dinas Perhubungan" matches nothing.
  const oneWeb = [...web('Dinas Pendidikan', 42_000, 3), ...web('Dinas Perhubungan', 43_000, 2)];
  let run: CliRun;
  let out: string;
  let webFile: string;
  beforeAll(async () => {
    webFile = writeIn('daftar-paket-satu-pemda.csv', webList(oneWeb));
    out = join(work, 'out-one');
    run = await runCli(['report', corpus.files.penyediaA, corpus.files.strukturA, webFile, '--out', out, '--threads', '1', '--lang', 'en', '--memory-stats']); // prettier-ignore
  }, 240_000);

  it('rows whose agency matched go to it; the others to the one Pemda named, each said so', () => {
    expect(run.code, run.stderr).toBe(0);
    const rows = readCsv(join(out, 'agencies.csv'));
    const pendidikan = expectedKomitmen(corpus).find((w) => w.agency === PEMDA_A.agencies[0])!;
    const matched = oneWeb.filter((p) => p.satker === 'Dinas Pendidikan');
    expect(rows.find((r) => r['agency_key'] === `kd:${pendidikan.agency.kd}`)).toMatchObject({
      pemda: PEMDA_A.nama,
      pemda_source: 'kd_klpd',
      pdn_numerator: centsText(pendidikan.pdn + sum(matched.filter((p) => p.pdn).map((p) => p.cents))),
      rup_penyedia: centsText(pendidikan.pagu + sum(matched.map((p) => p.cents))),
    });
    const alone = oneWeb.filter((p) => p.satker === 'Dinas Perhubungan');
    expect(rows.filter((r) => r['nama_satker'] === 'Dinas Perhubungan')).toEqual([
      expect.objectContaining({
        pemda: PEMDA_A.nama,
        pemda_key: 'klpd:D999',
        pemda_source: 'satu_pemda',
        pdn_numerator: centsText(sum(alone.filter((p) => p.pdn).map((p) => p.cents))),
        denominator: '',
      }),
    ]);
    expect(readCsv(join(out, 'pemda.csv')).map((r) => [r['pemda_key'], r['agencies']])).toEqual([
      ['klpd:D999', '4'],
    ]);
    const notes = [
      `${matched.length} rows without kd_klpd/nama_klpd belong to ${PEMDA_A.nama} through their agency, which matched (SIRUP satker id, code or name) an agency that another file places in its Pemda.`,
      `${alone.length} rows without kd_klpd/nama_klpd, whose agency matched none of another file, are taken to belong to ${PEMDA_A.nama}: the only Pemda the data names.`,
    ]; // prettier-ignore
    expect(readCsv(join(out, 'import-report.csv')).find((r) => r['file'] === webFile)).toMatchObject({
      pemda: PEMDA_A.nama,
      pemda_source: 'perangkat_daerah | satu_pemda',
      rows_unknown_pemda: '0',
      pemda_note: notes.join(' '),
    });
    for (const n of notes) expect(run.stderr).toContain(`  ${webFile}: ${n}`);
  });

  it("--memory-stats: DuckDB's own peak memory and spill on stderr", () => {
    const m = /DuckDB memory: peak (\d+\.\d\d) GiB in memory, (\d+\.\d\d) GiB in temporary storage \(spill\); memory limit (.+) \((\d+) samples\)\./.exec(run.stderr); // prettier-ignore
    expect(m, run.stderr).not.toBeNull();
    expect(Number(m![4])).toBeGreaterThan(0);
    expect(m![3]).toMatch(/i?B$/);
  });
});
