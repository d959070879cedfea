/**
 * The typed read (years and yes/no columns typed by DuckDB's CSV reader), its fallback to text, and the money
 * formats decided from the classifying pass's flags give exactly the rows of the careful all-text path: the
 * importer's result is compared with (a) expectations computed here from the generated rows and (b) the careful
 * path rebuilt here from its parts (all_varchar view, format decided by a scan of every cell, classify macros).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { KINDS } from '../../src/p3dn/kinds';
import { classifySql } from '../../src/p3dn/import/classify';
import { READER_TYPES, resolveMapping } from '../../src/p3dn/import/columns';
import { decideNumberFormats } from '../../src/p3dn/import/number-format';
import { csvOptions } from '../../src/p3dn/import/read';
import { sniffCsvHead } from '../../src/p3dn/import/sniff';
import { HEAD_RECORDS } from '../../src/p3dn/import/typed-read';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS } from '../../scripts/sample/layouts';
import { centsText, penyediaRow } from '../helpers/fixtures';
import { freshEngine, importText } from '../helpers/engine';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await freshEngine();
});
afterAll(() => engine.close());

const agency = { kd: '71002', str: '1.02.0.00.0.00.01.0000', nama: 'DINAS TIPE' };
const SPEC = KINDS.rup_penyedia;

interface Pkg {
  kd: string;
  tahun: string;
  pagu: string;
  aktif: string;
  hapus: string;
}

/** `n` packages: years alternate, every 7th inactive, every 11th deleted; pagu written by `pagu(i)`. */
function packages(n: number, kd0: number, pagu: (i: number) => string): Pkg[] {
  return Array.from({ length: n }, (_, i) => ({
    kd: String(kd0 + i),
    tahun: i % 2 ? '2024' : '2025',
    pagu: pagu(i),
    aktif: i % 7 === 3 ? 'false' : 'true',
    hapus: i % 11 === 5 ? 'true' : 'false',
  }));
}

function csv(pkgs: readonly Pkg[]): string {
  return toCsv(
    PENYEDIA_HEADERS,
    pkgs.map((p) => ({
      ...penyediaRow({ agency, kdRup: p.kd, cents: 0n, pdn: true, ukm: false }),
      tahun_anggaran: p.tahun,
      pagu: p.pagu,
      status_aktif_rup: p.aktif,
      status_delete_rup: p.hapus,
    })) as Record<string, string>[],
  );
}

/** The rows as the app holds them after the import: loaded and excluded rows, and the rejects by line. */
async function imported(fileId: number) {
  const rows = await engine.query(
    `SELECT kd_rup, line, tahun, CAST(pagu AS VARCHAR) AS pagu, status_aktif, status_delete, exclusion
     FROM rup_penyedia WHERE file_id = ? ORDER BY line`,
    [fileId],
  );
  const rejects = await engine.query(
    'SELECT line, value, reason FROM import_reject WHERE file_id = ? ORDER BY line',
    [fileId],
  );
  return { rows, rejects };
}

let seq = 0;
/**
 * The careful path, rebuilt from its parts: every column read as text with the importer's reader options, each
 * money format decided by a scan of every cell, every cell through the classify macros. No dedup is needed here
 * (the generated keys are unique) and the lines are record + 1 (no blank lines, no breaks inside cells).
 */
async function careful(text: string) {
  const n = ++seq;
  const file = `careful_${n}.csv`;
  await engine.registerFile(file, new TextEncoder().encode(text));
  const head = sniffCsvHead(new TextEncoder().encode(text.slice(0, 200_000)));
  if ('error' in head) throw new Error(head.error);
  const [view, out] = [`careful_raw_${n}`, `careful_cls_${n}`];
  await engine.exec(`CREATE TEMP VIEW ${view} AS SELECT * FROM read_csv('${file}', header = true,
    ${csvOptions(head, `careful_rej_${n}`, `careful_scan_${n}`)}) WITH ORDINALITY`);
  const cols = (await engine.query(`SELECT column_name FROM (DESCRIBE ${view})`))
    .map((r) => String(r['column_name']))
    .filter((c) => c !== 'ordinality');
  const mapping = resolveMapping(SPEC, cols, head.headers);
  const formats = await decideNumberFormats(engine, SPEC, view, mapping);
  await engine.exec(
    classifySql(SPEC, view, cols, out, mapping, formats).replace(
      'CREATE OR REPLACE TABLE',
      'CREATE TEMP TABLE',
    ),
  );
  const all = `SELECT kd_rup, line, tahun, CAST(pagu AS VARCHAR) AS pagu, status_aktif, status_delete, exclusion FROM ${out}`;
  return {
    formats: Object.fromEntries(formats),
    rows: await engine.query(`${all} WHERE reject_code IS NULL ORDER BY line`),
    rejects: await engine.query(
      `SELECT line, reject_value AS value, reject_code AS reason FROM ${out} WHERE reject_code IS NOT NULL ORDER BY line`,
    ),
  };
}

/** The exclusion the RUP rules give a package (written from the rules: deleted first, then inactive). */
const exclusionOf = (p: Pkg) =>
  p.hapus === 'true' ? 'paket_dihapus' : p.aktif === 'false' ? 'paket_tidak_aktif' : null;

describe('the CSV reader types what it types exactly', () => {
  it('every spelling it accepts as INTEGER or BOOLEAN has the value the macros give the text', async () => {
    const cells = ['true', 'TRUE', 'True', ' true', 't', 'T', 'yes', 'Yes', 'y', 'Y', '1', '0', 'f', 'F',
      'false', 'False', 'no', 'NO', 'n', 'N', 'ya', 'tidak', 'on', '2', '-1', '01', '1.0', ' 1', '1 ', '', '  ',
      'null', '2025', '2025.0', '2025.5', ' 2025', '+2025', '1e3', '2147483648', '0x7E9', '2_025', '٢٠٢٥',
      '2,025', '.5', '5.', '-0', '\t7', 'TA 2025', '2025/2026']; // prettier-ignore
    const text = 'i,v\n' + cells.map((c, i) => `${i},"${c}"`).join('\n') + '\n';
    await engine.registerFile('spellings.csv', new TextEncoder().encode(text));
    const macro = {
      int: 'coalesce(TRY_CAST(v AS INTEGER), TRY_CAST(p3dn_code(v) AS INTEGER))',
      bool: 'p3dn_bool(v)',
    };
    let accepted = 0;
    for (const [kind, type] of Object.entries(READER_TYPES) as [keyof typeof macro, string][]) {
      const opts = `header = true, delim = ',', quote = '"', escape = '"'`;
      const rows = await engine.query(`WITH t AS (
          SELECT CAST(i AS INT) AS i, CAST(${macro[kind]} AS VARCHAR) AS m
          FROM read_csv('spellings.csv', ${opts}, all_varchar = true)),
        r AS (SELECT CAST(i AS INT) AS i, CAST(v AS VARCHAR) AS r FROM read_csv('spellings.csv', ${opts},
          all_varchar = true, types = {'v': '${type}'}, store_rejects = true,
          rejects_table = 'sp_rej_${kind}', rejects_scan = 'sp_scan_${kind}'))
        SELECT t.i, t.m, r.r FROM t JOIN r USING (i) ORDER BY t.i`);
      for (const r of rows) expect([cells[Number(r['i'])], r['r']]).toEqual([cells[Number(r['i'])], r['m']]);
      accepted += rows.length;
      const [rej] = await engine.query(`SELECT count(DISTINCT line) AS n FROM sp_rej_${kind}`);
      // Every cell is either accepted with the macro's value or refused (then the file is read as text).
      expect(rows.length + Number(rej?.['n'])).toBe(cells.length);
    }
    expect(accepted).toBeGreaterThan(40);
  });
});

describe('typed read, fallback and decided formats give the careful path’s rows', () => {
  it('a clean export past the first records: the reader types the year and yes/no columns', async () => {
    const pkgs = packages(3000, 81_000_000, (i) =>
      centsText(BigInt(1_000_000 + i * 7_919) * 100n + BigInt(i % 100)),
    );
    const text = csv(pkgs);
    const res = await importText(engine, 'typed-clean.csv', text);
    expect(res.readPath).toEqual({
      typed: ['tahun_anggaran', 'status_aktif_rup', 'status_delete_rup'],
      fallback: false,
      reclassified: false,
    });
    expect(res.numberFormats).toEqual({ pagu: 'plain' });
    const got = await imported(res.fileId);
    // Independently: every package on its line, its year and value as written, its exclusion from the rules.
    expect(got.rows).toEqual(
      pkgs.map((p, i) => ({
        kd_rup: p.kd,
        line: i + 2,
        tahun: Number(p.tahun),
        pagu: p.pagu,
        status_aktif: p.aktif === 'true',
        status_delete: p.hapus === 'true',
        exclusion: exclusionOf(p),
      })),
    );
    expect(got.rejects).toEqual([]);
    const ref = await careful(text);
    expect(got.rows).toEqual(ref.rows);
    expect(ref.formats).toEqual(res.numberFormats);
  });

  it('a year and a yes/no cell the reader refuses past line 2,048: the whole file is read as text again', async () => {
    const pkgs = packages(2600, 82_000_000, (i) => `${1_000 + i}.50`);
    pkgs[2300]!.tahun = 'TA 2025';
    pkgs[2400]!.aktif = 'ya';
    pkgs[2500]!.hapus = 'tidak';
    const text = csv(pkgs);
    const res = await importText(engine, 'typed-fallback.csv', text);
    expect(res.readPath).toEqual({ typed: [], fallback: true, reclassified: false });
    expect(res.counts).toMatchObject({ read: 2600, rejected: 0 });
    const got = await imported(res.fileId);
    // The careful reading: `TA 2025` is no year (NULL, loaded), `ya` is active, `tidak` not deleted.
    const row = (i: number) => got.rows.find((r) => r['kd_rup'] === pkgs[i]!.kd);
    expect(row(2300)).toMatchObject({ line: 2302, tahun: null });
    expect(row(2400)).toMatchObject({ line: 2402, status_aktif: true, exclusion: null });
    expect(row(2500)).toMatchObject({ line: 2502, status_delete: false, exclusion: null });
    expect(got.rows.length).toBe(2600);
    expect(got.rows).toEqual((await careful(text)).rows);
  });

  it('money cells past line 2,048 that do not fit the column: rejected by name, the rest exact (Indonesian)', async () => {
    const cents = (i: number) => BigInt(2_000_000 + i * 104_729) * 100n + BigInt((i * 37) % 100);
    const idText = (c: bigint) =>
      `${(c / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${String(c % 100n).padStart(2, '0')}`;
    const pkgs = packages(2500, 83_000_000, (i) => idText(cents(i)));
    pkgs[2100]!.pagu = '1.234,5x';
    pkgs[2200]!.pagu = 'Rp 1.000';
    pkgs[2300]!.pagu = '1,234.50';
    const text = csv(pkgs);
    const res = await importText(engine, 'typed-id.csv', text);
    expect(res.numberFormats).toEqual({ pagu: 'id' });
    expect(res.readPath).toMatchObject({ fallback: false, reclassified: false });
    expect(res.readPath.typed).toContain('tahun_anggaran');
    const got = await imported(res.fileId);
    expect(got.rejects).toEqual([
      { line: 2102, value: '1.234,5x', reason: 'angka_tidak_valid' },
      { line: 2302, value: '1,234.50', reason: 'angka_format_kolom' },
    ]);
    // `Rp 1.000` is one thousand rupiah in an Indonesian column.
    expect(got.rows.find((r) => r['kd_rup'] === pkgs[2200]!.kd)?.['pagu']).toBe('1000.00');
    const expected = pkgs.flatMap((_, i) =>
      i === 2100 || i === 2300 ? [] : [i === 2200 ? '1000.00' : centsText(cents(i))],
    );
    expect(got.rows.map((r) => r['pagu'])).toEqual(expected);
    const ref = await careful(text);
    expect(got.rows).toEqual(ref.rows);
    expect(got.rejects).toEqual(ref.rejects);
  });

  it('a column whose later cells outvote the first records: decided from every cell, classified again', async () => {
    // The first 2,048 cells are plain integers (every format fits them: the guess is `plain`); 2,100 later ones
    // carry Indonesian thousands and decimal commas (`id` only) and 200 English ones: `id` fits the most cells.
    const n = HEAD_RECORDS + 2_300;
    const pkgs = packages(n, 84_000_000, (i) =>
      i < HEAD_RECORDS
        ? String(5_000 + i)
        : i % 11 === 0 && i < HEAD_RECORDS + 2_200
          ? `${i},000.25`
          : `${i}.000,75`,
    );
    const text = csv(pkgs);
    const res = await importText(engine, 'typed-mixed.csv', text);
    expect(res.numberFormats).toEqual({ pagu: 'id' });
    expect(res.readPath).toMatchObject({ fallback: false, reclassified: true });
    const got = await imported(res.fileId);
    // An English cell is rejected, unless a rule excludes its package anyway (then it is excluded, pagu NULL).
    const en = (p: Pkg) => p.pagu.endsWith('.25');
    const rejected = pkgs.flatMap((p, i) => (en(p) && !exclusionOf(p) ? [i] : []));
    expect(rejected.length).toBeGreaterThan(100);
    expect(pkgs.filter((p) => en(p) && exclusionOf(p)).length).toBeGreaterThan(10);
    expect(got.rejects).toEqual(
      rejected.map((i) => ({ line: i + 2, value: pkgs[i]!.pagu, reason: 'angka_format_kolom' })),
    );
    const want = pkgs.flatMap((p, i) =>
      en(p) ? (exclusionOf(p) ? [null] : []) : [i < HEAD_RECORDS ? `${5_000 + i}.00` : `${i}000.75`],
    );
    expect(got.rows.map((r) => r['pagu'])).toEqual(want);
    const ref = await careful(text);
    expect(ref.formats).toEqual({ pagu: 'id' });
    expect(got.rows).toEqual(ref.rows);
    expect(got.rejects).toEqual(ref.rejects);
  });
});
