/**
 * The realisasi fixture shared by tests/unit/realisasi-import.test.ts and tests/unit/realisasi-agencies.test.ts.
 * Three SIRUP agencies with RUP packages and budgets, and transaction exports of every kind that spell the
 * agencies in the ways real exports do. Each transaction carries its intended owner (ground truth) and the
 * expected figures apply the domain rules here, in BigInt cents, to compute what the engine must report.
 */
import type { NodeEngine } from '../../src/engine/node-engine';
import {
  NO_FILTERS,
  basisAgencyQuery,
  basisSummaryQuery,
  toBasisAgencyMetric,
  type Basis,
  type Filters,
  type Kpi,
} from '../../src/p3dn/metrics';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS, REALISASI_HEADERS, STRUKTUR_HEADERS } from '../../scripts/sample/layouts';
import { mulberry32 } from '../../scripts/sample/prng';
import { freshEngine, importText, loadRealisasiText, type RealisasiLoad } from './engine';
import { centsText, penyediaRow, type Agency, type Paket } from './fixtures';

const A: Agency = { kd: '200001', str: '1.01.0.00.0.00.01.0000', nama: 'DINAS PENDIDIKAN' };
export const B: Agency = { kd: '200002', str: '1.02.0.00.0.00.01.0000', nama: 'DINAS KESEHATAN' };
export const C: Agency = { kd: '200003', str: '4.01.0.00.0.00.01.0000', nama: 'SEKRETARIAT DAERAH' };
export const AGENCIES = [A, B, C];
export const BP: Record<string, bigint> = {
  [A.kd]: 900_000_000_000n,
  [B.kd]: 500_000_000_000n,
  [C.kd]: 300_000_000_000n,
};

const rand = mulberry32(42);
const cents = (max: number) => BigInt(Math.floor(rand() * max)) * 100n + BigInt(Math.floor(rand() * 100));
export const pakets: Paket[] = [];
for (let i = 0; i < 90; i++) {
  const agency = AGENCIES[i % 3]!;
  pakets.push({
    agency,
    kdRup: String(70_000_000 + i),
    cents: cents(2_000_000_000) + 100_000_000n,
    pdn: rand() < 0.6,
    ukm: rand() < 0.4,
  });
}
const paketOf = new Map(pakets.map((p) => [p.kdRup, p]));

/** How a transaction names its agency. */
interface Spelling {
  kd?: string;
  str?: string;
  nama?: string;
}
const SPELL = {
  aCode: { kd: '900001', str: A.str, nama: A.nama },
  aSpaces: { kd: '900001', str: '1. 01. 0. 00. 0. 00. 01. 0000', nama: 'Dinas Pendidikan' },
  bCode: { kd: '900002', str: B.str, nama: B.nama },
  bSuffix: { kd: '900002', nama: 'Dinas Kesehatan Provinsi Kalbar' }, // the second spelling of B: no code
  cCode: { kd: '900003', str: C.str, nama: C.nama },
  cRenamed: { kd: '900033', str: '4.01.0.00.0.00.09.0000', nama: 'BAGIAN UMUM SEKRETARIAT LAMA' }, // by alias
  unknown: { kd: '900099', str: '9.99.0.00.0.00.01.0000', nama: 'DINAS ENTAH' },
} satisfies Record<string, Spelling>;
const OWNER = new Map<Spelling, Agency | null>([
  [SPELL.aCode, A],
  [SPELL.aSpaces, A],
  [SPELL.bCode, B],
  [SPELL.bSuffix, B],
  [SPELL.cCode, C],
  [SPELL.cRenamed, C], // only once the alias is set
  [SPELL.unknown, null],
]);

export type Src =
  'tender' | 'nonTender' | 'ekontrak' | 'pencatatanNonTender' | 'ekatalogV5' | 'ekatalogV6' | 'tokoDaring';
interface Trx {
  src: Src;
  spell: Spelling;
  id: string;
  kdRup: string | null;
  cents: bigint;
  pdn: bigint | null;
  umk: bigint | null;
  status?: string;
  status2?: string;
  versi?: number;
  /** e-Katalog v5: the package total repeated on the line. */
  total?: bigint;
  month: number;
  /** Written as text instead of the number (a bad value). */
  nilaiText?: string;
}

export const trx: Trx[] = [];
const spellings = Object.values(SPELL);
let idSeq = 500;
const pickRup = (owner: Agency | null) => {
  // Most transactions belong to a package of their agency; some to no RUP package at all.
  if (!owner || rand() < 0.12) return rand() < 0.5 ? String(99_000_000 + idSeq) : null;
  const own = pakets.filter((p) => p.agency === owner);
  return own[Math.floor(rand() * own.length)]!.kdRup;
};
const reported = (v: bigint) => (rand() < 0.5 ? null : (v * BigInt(Math.floor(rand() * 100))) / 100n);
for (let i = 0; i < 600; i++) {
  const spell = spellings[i % spellings.length]!;
  const owner = OWNER.get(spell) ?? null;
  const src = (['tender', 'nonTender', 'pencatatanNonTender', 'ekatalogV6', 'tokoDaring'] as const)[i % 5]!;
  const v = cents(400_000_000) + 1_000_000n;
  const base: Trx = {
    src,
    spell,
    id: String(++idSeq),
    kdRup: src === 'tokoDaring' ? null : pickRup(owner),
    cents: v,
    pdn: src === 'tender' || src === 'nonTender' || src === 'pencatatanNonTender' ? reported(v) : null,
    umk: src === 'tender' || src === 'nonTender' || src === 'pencatatanNonTender' ? reported(v) : null,
    month: 1 + (i % 12),
  };
  if (src === 'nonTender') base.status = rand() < 0.8 ? 'Selesai' : rand() < 0.5 ? 'Gagal' : 'Berlangsung';
  if (src === 'ekatalogV6') base.status = rand() < 0.8 ? 'COMPLETED' : 'ON_PROCESS';
  if (src === 'tokoDaring') {
    const fail = rand() < 0.15;
    base.status = fail && rand() < 0.5 ? 'unverified' : 'verified';
    base.status2 = fail ? 'gagal' : 'selesai';
    base.id = `BELA-${base.id}`;
  }
  trx.push(base);
  // Repeated orders in Toko Daring and a repeated tender row: counted once.
  if ((src === 'tokoDaring' || src === 'tender') && rand() < 0.1) trx.push({ ...base });
}
// e-Kontrak: addenda of non-tender contracts (latest version counts) and contracts already in NonTenderSelesai.
for (const t of trx.filter((x) => x.src === 'nonTender').slice(0, 40)) {
  const versions = 1 + Math.floor(rand() * 3);
  for (let versi = 0; versi < versions; versi++) {
    const v = t.cents + BigInt(versi) * 1_000_000n;
    trx.push({
      ...t,
      src: 'ekontrak',
      status: undefined,
      versi,
      cents: v,
      pdn: reported(v),
      umk: reported(v),
    });
  }
}
// e-Katalog v5: lines of packages; `total` is the package total repeated on every line.
for (let k = 0; k < 30; k++) {
  const spell = [SPELL.aCode, SPELL.bCode, SPELL.cCode][k % 3]!;
  const owner = OWNER.get(spell)!;
  const lines = Array.from({ length: 1 + (k % 4) }, () => cents(50_000_000) + 100n);
  const total = lines.reduce((x, y) => x + y, 0n);
  const status = k % 5 === 0 ? 'Paket Proses' : 'Paket Selesai';
  const kdRup = pickRup(owner);
  for (const l of lines) {
    trx.push({
      src: 'ekatalogV5',
      // v5: satker_id is the SIRUP id and the name is often empty.
      spell: k % 2 ? { kd: owner.kd } : { kd: owner.kd, nama: owner.nama },
      id: `K${k}`,
      kdRup,
      cents: l,
      pdn: null,
      umk: null,
      status,
      total,
      month: 1 + (k % 12),
    });
  }
}
// One tender row whose value is not a number: rejected with its line.
trx.push({ ...trx.find((t) => t.src === 'tender')!, id: 'BAD1', nilaiText: 'dua juta' });

const ymd = (m: number) => `2025-${String(m).padStart(2, '0')}-15`;
function rowOf(t: Trx): Record<string, string> {
  const nilai = t.nilaiText ?? centsText(t.cents);
  const pdn = t.pdn === null ? '' : centsText(t.pdn);
  const umk = t.umk === null ? '' : centsText(t.umk);
  const who = { kd_satker: t.spell.kd ?? '', kd_satker_str: t.spell.str ?? '', nama_satker: t.spell.nama ?? '' };
  const common = { tahun_anggaran: '2025', ...who, kd_rup: t.kdRup ?? '', nama_paket: `Paket ${t.id}` };
  switch (t.src) {
    case 'tender':
      return { ...common, kd_tender: t.id, kd_rup_paket: t.kdRup ?? '', nilai_kontrak: nilai, nilai_pdn_kontrak: pdn, nilai_umk_kontrak: umk, tgl_penetapan_pemenang: ymd(t.month) };
    case 'nonTender':
      return { ...common, kd_nontender: t.id, nilai_kontrak: nilai, nilai_pdn_kontrak: pdn, nilai_umk_kontrak: umk, status_nontender: t.status!, tgl_selesai_paket: ymd(t.month) };
    case 'ekontrak':
      return { ...common, kd_nontender: t.id, nilai_kontrak: nilai, nilai_pdn_kontrak: pdn, nilai_umk_kontrak: umk, versi_addendum: String(t.versi), tgl_kontrak: ymd(t.month) };
    case 'pencatatanNonTender':
      return { ...common, kd_nontender_pct: t.id, total_realisasi: nilai, nilai_pdn_pct: pdn, nilai_umk_pct: umk, status_nontender_pct_ket: 'Paket Selesai', tgl_selesai_paket: ymd(t.month) };
    case 'ekatalogV5':
      return { ...common, satker_id: t.spell.kd ?? '', kd_paket: t.id, total_harga: nilai, total: centsText(t.total!), paket_status_str: t.status!, tanggal_buat_paket: `${ymd(t.month)} 10:00:00` };
    case 'ekatalogV6':
      return { ...common, kd_paket: t.id, rup_nama_pkt: `Paket ${t.id}`, total_harga: nilai, status_pkt: t.status!, tgl_order: `${ymd(t.month)}T00:00:00.000000Z` };
    case 'tokoDaring':
      return { tahun: '2025', kd_satker: t.spell.kd ?? '', nama_satker: t.spell.nama ?? '', order_id: t.id, order_desc: 'ATK', valuasi: nilai, status_verif: t.status!, status_konfirmasi_ppmse: t.status2!, tanggal_transaksi: `${ymd(t.month)} 09:00:00` };
  }
} // prettier-ignore

export const FILES: Record<Src, string> = {
  tender: 'SPSE-TenderSelesaiNilai.csv',
  nonTender: 'SPSE-NonTenderSelesai.csv',
  ekontrak: 'SPSE-NonTenderEkontrak-Kontrak.csv',
  pencatatanNonTender: 'SPSE-PencatatanNonTender.csv',
  ekatalogV5: 'Ecat-PaketEPurchasing.csv',
  ekatalogV6: 'Ecat-PaketEPurchasing-V6.csv',
  tokoDaring: 'Bela-TokoDaringRealisasi.csv',
};
export const csvOf = (src: Src) =>
  toCsv<string>(REALISASI_HEADERS[src], trx.filter((t) => t.src === src).map(rowOf));

// ---------------------------------------------------------------------------------------------------------
// Expected figures: the domain rules, applied here to the fixture rows.
// ---------------------------------------------------------------------------------------------------------

/** The rule that keeps a row out, or null when it counts. Mirrors P3DN.md §2, written independently. */
function fates(): Map<Trx, string | null> {
  const out = new Map<Trx, string | null>();
  const seen = new Set<string>();
  const latest = new Map<string, number>();
  for (const t of trx) if (t.src === 'ekontrak') latest.set(t.id, Math.max(latest.get(t.id) ?? -1, t.versi!));
  const doneNonTender = new Set(
    trx.filter((t) => t.src === 'nonTender' && t.status === 'Selesai').map((t) => t.id),
  );
  for (const t of trx) {
    let fate: string | null = null;
    // A status rule first; a bad value is rejected only on a row the rules would count.
    if (t.src === 'nonTender' && t.status !== 'Selesai') fate = 'nontender_belum_selesai';
    else if (t.src === 'ekatalogV5' && t.status !== 'Paket Selesai') fate = 'paket_belum_selesai';
    else if (t.src === 'ekatalogV6' && t.status !== 'COMPLETED') fate = 'paket_belum_selesai';
    else if (t.src === 'tokoDaring' && t.status !== 'verified') fate = 'belum_terverifikasi';
    else if (t.src === 'tokoDaring' && t.status2 !== 'selesai') fate = 'pesanan_tidak_selesai';
    else if (t.nilaiText) fate = 'rejected';
    else if (t.src === 'ekontrak' && t.versi !== latest.get(t.id)) fate = 'addendum_lama';
    else if (t.src === 'ekontrak' && doneNonTender.has(t.id)) fate = 'sudah_tercatat';
    else if (
      t.src === 'tender' ||
      t.src === 'tokoDaring' ||
      t.src === 'nonTender' ||
      t.src === 'pencatatanNonTender'
    ) {
      const key = `${t.src}:${t.id}`;
      if (seen.has(key)) fate = t.src === 'tokoDaring' ? 'order_id_berulang' : 'duplikat';
      seen.add(key);
    }
    out.set(t, fate);
  }
  return out;
}
export const FATE = fates();

interface Exp {
  total: bigint;
  part: Record<Kpi, bigint>;
  from: Record<Kpi, Record<'nilai' | 'rup' | 'tanpa', bigint>>;
  rows: number;
}
const emptyExp = (): Exp => ({
  total: 0n,
  part: { pdn: 0n, umk: 0n },
  from: { pdn: { nilai: 0n, rup: 0n, tanpa: 0n }, umk: { nilai: 0n, rup: 0n, tanpa: 0n } },
  rows: 0,
});

export function expected(opts: { alias: boolean; only?: (t: Trx) => boolean }) {
  const byAgency = new Map<string, Exp>(AGENCIES.map((a) => [a.kd, emptyExp()]));
  let unmatched = 0n;
  for (const t of trx) {
    if (FATE.get(t) !== null || (opts.only && !opts.only(t))) continue;
    let owner =
      OWNER.get(t.spell) ??
      (t.spell.kd === A.kd ? A : t.spell.kd === B.kd ? B : t.spell.kd === C.kd ? C : null);
    if (t.spell === SPELL.cRenamed && !opts.alias) owner = null;
    if (!owner) {
      unmatched += t.cents;
      continue;
    }
    const e = byAgency.get(owner.kd)!;
    e.total += t.cents;
    e.rows++;
    const p = t.kdRup ? paketOf.get(t.kdRup) : undefined;
    for (const k of ['pdn', 'umk'] as const) {
      const rep = k === 'pdn' ? t.pdn : t.umk;
      const flag = p ? (k === 'pdn' ? p.pdn : p.ukm) : undefined;
      if (rep !== null) {
        e.part[k] += rep;
        e.from[k].nilai += t.cents;
      } else if (flag !== undefined) {
        if (flag) e.part[k] += t.cents;
        e.from[k].rup += t.cents;
      } else e.from[k].tanpa += t.cents;
    }
  }
  return { byAgency, unmatched };
}

export function komitmen(a: Agency, k: Kpi): bigint {
  return pakets
    .filter((p) => p.agency === a && (k === 'pdn' ? p.pdn : p.ukm))
    .reduce((s, p) => s + p.cents, 0n);
}
/** Cents as the rupiah number a query hands back. */
export const rp = (c: bigint) => Number(c) / 100;

/** A fresh engine with the RUP packages, the budgets and every transaction export of the fixture loaded. */
export async function loadRealisasiFixture(): Promise<{
  engine: NodeEngine;
  loads: Map<Src, RealisasiLoad>;
}> {
  const engine = await freshEngine();
  const loads = new Map<Src, RealisasiLoad>();
  await importText(
    engine,
    'RUP-PaketPenyedia-Terumumkan.csv',
    toCsv(PENYEDIA_HEADERS, pakets.map(penyediaRow)),
  );
  await importText(
    engine,
    'RUP-StrukturAnggaranPD.csv',
    toCsv(
      STRUKTUR_HEADERS,
      AGENCIES.map((a) => ({
        tahun_anggaran: '2025',
        kd_satker: a.kd,
        kd_satker_str: a.str,
        nama_satker: a.nama,
        belanja_pengadaan: centsText(BP[a.kd]!),
      })),
    ),
  );
  for (const src of Object.keys(FILES) as Src[])
    loads.set(src, await loadRealisasiText(engine, FILES[src], csvOf(src)));
  return { engine, loads };
}

/** Agency metrics of a basis against belanja_pengadaan and 40 % targets, by agency key. */
export async function agencyMetrics(engine: NodeEngine, basis: Basis, f: Filters = NO_FILTERS) {
  const q = basisAgencyQuery(basis, 'belanja_pengadaan', { pdn: 0.4, umk: 0.4 }, f);
  const rows = (await engine.query(q.sql, q.params)).map((r) => toBasisAgencyMetric(basis, r));
  return new Map(rows.map((r) => [r.agencyKey, r]));
}

/** The summary row of a basis against belanja_pengadaan and 40 % targets. */
export async function summaryRows(engine: NodeEngine, basis: Basis, f: Filters = NO_FILTERS) {
  const q = basisSummaryQuery(basis, 'belanja_pengadaan', { pdn: 0.4, umk: 0.4 }, f);
  return engine.query(q.sql, q.params);
}
