import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { EKATALOG_V5_HEADERS, omit } from '../../scripts/sample/layouts';
import { freshEngine, importText } from '../helpers/engine';
import { money, serialize, type MoneyStyle } from '../helpers/csv-bytes';
import { REALISASI_FIXTURES, expectedReport, realisasiRows, type FixtureRow } from '../helpers/exports';
import { centsText } from '../helpers/fixtures';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await freshEngine();
});
afterAll(() => engine.close());

const FORMATS: Record<string, { delim: string; bom: boolean; crlf: boolean; style: MoneyStyle; n: number }> =
  {
    spse_tender: { delim: ';', bom: true, crlf: true, style: 'id', n: 2100 },
    spse_nontender: { delim: ',', bom: false, crlf: false, style: 'api', n: 300 },
    spse_pencatatan_nontender: { delim: '\t', bom: false, crlf: true, style: 'rp', n: 200 },
    spse_pencatatan_swakelola: { delim: '|', bom: true, crlf: false, style: 'api', n: 150 },
    ekatalog_v6: { delim: ';', bom: false, crlf: true, style: 'rp', n: 2500 },
    tokodaring: { delim: ',', bom: true, crlf: false, style: 'api', n: 400 },
  };

/** Totals of the rows the app counted, as exact text from DuckDB. */
async function loadedTotals(fileId: number) {
  const [r] = await engine.query(
    `SELECT CAST(coalesce(sum(nilai), 0) AS VARCHAR) AS s, CAST(coalesce(sum(nilai_pdn), 0) AS VARCHAR) AS pdn,
       count(*) FILTER (WHERE nilai_pdn IS NULL) AS pdn_unknown, count(*) AS n, any_value(source) AS source
     FROM realisasi WHERE file_id = ? AND exclusion IS NULL`,
    [fileId],
  );
  return r!;
}

async function rejects(fileId: number) {
  return engine.query('SELECT line, column_name, reason FROM import_reject WHERE file_id = ? ORDER BY line', [
    fileId,
  ]);
}

function expectedRejects(rows: FixtureRow[], lines: number[]) {
  return rows
    .map((r, i) => ({ r, line: lines[i]! }))
    .filter(({ r }) => r.fate.t === 'rejected')
    .map(({ r, line }) => ({
      line,
      column_name: r.fate.t === 'rejected' ? r.fate.column : '',
      reason: r.fate.t === 'rejected' ? r.fate.reason : '',
    }));
}

describe.each(REALISASI_FIXTURES)('realisasi export $kind', (spec) => {
  const f = FORMATS[spec.kind]!;
  const rows = realisasiRows(spec, f.n, spec.kind.length * 31, f.style);
  const file = serialize(
    spec.headers,
    rows.map((r) => r.cells),
    f,
  );
  const exp = expectedReport(rows);

  it('is detected, and every row is loaded, excluded by a named rule or rejected', async () => {
    const res = await importText(engine, `${spec.kind}.csv`, file.bytes);
    expect(res.kind).toBe(spec.kind);
    expect(res.confidence).toBe(1);
    expect(res.counts).toEqual({
      read: exp.read,
      loaded: exp.loaded,
      excluded: exp.excluded,
      rejected: exp.rejected,
      excludedByRule: exp.excludedByRule,
      rejectedByReason: exp.rejectedByReason,
    });
    expect(res.counts.read).toBe(res.counts.loaded + res.counts.excluded + res.counts.rejected);
    const tot = await loadedTotals(res.fileId);
    expect(tot['source']).toBe(spec.kind);
    expect(tot['n']).toBe(exp.loaded);
    expect(tot['s']).toBe(centsText(exp.sum));
    if (spec.pdnColumn) {
      // An empty or `null` PDN value is unknown (NULL), never zero.
      expect(tot['pdn']).toBe(centsText(exp.pdnSum));
      expect(tot['pdn_unknown']).toBe(exp.pdnUnknown);
    } else {
      expect(tot['pdn_unknown']).toBe(exp.loaded);
    }
    expect(await rejects(res.fileId)).toEqual(expectedRejects(rows, file.lines));
  });
});

describe('e-Kontrak addendum versions', () => {
  const headers = [
    'kd_klpd', 'kd_satker', 'kd_satker_str', 'nama_satker', 'kd_tender', 'kd_rup', 'nama_paket', 'nilai_kontrak',
    'nilai_pdn_kontrak', 'nilai_umk_kontrak', 'status_kontrak', 'versi_addendum', 'apakah_addendum', 'tgl_kontrak',
  ]; // prettier-ignore
  // Contract k has k % 4 addenda; its rows come in shuffled version order. Only the latest version counts.
  const rows: { cells: Record<string, string>; latest: boolean; cents: bigint }[] = [];
  for (let k = 0; k < 120; k++) {
    const versions = [...Array(1 + (k % 4)).keys()];
    if (k % 2) versions.reverse();
    for (const v of versions) {
      const cents = BigInt(1_000_000_00 + k * 1_000_00 + v * 7_00 + 13);
      rows.push({
        latest: v === k % 4,
        cents,
        cells: {
          kd_klpd: 'D999',
          kd_satker: '1',
          kd_satker_str: '1.01.2.22.0.00.01.0000',
          nama_satker: 'DINAS PENDIDIKAN',
          kd_tender: String(7_000_000 + k),
          kd_rup: String(45_000_000 + k),
          nama_paket: `Kontrak ${k}`,
          nilai_kontrak: money(cents, 'id'),
          nilai_pdn_kontrak: '',
          nilai_umk_kontrak: '',
          status_kontrak: 'Selesai',
          versi_addendum: String(v),
          apakah_addendum: v > 0 ? 'true' : 'false',
          tgl_kontrak: '2025-03-01',
        },
      });
    }
  }

  it('keeps the latest versi_addendum of each contract and names the rule for the rest', async () => {
    const file = serialize(
      headers,
      rows.map((r) => r.cells),
      { delim: ';' },
    );
    const res = await importText(engine, 'Tender-Ekontrak-Kontrak.csv', file.bytes);
    expect(res.kind).toBe('spse_ekontrak');
    const old = rows.filter((r) => !r.latest).length;
    expect(res.counts).toMatchObject({ read: rows.length, loaded: 120, excluded: old, rejected: 0 });
    expect(res.counts.excludedByRule).toEqual({ addendum_lama: old });
    const tot = await loadedTotals(res.fileId);
    expect(tot['s']).toBe(centsText(rows.filter((r) => r.latest).reduce((s, r) => s + r.cents, 0n)));
  });
});

describe('e-Katalog v5 product lines', () => {
  // The v5 layout without nama_sumber_dana, kd_komoditas and tanggal_edit_paket.
  const headers = omit(EKATALOG_V5_HEADERS, ['nama_sumber_dana', 'kd_komoditas', 'tanggal_edit_paket']);
  const rows: { cells: Record<string, string>; lineCents: bigint; done: boolean }[] = [];
  for (let p = 0; p < 1200; p++) {
    const lines = 1 + (p % 3);
    const done = p % 5 !== 0;
    const lineCents = [...Array(lines).keys()].map((l) => BigInt(250_000_00 + p * 1_000 + l * 333));
    const pkgTotal = lineCents.reduce((s, c) => s + c, 0n);
    lineCents.forEach((c, l) =>
      rows.push({
        lineCents: c,
        done,
        cells: {
          tahun_anggaran: '2024',
          kd_klpd: 'D999',
          satker_id: String(63421 + (p % 2)),
          // The name is often null in v5: the agency then falls back to the source's own satker id.
          nama_satker: p % 2 ? 'null' : 'Dinas Kesehatan',
          kd_paket: String(3_000_000 + p),
          no_paket: `EPR-${p}`,
          nama_paket: `Katalog ${p}`,
          kd_rup: String(46_000_000 + p),
          kd_produk: String(100 + l),
          kd_penyedia: '55',
          kuantitas: '1',
          harga_satuan: centsText(c),
          ongkos_kirim: '0',
          total_harga: centsText(c),
          total: centsText(pkgTotal),
          tanggal_buat_paket: '2024-08-19T00:00:00.000000Z',
          paket_status_str: done ? 'Paket Selesai' : 'Paket Proses',
        },
      }),
    );
  }

  it('sums total_harga per product line, never the repeated package total', async () => {
    const file = serialize(
      headers,
      rows.map((r) => r.cells),
    );
    expect(file.lines.length).toBeGreaterThan(2048);
    const res = await importText(engine, 'Ecat-PaketEPurchasing.csv', file.bytes);
    expect(res.kind).toBe('ekatalog_v5');
    expect(res.notes).toContain('total_berulang');
    const notDone = rows.filter((r) => !r.done).length;
    expect(res.counts).toMatchObject({ read: rows.length, loaded: rows.length - notDone, rejected: 0 });
    expect(res.counts.excludedByRule).toEqual({ paket_belum_selesai: notDone });
    const tot = await loadedTotals(res.fileId);
    expect(tot['s']).toBe(centsText(rows.filter((r) => r.done).reduce((s, r) => s + r.lineCents, 0n)));
    const keys = await engine.query(
      'SELECT DISTINCT agency_key FROM realisasi WHERE file_id = ? ORDER BY 1',
      [res.fileId],
    );
    expect(keys.map((k) => k['agency_key'])).toEqual(['id:63422', 'nama:DINAS KESEHATAN']);
  });
});
