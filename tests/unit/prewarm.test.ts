/**
 * The dashboard's statements prepared in idle time (src/queries/prewarm.ts), on the real engine: after a dataset
 * version, every text of the dashboard's two figures (each basis × denominator, over the small cube and the full
 * one) is prepared once, and a view change then prepares nothing, whatever filters are set (filters and targets
 * are values of the argument row, src/engine/args.ts: each text is prepared without placeholders, beside the
 * UPDATE that writes its values); a new dataset version prepares them afresh. With several Pemda the ranking's
 * texts are prepared too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { argsSelect, argsUpdate } from '../../src/engine/args';
import type { NodeEngine } from '../../src/engine/node-engine';
import {
  BASES,
  DENOMINATORS,
  NO_FILTERS,
  basisAgencyQuery,
  basisSummaryQuery,
  pemdaRankingQuery,
} from '../../src/p3dn/metrics';
import { BatchingEngine } from '../../src/queries/batch';
import { dashboardTexts, startPrewarm } from '../../src/queries/prewarm';
import { useDatasetStore } from '../../src/stores/dataset-store';
import { freshEngine, importText } from '../helpers/engine';
import { SAMPLE } from '../helpers/sample';
import { rupCsv, strukturCsv, tdCsv } from '../helpers/two-pemda';

let node: NodeEngine;
let prepared: string[];

beforeAll(async () => {
  node = await freshEngine();
  for (const f of [
    'RUP-PaketPenyedia-Terumumkan.csv',
    'RUP-StrukturAnggaranPD.csv',
    'Bela-TokoDaringRealisasi.csv',
  ])
    await importText(node, f, readFileSync(join(SAMPLE, f)));
  const conn = (node as unknown as { conn: { prepare: (s: string) => unknown } }).conn;
  prepared = [];
  const real = conn.prepare.bind(conn);
  vi.spyOn(conn, 'prepare').mockImplementation((s: string) => (prepared.push(s), real(s)));
}, 120_000);
afterAll(() => node?.close());

const warmed = async () => {
  performance.clearMarks('pantau:prewarmed');
  await vi.waitFor(() => expect(performance.getEntriesByName('pantau:prewarmed')).toHaveLength(1), {
    timeout: 30_000,
    interval: 20,
  });
};

describe('the prewarm of the dashboard statements', () => {
  it('prepares each basis × denominator × cube text once; a view change then prepares nothing', async () => {
    const engine = new BatchingEngine(node);
    // Independently: 3 bases × 5 denominators × (agencies, totals, agencies of two years) × (the small cube, the
    // full one), and they are all different texts.
    expect(BASES.length * DENOMINATORS.length).toBe(15);
    expect(new Set(dashboardTexts()).size).toBe(90);
    useDatasetStore.setState({ version: 1 });
    performance.clearMarks('pantau:prewarmed');
    const stop = startPrewarm(() => engine);
    try {
      await warmed();
      // Each text as the engine runs it: every value read from the row, no placeholder left; and the UPDATE of
      // each number of values, once.
      const selects = dashboardTexts().map((t) => argsSelect(t));
      expect(selects.every((x) => x !== null && x.count > 0 && !x.text.includes('?'))).toBe(true);
      const updates = new Set(selects.map((x) => argsUpdate(x!.count)!));
      expect(new Set(prepared)).toEqual(new Set([...selects.map((x) => x!.text), ...updates]));
      // One Pemda (these files): the ranking is not prepared.
      expect(prepared).toHaveLength(90 + updates.size);
      prepared.length = 0;
      // A view with filters set and other targets: the same texts, other values in the row.
      const [y] = await node.query('SELECT CAST(max(tahun) AS INTEGER) AS y FROM rup_penyedia');
      const f = { ...NO_FILTERS, tahun: Number(y?.['y']), metode: 'Tender' };
      const t = { pdn: 0.55, umk: 0.3 };
      for (const q of [
        basisAgencyQuery('realisasi', 'rup_total', t, f),
        basisSummaryQuery('capaian', 'apbd_barang_jasa', t, f),
      ])
        expect((await engine.query(q.sql, q.params)).length).toBeGreaterThan(0);
      expect(prepared).toHaveLength(0);
      // New data: prepared afresh (the UPDATEs read only the row: kept).
      useDatasetStore.setState({ version: 2 });
      await warmed();
      expect(prepared).toHaveLength(90);
    } finally {
      stop();
    }
  }, 120_000);

  it('with several Pemda, prepares the Pemda ranking too: a ranking then prepares nothing', async () => {
    const two = await freshEngine();
    try {
      await importText(two, 'RUP-PaketPenyedia-Terumumkan.csv', rupCsv);
      await importText(two, 'RUP-StrukturAnggaranPD.csv', strukturCsv);
      await importText(two, 'Bela-TokoDaringRealisasi.csv', tdCsv);
      // Two Pemda in the dataset, counted here from the register itself.
      const [p] = await two.query('SELECT CAST(count(DISTINCT pemda_key) AS INTEGER) AS n FROM agency_dim');
      expect(p?.['n']).toBe(2);
      const conn = (two as unknown as { conn: { prepare: (s: string) => unknown } }).conn;
      const seen: string[] = [];
      const real = conn.prepare.bind(conn);
      vi.spyOn(conn, 'prepare').mockImplementation((s: string) => (seen.push(s), real(s)));
      const engine = new BatchingEngine(two);
      // 15 ranking texts per cube more than the 90, all different.
      expect(new Set(dashboardTexts(true)).size).toBe(120);
      useDatasetStore.setState({ version: 11 });
      const stop = startPrewarm(() => engine);
      try {
        await warmed();
        const rankings = BASES.flatMap((b) =>
          DENOMINATORS.flatMap((d) =>
            [NO_FILTERS, { ...NO_FILTERS, metode: '' }].map(
              (f) => argsSelect(pemdaRankingQuery(b, d, { pdn: 0.4, umk: 0.4 }, f).sql)!.text,
            ),
          ),
        );
        expect(new Set(rankings).size).toBe(30);
        for (const r of rankings) expect(seen).toContain(r);
        seen.length = 0;
        const q = pemdaRankingQuery(
          'realisasi',
          'rup_total',
          { pdn: 0.45, umk: 0.2 },
          {
            ...NO_FILTERS,
            metode: 'Tender',
          },
        );
        expect((await engine.query(q.sql, q.params)).length).toBeGreaterThan(0);
        expect(seen).toHaveLength(0);
      } finally {
        stop();
      }
    } finally {
      two.close();
    }
  }, 120_000);
});
