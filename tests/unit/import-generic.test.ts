import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { ImportError, type ImportResult } from '../../src/p3dn/import';
import { GENERIC_MAX_CONFIDENCE, KIND_IDS } from '../../src/p3dn/kinds';
import { detectKind } from '../../src/p3dn/import';
import { NO_FILTERS, breakdownQuery, toBreakdownRow } from '../../src/p3dn/metrics';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS, STRUKTUR_HEADERS, SWAKELOLA_HEADERS } from '../../scripts/sample/layouts';
import { mulberry32 } from '../../scripts/sample/prng';
import { freshEngine, importText } from '../helpers/engine';
import { REALISASI_FIXTURES, serialize } from '../helpers/exports';
import { writeXlsx, type XCell } from '../helpers/xlsx-writer';
import { centsText, centsTextId, penyediaRow, type Agency, type Paket } from '../helpers/fixtures';

/*
 * A hand-made sheet (an agency's own list of purchases), loaded as the generic kind. Every row carries the fate and
 * the PDN/UMK rupiah the rules give it, decided here from the product rules (BigInt cents), never by the code.
 */
const A: Agency = { kd: '300001', str: '1.01.0.00.0.00.01.0000', nama: 'DINAS PENDIDIKAN' };
const B: Agency = { kd: '300002', str: '1.02.0.00.0.00.01.0000', nama: 'DINAS KESEHATAN' };
const C: Agency = { kd: '300003', str: '4.01.0.00.0.00.01.0000', nama: 'SEKRETARIAT DAERAH' };
const AGENCIES = [A, B, C];

const rand = mulberry32(7);
const pakets: Paket[] = [...Array(60).keys()].map((i) => ({
  agency: AGENCIES[i % 3]!,
  kdRup: String(81_000_000 + i),
  cents: 500_000_000n + BigInt(i) * 1_000_00n,
  pdn: i % 3 !== 0,
  ukm: i % 4 === 0,
}));
const paketOf = new Map(pakets.map((p) => [p.kdRup, p]));

const HEADERS = [
  'No', 'Nama OPD', 'Kode OPD', 'Uraian', 'Nomor Kontrak', 'Kode RUP', 'Tanggal', 'Jumlah (Rp)', 'Nilai PDN',
  'PDN', 'UKM', 'Sumber Dana', 'Catatan Lain',
]; // prettier-ignore

type Flag = boolean | null;
interface Row {
  cells: Record<string, string>;
  fate: { t: 'loaded' } | { t: 'excluded'; rule: string } | { t: 'rejected'; reason: string };
  cents: bigint;
  /** PDN part as reported in the sheet (a value, else the flag); null = not reported. */
  pdn: bigint | null;
  umk: bigint | null;
  kdRup: string;
  /** Calendar year of the date, null when blank. */
  year: number | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
const YES_PDN = ['Ya', 'YA', 'PDN', 'ya '];
const NO_PDN = ['Tidak', 'Non-PDN', 'TIDAK', 'non pdn', 'Tidak.'];
const YES_UKM = ['Ya', 'UKM', 'Usaha Kecil'];
const NO_UKM = ['Tidak', 'Non UKM', 'NON-UKM'];
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

function moneyText(c: bigint, style: number): string {
  if (style === 0) return `Rp ${centsTextId(c).slice(0, -3)},-`; // whole rupiah
  if (style === 1) return centsTextId(c); // 1.234.567,89
  return (c / 100n).toString(); // plain whole number
}

const rows: Row[] = [];
const N = 2_400;
for (let i = 0; i < N; i++) {
  const ag = AGENCIES[i % 3]!;
  const style = i % 3;
  const whole = BigInt(1_000_000 + Math.floor(rand() * 2_000_000_000));
  const cents = style === 1 ? whole * 100n + BigInt(Math.floor(rand() * 100)) : whole * 100n;
  // How the agency is written: code only, name only (in another case), or both.
  const spell = i % 5 === 0 ? { nama: '', kode: ag.str } : i % 5 === 1 ? { nama: ag.nama.toLowerCase(), kode: '' } : { nama: ag.nama, kode: ag.str }; // prettier-ignore
  // Dates: dd/mm/yyyy, Indonesian month names, ISO, or blank.
  const m = 1 + (i % 12);
  const d = 1 + (i % 28);
  const y = i % 7 === 0 ? 2023 : 2024;
  const dateStyle = i % 4;
  const tanggal =
    dateStyle === 0
      ? `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`
      : dateStyle === 1
        ? `${d} ${MONTHS[m - 1]} ${y}`
        : dateStyle === 2
          ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
          : '';
  // PDN: a reported value, a Ya/Tidak flag, both (the value wins), or nothing.
  const r = rand();
  let pdnFlag: Flag = null;
  let pdnValue: bigint | null = null;
  if (r < 0.2) pdnValue = (cents * BigInt(Math.floor(rand() * 100))) / 100n;
  else if (r < 0.45) pdnFlag = true;
  else if (r < 0.7) pdnFlag = false;
  else if (r < 0.75) {
    pdnValue = cents / 2n;
    pdnFlag = false;
  }
  const u = rand();
  const ukmFlag: Flag = u < 0.3 ? true : u < 0.6 ? false : null;
  // kd_rup: a package of the agency (inherits its flags when the sheet says nothing), an unknown one, or none.
  const k = rand();
  const own = pakets.filter((p) => p.agency === ag);
  const kdRup = k < 0.6 ? own[i % own.length]!.kdRup : k < 0.7 ? String(99_000_000 + i) : '';
  const pdn = pdnValue ?? (pdnFlag === null ? null : pdnFlag ? cents : 0n);
  const umk = ukmFlag === null ? null : ukmFlag ? cents : 0n;
  rows.push({
    cells: {
      No: String(i + 1),
      'Nama OPD': spell.nama,
      'Kode OPD': spell.kode,
      Uraian: i % 50 === 0 ? `Belanja ATK; kertas "A4"\nTahap ${i}` : `Belanja barang ${i}`,
      'Nomor Kontrak': i % 20 === 3 ? '' : `SPK/${1000 + i}/2024`,
      'Kode RUP': kdRup,
      Tanggal: tanggal,
      'Jumlah (Rp)': moneyText(cents, style),
      'Nilai PDN': pdnValue === null ? '' : centsTextId(pdnValue),
      PDN: pdnFlag === null ? '' : pick(pdnFlag ? YES_PDN : NO_PDN),
      UKM: ukmFlag === null ? (i % 2 ? '' : '-') : pick(ukmFlag ? YES_UKM : NO_UKM),
      'Sumber Dana': i % 2 ? 'APBD' : 'APBD,DAK',
      'Catatan Lain': `catatan ${i}`,
    },
    fate: { t: 'loaded' },
    cents,
    pdn,
    umk,
    kdRup,
    year: tanggal === '' ? null : y,
  });
}
// The same contract number again (a pasted row): counted once, the repeats excluded by name.
const counted = rows.filter((r) => r.cells['Nomor Kontrak'] !== '');
for (const r of counted.slice(10, 16)) rows.push({ ...r, fate: { t: 'excluded', rule: 'id_berulang' } });
// Two rows without a contract number that look alike: no id, so nothing to deduplicate on; both count.
const noId = rows.find((r) => r.cells['Nomor Kontrak'] === '')!;
rows.push({ ...noId, cells: { ...noId.cells } });
// Unusable rows: each rejected with its reason.
const base = rows[1]!;
const bad = (cells: Record<string, string>, reason: string) =>
  rows.push({
    ...base,
    cells: { ...base.cells, 'Nomor Kontrak': '', ...cells },
    fate: { t: 'rejected', reason },
  });
bad({ 'Jumlah (Rp)': '' }, 'nilai_kosong');
bad({ 'Jumlah (Rp)': '-' }, 'nilai_kosong');
bad({ 'Jumlah (Rp)': 'dua juta' }, 'angka_tidak_valid');
bad({ 'Nilai PDN': 'sebagian' }, 'angka_tidak_valid');
bad({ 'Nama OPD': '', 'Kode OPD': '' }, 'satker_kosong');
bad({ 'Nama OPD': ' ', 'Kode OPD': 'null' }, 'satker_kosong');
bad({ Tanggal: '31/02/2024' }, 'tanggal_tidak_valid');
bad({ PDN: 'mungkin' }, 'status_tidak_dikenal');

const sheet = serialize(
  HEADERS,
  rows.map((r) => r.cells),
  { delim: ';', bom: true, crlf: true },
);

/** What the engine must report, from the rows' fates and the RUP packages (the domain rule, in cents). */
function expected() {
  const byRule: Record<string, number> = {};
  const byReason: Record<string, number> = {};
  let loaded = 0;
  let nilai = 0n;
  const part = { pdn: 0n, umk: 0n };
  const from = { pdn: { nilai: 0, rup: 0, tanpa: 0 }, umk: { nilai: 0, rup: 0, tanpa: 0 } };
  const years: Record<string, number> = {};
  for (const r of rows) {
    if (r.fate.t === 'excluded') byRule[r.fate.rule] = (byRule[r.fate.rule] ?? 0) + 1;
    if (r.fate.t === 'rejected') byReason[r.fate.reason] = (byReason[r.fate.reason] ?? 0) + 1;
    if (r.fate.t !== 'loaded') continue;
    loaded++;
    nilai += r.cents;
    years[String(r.year)] = (years[String(r.year)] ?? 0) + 1;
    const p = paketOf.get(r.kdRup);
    for (const kpi of ['pdn', 'umk'] as const) {
      const reported = r[kpi];
      if (reported !== null) {
        part[kpi] += reported;
        from[kpi].nilai++;
      } else if (p) {
        if (kpi === 'pdn' ? p.pdn : p.ukm) part[kpi] += r.cents;
        from[kpi].rup++;
      } else from[kpi].tanpa++;
    }
  }
  const sum = (o: Record<string, number>) => Object.values(o).reduce((s, x) => s + x, 0);
  return {
    loaded,
    byRule,
    byReason,
    excluded: sum(byRule),
    rejected: sum(byReason),
    nilai,
    part,
    from,
    years,
  };
}

let engine: NodeEngine;
let res: ImportResult;
beforeAll(async () => {
  engine = await freshEngine();
  await importText(
    engine,
    'RUP-PaketPenyedia-Terumumkan.csv',
    toCsv(PENYEDIA_HEADERS, pakets.map(penyediaRow)),
  );
  res = await importText(engine, 'belanja-dinas-manual.csv', sheet.bytes, { kind: 'generik' });
}, 60_000);
afterAll(() => engine.close());

describe('a hand-made sheet loaded as the generic kind', () => {
  it('is a real file (more than 2,048 lines) proposed as generik with a low confidence', () => {
    expect(sheet.lines.at(-1)!).toBeGreaterThan(2_048);
    const d = detectKind(HEADERS);
    expect(d.kind).toBe('generik');
    // 11 of the 13 headers feed a generic column (`No` loses to `Nomor Kontrak`, `Catatan Lain` is unknown).
    expect(d.confidence).toBe(Math.floor(((GENERIC_MAX_CONFIDENCE * 11) / 13) * 100) / 100);
    expect(d.confidence).toBeLessThan(0.75);
    expect(d.ranking).toHaveLength(KIND_IDS.length);
    expect(d.ranking.find((r) => r.kind === 'generik')?.confidence).toBe(d.confidence);
  });

  it('accounts for every row: read = loaded + excluded + rejected, each count by its rule', () => {
    const e = expected();
    expect(res.kind).toBe('generik');
    expect(res.counts).toEqual({
      read: rows.length,
      loaded: e.loaded,
      excluded: e.excluded,
      rejected: e.rejected,
      excludedByRule: e.byRule,
      rejectedByReason: e.byReason,
    });
    expect(res.counts.read).toBe(res.counts.loaded + res.counts.excluded + res.counts.rejected);
    expect(e.byRule).toEqual({ id_berulang: 6 });
    expect(e.byReason).toEqual({
      nilai_kosong: 2,
      angka_tidak_valid: 2,
      satker_kosong: 2,
      tanggal_tidak_valid: 1,
      status_tidak_dikenal: 1,
    });
    expect(res.mapping).toMatchObject({
      nama_satker: 'Nama OPD',
      kd_satker_str: 'Kode OPD',
      nilai: 'Jumlah (Rp)',
      nilai_pdn: 'Nilai PDN',
      status_pdn: 'PDN',
      status_ukm: 'UKM',
      kd_rup: 'Kode RUP',
      trx_id: 'Nomor Kontrak',
      nama_paket: 'Uraian',
      tanggal: 'Tanggal',
      sumber_dana: 'Sumber Dana',
    });
  });

  it('rejects each unusable row with its physical line (quoted line breaks counted)', async () => {
    const got = await engine.query('SELECT line, reason FROM import_reject WHERE file_id = ? ORDER BY line', [
      res.fileId,
    ]);
    const want = rows
      .map((r, i) => ({ r, line: sheet.lines[i]! }))
      .filter(({ r }) => r.fate.t === 'rejected')
      .map(({ r, line }) => ({ line, reason: r.fate.t === 'rejected' ? r.fate.reason : '' }));
    expect(got).toEqual(want);
  });

  it('sums the value, PDN and UMK-K rupiah exactly: reported value, else flag, else RUP by kd_rup, else Tanpa Status', async () => {
    const e = expected();
    const [s] = await engine.query(
      `SELECT CAST(sum(nilai) AS VARCHAR) AS nilai, CAST(sum(pdn_part) AS VARCHAR) AS pdn,
         CAST(sum(umk_part) AS VARCHAR) AS umk, count(*) AS n
       FROM realisasi_x WHERE file_id = ? AND excl IS NULL`,
      [res.fileId],
    );
    expect(s).toEqual({
      nilai: centsText(e.nilai),
      pdn: centsText(e.part.pdn),
      umk: centsText(e.part.umk),
      n: e.loaded,
    });
    for (const kpi of ['pdn', 'umk'] as const) {
      const by = await engine.query(
        `SELECT ${kpi}_from AS k, count(*) AS n FROM realisasi_x WHERE file_id = ? AND excl IS NULL GROUP BY 1`,
        [res.fileId],
      );
      const want = Object.entries(e.from[kpi]).filter(([, n]) => n > 0);
      expect(Object.fromEntries(by.map((r) => [r['k'], r['n']]))).toEqual(Object.fromEntries(want));
      // Every path is exercised by the fixture.
      expect(want).toHaveLength(3);
    }
  });

  it('stores the rows as source generik, every agency matched, the year taken from the date', async () => {
    const e = expected();
    const [s] = await engine.query(
      `SELECT count(*) FILTER (WHERE source <> 'generik') AS other, count(*) FILTER (WHERE agency IS NULL) AS unmatched
       FROM realisasi_x WHERE file_id = ?`,
      [res.fileId],
    );
    expect(s).toEqual({ other: 0, unmatched: 0 });
    const years = await engine.query(
      `SELECT CAST(tahun AS VARCHAR) AS y, count(*) AS n FROM realisasi WHERE file_id = ? AND exclusion IS NULL
       GROUP BY 1`,
      [res.fileId],
    );
    expect(Object.fromEntries(years.map((r) => [String(r['y']), r['n']]))).toEqual(e.years);
  });

  it('shows the rows as one "generik" group in the breakdown by source system', async () => {
    const e = expected();
    const q = breakdownQuery('source', NO_FILTERS);
    const groups = (await engine.query(q.sql, q.params)).map(toBreakdownRow);
    const g = groups.find((x) => x.group === 'generik');
    expect(g?.rows).toBe(e.loaded);
    expect(g?.total).toBeCloseTo(Number(e.nilai) / 100, 2);
    expect(g?.pdn).toBeCloseTo(Number(e.part.pdn) / 100, 2);
    expect(g?.umk).toBeCloseTo(Number(e.part.umk) / 100, 2);
  });
});

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
