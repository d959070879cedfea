import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { ImportError } from '../../src/p3dn/import';
import { GENERIC_MAX_CONFIDENCE } from '../../src/p3dn/kinds';
import { detectKind } from '../../src/p3dn/import';
import { PENYEDIA_HEADERS, STRUKTUR_HEADERS, SWAKELOLA_HEADERS } from '../../scripts/sample/layouts';
import { importText } from '../helpers/engine';
import { serialize } from '../helpers/csv-bytes';
import { REALISASI_FIXTURES } from '../helpers/exports';
import { writeXlsx, type XCell } from '../helpers/xlsx-writer';
import { centsText } from '../helpers/fixtures';
import { A, AGENCIES, loadGenericSheet, sheet } from '../helpers/generic-sheet';

/*
 * The generic kind next to the known ones: detection never proposes it over a known export, a proposal is never
 * loaded without the user's word or its required columns, and a hand-made .xlsx loads exactly. The engine holds
 * the RUP packages and the hand-made sheet of tests/helpers/generic-sheet.ts, as in import-generic.test.ts.
 */
let engine: NodeEngine;
beforeAll(async () => {
  ({ engine } = await loadGenericSheet());
}, 60_000);
afterAll(() => engine.close());

describe('generic detection never overrides a known kind and is never loaded silently', () => {
  it('still detects every known export of the corpus and the bundled sample as its own kind', () => {
    const headerSets: [string, readonly string[]][] = [
      ['rup_penyedia', PENYEDIA_HEADERS],
      ['rup_swakelola', SWAKELOLA_HEADERS],
      ['struktur_anggaran', STRUKTUR_HEADERS],
      ...REALISASI_FIXTURES.map((f): [string, string[]] => [f.kind, f.headers]),
    ];
    const dir = join(import.meta.dirname, '../../sample-data');
    const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThanOrEqual(11);
    for (const f of files) {
      const first = readFileSync(join(dir, f), 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0]!;
      headerSets.push([`sample ${f}`, first.split(',')]);
    }
    for (const [name, headers] of headerSets) {
      const d = detectKind(headers);
      expect(d.kind, name).not.toBe('generik');
      expect(d.kind, name).not.toBeNull();
      if (!name.startsWith('sample')) expect(d.kind, name).toBe(name);
      expect(d.confidence, name).toBeGreaterThanOrEqual(0.75);
      // Even where the generic columns map well, generik ranks with at most its low ceiling.
      expect(d.ranking.find((r) => r.kind === 'generik')!.confidence).toBeLessThanOrEqual(
        GENERIC_MAX_CONFIDENCE,
      );
    }
  });

  it('proposes generik only when something maps; a file with no usable column stays unknown', () => {
    expect(detectKind(['nama', 'alamat', 'telepon'])).toMatchObject({ kind: null });
    // A value but no agency: still proposed, at half the confidence (the agency must be mapped by hand).
    const d = detectKind(['nomor', 'uraian', 'jumlah']);
    expect(d.kind).toBe('generik');
    expect(d.confidence).toBe(Math.floor(GENERIC_MAX_CONFIDENCE * 0.5 * 100) / 100);
  });

  it('refuses a generic proposal the user did not confirm, and a generic file without its required columns', async () => {
    const before = await engine.query('SELECT count(*) AS n FROM source_file');
    const unconfirmed = await importText(engine, 'manual.csv', sheet.bytes).catch((e: unknown) => e);
    expect(unconfirmed).toBeInstanceOf(ImportError);
    expect((unconfirmed as ImportError).code).toBe('jenis_tidak_dikenal');
    const noAgency = 'nomor;uraian;jumlah\n1;ATK;5.000\n2;Kertas;7.500\n';
    const missing = await importText(engine, 'tanpa-opd.csv', noAgency, { kind: 'generik' }).catch(
      (e: unknown) => e,
    );
    expect(missing).toBeInstanceOf(ImportError);
    expect((missing as ImportError).code).toBe('kolom_wajib_kosong');
    expect((missing as ImportError).detail).toBe('nama_satker / kd_satker_str');
    // Mapping the value away leaves two required columns missing.
    const both = await importText(engine, 'tanpa-opd.csv', noAgency, {
      kind: 'generik',
      mapping: { nilai: null },
    }).catch((e: unknown) => e);
    expect((both as ImportError).detail).toBe('nilai; nama_satker / kd_satker_str');
    expect(await engine.query('SELECT count(*) AS n FROM source_file')).toEqual(before);
  });

  it('loads once the user maps the agency column by hand', async () => {
    const text =
      'nomor;uraian;jumlah;bidang\n1;ATK;5.000;Dinas Pendidikan\n2;Kertas;"7.500,50";Dinas Kesehatan\n';
    const r = await importText(engine, 'bidang.csv', text, {
      kind: 'generik',
      mapping: { nama_satker: 'bidang' },
      replace: 'none',
    });
    expect(r.counts).toMatchObject({ read: 2, loaded: 2, excluded: 0, rejected: 0 });
    const [s] = await engine.query(
      `SELECT CAST(sum(nilai) AS VARCHAR) AS v, count(*) FILTER (WHERE agency IS NOT NULL) AS matched
       FROM realisasi_x WHERE file_id = ?`,
      [r.fileId],
    );
    expect(s).toEqual({ v: '12500.50', matched: 2 });
  });

  it('loads any file as generik when the user picks it (here an SPSE tender export)', async () => {
    const spec = REALISASI_FIXTURES.find((f) => f.kind === 'spse_tender')!;
    const tenders = [...Array(5).keys()].map((i) => ({
      ...spec.row(i, String(700 + i), { kd: A.kd, str: A.str, nama: A.nama }),
      nilai_kontrak: String(1_000_000 * (i + 1)),
      nilai_pdn_kontrak: String(500_000 * (i + 1)),
    }));
    const r = await importText(engine, 'tender-sebagai-generik.csv', serialize(spec.headers, tenders).bytes, {
      kind: 'generik',
      replace: 'none',
    });
    expect(r.kind).toBe('generik');
    expect(r.confidence).toBeLessThanOrEqual(GENERIC_MAX_CONFIDENCE);
    expect(r.counts).toMatchObject({ read: 5, loaded: 5 });
    const [s] = await engine.query(
      `SELECT CAST(sum(nilai) AS VARCHAR) AS v, CAST(sum(pdn_part) AS VARCHAR) AS p FROM realisasi_x
       WHERE file_id = ? AND source = 'generik'`,
      [r.fileId],
    );
    expect(s).toEqual({ v: '15000000.00', p: '7500000.00' });
  });
});

describe('a hand-made Excel sheet (.xlsx) as the generic kind', () => {
  it('reads numeric value cells exactly, date cells as dates, and Ya/Tidak flags', async () => {
    // Numbers as Excel stores them (numeric cells, decimals exact), dates as date-styled serials.
    const items = [...Array(30).keys()].map((i) => ({
      cents: BigInt(2_500_000 + i * 987_654) * 100n + BigInt(i % 3) * 25n,
      pdn: i % 3 === 0 ? 'Ya' : i % 3 === 1 ? 'Tidak' : '',
      ukm: i % 2 ? 'UKM' : 'Non-UKM',
      date: new Date(Date.UTC(2025, i % 12, 1 + (i % 27))),
      agency: AGENCIES[i % 3]!,
    }));
    const sheetRows: XCell[][] = [
      ['Instansi', 'Uraian', 'Tanggal', 'Total', 'Status PDN', 'Status UKM'],
      ...items.map((x, i): XCell[] => [
        x.agency.nama,
        `Pembelian ${i}`,
        { date: x.date },
        { n: centsText(x.cents) },
        x.pdn,
        x.ukm,
      ]),
    ];
    expect(detectKind(['Instansi', 'Uraian', 'Tanggal', 'Total', 'Status PDN', 'Status UKM']).kind).toBe(
      'generik',
    );
    const r = await importText(engine, 'daftar-belanja.xlsx', writeXlsx(sheetRows), {
      kind: 'generik',
      replace: 'none',
    });
    expect(r.counts).toMatchObject({ read: 30, loaded: 30, excluded: 0, rejected: 0 });
    const expNilai = items.reduce((s, x) => s + x.cents, 0n);
    const expPdn = items.reduce((s, x) => s + (x.pdn === 'Ya' ? x.cents : 0n), 0n);
    const expUmk = items.reduce((s, x) => s + (x.ukm === 'UKM' ? x.cents : 0n), 0n);
    const [s] = await engine.query(
      `SELECT CAST(sum(nilai) AS VARCHAR) AS v, CAST(sum(pdn_part) AS VARCHAR) AS p,
         CAST(sum(umk_part) AS VARCHAR) AS u, count(*) FILTER (WHERE pdn_from = 'tanpa') AS tanpa,
         string_agg(CAST(tanggal AS VARCHAR), ',' ORDER BY line) AS dates
       FROM realisasi_x WHERE file_id = ?`,
      [r.fileId],
    );
    expect(s).toEqual({
      v: centsText(expNilai),
      p: centsText(expPdn),
      u: centsText(expUmk),
      tanpa: items.filter((x) => x.pdn === '').length,
      dates: items.map((x) => x.date.toISOString().slice(0, 10)).join(','),
    });
  });
});
