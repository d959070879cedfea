import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { ImportError } from '../../src/p3dn/import';
import {
  PENYEDIA_HEADERS,
  SIRUP_LEGACY_HEADERS,
  SIRUP_WEB_LABEL_HEADERS,
} from '../../scripts/sample/layouts';
import { mulberry32 } from '../../scripts/sample/prng';
import { freshEngine, importText } from '../helpers/engine';
import { money, serialize } from '../helpers/csv-bytes';
import { centsText } from '../helpers/fixtures';
import { writeXlsx, type XCell } from '../helpers/xlsx-writer';

/*
 * RUP penyedia as users save it: from Excel on an Indonesian PC, in the legacy SIRUP schema (≤ 2022) in
 * Windows-1252, and as a hand-made .xlsx with the SIRUP web labels; every figure computed here in BigInt cents.
 * Then files that cannot be read: each refused with its code, the packages loaded above untouched.
 */
let engine: NodeEngine;
beforeAll(async () => {
  engine = await freshEngine();
});
afterAll(() => engine.close());

async function komitmen(fileId: number) {
  const [r] = await engine.query(
    `SELECT count(*) AS n, CAST(coalesce(sum(pagu), 0) AS VARCHAR) AS pagu,
       CAST(coalesce(sum(pagu) FILTER (WHERE is_pdn), 0) AS VARCHAR) AS pdn,
       CAST(coalesce(sum(pagu) FILTER (WHERE is_ukm), 0) AS VARCHAR) AS ukm
     FROM rup_penyedia WHERE file_id = ? AND exclusion IS NULL`,
    [fileId],
  );
  return r!;
}

interface P {
  kd: string;
  cents: bigint;
  pdn: boolean;
  ukm: boolean;
  fate: string | null;
}

describe('RUP penyedia saved from Excel on an Indonesian PC', () => {
  // Semicolons, BOM, CRLF, `1.234.567,89` and `Rp` amounts, a pandas index column, quoted line breaks, trailing
  // spaces in flags, the literal `null`, float-damaged ids, deleted/inactive/draft packages, a repeated kd_rup.
  const rand = mulberry32(11);
  const headers = ['', ...PENYEDIA_HEADERS];
  const ps: P[] = [];
  const rows: Record<string, string>[] = [];
  const fates: (string | null)[] = [];
  for (let i = 0; i < 2300; i++) {
    const r = rand();
    const fate =
      r < 0.05 ? 'paket_dihapus' : r < 0.08 ? 'paket_tidak_aktif' : r < 0.1 ? 'belum_diumumkan' : null;
    const p: P = {
      kd: String(50_000_000 + i),
      cents: BigInt(Math.floor(rand() * 900_000_000)) * 100n + BigInt(i % 100),
      pdn: rand() < 0.6,
      ukm: rand() < 0.4,
      fate,
    };
    ps.push(p);
    fates.push(fate);
    rows.push({
      '': String(i),
      tahun_anggaran: '2025',
      kd_klpd: 'D999',
      kd_satker: i % 7 === 0 ? `${63421 + (i % 3)}.0` : String(63421 + (i % 3)),
      kd_satker_str: ['1.01.2.22.0.00.01.0000', '1. 02. 03', 'null'][i % 3]!,
      nama_satker: ['DINAS PENDIDIKAN', 'Dinas Kesehatan', 'SEKRETARIAT DAERAH'][i % 3]!,
      kd_rup: i % 11 === 0 ? `${p.kd}.0` : p.kd,
      nama_paket: i % 13 === 0 ? `Belanja ATK;\r\nkantor "pusat"` : `Paket ${i}`,
      pagu: i % 2 ? money(p.cents, 'id') : money(p.cents, 'rp'),
      jenis_pengadaan: i % 4 === 0 ? 'Barang;Barang' : 'Jasa Lainnya',
      status_pdn: p.pdn ? 'PDN ' : 'Non-PDN',
      status_ukm: p.ukm ? 'UKM' : ' Non-UKM',
      status_aktif_rup: fate === 'paket_tidak_aktif' ? 'false' : 'true',
      status_delete_rup: fate === 'paket_dihapus' ? 'TRUE' : 'FALSE',
      status_umumkan_rup: fate === 'belum_diumumkan' ? 'Draf' : 'Terumumkan ',
      tgl_buat_paket: '12 Agu 2024',
      nip_ppk: '198501012010011001',
    });
  }
  // A repeated package, and two rejected rows.
  rows.push({ ...rows[100]!, '': '2300', pagu: '1.000.000,00' });
  fates.push(ps[100]!.fate ?? 'duplikat');
  rows.push({ ...rows[101]!, '': '2301', kd_rup: '59999998', pagu: 'null' });
  fates.push('pagu_kosong');
  rows.push({ ...rows[102]!, '': '2302', kd_rup: '59999999', pagu: '12,34,56' });
  fates.push('angka_tidak_valid');
  const file = serialize(headers, rows, { delim: ';', bom: true, crlf: true });

  it('loads it exactly, with every rule counted and rejected lines right', async () => {
    const res = await importText(engine, 'RUP-PaketPenyedia-Terumumkan (1).csv', file.bytes);
    expect(res.kind).toBe('rup_penyedia');
    expect(res.delimiter).toBe(';');
    expect(res.notes).toContain('kolom_indeks');
    const by = (k: string) => fates.filter((f) => f === k).length;
    expect(res.counts.excludedByRule).toEqual({
      paket_dihapus: by('paket_dihapus'),
      paket_tidak_aktif: by('paket_tidak_aktif'),
      belum_diumumkan: by('belum_diumumkan'),
      ...(by('duplikat') ? { duplikat: by('duplikat') } : {}),
    });
    expect(res.counts.rejectedByReason).toEqual({ pagu_kosong: 1, angka_tidak_valid: 1 });
    expect(res.counts.read).toBe(rows.length);
    expect(res.counts.read).toBe(res.counts.loaded + res.counts.excluded + res.counts.rejected);
    const counted = ps.filter((p) => p.fate === null);
    const sum = (xs: P[]) => centsText(xs.reduce((s, p) => s + p.cents, 0n));
    expect(await komitmen(res.fileId)).toEqual({
      n: counted.length,
      pagu: sum(counted),
      pdn: sum(counted.filter((p) => p.pdn)),
      ukm: sum(counted.filter((p) => p.ukm)),
    });
    const rej = await engine.query(
      'SELECT line, reason, value FROM import_reject WHERE file_id = ? ORDER BY line',
      [res.fileId],
    );
    expect(rej).toEqual([
      { line: file.lines[2301], reason: 'pagu_kosong', value: 'null' },
      { line: file.lines[2302], reason: 'angka_tidak_valid', value: '12,34,56' },
    ]);
    // Ids stay text: float damage undone, leading zeros and 18-digit ids intact; spaces gone from kd_satker_str.
    const ids = await engine.query(
      `SELECT kd_rup, kd_satker, kd_satker_str FROM rup_penyedia WHERE file_id = ? AND line = ?`,
      [res.fileId, file.lines[0]!],
    );
    expect(ids).toEqual([
      { kd_rup: '50000000', kd_satker: '63421', kd_satker_str: '1.01.2.22.0.00.01.0000' },
    ]);
    const second = await engine.query(
      `SELECT kd_satker_str, nama_paket FROM rup_penyedia WHERE file_id = ? AND kd_rup = '50000013'`,
      [res.fileId],
    );
    expect(second).toEqual([{ kd_satker_str: '1.02.03', nama_paket: 'Belanja ATK;\r\nkantor "pusat"' }]);
  });
});

describe('legacy SIRUP schema (≤ 2022) in Windows-1252', () => {
  const headers = SIRUP_LEGACY_HEADERS;
  const names = [
    'DINAS PARIWISATA DAN KEBUDAYAAN (SENI & BUDAYA)',
    'BADAN PENGELOLA KEUANGAN – BPKAD',
    'Dinas Pemuda Olahraga Café',
  ];
  const rows = [...Array(60).keys()].map((i) => ({
    idrup: String(20_000_000 + i),
    namapaket: `Pengadaan ${i} é`,
    jumlahpagu: String(1_000_000 * (i + 1)),
    namasatker: names[i % 3]!,
    kodesatker: String(500 + (i % 3)),
    idsatker: String(900 + (i % 3)),
    metodepengadaan: 'Pengadaan Langsung',
    jenispengadaan: 'Barang',
    statuspdn: i % 2 ? 'PDN' : 'Non-PDN',
    statususahakecil: i % 3 ? 'UsahaKecil' : 'bukanUsahaKecil',
    statusdeletepaket: i < 27 ? 'true' : 'false', // 45 % deleted, as in one real file
    statusaktifpaket: 'true',
    statusumumkan: 'Terumumkan',
    tahunanggaran: '2021',
    kd_klpd: 'D999',
  }));

  it('reads the legacy names and the accented agency names', async () => {
    const file = serialize(headers, rows, { latin1: true });
    const res = await importText(engine, 'rup-2021.csv', file.bytes);
    expect(res.kind).toBe('rup_penyedia');
    expect(res.variant).toBe('legacy');
    expect(res.encoding).toBe('windows-1252');
    expect(res.counts).toMatchObject({ read: 60, loaded: 33, excluded: 27, rejected: 0 });
    const kept = rows.filter((r) => r.statusdeletepaket === 'false');
    const c = await komitmen(res.fileId);
    expect(c['pagu']).toBe(centsText(kept.reduce((s, r) => s + BigInt(r.jumlahpagu) * 100n, 0n)));
    expect(c['ukm']).toBe(
      centsText(
        kept
          .filter((r) => r.statususahakecil === 'UsahaKecil')
          .reduce((s, r) => s + BigInt(r.jumlahpagu) * 100n, 0n),
      ),
    );
    const got = await engine.query(
      'SELECT DISTINCT nama_satker FROM rup_penyedia WHERE file_id = ? ORDER BY 1',
      [res.fileId],
    );
    // – (en dash) is not in latin-1 but is in Windows-1252: the byte 0x96 decodes to it only under Windows-1252.
    expect(got.map((g) => g['nama_satker'])).toEqual([...names].sort());
  });
});

describe('hand-made .xlsx with the SIRUP web labels', () => {
  const header: XCell[] = [...SIRUP_WEB_LABEL_HEADERS, 'Tanggal Buat'];
  const data = [...Array(40).keys()].map((i) => ({
    kd: String(30_000_000 + i),
    cents: BigInt(12_345_678_90 + i * 1_000_01),
    pdn: i % 3 !== 0,
    ukm: i % 4 === 0,
  }));

  it('converts the sheet to the CSV pipeline and maps the labels', async () => {
    const sheet: XCell[][] = [
      header,
      ...data.map((d, i): XCell[] => [
        { n: d.kd },
        `Paket web ${i}`,
        { n: centsText(d.cents) },
        i % 2 ? 'Dinas Kesehatan' : 'DINAS PENDIDIKAN',
        d.pdn ? 'Ya' : 'Tidak',
        d.ukm ? 'Ya' : 'Tidak',
        { date: new Date(Date.UTC(2024, 7, 12)) },
      ]),
    ];
    const res = await importText(engine, 'paket-sirup.xlsx', writeXlsx(sheet));
    expect(res.kind).toBe('rup_penyedia');
    expect(res.variant).toBe('label_web');
    expect(res.encoding).toBe('xlsx');
    expect(res.mapping).toMatchObject({
      kd_rup: 'Kode RUP',
      pagu: 'Total Pagu',
      is_pdn: 'Produk Dalam Negeri',
    });
    expect(res.counts).toMatchObject({ read: 40, loaded: 40, excluded: 0, rejected: 0 });
    const sum = (xs: typeof data) => centsText(xs.reduce((s, d) => s + d.cents, 0n));
    expect(await komitmen(res.fileId)).toEqual({
      n: 40,
      pagu: sum(data),
      pdn: sum(data.filter((d) => d.pdn)),
      ukm: sum(data.filter((d) => d.ukm)),
    });
  });
});

describe('files that cannot be read leave the loaded data untouched', () => {
  const cases: [string, Uint8Array | string, string][] = [
    ['empty.csv', '', 'kosong'],
    ['blank.csv', '\n\n  \n', 'kosong'],
    ['binary.csv', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3]), 'biner'],
    ['header-only.csv', 'kd_rup,pagu,status_pdn,status_ukm,nama_satker\n', 'tanpa_baris'],
    ['unknown.csv', 'foo;bar;baz\n1;2;3\n', 'jenis_tidak_dikenal'],
    ['broken.xlsx', Uint8Array.from([0x50, 0x4b, 3, 4, 9, 9, 9]), 'excel_tidak_terbaca'],
    ['old.xls', 'x', 'excel_belum_didukung'],
  ];
  it.each(cases)('%s -> %s', async (name, content, code) => {
    const before = await engine.query(
      'SELECT (SELECT count(*) FROM rup_penyedia) AS a, (SELECT count(*) FROM realisasi) AS b, (SELECT count(*) FROM source_file) AS c',
    );
    const err = await importText(engine, name, content).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe(code);
    const after = await engine.query(
      'SELECT (SELECT count(*) FROM rup_penyedia) AS a, (SELECT count(*) FROM realisasi) AS b, (SELECT count(*) FROM source_file) AS c',
    );
    expect(after).toEqual(before);
  });
});
