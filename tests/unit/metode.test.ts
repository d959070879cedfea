import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { metodeBreakdownQuery, toMetodeRow } from '../../src/p3dn/metrics';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS } from '../../scripts/sample/layouts';
import { mulberry32 } from '../../scripts/sample/prng';
import { freshEngine, importText } from '../helpers/engine';
import { counted, penyediaRow, type Agency, type Paket } from '../helpers/fixtures';

const A: Agency = { kd: '200001', str: '1.01.0.00.0.00.01.0000', nama: 'DINAS A' };
const B: Agency = { kd: '200002', str: '1.02.0.00.0.00.01.0000', nama: 'DINAS B' };
const METODES = ['Pengadaan Langsung', 'E-Purchasing', 'Tender', 'Dikecualikan', ''];

// 2,500 packages (more than DuckDB's sniffing sample), methods spread unevenly, some excluded.
const rand = mulberry32(11);
const pakets: (Paket & { metode: string })[] = [];
for (let i = 0; i < 2500; i++) {
  const r = rand();
  pakets.push({
    agency: i % 3 === 0 ? A : B,
    kdRup: String(80_000_000 + i),
    cents: BigInt(Math.floor(rand() * 900_000_000)) * 100n + BigInt(i % 100),
    pdn: rand() < 0.6,
    ukm: rand() < 0.35,
    deleted: r < 0.03,
    aktif: !(r >= 0.03 && r < 0.05),
    metode: METODES[Math.floor(rand() * rand() * METODES.length)]!,
  });
}
const CSV = toCsv(
  PENYEDIA_HEADERS,
  pakets.map((p) => ({ ...penyediaRow(p), metode_pengadaan: p.metode })),
);

let engine: NodeEngine;
beforeAll(async () => {
  engine = await freshEngine();
  await importText(engine, 'RUP-PaketPenyedia-Terumumkan.csv', CSV);
});
afterAll(async () => {
  engine?.close();
});

describe('metodeBreakdownQuery', () => {
  it('sums pagu and its PDN / UMK-K parts per method over counted packages, exactly', async () => {
    const expected = new Map<string | null, { n: number; pagu: bigint; pdn: bigint; umk: bigint }>();
    for (const p of pakets.filter(counted)) {
      const key = p.metode === '' ? null : p.metode;
      const e = expected.get(key) ?? { n: 0, pagu: 0n, pdn: 0n, umk: 0n };
      e.n++;
      e.pagu += p.cents;
      if (p.pdn) e.pdn += p.cents;
      if (p.ukm) e.umk += p.cents;
      expected.set(key, e);
    }
    const q = metodeBreakdownQuery();
    const rows = (await engine.query(q.sql, q.params)).map(toMetodeRow);
    expect(rows.map((r) => r.metode).sort()).toEqual([...expected.keys()].sort());
    for (const r of rows) {
      const e = expected.get(r.metode)!;
      expect(r.packages).toBe(e.n);
      expect(r.pagu).toBe(Number(e.pagu) / 100);
      expect(r.pdn).toBe(Number(e.pdn) / 100);
      expect(r.umk).toBe(Number(e.umk) / 100);
    }
    // Largest pagu first.
    const pagus = rows.map((r) => r.pagu);
    expect(pagus).toEqual([...pagus].sort((a, b) => b - a));
    // Every counted package is in exactly one method.
    expect(rows.reduce((s, r) => s + r.packages, 0)).toBe(pakets.filter(counted).length);
  });

  it('applies the filters RUP penyedia carries (agency, metode) and ignores the transaction-only ones', async () => {
    const agencyKey = (
      await engine.query(`SELECT DISTINCT agency_key FROM rup_penyedia WHERE kd_satker = '${A.kd}'`)
    )[0]?.['agency_key'];
    expect(typeof agencyKey).toBe('string');
    const f = {
      tahun: null,
      agency: String(agencyKey),
      metode: 'Tender',
      jenis: null,
      sumberDana: 'APBD',
      source: 'ekatalog_v5',
    };
    const sel = pakets.filter((p) => counted(p) && p.agency === A && p.metode === 'Tender');
    expect(sel.length).toBeGreaterThan(0);
    const q = metodeBreakdownQuery(f);
    const rows = (await engine.query(q.sql, q.params)).map(toMetodeRow);
    expect(rows.map((r) => r.metode)).toEqual(['Tender']);
    expect(rows[0]!.packages).toBe(sel.length);
    expect(rows[0]!.pagu).toBe(Number(sel.reduce((s, p) => s + p.cents, 0n)) / 100);
    expect(rows[0]!.pdn).toBe(Number(sel.filter((p) => p.pdn).reduce((s, p) => s + p.cents, 0n)) / 100);
  });
});
