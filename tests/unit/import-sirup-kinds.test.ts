import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { omit, pick, STRUKTUR_HEADERS, SWAKELOLA_HEADERS } from '../../scripts/sample/layouts';
import { freshEngine, importText } from '../helpers/engine';
import { serialize } from '../helpers/csv-bytes';
import { centsText, centsTextId } from '../helpers/fixtures';

/*
 * The other SIRUP and budget exports: RUP swakelola, StrukturAnggaranPD, RUP-PaketAnggaranPenyedia and an APBD/SIPD
 * budget by kode rekening, each in a delimiter and number format users' files have.
 */
let engine: NodeEngine;
beforeAll(async () => {
  engine = await freshEngine();
});
afterAll(() => engine.close());

describe('swakelola, struktur anggaran, paket anggaran and APBD', () => {
  it('reads RUP swakelola as TSV', async () => {
    const headers = pick(SWAKELOLA_HEADERS, ['tahun_anggaran', 'kd_satker', 'nama_satker', 'kd_rup', 'nama_paket', 'pagu', 'tipe_swakelola', 'status_aktif_rup', 'status_delete_rup', 'status_umumkan_rup']); // prettier-ignore
    const rows = [...Array(30).keys()].map((i) => ({
      tahun_anggaran: '2025',
      kd_satker: '1',
      nama_satker: 'DINAS PENDIDIKAN',
      kd_rup: String(60_000_000 + (i % 28)), // two repeats
      nama_paket: 'Swakelola',
      pagu: centsTextId(BigInt(5_000_000_00 + i)),
      tipe_swakelola: '1',
      status_aktif_rup: 'true',
      status_delete_rup: 'false',
      status_umumkan_rup: 'Terumumkan',
    }));
    const res = await importText(
      engine,
      'RUP-PaketSwakelola.tsv',
      serialize(headers, rows, { delim: '\t' }).bytes,
    );
    expect(res.kind).toBe('rup_swakelola');
    expect(res.counts).toMatchObject({ read: 30, loaded: 28, excluded: 2, excludedByRule: { duplikat: 2 } });
    const [s] = await engine.query(
      'SELECT CAST(sum(pagu) AS VARCHAR) AS s FROM rup_swakelola WHERE file_id = ? AND exclusion IS NULL',
      [res.fileId],
    );
    expect(s!['s']).toBe(centsText(rows.slice(0, 28).reduce((x, _r, i) => x + BigInt(5_000_000_00 + i), 0n)));
  });

  it('keeps all-null StrukturAnggaranPD rows (no denominator), pipe-delimited', async () => {
    const headers = omit(STRUKTUR_HEADERS, ['nama_klpd']);
    const rows = [...Array(10).keys()].map((i) => {
      const nul = i % 3 === 0;
      const op = BigInt(1_000_000_00 * (i + 1));
      return {
        tahun_anggaran: '2025',
        kd_klpd: 'D999',
        kd_satker: String(700 + i),
        kd_satker_str: '',
        nama_satker: `PD ${i}`,
        belanja_operasi: nul ? 'null' : centsText(op),
        belanja_modal: nul ? 'null' : centsText(op / 2n),
        belanja_btt: nul ? 'null' : '0',
        belanja_non_pengadaan: nul ? 'null' : '0',
        belanja_pengadaan: nul ? 'null' : centsText(op + op / 2n),
        total_belanja: nul ? 'null' : centsText(op + op / 2n),
      };
    });
    const res = await importText(
      engine,
      'RUP-StrukturAnggaranPD.csv',
      serialize(headers, rows, { delim: '|' }).bytes,
    );
    expect(res.kind).toBe('struktur_anggaran');
    expect(res.counts).toMatchObject({ read: 10, loaded: 10, rejected: 0 });
    const [n] = await engine.query(
      'SELECT count(*) FILTER (WHERE belanja_pengadaan IS NULL) AS nul FROM struktur_anggaran WHERE file_id = ?',
      [res.fileId],
    );
    expect(n!['nul']).toBe(4);
  });

  it('extracts the kode rekening from RUP-PaketAnggaranPenyedia mak', async () => {
    const headers = [
      'tahun_anggaran',
      'kd_klpd',
      'kd_satker',
      'nama_satker',
      'kd_rup',
      'pagu',
      'mak',
      'sumber_dana',
    ];
    const rows = [
      { kd_rup: '1', pagu: '100', mak: '3.30.05.2.01.0002.5.1.02.02.01.0047.', sumber_dana: 'APBD' },
      { kd_rup: '2', pagu: '200', mak: '1.01.02.2.01.0001.5.2.02.05.01.0001.,1.01.02.2.01.0001.5.1.02.01.01.0024.', sumber_dana: 'APBD,APBDP' },
      { kd_rup: '', pagu: '300', mak: 'x', sumber_dana: 'APBD' },
    ].map((r) => ({ tahun_anggaran: '2025', kd_klpd: 'D999', kd_satker: '1', nama_satker: 'DINAS', ...r })); // prettier-ignore
    const res = await importText(engine, 'RUP-PaketAnggaranPenyedia.csv', serialize(headers, rows).bytes);
    expect(res.kind).toBe('rup_paket_anggaran');
    expect(res.counts).toMatchObject({
      read: 3,
      loaded: 2,
      rejected: 1,
      rejectedByReason: { kd_rup_kosong: 1 },
    });
    const got = await engine.query(
      'SELECT kd_rup, kode_rekening FROM rup_paket_anggaran WHERE file_id = ? ORDER BY kd_rup',
      [res.fileId],
    );
    expect(got).toEqual([
      { kd_rup: '1', kode_rekening: '5.1.02.02.01.0047' },
      { kd_rup: '2', kode_rekening: '5.2.02.05.01.0001' },
    ]);
  });

  it('reads an APBD/SIPD budget by kode rekening with Indonesian numbers', async () => {
    const headers = ['Kode SKPD', 'Nama SKPD', 'Nama Sub Kegiatan', 'Kode Rekening', 'Nama Rekening', 'Anggaran', 'Realisasi']; // prettier-ignore
    const rows = [...Array(50).keys()].map((i) => ({
      'Kode SKPD': '1.01.2.22.0.00.01.0000',
      'Nama SKPD': 'Dinas Pendidikan',
      'Nama Sub Kegiatan': 'Penyediaan ATK',
      'Kode Rekening': i % 5 === 0 ? '5.2.02.05.01.0001 ' : '5.1.02.01.01.0024',
      'Nama Rekening': 'Belanja',
      Anggaran: `Rp ${centsTextId(BigInt(10_000_000_00 + i * 100))}`,
      Realisasi: i % 10 === 0 ? '(1.000)' : centsTextId(BigInt(5_000_000_00 + i)),
    }));
    const res = await importText(engine, 'sipd-belanja.csv', serialize(headers, rows, { delim: ';' }).bytes);
    expect(res.kind).toBe('apbd_rekening');
    expect(res.counts).toMatchObject({ read: 50, loaded: 50, rejected: 0 });
    const [s] = await engine.query(
      `SELECT CAST(sum(anggaran) FILTER (WHERE kode_rekening LIKE '5.1.02.%') AS VARCHAR) AS bj,
         CAST(sum(realisasi) AS VARCHAR) AS r FROM apbd_rekening WHERE file_id = ?`,
      [res.fileId],
    );
    const expBj = [...Array(50).keys()]
      .filter((i) => i % 5 !== 0)
      .reduce((x, i) => x + BigInt(10_000_000_00 + i * 100), 0n);
    const expR = [...Array(50).keys()].reduce(
      (x, i) => x + (i % 10 === 0 ? -1_000_00n : BigInt(5_000_000_00 + i)),
      0n,
    );
    expect(s).toEqual({ bj: centsText(expBj), r: centsText(expR) });
  });
});
