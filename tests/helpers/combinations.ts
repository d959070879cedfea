/**
 * File combinations people really drop together, each with the figures an auditor expects per agency, computed
 * here from the rows in BigInt cents (never by the code under test): overlapping RUP batches where the later
 * export revises some pagu, the same export in a renamed (and an Excel re-saved) copy, an English-locale export.
 * Every combination carries a coded budget sheet (StrukturAnggaranPD), so each agency has its share.
 */
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS, STRUKTUR_HEADERS } from '../../scripts/sample/layouts';
import { mulberry32 as rng } from '../../scripts/sample/prng';
import { serialize } from './csv-bytes';
import { centsText, centsTextId, penyediaRow, type Agency } from './fixtures';

interface DropFile {
  name: string;
  bytes: Uint8Array;
}

export interface AgencyExpect {
  key: string;
  name: string;
  packages: number;
  /** PDN komitmen and the denominator (belanja_pengadaan), cents. */
  pdn: bigint;
  den: bigint;
}

interface Pkg {
  agency: Agency;
  kd: string;
  cents: bigint;
  pdn: boolean;
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);

function agencies(base: number, names: readonly string[]): Agency[] {
  return names.map((nama, i) => ({
    kd: String(base + i),
    str: `${i + 1}.0${(i % 9) + 1}.0.00.0.00.01.0000`,
    nama,
  }));
}

function strukturCsv(ags: readonly Agency[], den: (a: Agency) => bigint, fmt = centsText): string {
  return toCsv(
    STRUKTUR_HEADERS,
    ags.map((a) => ({
      tahun_anggaran: '2025', kd_klpd: 'D999', nama_klpd: 'Kab. Uji', kd_satker: a.kd, kd_satker_str: a.str,
      nama_satker: a.nama, belanja_operasi: fmt(den(a)), belanja_modal: fmt(0n), belanja_btt: fmt(0n),
      belanja_non_pengadaan: fmt(0n), belanja_pengadaan: fmt(den(a)), total_belanja: fmt(den(a)),
    })),
  ); // prettier-ignore
}

/** Per agency, from the packages counted (each package once) and the budget. */
function expected(ags: readonly Agency[], pkgs: readonly Pkg[], den: (a: Agency) => bigint): AgencyExpect[] {
  return ags.map((a) => {
    const mine = pkgs.filter((p) => p.agency === a);
    return {
      key: `kd:${a.kd}`,
      name: a.nama,
      packages: mine.length,
      pdn: sum(mine.filter((p) => p.pdn).map((p) => p.cents)),
      den: den(a),
    };
  });
}

const rupRows = (pkgs: readonly Pkg[], event: string, pagu: (c: bigint) => string = centsText) =>
  pkgs.map((p) => ({
    ...penyediaRow({ agency: p.agency, kdRup: p.kd, cents: p.cents, pdn: p.pdn, ukm: false }),
    pagu: pagu(p.cents),
    _event_date: event,
  }));

/**
 * Two overlapping RUP batches (per agency group), the later export revising the pagu (and flag) of some packages
 * both hold: packages 1-300 exported in January, 251-600 in February, 251-300 revised. The newer batch is listed
 * first: the export date decides, not the order of loading.
 */
export function overlappingBatches() {
  const ags = agencies(97_001, ['DINAS BATCH SATU', 'DINAS BATCH DUA', 'DINAS BATCH TIGA']);
  const pkg = (i: number, revised: boolean): Pkg => ({
    agency: ags[i % 3]!,
    kd: String(97_000_000 + i),
    cents: BigInt(5_000_000 + i * 1_013) * 100n + BigInt(i % 100) + (revised ? 77_700_000_00n : 0n),
    pdn: revised ? i % 2 === 0 : (i * 7) % 5 < 3,
  });
  const jan = [...Array(300).keys()].map((k) => pkg(k + 1, false));
  const feb = [...Array(350).keys()].map((k) => pkg(k + 251, k + 251 <= 300));
  const counted = new Map<string, Pkg>();
  for (const p of [...jan, ...feb]) counted.set(p.kd, p); // February's copy of 251-300 counts
  const den = (a: Agency) => 3_000_000_000_00n + BigInt(Number(a.kd) % 10) * 250_000_000_00n + 9n;
  return {
    files: [
      { name: 'RUP-PaketPenyedia-batch-2.csv', bytes: utf8(toCsv(PENYEDIA_HEADERS, rupRows(feb, '2025-02-20 08:00:00'))) },
      { name: 'RUP-PaketPenyedia-batch-1.csv', bytes: utf8(toCsv(PENYEDIA_HEADERS, rupRows(jan, '2025-01-10 08:00:00'))) },
      { name: 'RUP-StrukturAnggaranPD.csv', bytes: utf8(strukturCsv(ags, den)) },
    ] satisfies DropFile[], // prettier-ignore
    expected: expected(ags, [...counted.values()], den),
    overlap: 50,
  };
}

/**
 * The same RUP export three times: as downloaded, the identical file renamed `(1)` by the browser, and a copy
 * re-saved by Indonesian Excel (`;`, `1.234.567,89`, CRLF, BOM) under another name.
 */
export function renamedCopies() {
  const ags = agencies(98_001, ['DINAS SALINAN SATU', 'DINAS SALINAN DUA']);
  const rand = rng(9_801);
  const pkgs: Pkg[] = [...Array(120).keys()].map((i) => ({
    agency: ags[i % 2]!,
    kd: String(98_000_000 + i),
    cents: BigInt(Math.floor(rand() * 900_000_000)) * 100n + BigInt(i % 100),
    pdn: rand() < 0.5,
  }));
  const original = utf8(toCsv(PENYEDIA_HEADERS, rupRows(pkgs, '')));
  const resaved = serialize(PENYEDIA_HEADERS, rupRows(pkgs, '', centsTextId), { delim: ';', bom: true, crlf: true }); // prettier-ignore
  const den = (a: Agency) => 20_000_000_000_00n + BigInt(Number(a.kd) % 10) * 1_000_000_000_00n;
  return {
    files: [
      { name: 'RUP-PaketPenyedia-Terumumkan.csv', bytes: original },
      { name: 'RUP-PaketPenyedia-Terumumkan (1).csv', bytes: original },
      { name: 'RUP Penyedia - Salinan.csv', bytes: resaved.bytes },
      { name: 'RUP-StrukturAnggaranPD.csv', bytes: utf8(strukturCsv(ags, den)) },
    ] satisfies DropFile[],
    expected: expected(ags, pkgs, den),
    packages: pkgs.length,
  };
}

/** Whole rupiah and cents in the English locale: `1,234,567.89` (no decimals when the cents are 0). */
function enText(c: bigint): string {
  const whole = (c / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return c % 100n === 0n ? whole : `${whole}.${String(c % 100n).padStart(2, '0')}`;
}

/**
 * An export saved by Excel in the English locale: thousands commas (so the pagu cells are quoted),
 * `"16,229,435,400"`, `"125,000"` and `750` among them; the budget sheet in the same locale.
 */
export function englishLocale() {
  const ags = agencies(99_101, ['DINAS INGGRIS SATU', 'DINAS INGGRIS DUA']);
  const rand = rng(9_901);
  const fixed = [1_622_943_540_000n, 12_500_000n, 75_000n];
  const pkgs: Pkg[] = [...Array(90).keys()].map((i) => ({
    agency: ags[i % 2]!,
    kd: String(99_100_000 + i),
    cents: fixed[i] ?? BigInt(Math.floor(rand() * 4e9)) * 100n + BigInt(i % 3 === 0 ? i % 100 : 0),
    pdn: i < 3 || rand() < 0.6,
  }));
  const den = (a: Agency) => 41_000_000_000_00n + BigInt(Number(a.kd) % 10) * 3_333_333_33n;
  const rup = toCsv(PENYEDIA_HEADERS, rupRows(pkgs, '', enText));
  return {
    files: [
      { name: 'RUP-PaketPenyedia-Terumumkan-en.csv', bytes: utf8(rup) },
      { name: 'RUP-StrukturAnggaranPD-en.csv', bytes: utf8(strukturCsv(ags, den, enText)) },
    ] satisfies DropFile[],
    expected: expected(ags, pkgs, den),
    rupText: rup,
  };
}
