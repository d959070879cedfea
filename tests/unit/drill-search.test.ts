import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { NO_FILTERS, drillTotalsQuery, type DrillSpec } from '../../src/p3dn/metrics';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS } from '../../scripts/sample/layouts';
import { freshEngine, importText } from '../helpers/engine';
import { penyediaRow, type Agency } from '../helpers/fixtures';

const A: Agency = { kd: '700001', str: '1.01.0.00.0.00.01.0000', nama: 'DINAS PENDIDIKAN' };
// Names with the characters ILIKE treats as wildcards, and names a wildcard would wrongly match.
const NAMES = ['Diskon 10% ATK', 'Diskon 10 ATK', 'kode_A', 'kodeXA', 'a\\b', 'ab'];

let engine: NodeEngine;
beforeAll(async () => {
  engine = await freshEngine();
  const rows = NAMES.map((nama, i) => ({
    ...penyediaRow({ agency: A, kdRup: String(800 + i), cents: 100_000n, pdn: true, ukm: false }),
    nama_paket: nama,
  }));
  await importText(engine, 'rup.csv', toCsv(PENYEDIA_HEADERS, rows));
});
afterAll(() => engine.close());

const spec = (search: string): DrillSpec => ({
  kind: 'komitmen',
  agency: `kd:${A.kd}`,
  kpi: 'pdn',
  filters: NO_FILTERS,
  search,
  flag: 'all',
  sort: 'nilai',
  dir: 'desc',
});

async function count(search: string): Promise<number> {
  const q = drillTotalsQuery(spec(search));
  return Number((await engine.query(q.sql, q.params))[0]?.['n']);
}

describe('drill-down search', () => {
  it('matches %, _ and \\ literally, never as wildcards', async () => {
    // Expected: the names that contain the search text as it is written (case-insensitive).
    const expected = (s: string) => NAMES.filter((n) => n.toLowerCase().includes(s.toLowerCase())).length;
    for (const s of ['10%', '%', '_', 'kode_a', 'a\\b', '\\']) {
      expect({ s, n: await count(s) }).toEqual({ s, n: expected(s) });
    }
    expect(expected('10%')).toBe(1);
    expect(expected('_')).toBe(1);
  });

  it('still finds plain text anywhere in the name, ignoring case', async () => {
    expect(await count('diskon')).toBe(2);
    expect(await count('ATK')).toBe(2);
    expect(await count('tidak ada')).toBe(0);
  });
});
