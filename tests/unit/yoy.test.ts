/** Year over year on the real engine: each year's share under a year filter, and the change per agency and Pemda. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS, STRUKTUR_HEADERS } from '../../scripts/sample/layouts';
import type { NodeEngine } from '../../src/engine/node-engine';
import {
  BASES,
  DENOMINATORS,
  NO_FILTERS,
  basisAgencyQuery,
  pemdaRankingQuery,
  toBasisAgencyMetric,
  toPemdaRow,
  yearOverYear,
} from '../../src/p3dn/metrics';
import { yearsCompared } from '../../src/features/pemda/api/get-yoy';
import { freshEngine, importText } from '../helpers/engine';
import { centsText, penyediaRow, type Agency } from '../helpers/fixtures';

const rp = (c: bigint) => Number(c) / 100;
const T = { pdn: 0.4, umk: 0.4 };
const A: Agency = { kd: '74001', str: '1.01.0.00.0.00.01.0000', nama: 'DINAS PENDIDIKAN' };
const B: Agency = { kd: '74002', str: '1.02.0.00.0.00.01.0000', nama: 'DINAS KESEHATAN' };
// Per year and agency: PDN pagu, non-PDN pagu, belanja_pengadaan (cents).
const FIG = {
  2024: {
    [A.kd]: [300_000_00n, 700_000_00n, 2_000_000_00n],
    [B.kd]: [100_000_00n, 100_000_00n, 1_000_000_00n],
  },
  2025: {
    [A.kd]: [900_000_00n, 100_000_00n, 2_500_000_00n],
    [B.kd]: [50_000_00n, 10_000_00n, 1_000_000_00n],
  },
} as const;
const YEARS = [2024, 2025] as const;

let engine: NodeEngine;
beforeAll(async () => {
  engine = await freshEngine();
  const rup = YEARS.flatMap((y) =>
    [A, B].flatMap((a, j) =>
      [true, false].map((pdn, k) => ({
        ...penyediaRow({
          agency: a,
          kdRup: `${y}${j}${k}`,
          cents: FIG[y][a.kd]![pdn ? 0 : 1]!,
          pdn,
          ukm: false,
        }),
        tahun_anggaran: String(y),
      })),
    ),
  );
  await importText(engine, 'RUP-PaketPenyedia-Terumumkan.csv', toCsv(PENYEDIA_HEADERS, rup));
  for (const y of YEARS) {
    const rows = [A, B].map((a) => ({
      tahun_anggaran: String(y), kd_klpd: 'D999', nama_klpd: 'Kab. Uji', kd_satker: a.kd, kd_satker_str: a.str,
      nama_satker: a.nama, belanja_pengadaan: centsText(FIG[y][a.kd]![2]!),
    })); // prettier-ignore
    await importText(engine, `RUP-StrukturAnggaranPD-${y}.csv`, toCsv(STRUKTUR_HEADERS, rows), {
      replace: 'none',
    });
  }
}, 120_000);
afterAll(async () => engine?.close());

const share = (y: 2024 | 2025, a: Agency) => rp(FIG[y][a.kd]![0]!) / rp(FIG[y][a.kd]![2]!);

describe('year over year', () => {
  it('compares the year filter\u2019s year with the one before, else the last two years', () => {
    expect(yearsCompared([2023, 2024, 2025], null)).toEqual([2024, 2025]);
    expect(yearsCompared([2023, 2024, 2025], 2024)).toEqual([2023, 2024]);
    expect(yearsCompared([2023, 2024, 2025], 2023)).toBeNull();
    expect(yearsCompared([2025], null)).toBeNull();
  });

  it('gives each agency its share per year and the change in share, and the Pemda its own', async () => {
    const per = async (tahun: number) => {
      const q = basisAgencyQuery('komitmen', 'belanja_pengadaan', T, { ...NO_FILTERS, tahun });
      const p = pemdaRankingQuery('komitmen', 'belanja_pengadaan', T, { ...NO_FILTERS, tahun });
      return {
        a: (await engine.query(q.sql, q.params)).map((r) => toBasisAgencyMetric('komitmen', r)),
        p: (await engine.query(p.sql, p.params)).map(toPemdaRow),
      };
    };
    const [y0, y1] = [await per(2024), await per(2025)];
    const rows = yearOverYear(
      y0.a.map((m) => ({ ...m, key: m.agencyKey })),
      y1.a.map((m) => ({ ...m, key: m.agencyKey })),
      'pdn',
    );
    expect(rows).toHaveLength(2);
    for (const a of [A, B]) {
      const r = rows.find((x) => x.key === `kd:${a.kd}`)!;
      expect(r.prev!.share.pdn).toBe(share(2024, a));
      expect(r.cur!.share.pdn).toBe(share(2025, a));
      expect(r.change).toBe(share(2025, a) - share(2024, a));
    }
    const pem = yearOverYear(
      y0.p.map((r) => ({ ...r, key: r.pemdaKey })),
      y1.p.map((r) => ({ ...r, key: r.pemdaKey })),
      'pdn',
    );
    const sumOf = (y: 2024 | 2025, i: 0 | 2) => rp(FIG[y][A.kd]![i]! + FIG[y][B.kd]![i]!);
    expect(pem).toHaveLength(1);
    expect(pem[0]!.change).toBe(sumOf(2025, 0) / sumOf(2025, 2) - sumOf(2024, 0) / sumOf(2024, 2));
  });

  it('answers both years in one query exactly as the two one-year queries, for every basis, denominator and cube', async () => {
    const [m] = await engine.query('SELECT any_value(metode) AS m FROM rup_penyedia');
    const narrowed = { ...NO_FILTERS, metode: String(m?.['m']) }; // read from cube_base, not cube_agency_year
    let compared = 0;
    for (const basis of BASES)
      for (const den of DENOMINATORS)
        for (const f of [NO_FILTERS, narrowed]) {
          const both = basisAgencyQuery(basis, den, T, f, 'double', [2024, 2025]);
          const rows = await engine.query(both.sql, both.params);
          for (const tahun of YEARS) {
            const one = basisAgencyQuery(basis, den, T, { ...f, tahun });
            const expected = (await engine.query(one.sql, one.params)).map((r) =>
              toBasisAgencyMetric(basis, r),
            );
            const got = rows.filter((r) => r['tahun'] === tahun).map((r) => toBasisAgencyMetric(basis, r));
            expect(got).toEqual(expected);
            compared += got.length;
          }
        }
    // 3 bases × 5 denominators × 2 cubes × 2 years × 2 agencies.
    expect(compared).toBe(120);
    expect(() =>
      basisAgencyQuery('komitmen', 'rup_total', T, { ...NO_FILTERS, tahun: 2025 }, 'double', [2024, 2025]),
    ).toThrow();
  });

  it('lists an agency present in one year only, with no change', () => {
    const rows = yearOverYear(
      [{ key: 'x', share: { pdn: 0.5, umk: null } }],
      [{ key: 'y', share: { pdn: 0.2, umk: null } }],
      'pdn',
    );
    expect(rows.map((r) => [r.key, r.change])).toEqual([
      ['y', null],
      ['x', null],
    ]);
  });
});
