import { describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { NO_FILTERS, basisSummaryQuery, toBasisSummary } from '../../src/p3dn/metrics';
import { freshEngine, importText } from '../helpers/engine';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS } from '../../scripts/sample/layouts';
import { centsText, penyediaRow } from '../helpers/fixtures';

const agency = { kd: '91001', str: '1.01.0.00.0.00.01.0000', nama: 'DINAS SEKALI' };

interface Pkg {
  kd: string;
  cents: bigint;
  pdn: boolean;
}

function rupCsv(pkgs: Pkg[], eventDate: string): string {
  return toCsv(
    PENYEDIA_HEADERS,
    pkgs.map((p) => ({
      ...penyediaRow({ agency, kdRup: p.kd, cents: p.cents, pdn: p.pdn, ukm: false }),
      _event_date: eventDate,
    })),
  );
}

/** Counted RUP penyedia: rows, distinct packages, exact pagu and PDN pagu. */
async function counted(engine: NodeEngine) {
  const [r] = await engine.query(`SELECT count(*) AS n, count(DISTINCT kd_rup) AS k,
      CAST(sum(pagu) AS VARCHAR) AS pagu, CAST(sum(pagu) FILTER (WHERE is_pdn) AS VARCHAR) AS pdn
    FROM rup_penyedia WHERE exclusion IS NULL`);
  return r;
}

const pkg = (i: number, rev = 0n, pdn = i % 3 === 0): Pkg => ({
  kd: String(86_000_000 + i),
  cents: BigInt(2_000_000 + i * 13) * 100n + BigInt(i % 100) + rev,
  pdn,
});

describe('counted once across files', () => {
  it('two overlapping RUP batches: each package once, the more recent export’s values', async () => {
    const engine = await freshEngine();
    try {
      // Batch A (older export): packages 1..600. Batch B (newer): 401..1000, revising the pagu of 401..500.
      const a = [...Array(600).keys()].map((i) => pkg(i + 1));
      const b = [...Array(600).keys()].map((i) => {
        const n = i + 401;
        return n <= 500 ? pkg(n, 1_000_000n, true) : pkg(n);
      });
      // The newer export is loaded first: the export date decides, not the order of loading.
      const rb = await importText(engine, 'rup-b.csv', rupCsv(b, '2025-02-01 08:00:00'), { replace: 'none' });
      const ra = await importText(engine, 'rup-a.csv', rupCsv(a, '2025-01-10 08:00:00'), { replace: 'none' });
      expect(ra.mode).toBe('add');
      expect(ra.crossFile).toEqual({
        lostTo: [{ fileId: rb.fileId, name: 'rup-b.csv', n: 200 }],
        superseded: [],
      });
      const wins = new Map<string, Pkg>();
      for (const p of [...a, ...b]) wins.set(p.kd, p); // B after A: B's copy stays
      const exp = [...wins.values()];
      const sum = (ps: Pkg[]) => centsText(ps.reduce((s, p) => s + p.cents, 0n));
      expect(await counted(engine)).toEqual({
        n: 1000,
        k: 1000,
        pagu: sum(exp),
        pdn: sum(exp.filter((p) => p.pdn)),
      });
      const q = basisSummaryQuery('komitmen', 'rup_penyedia', { pdn: 0.4, umk: 0.4 }, NO_FILTERS);
      const s = toBasisSummary('komitmen', (await engine.query(q.sql, q.params))[0]);
      expect(s.value.pdn).toBe(Number(sum(exp.filter((p) => p.pdn))));
      expect(s.denominator).toBe(Number(sum(exp)));
      // A copy without an export date: the file loaded last wins.
      const rc = await importText(engine, 'rup-c.csv', rupCsv([pkg(1, 500n)], ''), { replace: 'none' });
      expect(rc.crossFile.superseded).toEqual([{ fileId: ra.fileId, name: 'rup-a.csv', n: 1 }]);
      const [one] = await engine.query(
        "SELECT file_id, CAST(pagu AS VARCHAR) AS p FROM rup_penyedia WHERE kd_rup = '86000001' AND exclusion IS NULL",
      );
      expect(one).toEqual({ file_id: rc.fileId, p: centsText(pkg(1, 500n).cents) });
    } finally {
      engine.close();
    }
  });

  it('the same file under another name is the same file (SHA-256), counted once', async () => {
    const engine = await freshEngine();
    try {
      const csv = rupCsv([pkg(1), pkg(2), pkg(3)], '');
      const r1 = await importText(engine, 'RUP.csv', csv, { replace: 'none' });
      const r2 = await importText(engine, 'RUP (1).csv', csv, { replace: 'none' });
      expect(r2.mode).toBe('same_file');
      expect(r2.replaced).toEqual([r1.fileId]);
      expect(await engine.query('SELECT count(*) AS n FROM source_file')).toEqual([{ n: 1 }]);
      expect((await counted(engine))?.['k']).toBe(3);
      // Two different exports of the same size are two files.
      const other = rupCsv([pkg(4), pkg(5), pkg(6)], '');
      expect(other.length).toBe(csv.length);
      const r3 = await importText(engine, 'RUP.csv', other, { replace: 'none' });
      expect(r3.mode).toBe('add');
      expect((await counted(engine))?.['k']).toBe(6);
    } finally {
      engine.close();
    }
  });

  it('transactions: one row per key across files, joined to one RUP package per kd_rup', async () => {
    const engine = await freshEngine();
    try {
      // The same package in two RUP files: the later says PDN.
      await importText(engine, 'rup-1.csv', rupCsv([pkg(7, 0n, false), pkg(8, 0n, false)], ''), {
        replace: 'none',
      });
      await importText(engine, 'rup-2.csv', rupCsv([pkg(7, 0n, true)], ''), { replace: 'none' });
      const headers = ['kd_tender', 'kd_rup_paket', 'nama_satker', 'nilai_kontrak'];
      const tender = (rows: [string, string, string][]) =>
        toCsv(headers, rows.map(([kd_tender, kd_rup_paket, nilai_kontrak]) => ({ kd_tender, kd_rup_paket, nama_satker: agency.nama, nilai_kontrak }))); // prettier-ignore
      await importText(
        engine,
        't-1.csv',
        tender([
          ['T1', '86000007', '1000.50'],
          ['T2', '86000008', '2000'],
        ]),
        {
          kind: 'spse_tender',
          replace: 'none',
        },
      );
      // A later export of the tenders revises T1's value and adds T3.
      const t2 = await importText(
        engine,
        't-2.csv',
        tender([
          ['T1', '86000007', '1500.25'],
          ['T3', '86000007', '10'],
        ]),
        {
          kind: 'spse_tender',
          replace: 'none',
        },
      );
      expect(t2.crossFile.superseded).toHaveLength(1);
      const rows =
        await engine.query(`SELECT trx_id, CAST(nilai AS VARCHAR) AS nilai, CAST(pdn_part AS VARCHAR) AS pdn
        FROM realisasi_x WHERE excl IS NULL ORDER BY trx_id`);
      expect(rows).toEqual([
        { trx_id: 'T1', nilai: '1500.25', pdn: '1500.25' },
        { trx_id: 'T2', nilai: '2000.00', pdn: '0.00' },
        { trx_id: 'T3', nilai: '10.00', pdn: '10.00' },
      ]);
    } finally {
      engine.close();
    }
  });
});
