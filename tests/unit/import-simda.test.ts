import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { apbdBelanjaQuery, apbdFileBelanja, toApbdBelanja } from '../../src/p3dn/metrics';
import type { ImportResult } from '../../src/p3dn/import';
import { KINDS } from '../../src/p3dn/kinds';
import { composedColumns, detectKind, missingColumns } from '../../src/p3dn/import';
import { SIMDA_HEADERS } from '../../scripts/sample/layouts';
import { freshEngine, importText } from '../helpers/engine';
import { serialize } from '../helpers/csv-bytes';
import { SIMDA_UNITS, simdaRows, type SimdaRow } from '../helpers/simda-exports';
import { centsText, centsTextId } from '../helpers/fixtures';

// 2,600 rows (more than DuckDB's 2,048-row sniffing sample), semicolons, `1.234.567,89`, Windows-1252.
const rows = simdaRows(2600);
const file = serialize(
  SIMDA_HEADERS,
  rows.map((r) => r.cells),
  { delim: ';', latin1: true, crlf: true },
);

const rp = (c: bigint) => Number(c) / 100;
const sumOf = (rs: readonly SimdaRow[], f: (r: SimdaRow) => bigint) => rs.reduce((s, r) => s + f(r), 0n);
const loaded = rows.filter((r) => r.fate.t === 'loaded');
const ofGroup = (g: string, rs = loaded) => rs.filter((r) => r.group === g);

let engine: NodeEngine;
let res: ImportResult;

beforeAll(async () => {
  engine = await freshEngine();
  res = await importText(engine, 'SIMDA-Belanja-2019.csv', file.bytes);
}, 60_000);

afterAll(async () => {
  await engine?.close();
});

describe('legacy SIMDA budget/realisation export', () => {
  it('is detected as APBD by kode rekening, SIMDA variant, with composed codes in the mapping', () => {
    expect(file.bytes.includes(0x96)).toBe(true); // the en dash is one Windows-1252 byte
    expect(res.kind).toBe('apbd_rekening');
    expect(res.variant).toBe('simda');
    expect(res.encoding).toBe('windows-1252');
    expect(res.delimiter).toBe(';');
    expect(res.mapping['kode_rekening']).toBe('Kd_Rek_1 + Kd_Rek_2 + Kd_Rek_3 + Kd_Rek_4 + Kd_Rek_5');
    expect(res.mapping['kd_satker_str']).toBe('Kd_Urusan + Kd_Bidang + Kd_Unit + Kd_Sub');
    expect(res.mapping['nama_satker']).toBe('Nm_Sub_Unit');
    // A file with one kode_rekening column is still the plain kind, no variant.
    const plain = detectKind(['Kode SKPD', 'Nama SKPD', 'Kode Rekening', 'Anggaran']);
    expect(plain).toMatchObject({ kind: 'apbd_rekening', variant: null });
    // A missing Kd_Rek_5: not composed, not detected as APBD; at most proposed as a generic sheet (low confidence).
    const partial = detectKind(SIMDA_HEADERS.filter((h) => h !== 'Kd_Rek_5'));
    expect(partial.kind).toBe('generik');
    expect(partial.confidence).toBeLessThanOrEqual(0.5);
    // The user's mapping wins over composition: "not in this file", or one chosen column.
    const spec = KINDS.apbd_rekening;
    const pos = (h: string) => SIMDA_HEADERS.findIndex((x) => x === h);
    expect(composedColumns(spec, SIMDA_HEADERS).get('kode_rekening')).toEqual({
      index: ['Kd_Rek_1', 'Kd_Rek_2', 'Kd_Rek_3', 'Kd_Rek_4', 'Kd_Rek_5'].map(pos),
      pads: [1, 1, 1, 2, 2],
    });
    expect(composedColumns(spec, SIMDA_HEADERS, { kode_rekening: null }).has('kode_rekening')).toBe(false);
    expect(composedColumns(spec, SIMDA_HEADERS, { kode_rekening: 'Nm_Rek_5' }).has('kode_rekening')).toBe(
      false,
    );
    expect(composedColumns(spec, SIMDA_HEADERS, { kode_rekening: null }).has('kd_satker_str')).toBe(true);
    // A composed column counts as mapped for a kind's required columns; "not in this file" does not.
    const needsCode = { ...spec, required: ['kode_rekening'] };
    expect(missingColumns(needsCode, SIMDA_HEADERS)).toEqual([]);
    expect(missingColumns(needsCode, SIMDA_HEADERS, { kode_rekening: null })).toEqual(['kode_rekening']);
  });

  it('accounts for every row: counted + rejected (with reasons and lines) = read', async () => {
    const rejected: Record<string, number> = {};
    for (const r of rows)
      if (r.fate.t === 'rejected') rejected[r.fate.reason] = (rejected[r.fate.reason] ?? 0) + 1;
    expect(Object.keys(rejected).sort()).toEqual(['angka_tidak_valid', 'rekening_kosong', 'satker_kosong']);
    expect(res.counts).toEqual({
      read: rows.length,
      loaded: loaded.length,
      excluded: 0,
      rejected: rows.length - loaded.length,
      excludedByRule: {},
      rejectedByReason: rejected,
    });
    const rej = await engine.query(
      'SELECT line, reason, column_name FROM import_reject WHERE file_id = ? ORDER BY line',
      [res.fileId],
    );
    const expected = rows.flatMap((r, i) =>
      r.fate.t === 'rejected'
        ? [{ line: file.lines[i], reason: r.fate.reason, column_name: r.fate.column }]
        : [],
    );
    expect(rej).toEqual(expected);
  });

  it('composes the account and agency codes from the segments, and reads the Windows-1252 name', async () => {
    const got = await engine.query(
      'SELECT line, kode_rekening, kd_satker_str, nama_satker FROM apbd_rekening WHERE file_id = ? ORDER BY line',
      [res.fileId],
    );
    const exp = rows.flatMap((r, i) =>
      r.fate.t === 'loaded'
        ? [
            {
              line: file.lines[i],
              kode_rekening: r.kode,
              kd_satker_str: r.unit,
              nama_satker: SIMDA_UNITS.find((u) => u.code === r.unit)!.sub,
            },
          ]
        : [],
    );
    expect(got).toEqual(exp);
    expect(got.some((g) => g['kode_rekening'] === '5.2.2.15.07')).toBe(true);
    expect(got.some((g) => g['nama_satker'] === 'Dinas Pekerjaan Umum – Bina Marga')).toBe(true);
  });

  it('counts 5.2.2 as barang & jasa and 5.2.3 as modal (exact sums, BigInt cents)', async () => {
    // Exact DECIMAL sums straight from the stored rows…
    const [s] = await engine.query(
      `SELECT CAST(sum(anggaran) FILTER (WHERE p3dn_akun_kelompok(kode_rekening) = 'barang_jasa') AS VARCHAR) AS bj,
         CAST(sum(anggaran) FILTER (WHERE p3dn_akun_kelompok(kode_rekening) = 'modal') AS VARCHAR) AS modal,
         CAST(sum(realisasi) FILTER (WHERE p3dn_akun_kelompok(kode_rekening) = 'barang_jasa') AS VARCHAR) AS bj_r
       FROM apbd_rekening WHERE file_id = ?`,
      [res.fileId],
    );
    const bj = ofGroup('barang_jasa');
    const modal = ofGroup('modal');
    expect(bj.length).toBeGreaterThan(100);
    expect(modal.length).toBeGreaterThan(100);
    expect(s).toEqual({
      bj: centsText(sumOf(bj, (r) => r.anggaran)),
      modal: centsText(sumOf(modal, (r) => r.anggaran)),
      bj_r: centsText(sumOf(bj, (r) => r.realisasi)),
    });
    // …and through the query the import report uses (DOUBLE only at the end).
    const b = await apbdFileBelanja(engine, res.fileId);
    expect(b).not.toBeNull();
    expect(b!.codeSets).toEqual({ permendagri_90: 0, permendagri_13: loaded.length, lain: 0 });
    for (const g of ['barang_jasa', 'modal', 'pegawai', 'belanja_lain'] as const) {
      const rs = ofGroup(g);
      expect(b!.groups[g]).toEqual({
        n: rs.length,
        anggaran: rs.length ? rp(sumOf(rs, (r) => r.anggaran)) : null,
        realisasi: rs.length ? rp(sumOf(rs, (r) => r.realisasi)) : null,
      });
    }
    // Pendapatan (4.x) is in no spending group.
    const groupsN = Object.values(b!.groups).reduce((n, x) => n + x.n, 0);
    expect(groupsN).toBe(loaded.filter((r) => r.group !== null).length);
    expect(groupsN).toBeLessThan(loaded.length);
  });

  it('gives the same figures per agency beside a Permendagri 90/2019 SIPD file', async () => {
    const headers = ['Kode SKPD', 'Nama SKPD', 'Kode Rekening', 'Nama Rekening', 'Anggaran', 'Realisasi'];
    const codes = ['5.1.02.01.01.0024', '5.2.02.05.01.0001', '5.1.01.01.01.0001', '5.2.2.01.01', '5.1.05.05.01.0001']; // prettier-ignore
    const sipd = codes.map((k, i) => ({
      'Kode SKPD': '7.01.0.00.0.00.01.0000',
      'Nama SKPD': 'Kecamatan Uji',
      'Kode Rekening': k,
      'Nama Rekening': 'Belanja',
      Anggaran: centsTextId(BigInt((i + 1) * 1_000_000_00 + i)),
      Realisasi: centsTextId(BigInt((i + 1) * 500_000_00)),
    }));
    const r2 = await importText(engine, 'sipd.csv', serialize(headers, sipd, { delim: ';' }).bytes, {
      replace: 'none',
    });
    expect(r2).toMatchObject({ kind: 'apbd_rekening', variant: null });
    const q = apbdBelanjaQuery('agency');
    const byAgency = new Map(
      (await engine.query(q.sql, q.params)).map((r) => [String(r['k']), toApbdBelanja(r)]),
    );
    for (const u of SIMDA_UNITS) {
      const a = byAgency.get(`str:${u.code}`);
      const mine = loaded.filter((r) => r.unit === u.code);
      expect(a?.nama).toBe(u.sub);
      expect(a?.groups.barang_jasa.anggaran).toBe(rp(sumOf(ofGroup('barang_jasa', mine), (r) => r.anggaran)));
      expect(a?.groups.modal.anggaran).toBe(rp(sumOf(ofGroup('modal', mine), (r) => r.anggaran)));
    }
    // SIPD: 5.1.02 barang & jasa, 5.2.02 modal, 5.1.01 pegawai, 5.1.05 hibah (other); the older-set 5.2.2 line
    // in the same file still counts as barang & jasa, and the file reports both code sets.
    const k = byAgency.get('str:7.01.0.00.0.00.01.0000')!;
    const cents = (i: number) => BigInt((i + 1) * 1_000_000_00 + i);
    expect(k.groups.barang_jasa).toMatchObject({ n: 2, anggaran: rp(cents(0) + cents(3)) });
    expect(k.groups.modal).toMatchObject({ n: 1, anggaran: rp(cents(1)) });
    expect(k.groups.pegawai).toMatchObject({ n: 1, anggaran: rp(cents(2)) });
    expect(k.groups.belanja_lain).toMatchObject({ n: 1, anggaran: rp(cents(4)) });
    expect(k.codeSets).toEqual({ permendagri_90: 4, permendagri_13: 1, lain: 0 });
  });

  it('reads a SIMDA export on Permendagri 90/2019 codes (Kd_Rek_1..Kd_Rek_6) as that code set', async () => {
    const headers = ['Kd_Urusan', 'Kd_Bidang', 'Kd_Unit', 'Kd_Sub', 'Nm_Sub_Unit', 'Kd_Rek_1', 'Kd_Rek_2', 'Kd_Rek_3', 'Kd_Rek_4', 'Kd_Rek_5', 'Kd_Rek_6', 'Anggaran']; // prettier-ignore
    // 5.1.02.01.01.0024 barang & jasa, 5.2.02.05.01.0001 modal, 5.1.01.01.01.0001 pegawai.
    const accounts = [
      { rek: ['5', '1', '2', '1', '1', '24'], kode: '5.1.02.01.01.0024', group: 'barang_jasa' },
      { rek: ['5', '2', '2', '5', '1', '1'], kode: '5.2.02.05.01.0001', group: 'modal' },
      { rek: ['5', '1', '1', '1', '1', '1'], kode: '5.1.01.01.01.0001', group: 'pegawai' },
    ];
    const n = 2100;
    const data = [...Array(n).keys()].map((i) => {
      const a = accounts[i % 3]!;
      const cells: Record<string, string> = {
        Kd_Urusan: '4',
        Kd_Bidang: '1',
        Kd_Unit: '3',
        Kd_Sub: '1',
        Nm_Sub_Unit: 'Badan Pengelolaan Keuangan',
        Anggaran: centsTextId(BigInt(1_000_000_00 + i * 37)),
      };
      a.rek.forEach((v, j) => (cells[`Kd_Rek_${j + 1}`] = v));
      return { cells, a, cents: BigInt(1_000_000_00 + i * 37) };
    });
    const r = await importText(
      engine,
      'SIMDA-90.csv',
      serialize(
        headers,
        data.map((d) => d.cells),
        { delim: ';' },
      ).bytes,
      { replace: 'none' },
    );
    expect(r).toMatchObject({ kind: 'apbd_rekening', variant: 'simda_90' });
    expect(r.counts).toMatchObject({ read: n, loaded: n, rejected: 0 });
    expect(r.mapping['kode_rekening']).toBe(
      'Kd_Rek_1 + Kd_Rek_2 + Kd_Rek_3 + Kd_Rek_4 + Kd_Rek_5 + Kd_Rek_6',
    );
    const codes = await engine.query(
      'SELECT DISTINCT kode_rekening, kd_satker_str FROM apbd_rekening WHERE file_id = ? ORDER BY 1',
      [r.fileId],
    );
    expect(codes).toEqual(
      accounts
        .map((a) => ({ kode_rekening: a.kode, kd_satker_str: '4.01.03.01' }))
        .sort((x, y) => x.kode_rekening.localeCompare(y.kode_rekening)),
    );
    const b = await apbdFileBelanja(engine, r.fileId);
    expect(b!.codeSets).toEqual({ permendagri_90: n, permendagri_13: 0, lain: 0 });
    for (const g of ['barang_jasa', 'modal', 'pegawai'] as const) {
      const rs = data.filter((d) => d.a.group === g);
      expect(b!.groups[g]).toMatchObject({
        n: rs.length,
        anggaran: rp(rs.reduce((x, d) => x + d.cents, 0n)),
      });
    }
  });

  it('classifies account codes of both sets, and codes too short to tell', async () => {
    const cases: [string, string | null, string | null][] = [
      ['5.1.02.01.01.0024', 'permendagri_90', 'barang_jasa'],
      ['5.2.05.01.01.0001', 'permendagri_90', 'modal'],
      ['5.1.01', 'permendagri_90', 'pegawai'],
      ['5.3.01.01.01.0001', 'permendagri_90', 'belanja_lain'],
      ['5.2.2.15.07', 'permendagri_13', 'barang_jasa'],
      ['5.2.3.26.02', 'permendagri_13', 'modal'],
      ['5.2.1.02.01', 'permendagri_13', 'pegawai'],
      ['5.1.1.01.01', 'permendagri_13', 'pegawai'],
      ['5.1.2.01.01', 'permendagri_13', 'belanja_lain'],
      ['5.2.20.01', 'permendagri_90', 'modal'],
      ['4.1.1.01.01', 'permendagri_13', null],
      ['5.2', null, 'belanja_lain'],
      ['6.1.01', 'permendagri_90', null],
    ];
    for (const [k, set, group] of cases) {
      const [r] = await engine.query('SELECT p3dn_akun_set(?) AS s, p3dn_akun_kelompok(?) AS g', [k, k]);
      expect([k, r?.['s'], r?.['g']]).toEqual([k, set, group]);
    }
    const [seg] = await engine.query(
      `SELECT p3dn_segments([p3dn_segment('5', 1), p3dn_segment(' 2 ', 1), p3dn_segment('2', 1),
         p3dn_segment('15.0', 2), p3dn_segment('7', 2)]) AS a, p3dn_segments([p3dn_segment('', 1), p3dn_segment('2', 1)]) AS b`,
    );
    expect(seg).toEqual({ a: '5.2.2.15.07', b: null });
  });
});
