import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { freshEngine, importText } from '../helpers/engine';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS } from '../../scripts/sample/layouts';
import { mulberry32 as rng } from '../../scripts/sample/prng';
import { centsText, penyediaRow } from '../helpers/fixtures';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await freshEngine();
});
afterAll(() => engine.close());

const agency = { kd: '71001', str: '1.01.0.00.0.00.01.0000', nama: 'DINAS ANGKA' };

/** Whole rupiah and cents, written by hand in a locale: `en` 1,234,567.89 or `id` 1.234.567,89. */
function written(c: bigint, f: 'en' | 'id', decimals = c % 100n !== 0n): string {
  const [th, dec] = f === 'en' ? [',', '.'] : ['.', ','];
  const whole = (c / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, th);
  return decimals ? `${whole}${dec}${String(c % 100n).padStart(2, '0')}` : whole;
}

/** Sum of the loaded pagu of a file, exact (DECIMAL summed by DuckDB, read as text). */
async function paguSum(fileId: number): Promise<string> {
  const [r] = await engine.query(
    'SELECT CAST(coalesce(sum(pagu), 0) AS VARCHAR) AS s FROM rup_penyedia WHERE file_id = ? AND exclusion IS NULL',
    [fileId],
  );
  return String(r?.['s']);
}

async function rejects(fileId: number) {
  return engine.query('SELECT line, value, reason FROM import_reject WHERE file_id = ? ORDER BY line', [
    fileId,
  ]);
}

function rup(
  pagus: string[],
  kd0: number,
  over: (i: number) => Partial<Record<string, string>> = () => ({}),
) {
  return toCsv(
    PENYEDIA_HEADERS,
    pagus.map((pagu, i) => ({
      ...penyediaRow({ agency, kdRup: String(kd0 + i), cents: 0n, pdn: true, ukm: false }),
      pagu,
      ...over(i),
    })) as Record<string, string>[],
  );
}

describe('numbers decided per column', () => {
  it('an English-locale export: every cell read with thousands commas, 3 decimals rejected', async () => {
    const rand = rng(5);
    const cents: bigint[] = [1_622_943_540_000n, 12_500_000n, 75_000n];
    const texts = ['16,229,435,400', '125,000', '750'];
    for (let i = 0; i < 3000; i++) {
      const c = BigInt(Math.floor(rand() * 5e9)) * 100n + BigInt(i % 3 === 0 ? i % 100 : 0);
      cents.push(c);
      texts.push(written(c, 'en'));
    }
    const bad = ['12,345.678', '1.234.567,89'];
    const res = await importText(engine, 'rup-en.csv', rup([...texts, ...bad], 72_000_000));
    expect(res.numberFormats).toEqual({ pagu: 'en' });
    expect(res.counts).toMatchObject({
      read: texts.length + 2,
      loaded: texts.length,
      rejected: 2,
      rejectedByReason: { angka_desimal_lebih: 1, angka_format_kolom: 1 },
    });
    expect(await paguSum(res.fileId)).toBe(centsText(cents.reduce((a, b) => a + b, 0n)));
    const [first] = await engine
      .query(
        'SELECT CAST(pagu AS VARCHAR) AS p FROM rup_penyedia WHERE file_id = ? AND kd_rup IN (?, ?, ?) ORDER BY kd_rup',
        [res.fileId, '72000000', '72000001', '72000002'],
      )
      .then((rows) => [rows.map((r) => r['p'])]);
    expect(first).toEqual(['16229435400.00', '125000.00', '750.00']);
    expect(await rejects(res.fileId)).toEqual([
      { line: texts.length + 2, value: '12,345.678', reason: 'angka_desimal_lebih' },
      { line: texts.length + 3, value: '1.234.567,89', reason: 'angka_format_kolom' },
    ]);
  });

  it('an Indonesian-locale column: dots are thousands, `125,000` has three decimals', async () => {
    const rand = rng(6);
    const cents: bigint[] = [];
    const texts: string[] = [];
    for (let i = 0; i < 2500; i++) {
      const c = BigInt(Math.floor(rand() * 5e9)) * 100n + BigInt(i % 100);
      cents.push(c);
      const t = written(c, 'id');
      texts.push(i % 4 === 0 ? `Rp ${t}` : i % 4 === 1 && c % 100n === 0n ? `Rp${t},-` : t);
    }
    texts.push('1.234');
    cents.push(123_400n);
    const res = await importText(engine, 'rup-id.csv', rup([...texts, '125,000', '1,234.50'], 73_000_000));
    expect(res.numberFormats).toEqual({ pagu: 'id' });
    expect(res.counts.rejectedByReason).toEqual({ angka_desimal_lebih: 1, angka_format_kolom: 1 });
    expect(res.counts.loaded).toBe(texts.length);
    expect(await paguSum(res.fileId)).toBe(centsText(cents.reduce((a, b) => a + b, 0n)));
  });

  it('a mixed column: the format most cells fit wins, the others are rejected, never reread', async () => {
    const texts: string[] = [];
    let expected = 0n;
    const rejected: string[] = [];
    for (let i = 0; i < 900; i++) {
      const c = BigInt(1_000_000 + i * 7919) * 100n + BigInt(i % 100);
      if (i % 3 === 2) {
        const t = written(c, 'en', true);
        texts.push(t);
        rejected.push(t);
      } else {
        texts.push(written(c, 'id', true));
        expected += c;
      }
    }
    const res = await importText(engine, 'rup-mixed.csv', rup(texts, 74_000_000));
    expect(res.numberFormats).toEqual({ pagu: 'id' });
    expect(res.counts).toMatchObject({
      loaded: 600,
      rejected: 300,
      rejectedByReason: { angka_format_kolom: 300 },
    });
    expect((await rejects(res.fileId)).map((r) => r['value'])).toEqual(rejected);
    expect(await paguSum(res.fileId)).toBe(centsText(expected));
  });

  it('a plain API column stays plain; ids in scientific notation and negative pagu are rejected', async () => {
    const texts = ['1399818654.61', '250000000', '-5000', '1000.5'];
    const res = await importText(
      engine,
      'rup-plain.csv',
      rup([...texts, '777'], 75_000_000, (i) => (i === 4 ? { kd_rup: '1.23457E+11' } : {})),
    );
    expect(res.numberFormats).toEqual({ pagu: 'plain' });
    expect(res.counts).toMatchObject({
      loaded: 3,
      rejected: 2,
      rejectedByReason: { nilai_negatif: 1, kode_notasi_ilmiah: 1 },
    });
    expect(await paguSum(res.fileId)).toBe(centsText(139_981_865_461n + 25_000_000_000n + 100_050n));
  });

  it('transactions: a PDN or UMK part larger than the value, or a negative value, is rejected by name', async () => {
    const headers = [
      'kd_tender',
      'kd_rup_paket',
      'nama_satker',
      'nilai_kontrak',
      'nilai_pdn_kontrak',
      'nilai_umk_kontrak',
    ];
    const rows = [
      ['1', '9001', '100000', '100000', '0'],
      ['2', '9002', '100000', '100000.01', '0'],
      ['3', '9003', '100000', '0', '100001'],
      ['4', '9004', '-100', '', ''],
      ['5', '9005', '5000', '-1', ''],
      ['6', '1.5E+10', '5000', '', ''],
    ].map(([kd_tender, kd_rup_paket, nilai_kontrak, nilai_pdn_kontrak, nilai_umk_kontrak]) => ({
      kd_tender: kd_tender!, kd_rup_paket: kd_rup_paket!, nama_satker: 'DINAS ANGKA',
      nilai_kontrak: nilai_kontrak!, nilai_pdn_kontrak: nilai_pdn_kontrak!, nilai_umk_kontrak: nilai_umk_kontrak!,
    })); // prettier-ignore
    const res = await importText(engine, 'tender.csv', toCsv(headers, rows), { kind: 'spse_tender' });
    expect(res.counts).toMatchObject({ read: 6, loaded: 1, rejected: 5 });
    expect((await rejects(res.fileId)).map((r) => r['reason'])).toEqual([
      'pdn_melebihi_nilai',
      'umk_melebihi_nilai',
      'nilai_negatif',
      'nilai_negatif',
      'kode_notasi_ilmiah',
    ]);
  });
});
