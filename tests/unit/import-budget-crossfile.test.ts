/**
 * Budget exports counted once across files, on the real engine: StrukturAnggaranPD and APBD/SIPD per register
 * agency and year (two exports overlapping on an agency never add their budgets up: the more recent export's rows
 * count), RUP-PaketAnggaranPenyedia per kd_rup; a renamed copy is the same file (SHA-256). Expected figures are
 * computed here from the fixture rows in BigInt cents.
 */
import { describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { NO_FILTERS, basisAgencyQuery, toBasisAgencyMetric, type Denominator } from '../../src/p3dn/metrics';
import { crossFileReport } from '../../src/p3dn/schema/cross-file';
import { toCsv } from '../../scripts/sample/csv';
import { STRUKTUR_HEADERS } from '../../scripts/sample/layouts';
import { freshEngine, importText } from '../helpers/engine';
import { centsText, centsTextId } from '../helpers/fixtures';

const rp = (c: bigint) => Number(c) / 100;
const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);
const titleCase = (s: string) => s.toLowerCase().replace(/(^|\s)\S/g, (c) => c.toUpperCase());

/** Each register agency's denominator, by `key` (register agency key) or by its shown name. */
async function perAgency(engine: NodeEngine, den: Denominator, by: 'key' | 'name' = 'key') {
  const q = basisAgencyQuery('komitmen', den, { pdn: 0.4, umk: 0.4 }, NO_FILTERS);
  const rows = (await engine.query(q.sql, q.params)).map((r) => toBasisAgencyMetric('komitmen', r));
  return new Map(rows.map((m) => [by === 'key' ? m.agencyKey : m.name, m.denominator]));
}

// ---- StrukturAnggaranPD ----------------------------------------------------------------------------------------

const AG = [...Array(12).keys()].map((i) => ({
  kd: String(72_001 + i),
  str: `1.${String(i + 1).padStart(2, '0')}.0.00.0.00.01.0000`,
  nama: `DINAS ANGGARAN ${['SATU', 'DUA', 'TIGA', 'EMPAT', 'LIMA', 'ENAM', 'TUJUH', 'DELAPAN', 'SEMBILAN', 'SEPULUH', 'SEBELAS', 'DUA BELAS'][i]}`,
})); // prettier-ignore
const base = (i: number) => 30_000_000_000_00n + BigInt(i) * 777_777_77n + 3n;
const revised = (i: number) => base(i) + 1_500_000_000_00n + 11n;

/** A StrukturAnggaranPD export with its ISB export date; `namesOnly`: no ids, no codes, names in title case. */
function struktur(rows: { i: number; cents: bigint }[], event: string, namesOnly = false, tahun = '2025') {
  return toCsv(
    [...STRUKTUR_HEADERS, '_event_date'],
    rows.map(({ i, cents }) => ({
      tahun_anggaran: tahun,
      kd_klpd: namesOnly ? '' : 'D999',
      nama_klpd: namesOnly ? '' : 'Kab. Uji',
      kd_satker: namesOnly ? '' : AG[i]!.kd,
      kd_satker_str: namesOnly ? '' : AG[i]!.str,
      nama_satker: namesOnly ? titleCase(AG[i]!.nama) : AG[i]!.nama,
      belanja_operasi: centsText(cents - 1_000_00n),
      belanja_modal: centsText(1_000_00n),
      belanja_btt: '0',
      belanja_non_pengadaan: '0',
      belanja_pengadaan: centsText(cents),
      total_belanja: centsText(cents),
      _event_date: event,
    })),
  );
}

describe('StrukturAnggaranPD counted once per agency and year across files', () => {
  it('one sheet holding two fiscal years: each year counts; a repeated agency within a year is a duplicate', async () => {
    const engine = await freshEngine();
    try {
      const y25 = struktur(
        [
          { i: 0, cents: base(0) },
          { i: 1, cents: base(1) },
          { i: 0, cents: 999n },
        ],
        '2025-01-05',
      );
      const y26 = struktur([{ i: 0, cents: revised(0) }], '2025-01-05', false, '2026');
      const csv = y25 + y26.split('\n').slice(1).join('\n');
      const r = await importText(engine, 'RUP-StrukturAnggaranPD.csv', csv);
      expect(r.counts.loaded).toBe(3);
      expect(r.counts.excludedByRule).toEqual({ duplikat: 1 });
      const year = async (tahun: number) => {
        const q = basisAgencyQuery(
          'komitmen',
          'belanja_pengadaan',
          { pdn: 0.4, umk: 0.4 },
          { ...NO_FILTERS, tahun },
        );
        return (await engine.query(q.sql, q.params))
          .map((x) => toBasisAgencyMetric('komitmen', x).denominator)
          .sort();
      };
      expect(await year(2025)).toEqual([rp(base(0)), rp(base(1))].sort());
      expect(await year(2026)).toEqual([rp(revised(0))]);
    } finally {
      engine.close();
    }
  });

  it('two overlapping exports: the more recent one’s budget per agency, never the sum; reported per file', async () => {
    const engine = await freshEngine();
    try {
      // The newer export (March) is loaded first and spells agencies by name only; the older (January) has ids.
      const older = struktur(
        [...Array(8).keys()].map((i) => ({ i, cents: base(i) })),
        '2025-01-15 07:00:00',
      );
      const newer = struktur(
        [...Array(8).keys()].map((k) => ({ i: k + 4, cents: k < 4 ? revised(k + 4) : base(k + 4) })),
        '2025-03-01 07:00:00',
        true,
      );
      const rn = await importText(engine, 'struktur-maret.csv', newer, { replace: 'none' });
      const ro = await importText(engine, 'struktur-januari.csv', older, { replace: 'none' });
      expect([rn.kind, ro.kind, ro.mode]).toEqual(['struktur_anggaran', 'struktur_anggaran', 'add']);
      // Agencies 9-12 are only in the names-only export: keyed by their name.
      const key = (i: number) => (i < 8 ? `kd:${AG[i]!.kd}` : `nama:${AG[i]!.nama}`);
      const expected = new Map(
        AG.map((_, i) => [key(i), rp(i < 4 ? base(i) : i < 8 ? revised(i) : base(i))]),
      );
      const got = await perAgency(engine, 'belanja_pengadaan');
      // One row per agency (the register merges the name-only spelling with the coded one), the later budget.
      expect(got).toEqual(expected);
      expect(ro.crossFile).toEqual({ lostTo: [{ fileId: rn.fileId, name: 'struktur-maret.csv', n: 4 }], superseded: [] }); // prettier-ignore
      expect(await crossFileReport(engine, rn.fileId)).toEqual({
        lostTo: [],
        superseded: [{ fileId: ro.fileId, name: 'struktur-januari.csv', n: 4 }],
      });
      const [{ total } = {}] = await engine.query(
        'SELECT CAST(sum(belanja_pengadaan) AS VARCHAR) AS total FROM struktur_anggaran WHERE exclusion IS NULL',
      );
      expect(total).toBe(centsText(sum(AG.map((_, i) => (i >= 4 && i < 8 ? revised(i) : base(i))))));

      // A renamed copy of the older export is the same file: it replaces itself, nothing doubles.
      const copy = await importText(engine, 'struktur-januari (1).csv', older, { replace: 'none' });
      expect([copy.mode, copy.replaced]).toEqual(['same_file', [ro.fileId]]);
      expect(await perAgency(engine, 'belanja_pengadaan')).toEqual(expected);
      expect(copy.crossFile.lostTo).toEqual([{ fileId: rn.fileId, name: 'struktur-maret.csv', n: 4 }]);

      // Another year of the same agencies is another budget: both years count.
      await importText(engine, 'struktur-2024.csv', struktur([{ i: 0, cents: 123_00n }], '2024-12-01', false, '2024'), { replace: 'none' }); // prettier-ignore
      const years = await engine.query(`SELECT tahun, CAST(sum(belanja_pengadaan) AS VARCHAR) AS s
        FROM struktur_anggaran WHERE exclusion IS NULL AND nama_satker = ? GROUP BY 1 ORDER BY 1`, [AG[0]!.nama]); // prettier-ignore
      expect(years).toEqual([
        { tahun: 2024, s: '123.00' },
        { tahun: 2025, s: centsText(base(0)) },
      ]);
    } finally {
      engine.close();
    }
  });

  it('without export dates the file loaded last wins', async () => {
    const engine = await freshEngine();
    try {
      const a = struktur(
        [0, 1, 2].map((i) => ({ i, cents: base(i) })),
        '',
      );
      const b = struktur(
        [1, 2, 3].map((i) => ({ i, cents: revised(i) })),
        '',
      );
      await importText(engine, 'a.csv', a, { replace: 'none' });
      const rb = await importText(engine, 'b.csv', b, { replace: 'none' });
      expect(rb.crossFile.superseded.map((x) => x.n)).toEqual([2]);
      expect(await perAgency(engine, 'belanja_pengadaan')).toEqual(
        new Map([0, 1, 2, 3].map((i) => [`kd:${AG[i]!.kd}`, rp(i === 0 ? base(0) : revised(i))])),
      );
    } finally {
      engine.close();
    }
  });
});

// ---- APBD / SIPD -----------------------------------------------------------------------------------------------

const SIPD_HEADERS = ['Tahun', 'Kode SKPD', 'Nama SKPD', 'Sub Kegiatan', 'Kode Rekening', 'Nama Rekening', 'Anggaran']; // prettier-ignore
const SKPD = {
  X: { str: '1.01.0.00.0.00.01.0000', nama: 'Dinas Pendidikan' },
  Y: { str: '1.02.0.00.0.00.01.0000', nama: 'Dinas Kesehatan' },
  Z: { str: '2.07.0.00.0.00.01.0000', nama: 'Dinas Perdagangan' },
};
type Skpd = keyof typeof SKPD;
interface Line {
  skpd: Skpd;
  bj: boolean;
  cents: bigint;
  tahun?: string;
}
const apbd = (lines: Line[]) =>
  toCsv(
    SIPD_HEADERS,
    lines.map((l, i) => ({
      Tahun: l.tahun ?? '2025',
      'Kode SKPD': SKPD[l.skpd].str,
      'Nama SKPD': SKPD[l.skpd].nama,
      'Sub Kegiatan': `Sub kegiatan ${i % 2}`,
      'Kode Rekening': l.bj ? `5.1.02.01.01.00${10 + i}` : `5.2.02.05.01.00${10 + i}`,
      'Nama Rekening': 'Belanja',
      Anggaran: centsTextId(l.cents),
    })),
    ';',
  );
const L = (skpd: Skpd, bj: boolean, cents: bigint, tahun?: string): Line => ({
  skpd,
  bj,
  cents,
  ...(tahun ? { tahun } : {}),
});

describe('APBD/SIPD counted once per agency and year across files', () => {
  it('two overlapping exports: an agency’s lines come from the more recent file only', async () => {
    const engine = await freshEngine();
    try {
      const p: Line[] = [L('X', true, 100_000_000_01n), L('X', true, 250_000_000_00n), L('X', false, 75_000_000_00n), L('Y', true, 400_000_000_07n), L('Y', true, 10_000_000_00n), L('Y', false, 90_000_000_00n)]; // prettier-ignore
      // The later export revised Dinas Kesehatan (one line fewer) and adds Dinas Perdagangan.
      const q: Line[] = [L('Y', true, 433_000_000_00n), L('Y', false, 95_000_000_50n), L('Z', true, 55_555_555_55n)]; // prettier-ignore
      const rp1 = await importText(engine, 'sipd-belanja.csv', apbd(p), { replace: 'none' });
      const rq = await importText(engine, 'sipd-belanja-revisi.csv', apbd(q), { replace: 'none' });
      expect([rp1.kind, rq.kind]).toEqual(['apbd_rekening', 'apbd_rekening']);
      const counted = [...p.filter((l) => l.skpd === 'X'), ...q];
      for (const d of ['apbd_barang_jasa', 'apbd_barang_jasa_modal'] as const) {
        const want = (s: Skpd) =>
          rp(
            sum(
              counted
                .filter((l) => l.skpd === s && (l.bj || d === 'apbd_barang_jasa_modal'))
                .map((l) => l.cents),
            ),
          );
        expect(await perAgency(engine, d, 'name')).toEqual(
          new Map((['X', 'Y', 'Z'] as const).map((s) => [SKPD[s].nama, want(s)])),
        );
      }
      expect(rq.crossFile).toEqual({ lostTo: [], superseded: [{ fileId: rp1.fileId, name: 'sipd-belanja.csv', n: 3 }] }); // prettier-ignore
      expect(rq.apbd?.groups['barang_jasa']?.anggaran).toBe(rp(433_000_000_00n + 55_555_555_55n));

      // The same export renamed: the same file.
      const copy = await importText(engine, 'Salinan sipd-belanja-revisi.csv', apbd(q), { replace: 'none' });
      expect(copy.mode).toBe('same_file');
      const [{ n } = {}] = await engine.query(
        'SELECT count(*) AS n FROM apbd_rekening WHERE exclusion IS NULL',
      );
      expect(n).toBe(counted.length);

      // Another year's budget of an agency is not a copy of this year's.
      await importText(engine, 'sipd-2024.csv', apbd([L('X', true, 1_00n, '2024')]), { replace: 'none' });
      const rows = await engine.query(`SELECT tahun, count(*) AS n FROM apbd_rekening
        WHERE exclusion IS NULL AND nama_satker = 'Dinas Pendidikan' GROUP BY 1 ORDER BY 1`);
      expect(rows).toEqual([
        { tahun: 2024, n: 1 },
        { tahun: 2025, n: 3 },
      ]);
    } finally {
      engine.close();
    }
  });
});

// ---- RUP-PaketAnggaranPenyedia ---------------------------------------------------------------------------------

describe('RUP-PaketAnggaranPenyedia counted once per package across files', () => {
  it('a package’s account lines come from the more recent export holding it', async () => {
    const engine = await freshEngine();
    try {
      const H = ['kd_satker', 'nama_satker', 'kd_rup', 'pagu', 'mak', 'sumber_dana', '_event_date'];
      const mak = (n: number) => `3.30.05.2.01.0002.5.1.02.02.01.00${40 + n}.`;
      const row = (kd: string, cents: bigint, n: number, event: string) => ({
        kd_satker: '72001', nama_satker: AG[0]!.nama, kd_rup: kd, pagu: centsText(cents), mak: mak(n),
        sumber_dana: 'APBD', _event_date: event,
      }); // prettier-ignore
      const a = [row('501', 10_000_00n, 1, '2025-02-01'), row('501', 20_000_00n, 2, '2025-02-01'), row('502', 5_000_00n, 1, '2025-02-01')]; // prettier-ignore
      const b = [row('501', 31_000_00n, 1, '2025-04-01'), row('503', 7_000_00n, 3, '2025-04-01')];
      // The newer export first: its date decides, not the order of loading.
      const rb = await importText(engine, 'paket-anggaran-april.csv', toCsv(H, b), { replace: 'none' });
      const ra = await importText(engine, 'paket-anggaran-feb.csv', toCsv(H, a), { replace: 'none' });
      expect([ra.kind, rb.kind]).toEqual(['rup_paket_anggaran', 'rup_paket_anggaran']);
      expect(ra.crossFile.lostTo).toEqual([{ fileId: rb.fileId, name: 'paket-anggaran-april.csv', n: 2 }]);
      const rows = await engine.query(`SELECT kd_rup, count(*) AS n, CAST(sum(pagu) AS VARCHAR) AS s
        FROM rup_paket_anggaran WHERE exclusion IS NULL GROUP BY 1 ORDER BY 1`);
      expect(rows).toEqual([
        { kd_rup: '501', n: 1, s: '31000.00' },
        { kd_rup: '502', n: 1, s: '5000.00' },
        { kd_rup: '503', n: 1, s: '7000.00' },
      ]);
    } finally {
      engine.close();
    }
  });
});
