import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import {
  NO_FILTERS,
  drillCachedPageQuery,
  drillCachedTotalsSql,
  drillMaterializeQuery,
  drillPageQuery,
  drillTotalsQuery,
  matchSummaryQuery,
  toBasisSummary,
  toDrillRow,
  unmatchedQuery,
  type Basis,
  type DrillSpec,
  type Filters,
} from '../../src/p3dn/metrics';
import { writeAliases } from '../../src/p3dn/agency';
import {
  AGENCIES,
  B,
  BP,
  C,
  agencyMetrics,
  expected,
  komitmen,
  loadRealisasiFixture,
  pakets,
  rp,
  summaryRows,
} from '../helpers/realisasi-fixture';

/*
 * Fixture (tests/helpers/realisasi-fixture.ts): three SIRUP agencies with RUP packages and budgets, and transaction
 * exports of every kind that spell the agencies in the ways real exports do. Each transaction carries its intended
 * owner (ground truth) and the fixture applies the domain rules itself, in BigInt cents, to compute what the engine
 * must report. This file: the figures per agency (matching, flag inheritance, komitmen, capaian, filters, aliases)
 * and the drill-down rows behind them.
 */
let engine: NodeEngine;
const agencies = (basis: Basis, f: Filters = NO_FILTERS) => agencyMetrics(engine, basis, f);
const summary = (basis: Basis, f: Filters = NO_FILTERS) => summaryRows(engine, basis, f);

beforeAll(async () => {
  ({ engine } = await loadRealisasiFixture());
}, 60_000);
afterAll(() => engine.close());

describe('realisasi per agency, flag inheritance and capaian', () => {
  it('maps two spellings, spaced codes and SIRUP ids onto one agency, and lists the rest as unmatched', async () => {
    const { byAgency, unmatched } = expected({ alias: false });
    const got = await agencies('realisasi');
    for (const a of AGENCIES) {
      const e = byAgency.get(a.kd)!;
      const m = got.get(`kd:${a.kd}`)!;
      expect(m.realisasiTotal).toBe(rp(e.total));
      expect(m.transactions).toBe(e.rows);
      for (const k of ['pdn', 'umk'] as const) {
        expect(m.realisasi[k]).toBe(rp(e.part[k]));
        expect(m[k]).toBe(rp(e.part[k]));
        expect(m.from[k]).toEqual({
          nilai: rp(e.from[k].nilai),
          rup: rp(e.from[k].rup),
          tanpa: rp(e.from[k].tanpa),
        });
        expect(m.share[k]).toBeCloseTo(Number(e.part[k]) / Number(BP[a.kd]!), 12);
      }
    }
    const s = toBasisSummary('realisasi', (await summary('realisasi'))[0]);
    expect(s.unmatchedValue).toBe(rp(unmatched));
    const uq = unmatchedQuery(NO_FILTERS);
    const list = await engine.query(uq.sql, uq.params);
    expect(list.map((r) => r['alias_key']).sort()).toEqual(['BAGIAN UMUM SEKRETARIAT LAMA', 'DINAS ENTAH']);
    expect(list.reduce((x, r) => x + Number(r['total']), 0)).toBeCloseTo(rp(unmatched), 2);
    const mq = matchSummaryQuery(NO_FILTERS);
    const paths = await engine.query(mq.sql, mq.params);
    expect(paths.map((r) => r['path'])).toEqual(['kode', 'nama', 'none']);
  });

  it('reports komitmen from RUP packages alone, whatever the transactions say', async () => {
    const got = await agencies('komitmen');
    expect(got.size).toBe(AGENCIES.length);
    for (const a of AGENCIES) {
      const m = got.get(`kd:${a.kd}`)!;
      const bp = BP[a.kd]!;
      expect(m.denominator).toBe(rp(bp));
      for (const k of ['pdn', 'umk'] as const) {
        const kom = komitmen(a, k);
        expect(m[k]).toBe(rp(kom));
        expect(m.komitmen[k]).toBe(rp(kom));
        expect(m.share[k]).toBeCloseTo(Number(kom) / Number(bp), 12);
        const gap = (bp * 4n) / 10n - kom; // 40 % of belanja_pengadaan, in cents
        expect(m.gap[k]).toBe(gap > 0n ? rp(gap) : 0);
        expect(m.meets[k]).toBe(kom * 10n >= bp * 4n);
      }
    }
  });

  it('computes capaian = realisasi ÷ komitmen beside both shares, per agency and overall', async () => {
    const { byAgency } = expected({ alias: false });
    const got = await agencies('capaian');
    let r = 0n;
    let k = 0n;
    for (const a of AGENCIES) {
      const m = got.get(`kd:${a.kd}`)!;
      const e = byAgency.get(a.kd)!;
      const kom = komitmen(a, 'pdn');
      expect(m.share.pdn).toBeCloseTo(Number(e.part.pdn) / Number(kom), 12);
      expect(m.capaian.pdn).toBe(m.share.pdn);
      expect(m.denominatorKpi.pdn).toBe(rp(kom));
      expect(m.meets.pdn).toBe(e.part.pdn >= kom);
      expect(m.komitmenShare.pdn).toBeCloseTo(Number(kom) / Number(BP[a.kd]!), 12);
      expect(m.realisasiShare.pdn).toBeCloseTo(Number(e.part.pdn) / Number(BP[a.kd]!), 12);
      r += e.part.pdn;
      k += kom;
    }
    const s = toBasisSummary('capaian', (await summary('capaian'))[0]);
    expect(s.value.pdn).toBe(rp(r));
    expect(s.denominatorKpi.pdn).toBe(rp(k));
    expect(s.share.pdn).toBeCloseTo(Number(r) / Number(k), 12);
  });

  it('applies the source-system filter', async () => {
    const { byAgency } = expected({ alias: false, only: (t) => t.src === 'ekatalogV6' });
    const got = await agencies('realisasi', { ...NO_FILTERS, source: 'ekatalog_v6' });
    for (const a of AGENCIES)
      expect(got.get(`kd:${a.kd}`)!.realisasiTotal).toBe(rp(byAgency.get(a.kd)!.total));
  });

  it('applies metode (own or inherited from the RUP package) and fiscal-year filters to every figure', async () => {
    const ep = { ...NO_FILTERS, metode: 'E-Purchasing' };
    const { byAgency } = expected({
      alias: false,
      only: (t) => t.src === 'ekatalogV5' || t.src === 'ekatalogV6' || t.src === 'tokoDaring',
    });
    const got = await agencies('realisasi', ep);
    for (const a of AGENCIES) {
      expect(got.get(`kd:${a.kd}`)!.realisasiTotal).toBe(rp(byAgency.get(a.kd)!.total));
      // No RUP package of the fixture is e-purchasing: no komitmen under this filter.
      expect(got.get(`kd:${a.kd}`)!.komitmen.pdn).toBe(0);
    }
    const pl = await agencies('capaian', { ...NO_FILTERS, metode: 'Pengadaan Langsung' });
    for (const a of AGENCIES) expect(pl.get(`kd:${a.kd}`)!.komitmen.pdn).toBe(rp(komitmen(a, 'pdn')));
    const other = toBasisSummary(
      'realisasi',
      (await summary('realisasi', { ...NO_FILTERS, tahun: 2024 }))[0],
    );
    expect(other.realisasiTotal).toBe(0);
    expect(other.value.pdn).toBe(0);
  });

  it('maps a renamed agency through the alias table', async () => {
    await writeAliases(engine, [{ aliasKey: 'BAGIAN UMUM SEKRETARIAT LAMA', agencyKey: `kd:${C.kd}` }]);
    const { byAgency, unmatched } = expected({ alias: true });
    const got = await agencies('realisasi');
    expect(got.get(`kd:${C.kd}`)!.realisasiTotal).toBe(rp(byAgency.get(C.kd)!.total));
    const s = toBasisSummary('realisasi', (await summary('realisasi'))[0]);
    expect(s.unmatchedValue).toBe(rp(unmatched));
    const mq = matchSummaryQuery(NO_FILTERS);
    const paths = await engine.query(mq.sql, mq.params);
    expect(paths.map((r) => r['path'])).toEqual(['alias', 'kode', 'nama', 'none']);
    await writeAliases(engine, []);
  });
});

describe('drill-down', () => {
  const spec = (over: Partial<DrillSpec> = {}): DrillSpec => ({
    kind: 'realisasi',
    agency: `kd:${B.kd}`,
    kpi: 'pdn',
    filters: NO_FILTERS,
    search: '',
    flag: 'all',
    sort: 'nilai',
    dir: 'desc',
    ...over,
  });

  it('totals equal the agency figure, and pages of LIMIT/OFFSET add up to the same rows', async () => {
    const { byAgency } = expected({ alias: false });
    const e = byAgency.get(B.kd)!;
    const t = drillTotalsQuery(spec());
    const [tot] = await engine.query(t.sql, t.params);
    expect(tot).toMatchObject({ n: e.rows, nilai: rp(e.total), part: rp(e.part.pdn) });
    const rows = [];
    for (let off = 0; off < e.rows; off += 37) {
      const p = drillPageQuery(spec(), off, 37);
      rows.push(...(await engine.query(p.sql, p.params)).map(toDrillRow));
    }
    expect(rows.length).toBe(e.rows);
    expect(new Set(rows.map((r) => `${r.file}:${r.line}`)).size).toBe(e.rows);
    const sorted = [...rows].sort((a, b) => b.nilai - a.nilai);
    expect(rows.map((r) => r.nilai)).toEqual(sorted.map((r) => r.nilai));
    const tanpa = rows.filter((r) => r.flagFrom === 'tanpa');
    expect(tanpa.reduce((s, r) => s + r.nilai, 0)).toBeCloseTo(rp(e.from.pdn.tanpa), 2);
    const f = drillTotalsQuery(spec({ flag: 'tanpa' }));
    expect((await engine.query(f.sql, f.params))[0]?.['n']).toBe(tanpa.length);
  });

  it('gives the same rows, order and totals from the materialised (windowed) table as from the direct query', async () => {
    const sp = spec({ sort: 'nama_paket', dir: 'asc', kpi: 'umk' });
    const m = drillMaterializeQuery(sp, 'drill_t1');
    await engine.query(m.sql, m.params);
    const direct = drillTotalsQuery(sp);
    const [a] = await engine.query(direct.sql, direct.params);
    const [b] = await engine.query(drillCachedTotalsSql('drill_t1'));
    expect(b).toEqual(a);
    const n = Number(a?.['n']);
    for (const off of [0, 50, n - 7]) {
      const p1 = drillPageQuery(sp, off, 25);
      const p2 = drillCachedPageQuery('drill_t1', off, 25);
      expect(await engine.query(p2.sql, p2.params)).toEqual(await engine.query(p1.sql, p1.params));
    }
    expect(() => drillCachedPageQuery('x; DROP TABLE realisasi', 0, 1)).toThrow();
  });

  it('lists komitmen packages with their flag for the komitmen basis', async () => {
    const t = drillTotalsQuery(spec({ kind: 'komitmen', kpi: 'umk' }));
    const [tot] = await engine.query(t.sql, t.params);
    expect(tot).toMatchObject({
      n: pakets.filter((p) => p.agency === B).length,
      part: rp(komitmen(B, 'umk')),
    });
    const p = drillPageQuery(spec({ kind: 'komitmen', kpi: 'umk', search: pakets[1]!.kdRup }), 0, 10);
    const rows = (await engine.query(p.sql, p.params)).map(toDrillRow);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kdRup: pakets[1]!.kdRup,
      flag: pakets[1]!.ukm,
      flagFrom: 'rup',
      line: 3,
    });
  });
});
