import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import {
  NO_FILTERS,
  breakdownQuery,
  toBasisSummary,
  toBreakdownRow,
  type Basis,
  type Filters,
} from '../../src/p3dn/metrics';
import { loadRealisasiText, type RealisasiLoad } from '../helpers/engine';
import {
  FATE,
  FILES,
  csvOf,
  expected,
  loadRealisasiFixture,
  rp,
  summaryRows,
  trx,
  type Src,
} from '../helpers/realisasi-fixture';

/*
 * Fixture (tests/helpers/realisasi-fixture.ts): three SIRUP agencies with RUP packages and budgets, and transaction
 * exports of every kind that spell the agencies in the ways real exports do. Each transaction carries its intended
 * owner (ground truth) and the fixture applies the domain rules itself, in BigInt cents, to compute what the engine
 * must report. This file: each export detected and every row accounted for, and agency names normalised.
 */
let engine: NodeEngine;
let loads: Map<Src, RealisasiLoad>;
const summary = (basis: Basis, f: Filters = NO_FILTERS) => summaryRows(engine, basis, f);

beforeAll(async () => {
  ({ engine, loads } = await loadRealisasiFixture());
}, 60_000);
afterAll(() => engine.close());

describe('realisasi import', () => {
  it('detects every export kind and accounts for every row by a named rule', () => {
    const want: Record<Src, string> = {
      tender: 'spse_tender',
      nonTender: 'spse_nontender',
      ekontrak: 'spse_ekontrak',
      pencatatanNonTender: 'spse_pencatatan_nontender',
      ekatalogV5: 'ekatalog_v5',
      ekatalogV6: 'ekatalog_v6',
      tokoDaring: 'tokodaring',
    };
    for (const src of Object.keys(FILES) as Src[]) {
      const r = loads.get(src)!;
      const rows = trx.filter((t) => t.src === src);
      expect(r.source).toBe(want[src]);
      expect(r.read).toBe(rows.length);
      expect(r.loaded + r.excluded + r.rejected).toBe(r.read);
      // Per-file rules (sudah_tercatat is a cross-file rule applied at query time: the row is loaded).
      const byRule: Record<string, number> = {};
      for (const t of rows) {
        const f = FATE.get(t);
        if (f && f !== 'rejected' && f !== 'sudah_tercatat') byRule[f] = (byRule[f] ?? 0) + 1;
      }
      expect(r.excludedByRule).toEqual(byRule);
    }
  });

  it('rejects a value that is not a number, with its line', async () => {
    const tenderRows = trx.filter((t) => t.src === 'tender');
    const line = tenderRows.findIndex((t) => t.nilaiText) + 2;
    expect(loads.get('tender')!.rejectedByReason).toEqual({ angka_tidak_valid: 1 });
    const rej = await engine.query('SELECT line, value, reason FROM import_reject WHERE file_id = ?', [
      loads.get('tender')!.fileId,
    ]);
    expect(rej).toEqual([{ line, value: 'dua juta', reason: 'angka_tidak_valid' }]);
  });

  it('sums e-Katalog v5 total_harga per line, never the repeated package total', async () => {
    const q = breakdownQuery('source', NO_FILTERS);
    const rows = (await engine.query(q.sql, q.params)).map(toBreakdownRow);
    const v5 = rows.find((r) => r.group === 'ekatalog_v5')!;
    const counted = trx.filter((t) => t.src === 'ekatalogV5' && FATE.get(t) === null);
    const trueSum = counted.reduce((s, t) => s + t.cents, 0n);
    const naive = counted.reduce((s, t) => s + t.total!, 0n);
    expect(naive).toBeGreaterThan(trueSum);
    expect(v5.total).toBe(rp(trueSum));
    expect(v5.rows).toBe(counted.length);
  });

  it('counts Toko Daring only verified, finished orders, each order once', async () => {
    const q = breakdownQuery('source', NO_FILTERS);
    const rows = (await engine.query(q.sql, q.params)).map(toBreakdownRow);
    const td = rows.find((r) => r.group === 'tokodaring')!;
    const { byAgency } = expected({ alias: false, only: (t) => t.src === 'tokoDaring' });
    const sum = [...byAgency.values()].reduce((s, e) => s + e.total, 0n);
    expect(td.total).toBe(rp(sum));
    // No kd_rup and no reported value: all of it is "Tanpa Status".
    expect(td.tanpa.pdn).toBe(rp(sum));
    expect(td.pdn).toBe(0);
  });

  it('loading the same export again replaces it instead of counting it twice', async () => {
    const before = toBasisSummary('realisasi', (await summary('realisasi'))[0]);
    await loadRealisasiText(engine, FILES.tokoDaring, csvOf('tokoDaring'));
    const after = toBasisSummary('realisasi', (await summary('realisasi'))[0]);
    expect(after.realisasiTotal).toBe(before.realisasiTotal);
  });
});

describe('agency name normalisation', () => {
  it('treats case, punctuation, Pemda suffixes and abbreviations alike', async () => {
    const cases: [string, string][] = [
      ['Dinas Kesehatan Provinsi Kalbar', 'DINAS KESEHATAN'],
      ['DINKES', 'DINAS KESEHATAN'],
      ['  dinas  koperasi,  usaha kecil & menengah ', 'DINAS KOPERASI USAHA KECIL DAN MENENGAH'],
      ['Setda Kabupaten Contoh Makmur', 'SEKRETARIAT DAERAH'],
      ['Dinas PUPR Kab. Uji', 'DINAS PEKERJAAN UMUM DAN PENATAAN RUANG'],
      ['RUMAH SAKIT UMUM DAERAH CONTOH', 'RSUD CONTOH'],
    ];
    for (const [raw, want] of cases) {
      const [r] = await engine.query('SELECT p3dn_norm_name(?) AS n', [raw]);
      expect(r?.['n']).toBe(want);
    }
    const [c] = await engine.query('SELECT p3dn_norm_code(?) AS a, p3dn_norm_code(?) AS b', [
      '1. 20. 03',
      '1.20.3',
    ]);
    expect(c?.['a']).toBe(c?.['b']);
  });
});
