import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../src/engine/sql';
import type { Row } from '../../src/engine/types';
import { writeAliases } from '../../src/p3dn/agency';
import {
  BASES,
  DENOMINATORS,
  FACETS_SQL,
  NO_FILTERS,
  basisAgencyQuery,
  basisSummaryQuery,
  breakdownQuery,
  matchSummaryQuery,
  metodeBreakdownQuery,
  monthlyQuery,
  pemdaRankingQuery,
  registerMatchQuery,
  unmatchedQuery,
  unmatchedRegisterQuery,
  YEARS_SQL,
  type BreakdownDim,
  type Filters,
} from '../../src/p3dn/metrics';
import { freshEngine, importText } from '../helpers/engine';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS, STRUKTUR_HEADERS } from '../../scripts/sample/layouts';
import { penyediaRow, type Agency } from '../helpers/fixtures';
import * as rawBasis from '../helpers/raw-metrics/basis';
import * as rawBreakdown from '../helpers/raw-metrics/breakdown';
import { FACETS_SQL as RAW_FACETS_SQL, YEARS_SQL as RAW_YEARS_SQL } from '../helpers/raw-metrics/facets';
import * as rawMetode from '../helpers/raw-metrics/metode';
import * as rawPemda from '../helpers/raw-metrics/pemda';
import * as rawRecon from '../helpers/raw-metrics/reconciliation';
import { SAMPLE } from '../helpers/sample';
import { rupCsv, strukturCsv, tdCsv } from '../helpers/two-pemda';
import type { NodeEngine } from '../../src/engine/node-engine';

/**
 * The cubes give exactly what the rows give: every figure query is run twice on the real engine, once as it is
 * (reading the cubes) and once as it read the rows before the cubes (tests/helpers/raw-metrics, the SQL of main
 * at b6d2e72, unchanged), and every field of every row is compared for equality (money cast to DOUBLE from the
 * same DECIMAL sum is the same double; nothing is compared "close to").
 */

let engine: NodeEngine;
/** A few hundred queries on the real engine: minutes when the machine is shared. */
const SLOW = 600_000;
const run = async (q: Sql | string) =>
  typeof q === 'string' ? engine.query(q) : engine.query(q.sql, q.params);

/** Rows in a stable order (the queries order by name or rupiah, where ties may come in either order). */
const stable = (rows: Row[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

async function same(cube: Sql | string, rows: Sql | string, what: string): Promise<number> {
  const [c, r] = [await run(cube), await run(rows)];
  expect(stable(c), what).toEqual(stable(r));
  return c.length;
}

/** The filter sets compared: none, each filter alone (a value the data has), and some together. */
async function filterSets(): Promise<Filters[]> {
  const facets = await run(RAW_FACETS_SQL);
  const first = (f: string, i = 0) => {
    const vs = facets.filter((r) => r['facet'] === f).map((r) => String(r['v']));
    return vs[Math.min(i, vs.length - 1)] ?? null;
  };
  const [ag] = await run('SELECT agency_key FROM agency_dim ORDER BY agency_key LIMIT 1 OFFSET 2');
  const tahun = Number(first('tahun'));
  const pemda = (await run(`SELECT pemda_key FROM pemda_dim ORDER BY pemda_key`)).map((r) =>
    String(r['pemda_key']),
  );
  const sets: Filters[] = [
    NO_FILTERS,
    { ...NO_FILTERS, tahun },
    { ...NO_FILTERS, tahun: 2019 }, // a year without data: every figure empty or zero
    { ...NO_FILTERS, agency: String(ag?.['agency_key']) },
    { ...NO_FILTERS, metode: first('metode') },
    { ...NO_FILTERS, metode: first('metode', 3) },
    { ...NO_FILTERS, jenis: first('jenis') },
    { ...NO_FILTERS, sumberDana: first('sumberDana') },
    { ...NO_FILTERS, source: first('source', 2) },
    { ...NO_FILTERS, tahun, metode: first('metode', 1), jenis: first('jenis', 1) },
    { ...NO_FILTERS, tahun, agency: String(ag?.['agency_key']), source: first('source') },
    ...pemda.map((p) => ({ ...NO_FILTERS, pemda: p })),
    { ...NO_FILTERS, pemda: 'no-such-pemda' },
  ];
  for (const s of sets) for (const v of Object.values(s)) expect(v).not.toBeUndefined();
  return sets;
}

/**
 * Every figure query, cube against rows, under the filter sets `only` keeps: every basis × denominator without
 * filters, every basis on one denominator per filter set (the denominators take turns), both targets, and the
 * breakdowns, monthly line, metode, reconciliation and menus. Returns the number of rows compared.
 */
async function compareAll(only?: (f: Filters, i: number) => boolean): Promise<number> {
  let n = 0;
  const targets = { pdn: 0.4, umk: 0.4 };
  const high = { pdn: 0.95, umk: 0.4 };
  const sets = await filterSets();
  for (const [i, f] of sets.entries()) {
    if (only && !only(f, i)) continue;
    const dens = i === 0 ? DENOMINATORS : [DENOMINATORS[i % DENOMINATORS.length]!];
    for (const basis of BASES) {
      for (const den of dens) {
        const t = i % 2 === 0 ? targets : high;
        const tag = `${basis}/${den}/${t.pdn}/${JSON.stringify(f)}`;
        n += await same(basisAgencyQuery(basis, den, t, f), rawBasis.basisAgencyQuery(basis, den, t, f), tag);
        n += await same(
          basisSummaryQuery(basis, den, t, f),
          rawBasis.basisSummaryQuery(basis, den, t, f),
          tag,
        );
        n += await same(
          pemdaRankingQuery(basis, den, t, f),
          rawPemda.pemdaRankingQuery(basis, den, t, f),
          tag,
        );
      }
    }
    const den = DENOMINATORS[i % DENOMINATORS.length]!;
    n += await same(monthlyQuery(den, f), rawBreakdown.monthlyQuery(den, f), `monthly ${den}`);
    for (const dim of ['metode', 'jenis', 'source', 'bulan'] as BreakdownDim[])
      n += await same(breakdownQuery(dim, f), rawBreakdown.breakdownQuery(dim, f), `breakdown ${dim}`);
    n += await same(metodeBreakdownQuery(f), rawMetode.metodeBreakdownQuery(f), 'metode');
    n += await same(matchSummaryQuery(f), rawRecon.matchSummaryQuery(f), 'match paths');
    n += await same(registerMatchQuery(f), rawRecon.registerMatchQuery(f), 'register paths');
    n += await sameUnmatched(unmatchedQuery(f), rawRecon.unmatchedQuery(f), 'sources');
    n += await sameUnmatched(unmatchedRegisterQuery(f), rawRecon.unmatchedRegisterQuery(f), 'kinds');
  }
  n += await same(FACETS_SQL, RAW_FACETS_SQL, 'facets');
  const years = async (q: string) => (await run(q)).map((r) => Number(r['tahun']));
  expect(await years(YEARS_SQL)).toEqual(await years(RAW_YEARS_SQL));
  return n;
}

/**
 * The unmatched list: the same rows; the spellings, codes and sources listed are the same sets (the rows' query
 * listed them in no defined order, the cube's lists them sorted).
 */
async function sameUnmatched(cube: Sql, rows: Sql, list: 'sources' | 'kinds'): Promise<number> {
  const sets = (rows: Row[]) =>
    stable(
      rows.map((r) => ({
        ...r,
        names: String(r['names'] ?? '')
          .split(' | ')
          .sort(),
        codes: String(r['codes'] ?? '')
          .split(' | ')
          .sort(),
        [list]: String(r[list] ?? '')
          .split(', ')
          .sort(),
      })) as unknown as Row[],
    );
  const c = await run(cube);
  const r = await run(rows);
  expect(sets(c)).toEqual(sets(r));
  for (const row of c) {
    const names = String(row['names'] ?? '').split(' | ');
    expect(names).toEqual([...names].sort());
  }
  return c.length;
}

/** A copy of the sample's Toko Daring export whose agencies are spelt so that none matches (listed unmatched). */
function unmatchedTokoDaring(): string {
  const lines = readFileSync(join(SAMPLE, 'Bela-TokoDaringRealisasi.csv'), 'utf8').trimEnd().split('\n');
  const out = [lines[0]];
  for (const [i, l] of lines.slice(1, 61).entries()) {
    const cells = l.split(',');
    cells[3] = `99${i % 3}`; // kd_satker
    cells[4] = i % 3 === 0 ? 'DINAS LAMA' : i % 3 === 1 ? 'Dinas  Lama' : 'KANTOR ENTAH';
    cells[5] = `BELA-X-${i}`; // order_id
    out.push(cells.join(','));
  }
  return out.join('\n') + '\n';
}

beforeAll(async () => {
  engine = await freshEngine();
});
afterAll(async () => {
  engine.close();
});

describe('cubes = rows', () => {
  it('on an empty dataset', async () => {
    expect(await compareAll((_, i) => i === 0)).toBeGreaterThan(0);
    const [s] = await run(
      basisSummaryQuery('realisasi', 'belanja_pengadaan', { pdn: 0.4, umk: 0.4 }, NO_FILTERS),
    );
    expect(s?.['agencies']).toBe(0);
  });

  describe('on the bundled sample (11 exports) plus unmatched transactions', () => {
    let before: unknown[] = [];
    const unmatched = async () => (await run(unmatchedQuery(NO_FILTERS))).map((r) => r['alias_key']);
    beforeAll(async () => {
      for (const name of readdirSync(SAMPLE).sort()) {
        await importText(engine, name, readFileSync(join(SAMPLE, name)));
      }
      await importText(engine, 'Bela-TokoDaring-lain.csv', unmatchedTokoDaring(), { replace: 'none' });
      // APBD budget lines (SIPD) for some of the sample's agencies, by their codes: the APBD denominators have data.
      const ags = await run('SELECT kode FROM agency_register WHERE kode IS NOT NULL ORDER BY kode LIMIT 8');
      const codes = ['5.1.02.01.01.0024', '5.2.02.05.01.0001', '5.1.01.01.01.0001'];
      const sipd = ags.flatMap((a, i) =>
        codes.map(
          (c, j) => `${String(a['kode'])};SKPD ${i};${c};Belanja;${(i + 1) * 1_000_000 + j * 250_000},${j}5`,
        ),
      );
      const apbd = ['Kode SKPD;Nama SKPD;Kode Rekening;Nama Rekening;Anggaran', ...sipd].join('\n') + '\n';
      expect((await importText(engine, 'sipd-belanja.csv', apbd)).kind).toBe('apbd_rekening');
      before = await unmatched();
    }, SLOW);

    it('holds fewer rows than the rows it sums, and lists the unmatched agencies', async () => {
      const [ap] = await run('SELECT count(*) AS n FROM cube_ap');
      expect(Number(ap?.['n'])).toBeGreaterThan(0);
      const withApbd = (
        await run(basisAgencyQuery('komitmen', 'apbd_barang_jasa', { pdn: 0.4, umk: 0.4 }, NO_FILTERS))
      ).filter((r) => r['den'] !== null);
      expect(withApbd.length).toBeGreaterThanOrEqual(4);
      const [c] = await run(`SELECT (SELECT count(*) FROM cube_pen) + (SELECT count(*) FROM cube_rx) AS c,
        (SELECT count(*) FROM rup_penyedia) + (SELECT count(*) FROM realisasi) AS r`);
      expect(Number(c?.['c'])).toBeLessThan(Number(c?.['r']));
      expect(before).toContain('DINAS LAMA');
      expect(before).toContain('KANTOR ENTAH');
    });

    it(
      'without filters, every basis × denominator',
      async () => {
        expect(await compareAll((_, i) => i === 0)).toBeGreaterThan(100);
      },
      SLOW,
    );

    it(
      'under each filter alone and together',
      async () => {
        expect(await compareAll((_, i) => i > 0)).toBeGreaterThan(300);
      },
      SLOW,
    );

    it(
      'after an alias, and after it is removed again',
      async () => {
        const [ag] = await run('SELECT agency_key FROM agency_dim ORDER BY nama LIMIT 1');
        await writeAliases(engine, [{ aliasKey: 'DINAS LAMA', agencyKey: String(ag?.['agency_key']) }]);
        expect((await unmatched()).sort()).toEqual(before.filter((k) => k !== 'DINAS LAMA').sort());
        const paths = await run(matchSummaryQuery(NO_FILTERS));
        expect(paths.map((r) => r['path'])).toContain('alias');
        await compareAll((_, i) => i === 0 || i === 8);
        await writeAliases(engine, []);
        expect((await unmatched()).sort()).toEqual([...before].sort());
        await compareAll((_, i) => i === 0);
      },
      SLOW,
    );
  });

  it(
    'with two Pemda whose agencies have the same names, under each Pemda filter',
    async () => {
      const e2 = engine;
      engine = await freshEngine();
      try {
        await importText(engine, 'RUP-PaketPenyedia-Terumumkan.csv', rupCsv);
        await importText(engine, 'RUP-StrukturAnggaranPD.csv', strukturCsv);
        await importText(engine, 'Bela-TokoDaringRealisasi.csv', tdCsv);
        const [p] = await run('SELECT count(*) AS n FROM pemda_dim');
        expect(Number(p?.['n'])).toBeGreaterThanOrEqual(2);
        expect(await compareAll()).toBeGreaterThan(100);
      } finally {
        engine.close();
        engine = e2;
      }
    },
    SLOW,
  );

  it('names an agency by the register under every filter: its budget spelling, else its most frequent plan spelling', async () => {
    const e2 = await freshEngine();
    try {
      const a = (nama: string): Agency => ({ kd: '777', str: '7.77', nama });
      // 2025: one spelling three times; 2026: the other spelling twice. Every year shows the same name.
      const spell = ['DINAS ZAITUN', 'DINAS ZAITUN', 'DINAS ZAITUN', 'DINAS AWAL', 'DINAS AWAL'];
      const rows = spell.map((nama, i) => ({
        ...penyediaRow({ agency: a(nama), kdRup: String(5000 + i), cents: 100n, pdn: true, ukm: false }),
        tahun_anggaran: i < 3 ? '2025' : '2026',
      }));
      await importText(e2, 'rup.csv', toCsv(PENYEDIA_HEADERS, rows));
      const names = async (tahun: number | null) => {
        const q = basisAgencyQuery(
          'komitmen',
          'rup_penyedia',
          { pdn: 0.4, umk: 0.4 },
          { ...NO_FILTERS, tahun },
        );
        return (await e2.query(q.sql, q.params)).map((r) => [r['nama'], r['n_paket']]);
      };
      expect(await names(null)).toEqual([['DINAS ZAITUN', 5]]);
      expect(await names(2025)).toEqual([['DINAS ZAITUN', 3]]);
      expect(await names(2026)).toEqual([['DINAS ZAITUN', 2]]);
      // A budget sheet spelling the agency its own way: its spelling is the agency's name, in every year.
      const str = toCsv(STRUKTUR_HEADERS, [
        {
          tahun_anggaran: '2026',
          kd_klpd: 'D999',
          nama_klpd: 'Kab. Uji',
          kd_satker: '777',
          kd_satker_str: '7.77',
          nama_satker: 'Dinas Zaitun Kota',
          belanja_pengadaan: '1000',
        },
      ]);
      await importText(e2, 'RUP-StrukturAnggaranPD.csv', str);
      expect((await names(2025)).map(([n]) => n)).toEqual(['Dinas Zaitun Kota']);
    } finally {
      e2.close();
    }
  });
});
