/**
 * The agency register rebuilt once per batch (`refresh: false`, then `finishImports`) gives exactly what a rebuild
 * after each file gives: the same register, the same rows counted once across files, the same figures for every
 * basis and denominator, the same per-file reports. Both on the real engine, from the same files.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { finishImports, importFile, type ImportedFile } from '../../src/p3dn/import';
import { DENOMINATORS, NO_FILTERS, basisAgencyQuery, pemdaRankingQuery } from '../../src/p3dn/metrics';
import { crossFileReport } from '../../src/p3dn/schema/cross-file';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS, STRUKTUR_HEADERS } from '../../scripts/sample/layouts';
import { freshEngine } from '../helpers/engine';
import { centsText, penyediaRow } from '../helpers/fixtures';
import { SAMPLE } from '../helpers/sample';
import { budgetBytes, webCsv } from '../helpers/web-list';

const SAMPLE_FILES = [
  'RUP-PaketPenyedia-Terumumkan.csv', 'RUP-PaketSwakelola-Terumumkan.csv', 'RUP-StrukturAnggaranPD.csv',
  'SPSE-TenderSelesaiNilai.csv', 'SPSE-NonTenderSelesai.csv', 'SPSE-PencatatanNonTender.csv',
  'SPSE-PencatatanSwakelola.csv', 'SPSE-NonTenderEkontrak-Kontrak.csv', 'Ecat-PaketEPurchasing.csv',
  'Ecat-PaketEPurchasing-V6.csv', 'Bela-TokoDaringRealisasi.csv',
]; // prettier-ignore

const agency = { kd: '95001', str: '9.01.0.00.0.00.01.0000', nama: 'DINAS BATCH' };
const rup = (from: number, to: number, rev: bigint) =>
  toCsv(
    PENYEDIA_HEADERS,
    [...Array(to - from + 1).keys()].map((k) =>
      penyediaRow({ agency, kdRup: String(96_000_000 + from + k), cents: BigInt(1_000_000 + from + k) * 100n + rev, pdn: k % 2 === 0, ukm: k % 3 === 0 }),
    ),
  ); // prettier-ignore
const struktur = (cents: bigint) =>
  toCsv(STRUKTUR_HEADERS, [{ tahun_anggaran: '2025', kd_satker: agency.kd, nama_satker: agency.nama, belanja_pengadaan: centsText(cents) }]); // prettier-ignore

/** The sample's 11 files, then the web list with a coded budget sheet, overlapping RUP batches and budgets. */
const FILES: { name: string; bytes: Uint8Array }[] = [
  ...SAMPLE_FILES.map((name) => ({ name, bytes: new Uint8Array(readFileSync(resolve(SAMPLE, name))) })),
  { name: 'daftar-paket-sirup.csv', bytes: new TextEncoder().encode(webCsv) },
  { name: 'struktur-anggaran-keuangan.csv', bytes: budgetBytes },
  { name: 'rup-batch-1.csv', bytes: new TextEncoder().encode(rup(1, 300, 0n)) },
  { name: 'rup-batch-2.csv', bytes: new TextEncoder().encode(rup(251, 500, 7n)) },
  { name: 'struktur-batch-1.csv', bytes: new TextEncoder().encode(struktur(90_000_000_00n)) },
  { name: 'struktur-batch-2.csv', bytes: new TextEncoder().encode(struktur(95_000_000_00n)) },
];

async function load(engine: NodeEngine, refresh: boolean): Promise<ImportedFile[]> {
  const out: ImportedFile[] = [];
  for (const f of FILES) {
    out.push(
      await importFile(engine, {
        data: f.bytes.slice(),
        displayName: f.name,
        isSample: false,
        replace: 'none',
        refresh,
      }),
    );
  }
  return out;
}

/** Everything the figures are made of, and the figures. */
async function state(engine: NodeEngine) {
  const all = (sql: string) => engine.query(sql);
  const figures: Record<string, unknown> = {};
  // A basis's rows hold all three shares; realisasi for every denominator, capaian and the Pemda ranking once.
  for (const [basis, den] of [
    ...DENOMINATORS.map((d) => ['realisasi', d] as const),
    ['capaian', 'belanja_pengadaan'] as const,
  ]) {
    const q = basisAgencyQuery(basis, den, { pdn: 0.4, umk: 0.4 }, NO_FILTERS);
    figures[`${basis}/${den}`] = await engine.query(q.sql, q.params);
  }
  const p = pemdaRankingQuery('komitmen', 'belanja_pengadaan', { pdn: 0.4, umk: 0.4 }, NO_FILTERS);
  figures['pemda'] = await engine.query(p.sql, p.params);
  return {
    idmap: await all('SELECT * FROM agency_idmap ORDER BY ALL'),
    register: await all('SELECT * FROM agency_register ORDER BY ALL'),
    pemda: await all('SELECT * FROM pemda_dim ORDER BY ALL'),
    superseded: await all('SELECT * FROM file_superseded ORDER BY ALL'),
    figures,
  };
}

describe('the agency register rebuilt once per batch', () => {
  it('gives the same register, copies, figures and reports as a rebuild after each file', async () => {
    const perFile = await freshEngine();
    const batch = await freshEngine();
    try {
      const a = await load(perFile, true);
      const loaded = await load(batch, false);
      // Until the batch ends nothing is matched: the rebuild really is left to its end.
      expect(await batch.query('SELECT count(*) AS n FROM agency_idmap')).toEqual([{ n: 0 }]);
      const b = await finishImports(batch, loaded);
      const sa = await state(perFile);
      const sb = await state(batch);
      expect(sa.idmap.length).toBeGreaterThan(100);
      expect(sa.superseded.length).toBe(50 + 1); // 50 packages of batch 1, the budget row of struktur batch 1
      expect(sb).toEqual(sa);
      // Each file's report of rows counted once across files is the final one (a later file may have taken some).
      for (const [i, f] of b.entries()) {
        expect(f.crossFile, f.name).toEqual(await crossFileReport(perFile, a[i]!.fileId));
        expect(f.warnings).toEqual([]);
        expect({ ...f, crossFile: null }).toEqual({ ...a[i]!, crossFile: null });
      }
      expect(b.find((f) => f.name === 'rup-batch-1.csv')!.crossFile.lostTo).toEqual([
        { fileId: b.find((f) => f.name === 'rup-batch-2.csv')!.fileId, name: 'rup-batch-2.csv', n: 50 },
      ]);
    } finally {
      perFile.close();
      batch.close();
    }
  }, 180_000);
});
