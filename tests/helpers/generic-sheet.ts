/**
 * A hand-made sheet (an agency's own list of purchases), shared by tests/unit/import-generic.test.ts and
 * tests/unit/import-generic-detect.test.ts. Every row carries the fate and the PDN/UMK rupiah the rules give it,
 * decided here from the product rules (BigInt cents), never by the code.
 */
import type { NodeEngine } from '../../src/engine/node-engine';
import type { ImportResult } from '../../src/p3dn/import';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS } from '../../scripts/sample/layouts';
import { mulberry32 } from '../../scripts/sample/prng';
import { freshEngine, importText } from './engine';
import { serialize } from './csv-bytes';
import { centsTextId, penyediaRow, type Agency, type Paket } from './fixtures';

export const A: Agency = { kd: '300001', str: '1.01.0.00.0.00.01.0000', nama: 'DINAS PENDIDIKAN' };
const B: Agency = { kd: '300002', str: '1.02.0.00.0.00.01.0000', nama: 'DINAS KESEHATAN' };
const C: Agency = { kd: '300003', str: '4.01.0.00.0.00.01.0000', nama: 'SEKRETARIAT DAERAH' };
export const AGENCIES = [A, B, C];

const rand = mulberry32(7);
const pakets: Paket[] = [...Array(60).keys()].map((i) => ({
  agency: AGENCIES[i % 3]!,
  kdRup: String(81_000_000 + i),
  cents: 500_000_000n + BigInt(i) * 1_000_00n,
  pdn: i % 3 !== 0,
  ukm: i % 4 === 0,
}));
const paketOf = new Map(pakets.map((p) => [p.kdRup, p]));

export const HEADERS = [
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

export const rows: Row[] = [];
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

export const sheet = serialize(
  HEADERS,
  rows.map((r) => r.cells),
  { delim: ';', bom: true, crlf: true },
);

/** What the engine must report, from the rows' fates and the RUP packages (the domain rule, in cents). */
export function expected() {
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

/** A fresh engine with the sheet's RUP packages, and the sheet itself loaded as the generic kind. */
export async function loadGenericSheet(): Promise<{ engine: NodeEngine; res: ImportResult }> {
  const engine = await freshEngine();
  await importText(
    engine,
    'RUP-PaketPenyedia-Terumumkan.csv',
    toCsv(PENYEDIA_HEADERS, pakets.map(penyediaRow)),
  );
  const res = await importText(engine, 'belanja-dinas-manual.csv', sheet.bytes, { kind: 'generik' });
  return { engine, res };
}
