import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { ImportError } from '../../src/p3dn/import';
import { KIND_IDS } from '../../src/p3dn/kinds';
import { detectKind } from '../../src/p3dn/import';
import { PENYEDIA_HEADERS, STRUKTUR_HEADERS, SWAKELOLA_HEADERS } from '../../scripts/sample/layouts';
import { freshEngine, importText } from '../helpers/engine';
import { serialize } from '../helpers/csv-bytes';
import { REALISASI_FIXTURES } from '../helpers/exports';

describe('detectKind', () => {
  it('recognises every kind from its real header row, with full confidence', () => {
    const headerSets: [string, readonly string[]][] = [
      ['rup_penyedia', PENYEDIA_HEADERS],
      ['rup_swakelola', SWAKELOLA_HEADERS],
      ['struktur_anggaran', STRUKTUR_HEADERS],
      ...REALISASI_FIXTURES.map((f): [string, string[]] => [f.kind, f.headers]),
    ];
    for (const [kind, headers] of headerSets) {
      const d = detectKind(headers);
      expect(d.kind, kind).toBe(kind);
      expect(d.confidence).toBe(1);
      expect(d.ranking).toHaveLength(KIND_IDS.length);
    }
  });
  it('tells case, spacing and legacy names apart from an unknown file', () => {
    expect(
      detectKind([' Kode RUP', 'TOTAL PAGU ', 'Satuan-Kerja', 'Produk Dalam Negeri', 'Usaha Kecil/Koperasi']),
    ).toMatchObject({
      kind: 'rup_penyedia',
      variant: 'label_web',
    });
    expect(detectKind(['idrup', 'jumlahpagu', 'namasatker', 'statuspdn', 'statususahakecil']).variant).toBe(
      'legacy',
    );
    expect(detectKind(['nama', 'alamat', 'telepon']).kind).toBeNull();
  });
});

let engine: NodeEngine;
beforeAll(async () => {
  engine = await freshEngine();
});
afterAll(() => engine.close());

const NT = REALISASI_FIXTURES.find((f) => f.kind === 'spse_nontender')!;

describe('user corrections and re-imports', () => {
  it('uses a corrected column mapping and a forced kind', async () => {
    // A hand-made sheet: the contract value sits under an unknown header, so the user maps it.
    const headers = [
      'kd_nontender',
      'kd_rup',
      'nama_satker',
      'nilai akhir',
      'nilai_kontrak',
      'status_nontender',
    ];
    const rows = [1, 2, 3].map((i) => ({
      kd_nontender: String(i),
      kd_rup: String(100 + i),
      nama_satker: 'DINAS',
      'nilai akhir': String(i * 1000),
      nilai_kontrak: '1',
      status_nontender: 'Selesai',
    }));
    const res = await importText(engine, 'nt.csv', serialize(headers, rows).bytes, {
      kind: 'spse_nontender',
      mapping: { nilai: 'nilai akhir' },
    });
    expect(res.mapping['nilai']).toBe('nilai akhir');
    const [s] = await engine.query(
      'SELECT CAST(sum(nilai) AS VARCHAR) AS s FROM realisasi WHERE file_id = ?',
      [res.fileId],
    );
    expect(s!['s']).toBe('6000.00');
  });

  it('replaces or adds a newer export by choice, and never counts the same file twice', async () => {
    const mk = (from: number, n: number) =>
      serialize(
        NT.headers,
        [...Array(n).keys()].map((i) => ({
          ...NT.row(from + i, String(from + i), { kd: '1', str: '1.01', nama: 'DINAS' }),
          nilai_kontrak: '100',
          status_nontender: 'Selesai',
        })),
      ).bytes;
    const total = async () =>
      (
        await engine.query(
          `SELECT count(*) AS n FROM realisasi WHERE source = 'spse_nontender' AND exclusion IS NULL`,
        )
      )[0]!['n'];
    const a = await importText(engine, 'NonTenderSelesai-jan.csv', mk(1000, 10), { replace: 'same_kind' });
    expect(a.mode).toBe('replace'); // replaced the earlier non-tender file of the previous test
    expect(await total()).toBe(10);
    const again = await importText(engine, 'NonTenderSelesai-jan.csv', mk(1000, 10), { replace: 'none' });
    expect(again.mode).toBe('same_file');
    expect(again.replaced).toEqual([a.fileId]);
    expect(await total()).toBe(10);
    const feb = await importText(engine, 'NonTenderSelesai-feb.csv', mk(2000, 5), { replace: 'none' });
    expect(feb.mode).toBe('add');
    expect(await total()).toBe(15);
    const newer = await importText(engine, 'NonTenderSelesai-all.csv', mk(1000, 20), {
      replace: 'same_kind',
    });
    expect(newer.mode).toBe('replace');
    expect(newer.replaced).toEqual([again.fileId, feb.fileId]);
    expect(await total()).toBe(20);
  });
});

describe('a known kind without the columns it cannot do without', () => {
  // A hand-made sheet whose headers look like RUP penyedia except for the value column ("Nilai" is no pagu
  // alias): detected as RUP penyedia, but loading it would reject every row for an empty pagu.
  const sheet = [
    'Satker;Kode RUP;PDN;UKM;Nilai',
    ...[...Array(2100).keys()].map((i) => `Dinas Uji;${90_000_000 + i};PDN;UKM;"${i + 1}.000,50"`),
  ].join('\n');

  it('is refused with the missing column named, and nothing changes', async () => {
    const engine = await freshEngine();
    try {
      expect(detectKind(sheet.split('\n')[0]!.split(';')).kind).toBe('rup_penyedia');
      const e = await importText(engine, 'buatan.csv', sheet).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ImportError);
      expect((e as ImportError).code).toBe('kolom_wajib_kosong');
      expect((e as ImportError).detail).toBe('pagu');
      expect(await engine.query('SELECT count(*) AS n FROM source_file')).toEqual([{ n: 0 }]);
    } finally {
      engine.close();
    }
  });

  it('loads once the user maps the value column, every row counted', async () => {
    const engine = await freshEngine();
    try {
      const r = await importText(engine, 'buatan.csv', sheet, { mapping: { pagu: 'Nilai' } });
      expect(r.counts).toMatchObject({ read: 2100, loaded: 2100, excluded: 0, rejected: 0 });
      // Σ (i + 1) × 1000 + 0,50 for i < 2100, in cents.
      const cents = [...Array(2100).keys()].reduce((s, i) => s + BigInt(i + 1) * 100_000n + 50n, 0n);
      const [t] = await engine.query(`SELECT CAST(sum(pagu) AS VARCHAR) AS pagu FROM rup_penyedia`);
      expect(t).toEqual({ pagu: `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}` });
    } finally {
      engine.close();
    }
  });
});
