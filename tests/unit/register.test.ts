/**
 * The agency register on the real engine: one agency across every file kind, scoped by Pemda. Expected figures are
 * computed here from the fixture rows in BigInt cents, never by the code under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { PEMDA_LIST_SQL, writeAliases } from '../../src/p3dn/agency';
import {
  NO_FILTERS,
  basisAgencyQuery,
  basisSummaryQuery,
  RANKING_PEMDA_BOUND_SQL,
  pemdaRankingQuery,
  registerMatchQuery,
  toBasisAgencyMetric,
  toBasisSummary,
  toPemdaRow,
  unmatchedRegisterQuery,
  type Basis,
  type Denominator,
  type Filters,
} from '../../src/p3dn/metrics';
import { freshEngine, importText } from '../helpers/engine';
import { serialize } from '../helpers/csv-bytes';
import {
  NAMES,
  RENAMED,
  budget,
  budgetBytes,
  code,
  renamedPakets,
  webCsv,
  webPakets,
  type WebPaket,
} from '../helpers/web-list';
import { ALL, P1, P2, PA, PB, SAME, exp, rupCsv, strukturCsv, tdCsv } from '../helpers/two-pemda';

const rp = (c: bigint) => Number(c) / 100;
const T = { pdn: 0.4, umk: 0.4 };
const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);

async function agencies(engine: NodeEngine, basis: Basis, den: Denominator, f: Filters = NO_FILTERS) {
  const q = basisAgencyQuery(basis, den, T, f);
  return (await engine.query(q.sql, q.params)).map((r) => toBasisAgencyMetric(basis, r));
}

// ---------------------------------------------------------------------------------------------------------------
// 1. The SIRUP web list (names only, title case, no codes) + a coded budget sheet from finance (codes, upper case)
// ---------------------------------------------------------------------------------------------------------------

describe('the SIRUP web list (names only) with a coded budget sheet', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await freshEngine();
    expect((await importText(engine, 'daftar-paket-sirup.csv', webCsv)).kind).toBe('rup_penyedia');
    expect((await importText(engine, 'struktur-anggaran-keuangan.csv', budgetBytes)).kind).toBe(
      'struktur_anggaran',
    );
  }, 120_000);
  afterAll(async () => engine?.close());

  const expected = (i: number, extra: WebPaket[] = []) => {
    const mine = [...webPakets.filter((p) => p.agency === i), ...extra];
    return {
      packages: mine.length,
      pdn: sum(mine.filter((p) => p.pdn).map((p) => p.cents)),
      umk: sum(mine.filter((p) => p.ukm).map((p) => p.cents)),
      den: budget[i]!,
    };
  };

  it('gives one row per agency (24 + the renamed one), each with its own budget and exact shares', async () => {
    const got = await agencies(engine, 'komitmen', 'belanja_pengadaan');
    expect(got).toHaveLength(25);
    for (let i = 0; i < NAMES.length; i++) {
      const m = got.filter((x) => x.code === code(i));
      expect(m, NAMES[i]).toHaveLength(1);
      const e = expected(i);
      expect(m[0]!.name).toBe(NAMES[i]);
      expect(m[0]!.packages).toBe(e.packages);
      expect(m[0]!.denominator).toBe(rp(e.den));
      expect(m[0]!.pdn).toBe(rp(e.pdn));
      expect(m[0]!.share.pdn).toBe(rp(e.pdn) / rp(e.den));
      expect(m[0]!.share.umk).toBe(rp(e.umk) / rp(e.den));
    }
    const renamed = got.find((x) => x.name === RENAMED)!;
    expect(renamed.denominator).toBeNull();
    expect(renamed.packages).toBe(3);
    const s = toBasisSummary('komitmen', (await query(engine, 'summary'))[0]);
    expect(s.agencies).toBe(25);
    expect(s.agenciesWithDenominator).toBe(24);
  });

  it('says how each file kind was matched, and lists the one RUP agency without a budget with its rupiah', async () => {
    const paths = await engine.query(registerMatchQuery(NO_FILTERS).sql);
    const of = (kind: string, path: string) => paths.find((p) => p['kind'] === kind && p['path'] === path);
    expect(of('rup_penyedia', 'nama')).toMatchObject({ n: webPakets.length, total: rp(sum(webPakets.map((p) => p.cents))) }); // prettier-ignore
    expect(of('struktur_anggaran', 'nama')).toMatchObject({ n: 24, total: rp(sum(budget)) });
    expect(of('rup_penyedia', 'none')).toMatchObject({
      n: 3,
      total: rp(sum(renamedPakets.map((p) => p.cents))),
    });
    expect(paths.filter((p) => p['path'] === 'kode')).toEqual([]);
    const u = unmatchedRegisterQuery(NO_FILTERS);
    const un = await engine.query(u.sql, u.params);
    expect(un).toHaveLength(1);
    expect(un[0]).toMatchObject({
      alias_key: 'BAGIAN UMUM LAMA',
      n: 3,
      names: RENAMED,
      kinds: 'rup_penyedia',
    });
    expect(un[0]!['total']).toBe(rp(sum(renamedPakets.map((p) => p.cents))));
  });

  it('maps the renamed agency in place by alias: its packages join the budget agency', async () => {
    const target = (await agencies(engine, 'komitmen', 'belanja_pengadaan')).find(
      (x) => x.code === code(19),
    )!;
    expect(target.name).toBe('SEKRETARIAT DAERAH');
    await writeAliases(engine, [{ aliasKey: 'BAGIAN UMUM LAMA', agencyKey: target.agencyKey }]);
    const got = await agencies(engine, 'komitmen', 'belanja_pengadaan');
    expect(got).toHaveLength(24);
    const e = expected(19, renamedPakets);
    const m = got.find((x) => x.code === code(19))!;
    expect(m.packages).toBe(e.packages);
    expect(m.pdn).toBe(rp(e.pdn));
    expect(m.share.pdn).toBe(rp(e.pdn) / rp(e.den));
    const paths = await engine.query(registerMatchQuery(NO_FILTERS).sql);
    expect(paths.find((p) => p['kind'] === 'rup_penyedia' && p['path'] === 'alias')).toMatchObject({ n: 3 });
    expect(paths.filter((p) => p['path'] === 'none')).toEqual([]);
    await writeAliases(engine, []);
    expect(await agencies(engine, 'komitmen', 'belanja_pengadaan')).toHaveLength(25);
  });
});

async function query(engine: NodeEngine, what: 'summary', f: Filters = NO_FILTERS) {
  const q = what === 'summary' ? basisSummaryQuery('komitmen', 'belanja_pengadaan', T, f) : null;
  return engine.query(q!.sql, q!.params);
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Two Pemda in one dataset, with the same agency names (and the same Permendagri codes)
// ---------------------------------------------------------------------------------------------------------------

describe('two Pemda with same-named agencies', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await freshEngine();
    await importText(engine, 'RUP-PaketPenyedia-Terumumkan.csv', rupCsv);
    await importText(engine, 'RUP-StrukturAnggaranPD.csv', strukturCsv);
    expect((await importText(engine, 'Bela-TokoDaringRealisasi.csv', tdCsv)).kind).toBe('tokodaring');
  }, 120_000);
  afterAll(async () => engine?.close());

  it('names both Pemda and keeps each Pemda\'s "DINAS KESEHATAN" its own agency with its own share', async () => {
    const pemda = await engine.query(PEMDA_LIST_SQL);
    expect(pemda.map((p) => [p['pemda_key'], p['nama'], p['agencies']])).toEqual([
      ['klpd:D101', P1.nama, 3],
      ['klpd:D202', P2.nama, 3],
    ]);
    const got = await agencies(engine, 'komitmen', 'belanja_pengadaan');
    expect(got).toHaveLength(6);
    for (const a of ALL) {
      const m = got.filter((x) => x.name === a.nama && x.pemda === a.pemda.nama);
      expect(m, `${a.nama} ${a.pemda.nama}`).toHaveLength(1);
      const e = exp(a);
      expect(m[0]!.agencyKey).toBe(`kd:${a.kd}`);
      expect(m[0]!.pemdaKey).toBe(`klpd:${a.pemda.kd}`);
      expect(m[0]!.denominator).toBe(rp(e.den));
      expect(m[0]!.share.pdn).toBe(rp(e.pdn) / rp(e.den));
      expect(m[0]!.share.umk).toBe(rp(e.umk) / rp(e.den));
    }
  });

  it('attaches name-only transactions to the agency of their own Pemda', async () => {
    const got = await agencies(engine, 'realisasi', 'belanja_pengadaan');
    for (const a of ALL) {
      expect(got.find((x) => x.agencyKey === `kd:${a.kd}`)!.realisasiTotal).toBe(rp(exp(a).real));
    }
  });

  it('ranks the Pemda by their agencies summed (share against target, gap in rupiah)', async () => {
    const q = pemdaRankingQuery('komitmen', 'belanja_pengadaan', T, NO_FILTERS);
    const rows = (await engine.query(q.sql, q.params)).map(toPemdaRow);
    expect(rows.map((r) => r.name)).toEqual([P1.nama, P2.nama]);
    for (const [p, agencies] of [
      [P1, PA],
      [P2, PB],
    ] as const) {
      const r = rows.find((x) => x.name === p.nama)!;
      const num = sum(agencies.map((a) => exp(a).pdn));
      const den = sum(agencies.map((a) => exp(a).den));
      expect(r.agencies).toBe(3);
      expect(r.value.pdn).toBe(rp(num));
      expect(r.denominator.pdn).toBe(rp(den));
      expect(r.share.pdn).toBe(rp(num) / rp(den));
      // gap = max(0, 40 % × den − num), in cents ×10 to stay exact.
      const gap10 = 4n * den - 10n * num;
      expect(r.gap.pdn).toBeCloseTo(gap10 > 0n ? Number(gap10) / 1000 : 0, 2);
      expect(r.meeting.pdn).toBe(agencies.filter((a) => 10n * exp(a).pdn >= 4n * exp(a).den).length);
    }
  });

  it('narrows every figure to one Pemda with the Pemda filter', async () => {
    const f = { ...NO_FILTERS, pemda: 'klpd:D202' };
    const got = await agencies(engine, 'realisasi', 'belanja_pengadaan', f);
    expect(got.map((m) => m.agencyKey).sort()).toEqual(PB.map((a) => `kd:${a.kd}`).sort());
    const s = toBasisSummary('komitmen', (await query(engine, 'summary', f))[0]);
    expect(s.value.pdn).toBe(rp(sum(PB.map((a) => exp(a).pdn))));
    expect(s.denominator).toBe(rp(sum(PB.map((a) => exp(a).den))));
  });

  it('bounds the ranking: never more rows than the Pemda of the cube agencies, under any filter', async () => {
    const bound = Number((await engine.query(RANKING_PEMDA_BOUND_SQL))[0]!['n']);
    expect(bound).toBe(2);
    const sets: Filters[] = [
      NO_FILTERS,
      { ...NO_FILTERS, pemda: 'klpd:D101' },
      { ...NO_FILTERS, agency: `kd:${PB[0]!.kd}` },
      { ...NO_FILTERS, tahun: 1999 },
    ];
    const counts: number[] = [];
    for (const f of sets)
      for (const basis of ['komitmen', 'realisasi', 'capaian'] as const) {
        const q = pemdaRankingQuery(basis, 'belanja_pengadaan', T, f);
        counts.push((await engine.query(q.sql, q.params)).length);
      }
    expect(Math.max(...counts)).toBe(bound);
    expect(counts.every((n) => n <= bound)).toBe(true);
    // Filters remove rows: one Pemda or one agency leaves one ranking row, a year without rows none.
    expect(counts.slice(0, 3)).toEqual([2, 2, 2]);
    expect(counts.slice(3, 9)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(counts.slice(9, 12)).toEqual([0, 0, 0]);
  });

  it('puts a file that names no Pemda in the named unknown-Pemda bucket, never into either Pemda', async () => {
    const headers = ['Kode SKPD', 'Nama SKPD', 'Kode Rekening', 'Nama Rekening', 'Anggaran'];
    const apbd = serialize(
      headers,
      [{ 'Kode SKPD': SAME[0]!.str, 'Nama SKPD': 'Dinas Kesehatan', 'Kode Rekening': '5.1.02.01.01.0024', 'Nama Rekening': 'Belanja', Anggaran: '1.000.000,00' }], // prettier-ignore
      { delim: ';' },
    ).bytes;
    expect((await importText(engine, 'apbd-tanpa-pemda.csv', apbd)).kind).toBe('apbd_rekening');
    const pemda = await engine.query(PEMDA_LIST_SQL);
    expect(pemda.map((p) => p['pemda_key'])).toEqual(['klpd:D101', 'klpd:D202', 'tanpa_pemda']);
    const got = await agencies(engine, 'komitmen', 'apbd_barang_jasa');
    expect(got).toHaveLength(7);
    const unknown = got.filter((m) => m.pemdaKey === 'tanpa_pemda');
    expect(unknown.map((m) => [m.name, m.denominator, m.packages])).toEqual([
      ['Dinas Kesehatan', 1_000_000, 0],
    ]);
    for (const a of ALL) expect(got.find((x) => x.agencyKey === `kd:${a.kd}`)!.denominator).toBeNull();
    const u = unmatchedRegisterQuery(NO_FILTERS);
    const un = await engine.query(u.sql, u.params);
    expect(un.map((r) => [r['alias_key'], r['kinds'], r['total']])).toEqual([
      ['tanpa_pemda|DINAS KESEHATAN', 'apbd_rekening', 1_000_000],
    ]);
    // The unknown-Pemda bucket is a ranking row of its own, and the bound counts it.
    const q = pemdaRankingQuery('komitmen', 'apbd_barang_jasa', T, NO_FILTERS);
    expect((await engine.query(q.sql, q.params)).map((r) => r['pemda_key'])).toEqual([
      'klpd:D101',
      'klpd:D202',
      'tanpa_pemda',
    ]);
    expect(Number((await engine.query(RANKING_PEMDA_BOUND_SQL))[0]!['n'])).toBe(3);
  });
});

describe('one Pemda', () => {
  it('has a ranking bound of 1 (the ranking is not asked for), and the ranking would have one row', async () => {
    const engine = await freshEngine();
    try {
      // Only Pemda Alpha's packages: the header and every record that does not name Pemda Beta.
      const [header, ...records] = rupCsv.split('\n');
      const alpha = [header, ...records.filter((l) => !l.includes(P2.nama))].join('\n');
      expect(alpha.split('\n').length).toBeLessThan(rupCsv.split('\n').length);
      await importText(engine, 'RUP-PaketPenyedia-Terumumkan.csv', alpha);
      expect(Number((await engine.query(RANKING_PEMDA_BOUND_SQL))[0]!['n'])).toBe(1);
      const q = pemdaRankingQuery('komitmen', 'rup_penyedia', T, NO_FILTERS);
      expect((await engine.query(q.sql, q.params)).map((r) => r['pemda_key'])).toEqual(['klpd:D101']);
    } finally {
      await engine.close();
    }
  }, 120_000);
});
