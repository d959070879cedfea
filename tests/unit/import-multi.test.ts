import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS } from '../../scripts/sample/layouts';
import { freshEngine, importText } from '../helpers/engine';
import { serialize } from '../helpers/csv-bytes';
import { REALISASI_FIXTURES, realisasiRows } from '../helpers/exports';
import { penyediaRow } from '../helpers/fixtures';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await freshEngine();
});
afterAll(() => engine.close());

/** The documented rule, written here independently of the SQL macro. */
function multi(s: string): string | null {
  const seen: string[] = [];
  for (const part of s.split(/[;,]/).map((x) => x.trim())) {
    if (part === '' || part.toLowerCase() === 'null') continue;
    if (!seen.includes(part)) seen.push(part);
  }
  return seen.length ? seen.join('; ') : null;
}

function tally(values: (string | null)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v ?? '(null)'] = (out[v ?? '(null)'] ?? 0) + 1;
  return out;
}

describe('multi-valued cells in real exports', () => {
  it('RUP penyedia: jenis and kd_jenis keep their distinct values once', async () => {
    const jenis = [
      'Barang;Barang',
      'Barang',
      'Barang;Jasa Lainnya',
      'Jasa Lainnya;Barang;Barang',
      'Jasa Lainnya',
    ];
    const kdJenis = ['1;1', '1', '1;4', '4;1;1', '4'];
    const agency = { kd: '62001', str: '1.01.0.00.0.00.01.0000', nama: 'DINAS MULTI' };
    const rows = [...Array(2100).keys()].map((i) => ({
      ...penyediaRow({ agency, kdRup: String(91_000_000 + i), cents: 1_000_000n, pdn: true, ukm: false }),
      jenis_pengadaan: jenis[i % 5]!,
      kd_jenis_pengadaan: kdJenis[i % 5]!,
    }));
    const r = await importText(engine, 'multi.csv', toCsv(PENYEDIA_HEADERS, rows));
    expect(r.counts.loaded).toBe(rows.length);
    const got = await engine.query(
      'SELECT jenis, kd_jenis, count(*) AS n FROM rup_penyedia WHERE file_id = ? GROUP BY ALL',
      [r.fileId],
    );
    const expected = tally(rows.map((x) => `${multi(x.jenis_pengadaan)}|${multi(x.kd_jenis_pengadaan)}`));
    expect(Object.fromEntries(got.map((g) => [`${g['jenis']}|${g['kd_jenis']}`, g['n']]))).toEqual(expected);
    // `Barang;Barang` and `Barang` are one group.
    expect(Object.keys(expected)).toEqual([
      'Barang|1',
      'Barang; Jasa Lainnya|1; 4',
      'Jasa Lainnya; Barang|4; 1',
      'Jasa Lainnya|4',
    ]);
  });

  it('realisasi: sumber_dana `APBD,APBDP` and repeated jenis are normalised', async () => {
    const fx = REALISASI_FIXTURES.find((f) => f.kind === 'spse_tender')!;
    const dana = ['APBD,APBDP', 'APBD', 'APBD;APBD', 'APBDP, APBD', ''];
    const jenis = ['Barang;Barang', 'Pekerjaan Konstruksi', '3;3;4', 'Barang', 'Barang,Barang'];
    const rows = realisasiRows(fx, 2100, 3, 'api').map((x, i) => ({
      ...x,
      cells: { ...x.cells, sumber_dana: dana[i % 5]!, jenis_pengadaan: jenis[i % 5]! },
    }));
    const headers = [...new Set([...fx.headers, 'sumber_dana', 'jenis_pengadaan'])];
    const file = serialize(
      headers,
      rows.map((x) => x.cells),
    );
    const r = await importText(engine, 'tender.csv', file.bytes, { kind: 'spse_tender' });
    const counted = rows.filter((x) => x.fate.t === 'loaded');
    expect(r.counts.loaded).toBe(counted.length);
    const got = await engine.query(
      `SELECT coalesce(sumber_dana, '(null)') AS d, coalesce(jenis, '(null)') AS j, count(*) AS n
       FROM realisasi WHERE file_id = ? AND exclusion IS NULL GROUP BY ALL`,
      [r.fileId],
    );
    const expected = tally(
      counted.map(
        (x) =>
          `${multi(x.cells['sumber_dana']!) ?? '(null)'}|${multi(x.cells['jenis_pengadaan']!) ?? '(null)'}`,
      ),
    );
    expect(Object.fromEntries(got.map((g) => [`${g['d']}|${g['j']}`, g['n']]))).toEqual(expected);
    expect(new Set(got.map((g) => g['d']))).toEqual(
      new Set(['APBD; APBDP', 'APBD', 'APBDP; APBD', '(null)']),
    );
  });
});
