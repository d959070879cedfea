import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import type { ImportResult } from '../../src/p3dn/import';
import type { Denominator, Targets } from '../../src/p3dn/metrics';
import {
  NO_FILTERS,
  basisAgencyQuery,
  basisSummaryQuery,
  toBasisAgencyMetric,
  toBasisSummary,
} from '../../src/p3dn/metrics';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS, STRUKTUR_HEADERS, SWAKELOLA_HEADERS } from '../../scripts/sample/layouts';
import { mulberry32 } from '../../scripts/sample/prng';
import { freshEngine, importText } from '../helpers/engine';
import { centsText, counted, penyediaRow, type Agency, type Paket } from '../helpers/fixtures';

const A: Agency = { kd: '100001', str: '1.01.0.00.0.00.01.0000', nama: 'DINAS PENDIDIKAN' };
const B: Agency = { kd: '100002', str: '1.02.0.00.0.00.01.0000', nama: 'DINAS KESEHATAN' };
const C: Agency = { kd: '100003', str: '1.03.0.00.0.00.01.0000', nama: 'DINAS PEKERJAAN UMUM' };
const D: Agency = { kd: '100004', str: '4.01.0.00.0.00.01.0000', nama: 'SEKRETARIAT DAERAH' }; // struktur all null
const E: Agency = { kd: '100005', str: '7.01.0.00.0.00.01.0000', nama: 'KECAMATAN UJI' }; // not in struktur
const F: Agency = { kd: '100006', str: '7.02.0.00.0.00.01.0000', nama: 'KECAMATAN TANPA PAKET' }; // struktur only
const AGENCIES = [A, B, C, D, E];

// 3,000 packages: more than DuckDB's 2,048-row sniffing sample.
const rand = mulberry32(7);
const pakets: Paket[] = [];
for (let i = 0; i < 3000; i++) {
  const agency = AGENCIES[i % AGENCIES.length]!;
  const r = rand();
  pakets.push({
    agency,
    kdRup: String(50_000_000 + i),
    cents: BigInt(Math.floor(rand() * 500_000_000)) * 100n + BigInt(i % 100),
    pdn: rand() < (agency === A ? 0.8 : agency === B ? 0.4 : 0.1),
    ukm: rand() < (agency === C ? 0.7 : 0.3),
    deleted: r < 0.02,
    aktif: r >= 0.02 && r < 0.04 ? false : true,
    umumkan: r >= 0.04 && r < 0.06 ? 'Draf' : 'Terumumkan',
  });
}
const dup: Paket = { ...pakets[10]!, cents: 999_999_999_900n }; // same kd_rup as a counted package, later line
const rows = pakets.map(penyediaRow);
rows.push(penyediaRow(dup));
// Bad values on packages the rules would count (a deleted package is excluded by its rule instead).
const ok: Paket = { ...pakets[0]!, deleted: false, aktif: true, umumkan: 'Terumumkan' };
const bad = [
  { ...penyediaRow({ ...ok, kdRup: '61000001' }), pagu: '' },
  { ...penyediaRow({ ...ok, kdRup: '61000002' }), pagu: 'abc' },
  { ...penyediaRow({ ...ok, kdRup: '61000003' }), kd_rup: '' },
  { ...penyediaRow({ ...ok, kdRup: '61000004', deleted: true }), pagu: 'abc' },
];
rows.push(...bad);
const csvLines = toCsv(PENYEDIA_HEADERS, rows).trimEnd().split('\n');
// A record with too many fields, inserted as line 1,500: the CSV reader itself rejects it.
csvLines.splice(1499, 0, csvLines[5] + ',extra,extra');
const PENYEDIA_CSV = csvLines.join('\n') + '\n';

const STRUKTUR: Record<string, bigint | null> = {
  [A.kd]: 300_000_000_000_00n,
  [B.kd]: 250_000_000_000_00n,
  [C.kd]: 200_000_000_000_00n,
  [D.kd]: null,
  [F.kd]: 10_000_000_000_00n,
};
const STRUKTUR_CSV = toCsv(
  STRUKTUR_HEADERS,
  [A, B, C, D, F].map((a) => {
    const bp = STRUKTUR[a.kd] ?? null;
    const half = bp === null ? null : bp / 2n;
    const money = (v: bigint | null) => (v === null ? '' : centsText(v));
    return {
      tahun_anggaran: '2025',
      kd_klpd: 'D999',
      nama_klpd: 'Kab. Uji',
      kd_satker: a.kd,
      kd_satker_str: a.str,
      nama_satker: a.nama,
      belanja_operasi: money(half),
      belanja_modal: money(bp === null || half === null ? null : bp - half),
      belanja_btt: money(bp === null ? null : 0n),
      belanja_non_pengadaan: money(bp === null ? null : 1_000_00n),
      belanja_pengadaan: money(bp),
      total_belanja: money(bp === null ? null : bp + 1_000_00n),
    };
  }),
);

const SWAKELOLA: { agency: Agency; cents: bigint; deleted: boolean }[] = [
  { agency: A, cents: 1_500_000_000_00n, deleted: false },
  { agency: A, cents: 2_000_000_000_00n, deleted: true },
  { agency: D, cents: 750_000_000_50n, deleted: false },
];
const SWAKELOLA_CSV = toCsv(
  SWAKELOLA_HEADERS,
  SWAKELOLA.map((s, i) => ({
    tahun_anggaran: '2025',
    kd_satker: s.agency.kd,
    kd_satker_str: s.agency.str,
    nama_satker: s.agency.nama,
    kd_rup: String(70_000_000 + i),
    nama_paket: 'Swakelola',
    pagu: centsText(s.cents),
    tipe_swakelola: '1',
    status_aktif_rup: 'true',
    status_delete_rup: String(s.deleted),
    status_umumkan_rup: 'Terumumkan',
  })),
);

// ---- Independent expectations (BigInt cents from the fixture rows) ----
const countedPakets = pakets.filter(counted);
function sumCents(ps: Paket[]): bigint {
  return ps.reduce((s, p) => s + p.cents, 0n);
}
function expectedFor(a: Agency) {
  const mine = countedPakets.filter((p) => p.agency === a);
  return {
    pagu: sumCents(mine),
    pdn: sumCents(mine.filter((p) => p.pdn)),
    umk: sumCents(mine.filter((p) => p.ukm)),
    swa: SWAKELOLA.filter((s) => s.agency === a && !s.deleted).reduce((s, x) => s + x.cents, 0n),
  };
}
const rp = (c: bigint) => Number(c) / 100;

let engine: NodeEngine;
let penyedia: ImportResult;
beforeAll(async () => {
  engine = await freshEngine();
  penyedia = await importText(engine, 'RUP-PaketPenyedia-Terumumkan.csv', PENYEDIA_CSV);
  await importText(engine, 'RUP-StrukturAnggaranPD.csv', STRUKTUR_CSV);
  await importText(engine, 'RUP-PaketSwakelola-Terumumkan.csv', SWAKELOLA_CSV);
});
afterAll(() => engine.close());

/** The komitmen basis, as the dashboard and the review kit run it (src/lib/metric-queries.ts), no filters. */
async function metrics(den: Denominator, t: Targets = { pdn: 0.4, umk: 0.4 }) {
  const q = basisAgencyQuery('komitmen', den, t, NO_FILTERS);
  return (await engine.query(q.sql, q.params)).map((r) => toBasisAgencyMetric('komitmen', r));
}
async function summary(den: Denominator, t: Targets) {
  const q = basisSummaryQuery('komitmen', den, t, NO_FILTERS);
  return toBasisSummary('komitmen', (await engine.query(q.sql, q.params))[0]);
}

describe('import of RUP penyedia', () => {
  it('detects the kind and accounts for every record', () => {
    expect(penyedia.kind).toBe('rup_penyedia');
    const c = penyedia.counts;
    expect(c.read).toBe(pakets.length + 1 + bad.length + 1);
    expect(c.loaded + c.excluded + c.rejected).toBe(c.read);
    expect(c.loaded).toBe(countedPakets.length);
    expect(c.excludedByRule).toEqual({
      paket_dihapus: pakets.filter((p) => p.deleted).length + 1,
      paket_tidak_aktif: pakets.filter((p) => !p.deleted && p.aktif === false).length,
      belum_diumumkan: pakets.filter((p) => !p.deleted && p.aktif !== false && p.umumkan === 'Draf').length,
      duplikat: 1,
    });
    expect(c.rejectedByReason).toEqual({
      pagu_kosong: 1,
      angka_tidak_valid: 1,
      kd_rup_kosong: 1,
      struktur_baris: 1,
    });
  });

  it('records each rejected row with its line number and reason', async () => {
    const rej = await engine.query(
      'SELECT line, column_name, value, reason, detail FROM import_reject WHERE file_id = ? ORDER BY line',
      [penyedia.fileId],
    );
    // Header is line 1, the 3,000 packages + duplicate are lines 2..3002 (plus the extra line 1,500),
    // so the bad records follow on lines 3004..3007 (the deleted one, 3007, is excluded, not rejected).
    expect(rej).toEqual([
      {
        line: 1500,
        column_name: null,
        value: csvLines[1499],
        reason: 'struktur_baris',
        detail: 'TOO MANY COLUMNS',
      },
      { line: 3004, column_name: 'pagu', value: null, reason: 'pagu_kosong', detail: null },
      { line: 3005, column_name: 'pagu', value: 'abc', reason: 'angka_tidak_valid', detail: null },
      { line: 3006, column_name: 'kd_rup', value: null, reason: 'kd_rup_kosong', detail: null },
    ]);
    const lineOf = await engine.query(
      'SELECT line FROM rup_penyedia WHERE kd_rup = ? AND exclusion IS NULL',
      [pakets[2000]!.kdRup],
    );
    // Package i sits on line i + 2, moved down one by the rejected line 1,500.
    expect(lineOf).toEqual([{ line: 2003 }]);
  });
});

describe('komitmen metrics', () => {
  it('computes exact PDN and UMK-K shares against belanja_pengadaan', async () => {
    const got = await metrics('belanja_pengadaan');
    for (const a of [A, B, C]) {
      const e = expectedFor(a);
      const bp = STRUKTUR[a.kd]!;
      const m = got.find((x) => x.agencyKey === `kd:${a.kd}`)!;
      expect(m.name).toBe(a.nama);
      expect(m.pdn).toBe(rp(e.pdn));
      expect(m.umk).toBe(rp(e.umk));
      expect(m.denominator).toBe(rp(bp));
      expect(m.share.pdn).toBeCloseTo(Number(e.pdn) / Number(bp), 12);
      expect(m.share.umk).toBeCloseTo(Number(e.umk) / Number(bp), 12);
      expect(m.komitmen).toEqual({ pdn: rp(e.pdn), umk: rp(e.umk) });
      expect(m.packages).toBe(countedPakets.filter((p) => p.agency === a).length);
      for (const [k, v] of [
        ['pdn', e.pdn],
        ['umk', e.umk],
      ] as const) {
        const gap = (bp * 4n) / 10n - v; // 40 % of the denominator, in cents
        expect(m.gap[k]).toBe(gap > 0n ? rp(gap) : 0);
        expect(m.meets[k]).toBe(v * 10n >= bp * 4n);
      }
    }
  });

  it('moves gap and meets with the target', async () => {
    const got = await metrics('belanja_pengadaan', { pdn: 0.95, umk: 0.1 });
    for (const a of [A, B, C]) {
      const e = expectedFor(a);
      const bp = STRUKTUR[a.kd]!;
      const m = got.find((x) => x.agencyKey === `kd:${a.kd}`)!;
      const gapPdn = (bp * 95n) / 100n - e.pdn;
      const gapUmk = bp / 10n - e.umk;
      expect(m.gap.pdn).toBe(gapPdn > 0n ? rp(gapPdn) : 0);
      expect(m.gap.umk).toBe(gapUmk > 0n ? rp(gapUmk) : 0);
      expect(m.meets.pdn).toBe(e.pdn * 100n >= bp * 95n);
      expect(m.meets.umk).toBe(e.umk * 10n >= bp);
    }
  });

  it('keeps agencies without a denominator, with no share rather than 0 %', async () => {
    const got = await metrics('belanja_pengadaan');
    expect(got.map((m) => m.agencyKey).sort()).toEqual([A, B, C, D, E, F].map((a) => `kd:${a.kd}`).sort());
    for (const a of [D, E]) {
      const m = got.find((x) => x.agencyKey === `kd:${a.kd}`)!;
      expect(m.denominator).toBeNull();
      expect(m.share.pdn).toBeNull();
      expect(m.gap.pdn).toBeNull();
      expect(m.meets.pdn).toBeNull();
      expect(m.pdn).toBe(rp(expectedFor(a).pdn));
    }
    const f = got.find((x) => x.agencyKey === `kd:${F.kd}`)!;
    expect(f.share.pdn).toBe(0);
    expect(f.meets.pdn).toBe(false);
  });

  it('switches the denominator to RUP penyedia, and to penyedia + swakelola', async () => {
    const pen = await metrics('rup_penyedia');
    const tot = await metrics('rup_total');
    for (const a of AGENCIES) {
      const e = expectedFor(a);
      const mp = pen.find((x) => x.agencyKey === `kd:${a.kd}`)!;
      expect(mp.denominator).toBe(rp(e.pagu));
      expect(mp.share.umk).toBeCloseTo(Number(e.umk) / Number(e.pagu), 12);
      const mt = tot.find((x) => x.agencyKey === `kd:${a.kd}`)!;
      expect(mt.denominator).toBe(rp(e.pagu + e.swa));
      expect(mt.share.pdn).toBeCloseTo(Number(e.pdn) / Number(e.pagu + e.swa), 12);
    }
    // F has budget but no packages: no RUP denominator, no share.
    for (const m of [pen, tot].map((ms) => ms.find((x) => x.agencyKey === `kd:${F.kd}`)!)) {
      expect(m.denominator).toBeNull();
      expect(m.share.pdn).toBeNull();
      expect(m.meets.pdn).toBeNull();
    }
  });

  it('summarises over agencies that have a denominator, and says what is left out', async () => {
    const s = await summary('belanja_pengadaan', { pdn: 0.95, umk: 0.4 });
    const withDen = [A, B, C];
    const den = [A, B, C, F].reduce((x, a) => x + STRUKTUR[a.kd]!, 0n);
    const pdn = withDen.reduce((x, a) => x + expectedFor(a).pdn, 0n);
    const umk = withDen.reduce((x, a) => x + expectedFor(a).umk, 0n);
    expect(s.agencies).toBe(6);
    expect(s.agenciesWithDenominator).toBe(4);
    expect(s.denominator).toBe(rp(den));
    expect(s.value.pdn).toBe(rp(pdn));
    expect(s.share.umk).toBeCloseTo(Number(umk) / Number(den), 12);
    expect(s.valueWithoutDenominator.pdn).toBe(rp(expectedFor(D).pdn + expectedFor(E).pdn));
    const meeting95 = [A, B, C, F].filter((a) => {
      const bp = STRUKTUR[a.kd]!;
      return (a === F ? 0n : expectedFor(a).pdn) * 100n >= bp * 95n;
    }).length;
    expect(s.meeting.pdn).toBe(meeting95);
    expect(s.meeting.umk).toBe(
      [A, B, C].filter((a) => expectedFor(a).umk * 10n >= STRUKTUR[a.kd]! * 4n).length,
    );
    const gap95 = (den * 95n) / 100n - pdn;
    expect(s.gap.pdn).toBe(gap95 > 0n ? rp(gap95) : 0);
    expect(s.value.umk).toBe(rp(umk));
    expect(s.valueWithoutDenominator.umk).toBe(rp(expectedFor(D).umk + expectedFor(E).umk));
  });

  it('summarises the RUP penyedia + swakelola denominator the same way', async () => {
    const s = await summary('rup_total', { pdn: 0.4, umk: 0.4 });
    // A to E have packages or swakelola; F has neither and drops out of the denominator.
    const den = AGENCIES.reduce((x, a) => x + expectedFor(a).pagu + expectedFor(a).swa, 0n);
    const pdn = AGENCIES.reduce((x, a) => x + expectedFor(a).pdn, 0n);
    expect(s.agenciesWithDenominator).toBe(AGENCIES.length);
    expect(s.denominator).toBe(rp(den));
    expect(s.value.pdn).toBe(rp(pdn));
    expect(s.valueWithoutDenominator.pdn).toBe(0);
    expect(s.share.pdn).toBeCloseTo(Number(pdn) / Number(den), 12);
  });

  it('re-importing the same file replaces it instead of double counting', async () => {
    const before = await metrics('belanja_pengadaan');
    const again = await importText(engine, 'RUP-PaketPenyedia-Terumumkan.csv', PENYEDIA_CSV);
    expect(again.replaced).toEqual([penyedia.fileId]);
    const after = await metrics('belanja_pengadaan');
    expect(after).toEqual(before);
    for (const a of AGENCIES) {
      const m = after.find((x) => x.agencyKey === `kd:${a.kd}`)!;
      expect(m.pdn).toBe(rp(expectedFor(a).pdn));
      expect(m.packages).toBe(countedPakets.filter((p) => p.agency === a).length);
    }
    const s = await summary('rup_penyedia', { pdn: 0.4, umk: 0.4 });
    expect(s.denominator).toBe(rp(sumCents(countedPakets)));
    penyedia = again;
  });
});
