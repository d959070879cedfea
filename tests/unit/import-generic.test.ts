import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import type { ImportResult } from '../../src/p3dn/import';
import { GENERIC_MAX_CONFIDENCE, KIND_IDS } from '../../src/p3dn/kinds';
import { detectKind } from '../../src/p3dn/import';
import { NO_FILTERS, breakdownQuery, toBreakdownRow } from '../../src/p3dn/metrics';
import { HEADERS, expected, loadGenericSheet, rows, sheet } from '../helpers/generic-sheet';
import { centsText } from '../helpers/fixtures';

/*
 * A hand-made sheet (an agency's own list of purchases, tests/helpers/generic-sheet.ts), loaded as the generic kind.
 * Every row carries the fate and the PDN/UMK rupiah the rules give it, decided there from the product rules (BigInt
 * cents), never by the code.
 */
let engine: NodeEngine;
let res: ImportResult;
beforeAll(async () => {
  ({ engine, res } = await loadGenericSheet());
}, 60_000);
afterAll(() => engine.close());

describe('a hand-made sheet loaded as the generic kind', () => {
  it('is a real file (more than 2,048 lines) proposed as generik with a low confidence', () => {
    expect(sheet.lines.at(-1)!).toBeGreaterThan(2_048);
    const d = detectKind(HEADERS);
    expect(d.kind).toBe('generik');
    // 11 of the 13 headers feed a generic column (`No` loses to `Nomor Kontrak`, `Catatan Lain` is unknown).
    expect(d.confidence).toBe(Math.floor(((GENERIC_MAX_CONFIDENCE * 11) / 13) * 100) / 100);
    expect(d.confidence).toBeLessThan(0.75);
    expect(d.ranking).toHaveLength(KIND_IDS.length);
    expect(d.ranking.find((r) => r.kind === 'generik')?.confidence).toBe(d.confidence);
  });

  it('accounts for every row: read = loaded + excluded + rejected, each count by its rule', () => {
    const e = expected();
    expect(res.kind).toBe('generik');
    expect(res.counts).toEqual({
      read: rows.length,
      loaded: e.loaded,
      excluded: e.excluded,
      rejected: e.rejected,
      excludedByRule: e.byRule,
      rejectedByReason: e.byReason,
    });
    expect(res.counts.read).toBe(res.counts.loaded + res.counts.excluded + res.counts.rejected);
    expect(e.byRule).toEqual({ id_berulang: 6 });
    expect(e.byReason).toEqual({
      nilai_kosong: 2,
      angka_tidak_valid: 2,
      satker_kosong: 2,
      tanggal_tidak_valid: 1,
      status_tidak_dikenal: 1,
    });
    expect(res.mapping).toMatchObject({
      nama_satker: 'Nama OPD',
      kd_satker_str: 'Kode OPD',
      nilai: 'Jumlah (Rp)',
      nilai_pdn: 'Nilai PDN',
      status_pdn: 'PDN',
      status_ukm: 'UKM',
      kd_rup: 'Kode RUP',
      trx_id: 'Nomor Kontrak',
      nama_paket: 'Uraian',
      tanggal: 'Tanggal',
      sumber_dana: 'Sumber Dana',
    });
  });

  it('rejects each unusable row with its physical line (quoted line breaks counted)', async () => {
    const got = await engine.query('SELECT line, reason FROM import_reject WHERE file_id = ? ORDER BY line', [
      res.fileId,
    ]);
    const want = rows
      .map((r, i) => ({ r, line: sheet.lines[i]! }))
      .filter(({ r }) => r.fate.t === 'rejected')
      .map(({ r, line }) => ({ line, reason: r.fate.t === 'rejected' ? r.fate.reason : '' }));
    expect(got).toEqual(want);
  });

  it('sums the value, PDN and UMK-K rupiah exactly: reported value, else flag, else RUP by kd_rup, else Tanpa Status', async () => {
    const e = expected();
    const [s] = await engine.query(
      `SELECT CAST(sum(nilai) AS VARCHAR) AS nilai, CAST(sum(pdn_part) AS VARCHAR) AS pdn,
         CAST(sum(umk_part) AS VARCHAR) AS umk, count(*) AS n
       FROM realisasi_x WHERE file_id = ? AND excl IS NULL`,
      [res.fileId],
    );
    expect(s).toEqual({
      nilai: centsText(e.nilai),
      pdn: centsText(e.part.pdn),
      umk: centsText(e.part.umk),
      n: e.loaded,
    });
    for (const kpi of ['pdn', 'umk'] as const) {
      const by = await engine.query(
        `SELECT ${kpi}_from AS k, count(*) AS n FROM realisasi_x WHERE file_id = ? AND excl IS NULL GROUP BY 1`,
        [res.fileId],
      );
      const want = Object.entries(e.from[kpi]).filter(([, n]) => n > 0);
      expect(Object.fromEntries(by.map((r) => [r['k'], r['n']]))).toEqual(Object.fromEntries(want));
      // Every path is exercised by the fixture.
      expect(want).toHaveLength(3);
    }
  });

  it('stores the rows as source generik, every agency matched, the year taken from the date', async () => {
    const e = expected();
    const [s] = await engine.query(
      `SELECT count(*) FILTER (WHERE source <> 'generik') AS other, count(*) FILTER (WHERE agency IS NULL) AS unmatched
       FROM realisasi_x WHERE file_id = ?`,
      [res.fileId],
    );
    expect(s).toEqual({ other: 0, unmatched: 0 });
    const years = await engine.query(
      `SELECT CAST(tahun AS VARCHAR) AS y, count(*) AS n FROM realisasi WHERE file_id = ? AND exclusion IS NULL
       GROUP BY 1`,
      [res.fileId],
    );
    expect(Object.fromEntries(years.map((r) => [String(r['y']), r['n']]))).toEqual(e.years);
  });

  it('shows the rows as one "generik" group in the breakdown by source system', async () => {
    const e = expected();
    const q = breakdownQuery('source', NO_FILTERS);
    const groups = (await engine.query(q.sql, q.params)).map(toBreakdownRow);
    const g = groups.find((x) => x.group === 'generik');
    expect(g?.rows).toBe(e.loaded);
    expect(g?.total).toBeCloseTo(Number(e.nilai) / 100, 2);
    expect(g?.pdn).toBeCloseTo(Number(e.part.pdn) / 100, 2);
    expect(g?.umk).toBeCloseTo(Number(e.part.umk) / 100, 2);
  });
});
