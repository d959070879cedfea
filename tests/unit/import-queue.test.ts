import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types';
import { ImportError, importFile, type ImportStage } from '../../src/p3dn/import';
import { freshEngine } from '../helpers/engine';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS, SWAKELOLA_HEADERS } from '../../scripts/sample/layouts';
import { penyediaRow } from '../helpers/fixtures';

const agency = { kd: '92001', str: '1.01.0.00.0.00.01.0000', nama: 'DINAS ANTRE' };

function rup(kd0: number, n: number): Uint8Array {
  const rows = [...Array(n).keys()].map((i) =>
    penyediaRow({ agency, kdRup: String(kd0 + i), cents: BigInt(1000 + i) * 100n, pdn: true, ukm: false }),
  );
  return new TextEncoder().encode(toCsv(PENYEDIA_HEADERS, rows));
}

function swakelola(kd0: number, n: number): Uint8Array {
  const rows = [...Array(n).keys()].map((i) => ({
    tahun_anggaran: '2025', kd_satker: agency.kd, nama_satker: agency.nama, kd_rup: String(kd0 + i),
    nama_paket: `Swakelola ${i}`, pagu: '1000', tipe_swakelola: '1', status_aktif_rup: 'true',
    status_delete_rup: 'false', status_umumkan_rup: 'Terumumkan',
  })); // prettier-ignore
  return new TextEncoder().encode(toCsv(SWAKELOLA_HEADERS, rows));
}

describe('one import at a time', () => {
  it('imports started together run one after the other: ids unique, nothing mixed', async () => {
    const engine = await freshEngine();
    try {
      const events: string[] = [];
      const start = (name: string, data: Uint8Array, isSample: boolean) =>
        importFile(engine, {
          data,
          displayName: name,
          isSample,
          replace: 'none',
          onProgress: (s: ImportStage) => events.push(`${name}:${s}`),
        });
      const [a, b, c] = await Promise.all([
        start('sample.csv', rup(93_000_000, 2500), true),
        start('own-rup.csv', rup(94_000_000, 700), false),
        start('own-swakelola.csv', swakelola(95_000_000, 300), false),
      ]);
      expect([a.fileId, b.fileId, c.fileId]).toEqual([1, 2, 3]);
      // Every stage of one import before any stage of the next.
      const order = events.map((e) => e.split(':')[0]);
      expect(order).toEqual([...order].sort((x, y) => ['sample.csv', 'own-rup.csv', 'own-swakelola.csv'].indexOf(x!) - ['sample.csv', 'own-rup.csv', 'own-swakelola.csv'].indexOf(y!))); // prettier-ignore
      expect(new Set(order).size).toBe(3);
      const files = await engine.query(
        'SELECT file_id, name, is_sample, rows_loaded FROM source_file ORDER BY 1',
      );
      expect(files).toEqual([
        { file_id: 1, name: 'sample.csv', is_sample: true, rows_loaded: 2500 },
        { file_id: 2, name: 'own-rup.csv', is_sample: false, rows_loaded: 700 },
        { file_id: 3, name: 'own-swakelola.csv', is_sample: false, rows_loaded: 300 },
      ]);
      const perFile = await engine.query(
        'SELECT file_id, count(*) AS n, min(kd_rup) AS lo, max(kd_rup) AS hi FROM rup_penyedia GROUP BY 1 ORDER BY 1',
      );
      expect(perFile).toEqual([
        { file_id: 1, n: 2500, lo: '93000000', hi: '93002499' },
        { file_id: 2, n: 700, lo: '94000000', hi: '94000699' },
      ]);
    } finally {
      engine.close();
    }
  }, 120_000);

  it('an import cancelled while it waits its turn never starts; the running one loads', async () => {
    const engine = await freshEngine();
    try {
      const ctl = new AbortController();
      const first = importFile(engine, {
        data: rup(96_000_000, 100),
        displayName: 'a.csv',
        isSample: false,
        replace: 'none',
      });
      const second = importFile(engine, {
        data: rup(97_000_000, 100),
        displayName: 'b.csv',
        isSample: false,
        replace: 'none',
        signal: ctl.signal,
      });
      ctl.abort();
      expect((await first).fileId).toBe(1);
      const e = await second.catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ImportError);
      expect((e as ImportError).code).toBe('dibatalkan');
      expect(await engine.query('SELECT count(*) AS n FROM source_file')).toEqual([{ n: 1 }]);
    } finally {
      engine.close();
    }
  });

  it('a step failing after the swap is a warning on a loaded file', async () => {
    const real = await freshEngine();
    try {
      // The engine refuses the checksum table: the rows are loaded, the checksum step fails.
      const engine: Engine = {
        query: (q, p) =>
          /source_checksum/.test(q) ? Promise.reject(new Error('disk full')) : real.query(q, p),
        queryMany: (items) => real.queryMany(items),
        exec: (q, o) => real.exec(q, o),
        registerFile: (n, s) => real.registerFile(n, s),
        dropFile: (n) => real.dropFile(n),
        registerEmptyFile: (n) => real.registerEmptyFile(n),
        copyFileToBuffer: (n) => real.copyFileToBuffer(n),
      };
      const r = await importFile(engine, {
        data: rup(98_000_000, 50),
        displayName: 'c.csv',
        isSample: false,
        replace: 'none',
      });
      expect(r.warnings).toEqual(['checksum_gagal']);
      expect(r.counts.loaded).toBe(50);
      expect(await real.query('SELECT count(*) AS n FROM rup_penyedia')).toEqual([{ n: 50 }]);
    } finally {
      real.close();
    }
  });
});
