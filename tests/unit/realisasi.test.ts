import { beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import type { Kpi } from '../../src/p3dn/metrics';
import {
  NO_FILTERS,
  basisAgencyQuery,
  basisSummaryQuery,
  breakdownQuery,
  drillCachedPageQuery,
  drillCachedTotalsSql,
  drillMaterializeQuery,
  drillPageQuery,
  drillTotalsQuery,
  matchSummaryQuery,
  toBasisAgencyMetric,
  toBasisSummary,
  toBreakdownRow,
  toDrillRow,
  unmatchedQuery,
  type Basis,
  type DrillSpec,
  type Filters,
} from '../../src/p3dn/metrics';
import { writeAliases } from '../../src/p3dn/agency';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS, REALISASI_HEADERS, STRUKTUR_HEADERS } from '../../scripts/sample/layouts';
import { mulberry32 } from '../../scripts/sample/prng';
import { freshEngine, importText, loadRealisasiText, type RealisasiLoad } from '../helpers/engine';
import { centsText, penyediaRow, type Agency, type Paket } from '../helpers/fixtures';

/*
 * Fixture: three SIRUP agencies with RUP packages and budgets, and transaction exports of every kind that spell the
 * agencies in the ways real exports do. Each transaction carries its intended owner (ground truth) and the test
 * applies the domain rules itself, in BigInt cents, to compute what the engine must report.
 */
const A: Agency = { kd: '200001', str: '1.01.0.00.0.00.01.0000', nama: 'DINAS PENDIDIKAN' };
const B: Agency = { kd: '200002', str: '1.02.0.00.0.00.01.0000', nama: 'DINAS KESEHATAN' };
const C: Agency = { kd: '200003', str: '4.01.0.00.0.00.01.0000', nama: 'SEKRETARIAT DAERAH' };
const AGENCIES = [A, B, C];
const BP: Record<string, bigint> = {
  [A.kd]: 900_000_000_000n,
  [B.kd]: 500_000_000_000n,
  [C.kd]: 300_000_000_000n,
};

const rand = mulberry32(42);
const cents = (max: number) => BigInt(Math.floor(rand() * max)) * 100n + BigInt(Math.floor(rand() * 100));
const pakets: Paket[] = [];
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

type Src =
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

const trx: Trx[] = [];
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

const FILES: Record<Src, string> = {
  tender: 'SPSE-TenderSelesaiNilai.csv',
  nonTender: 'SPSE-NonTenderSelesai.csv',
  ekontrak: 'SPSE-NonTenderEkontrak-Kontrak.csv',
  pencatatanNonTender: 'SPSE-PencatatanNonTender.csv',
  ekatalogV5: 'Ecat-PaketEPurchasing.csv',
  ekatalogV6: 'Ecat-PaketEPurchasing-V6.csv',
  tokoDaring: 'Bela-TokoDaringRealisasi.csv',
};
const csvOf = (src: Src) =>
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
const FATE = fates();

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

function expected(opts: { alias: boolean; only?: (t: Trx) => boolean }) {
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

function komitmen(a: Agency, k: Kpi): bigint {
  return pakets
    .filter((p) => p.agency === a && (k === 'pdn' ? p.pdn : p.ukm))
    .reduce((s, p) => s + p.cents, 0n);
}
const rp = (c: bigint) => Number(c) / 100;

// ---------------------------------------------------------------------------------------------------------

let engine: NodeEngine;
const loads = new Map<Src, RealisasiLoad>();

async function agencies(basis: Basis, f: Filters = NO_FILTERS) {
  const q = basisAgencyQuery(basis, 'belanja_pengadaan', { pdn: 0.4, umk: 0.4 }, f);
  const rows = (await engine.query(q.sql, q.params)).map((r) => toBasisAgencyMetric(basis, r));
  return new Map(rows.map((r) => [r.agencyKey, r]));
}

beforeAll(async () => {
  engine = await freshEngine();
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
}, 60_000);

describe('realisasi import', () => {
  it('detects every export kind and accounts for every row by a named rule', () => {
    const want: Record<Src, string> = {
      tender: 'spse_tender',
      nonTender: 'spse_nontender',
      ekontrak: 'spse_ekontrak',
      pencatatanNonTender: 'spse_pencatatan_nontender',
      ekatalogV5: 'ekatalog_v5',
      ekatalogV6: 'ekatalog_v6',
      tokoDaring: 'tokodaring',
    };
    for (const src of Object.keys(FILES) as Src[]) {
      const r = loads.get(src)!;
      const rows = trx.filter((t) => t.src === src);
      expect(r.source).toBe(want[src]);
      expect(r.read).toBe(rows.length);
      expect(r.loaded + r.excluded + r.rejected).toBe(r.read);
      // Per-file rules (sudah_tercatat is a cross-file rule applied at query time: the row is loaded).
      const byRule: Record<string, number> = {};
      for (const t of rows) {
        const f = FATE.get(t);
        if (f && f !== 'rejected' && f !== 'sudah_tercatat') byRule[f] = (byRule[f] ?? 0) + 1;
      }
      expect(r.excludedByRule).toEqual(byRule);
    }
  });

  it('rejects a value that is not a number, with its line', async () => {
    const tenderRows = trx.filter((t) => t.src === 'tender');
    const line = tenderRows.findIndex((t) => t.nilaiText) + 2;
    expect(loads.get('tender')!.rejectedByReason).toEqual({ angka_tidak_valid: 1 });
    const rej = await engine.query('SELECT line, value, reason FROM import_reject WHERE file_id = ?', [
      loads.get('tender')!.fileId,
    ]);
    expect(rej).toEqual([{ line, value: 'dua juta', reason: 'angka_tidak_valid' }]);
  });

  it('sums e-Katalog v5 total_harga per line, never the repeated package total', async () => {
    const q = breakdownQuery('source', NO_FILTERS);
    const rows = (await engine.query(q.sql, q.params)).map(toBreakdownRow);
    const v5 = rows.find((r) => r.group === 'ekatalog_v5')!;
    const counted = trx.filter((t) => t.src === 'ekatalogV5' && FATE.get(t) === null);
    const trueSum = counted.reduce((s, t) => s + t.cents, 0n);
    const naive = counted.reduce((s, t) => s + t.total!, 0n);
    expect(naive).toBeGreaterThan(trueSum);
    expect(v5.total).toBe(rp(trueSum));
    expect(v5.rows).toBe(counted.length);
  });

  it('counts Toko Daring only verified, finished orders, each order once', async () => {
    const q = breakdownQuery('source', NO_FILTERS);
    const rows = (await engine.query(q.sql, q.params)).map(toBreakdownRow);
    const td = rows.find((r) => r.group === 'tokodaring')!;
    const { byAgency } = expected({ alias: false, only: (t) => t.src === 'tokoDaring' });
    const sum = [...byAgency.values()].reduce((s, e) => s + e.total, 0n);
    expect(td.total).toBe(rp(sum));
    // No kd_rup and no reported value: all of it is "Tanpa Status".
    expect(td.tanpa.pdn).toBe(rp(sum));
    expect(td.pdn).toBe(0);
  });

  it('loading the same export again replaces it instead of counting it twice', async () => {
    const before = toBasisSummary('realisasi', (await summary('realisasi'))[0]);
    await loadRealisasiText(engine, FILES.tokoDaring, csvOf('tokoDaring'));
    const after = toBasisSummary('realisasi', (await summary('realisasi'))[0]);
    expect(after.realisasiTotal).toBe(before.realisasiTotal);
  });
});

async function summary(basis: Basis, f: Filters = NO_FILTERS) {
  const q = basisSummaryQuery(basis, 'belanja_pengadaan', { pdn: 0.4, umk: 0.4 }, f);
  return engine.query(q.sql, q.params);
}

describe('realisasi per agency, flag inheritance and capaian', () => {
  it('maps two spellings, spaced codes and SIRUP ids onto one agency, and lists the rest as unmatched', async () => {
    const { byAgency, unmatched } = expected({ alias: false });
    const got = await agencies('realisasi');
    for (const a of AGENCIES) {
      const e = byAgency.get(a.kd)!;
      const m = got.get(`kd:${a.kd}`)!;
      expect(m.realisasiTotal).toBe(rp(e.total));
      expect(m.transactions).toBe(e.rows);
      for (const k of ['pdn', 'umk'] as const) {
        expect(m.realisasi[k]).toBe(rp(e.part[k]));
        expect(m[k]).toBe(rp(e.part[k]));
        expect(m.from[k]).toEqual({
          nilai: rp(e.from[k].nilai),
          rup: rp(e.from[k].rup),
          tanpa: rp(e.from[k].tanpa),
        });
        expect(m.share[k]).toBeCloseTo(Number(e.part[k]) / Number(BP[a.kd]!), 12);
      }
    }
    const s = toBasisSummary('realisasi', (await summary('realisasi'))[0]);
    expect(s.unmatchedValue).toBe(rp(unmatched));
    const uq = unmatchedQuery(NO_FILTERS);
    const list = await engine.query(uq.sql, uq.params);
    expect(list.map((r) => r['alias_key']).sort()).toEqual(['BAGIAN UMUM SEKRETARIAT LAMA', 'DINAS ENTAH']);
    expect(list.reduce((x, r) => x + Number(r['total']), 0)).toBeCloseTo(rp(unmatched), 2);
    const mq = matchSummaryQuery(NO_FILTERS);
    const paths = await engine.query(mq.sql, mq.params);
    expect(paths.map((r) => r['path'])).toEqual(['kode', 'nama', 'none']);
  });

  it('reports komitmen from RUP packages alone, whatever the transactions say', async () => {
    const got = await agencies('komitmen');
    expect(got.size).toBe(AGENCIES.length);
    for (const a of AGENCIES) {
      const m = got.get(`kd:${a.kd}`)!;
      const bp = BP[a.kd]!;
      expect(m.denominator).toBe(rp(bp));
      for (const k of ['pdn', 'umk'] as const) {
        const kom = komitmen(a, k);
        expect(m[k]).toBe(rp(kom));
        expect(m.komitmen[k]).toBe(rp(kom));
        expect(m.share[k]).toBeCloseTo(Number(kom) / Number(bp), 12);
        const gap = (bp * 4n) / 10n - kom; // 40 % of belanja_pengadaan, in cents
        expect(m.gap[k]).toBe(gap > 0n ? rp(gap) : 0);
        expect(m.meets[k]).toBe(kom * 10n >= bp * 4n);
      }
    }
  });

  it('computes capaian = realisasi ÷ komitmen beside both shares, per agency and overall', async () => {
    const { byAgency } = expected({ alias: false });
    const got = await agencies('capaian');
    let r = 0n;
    let k = 0n;
    for (const a of AGENCIES) {
      const m = got.get(`kd:${a.kd}`)!;
      const e = byAgency.get(a.kd)!;
      const kom = komitmen(a, 'pdn');
      expect(m.share.pdn).toBeCloseTo(Number(e.part.pdn) / Number(kom), 12);
      expect(m.capaian.pdn).toBe(m.share.pdn);
      expect(m.denominatorKpi.pdn).toBe(rp(kom));
      expect(m.meets.pdn).toBe(e.part.pdn >= kom);
      expect(m.komitmenShare.pdn).toBeCloseTo(Number(kom) / Number(BP[a.kd]!), 12);
      expect(m.realisasiShare.pdn).toBeCloseTo(Number(e.part.pdn) / Number(BP[a.kd]!), 12);
      r += e.part.pdn;
      k += kom;
    }
    const s = toBasisSummary('capaian', (await summary('capaian'))[0]);
    expect(s.value.pdn).toBe(rp(r));
    expect(s.denominatorKpi.pdn).toBe(rp(k));
    expect(s.share.pdn).toBeCloseTo(Number(r) / Number(k), 12);
  });

  it('applies the source-system filter', async () => {
    const { byAgency } = expected({ alias: false, only: (t) => t.src === 'ekatalogV6' });
    const got = await agencies('realisasi', { ...NO_FILTERS, source: 'ekatalog_v6' });
    for (const a of AGENCIES)
      expect(got.get(`kd:${a.kd}`)!.realisasiTotal).toBe(rp(byAgency.get(a.kd)!.total));
  });

  it('applies metode (own or inherited from the RUP package) and fiscal-year filters to every figure', async () => {
    const ep = { ...NO_FILTERS, metode: 'E-Purchasing' };
    const { byAgency } = expected({
      alias: false,
      only: (t) => t.src === 'ekatalogV5' || t.src === 'ekatalogV6' || t.src === 'tokoDaring',
    });
    const got = await agencies('realisasi', ep);
    for (const a of AGENCIES) {
      expect(got.get(`kd:${a.kd}`)!.realisasiTotal).toBe(rp(byAgency.get(a.kd)!.total));
      // No RUP package of the fixture is e-purchasing: no komitmen under this filter.
      expect(got.get(`kd:${a.kd}`)!.komitmen.pdn).toBe(0);
    }
    const pl = await agencies('capaian', { ...NO_FILTERS, metode: 'Pengadaan Langsung' });
    for (const a of AGENCIES) expect(pl.get(`kd:${a.kd}`)!.komitmen.pdn).toBe(rp(komitmen(a, 'pdn')));
    const other = toBasisSummary(
      'realisasi',
      (await summary('realisasi', { ...NO_FILTERS, tahun: 2024 }))[0],
    );
    expect(other.realisasiTotal).toBe(0);
    expect(other.value.pdn).toBe(0);
  });

  it('maps a renamed agency through the alias table', async () => {
    await writeAliases(engine, [{ aliasKey: 'BAGIAN UMUM SEKRETARIAT LAMA', agencyKey: `kd:${C.kd}` }]);
    const { byAgency, unmatched } = expected({ alias: true });
    const got = await agencies('realisasi');
    expect(got.get(`kd:${C.kd}`)!.realisasiTotal).toBe(rp(byAgency.get(C.kd)!.total));
    const s = toBasisSummary('realisasi', (await summary('realisasi'))[0]);
    expect(s.unmatchedValue).toBe(rp(unmatched));
    const mq = matchSummaryQuery(NO_FILTERS);
    const paths = await engine.query(mq.sql, mq.params);
    expect(paths.map((r) => r['path'])).toEqual(['alias', 'kode', 'nama', 'none']);
    await writeAliases(engine, []);
  });
});

describe('drill-down', () => {
  const spec = (over: Partial<DrillSpec> = {}): DrillSpec => ({
    kind: 'realisasi',
    agency: `kd:${B.kd}`,
    kpi: 'pdn',
    filters: NO_FILTERS,
    search: '',
    flag: 'all',
    sort: 'nilai',
    dir: 'desc',
    ...over,
  });

  it('totals equal the agency figure, and pages of LIMIT/OFFSET add up to the same rows', async () => {
    const { byAgency } = expected({ alias: false });
    const e = byAgency.get(B.kd)!;
    const t = drillTotalsQuery(spec());
    const [tot] = await engine.query(t.sql, t.params);
    expect(tot).toMatchObject({ n: e.rows, nilai: rp(e.total), part: rp(e.part.pdn) });
    const rows = [];
    for (let off = 0; off < e.rows; off += 37) {
      const p = drillPageQuery(spec(), off, 37);
      rows.push(...(await engine.query(p.sql, p.params)).map(toDrillRow));
    }
    expect(rows.length).toBe(e.rows);
    expect(new Set(rows.map((r) => `${r.file}:${r.line}`)).size).toBe(e.rows);
    const sorted = [...rows].sort((a, b) => b.nilai - a.nilai);
    expect(rows.map((r) => r.nilai)).toEqual(sorted.map((r) => r.nilai));
    const tanpa = rows.filter((r) => r.flagFrom === 'tanpa');
    expect(tanpa.reduce((s, r) => s + r.nilai, 0)).toBeCloseTo(rp(e.from.pdn.tanpa), 2);
    const f = drillTotalsQuery(spec({ flag: 'tanpa' }));
    expect((await engine.query(f.sql, f.params))[0]?.['n']).toBe(tanpa.length);
  });

  it('gives the same rows, order and totals from the materialised (windowed) table as from the direct query', async () => {
    const sp = spec({ sort: 'nama_paket', dir: 'asc', kpi: 'umk' });
    const m = drillMaterializeQuery(sp, 'drill_t1');
    await engine.query(m.sql, m.params);
    const direct = drillTotalsQuery(sp);
    const [a] = await engine.query(direct.sql, direct.params);
    const [b] = await engine.query(drillCachedTotalsSql('drill_t1'));
    expect(b).toEqual(a);
    const n = Number(a?.['n']);
    for (const off of [0, 50, n - 7]) {
      const p1 = drillPageQuery(sp, off, 25);
      const p2 = drillCachedPageQuery('drill_t1', off, 25);
      expect(await engine.query(p2.sql, p2.params)).toEqual(await engine.query(p1.sql, p1.params));
    }
    expect(() => drillCachedPageQuery('x; DROP TABLE realisasi', 0, 1)).toThrow();
  });

  it('lists komitmen packages with their flag for the komitmen basis', async () => {
    const t = drillTotalsQuery(spec({ kind: 'komitmen', kpi: 'umk' }));
    const [tot] = await engine.query(t.sql, t.params);
    expect(tot).toMatchObject({
      n: pakets.filter((p) => p.agency === B).length,
      part: rp(komitmen(B, 'umk')),
    });
    const p = drillPageQuery(spec({ kind: 'komitmen', kpi: 'umk', search: pakets[1]!.kdRup }), 0, 10);
    const rows = (await engine.query(p.sql, p.params)).map(toDrillRow);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kdRup: pakets[1]!.kdRup,
      flag: pakets[1]!.ukm,
      flagFrom: 'rup',
      line: 3,
    });
  });
});

describe('agency name normalisation', () => {
  it('treats case, punctuation, Pemda suffixes and abbreviations alike', async () => {
    const cases: [string, string][] = [
      ['Dinas Kesehatan Provinsi Kalbar', 'DINAS KESEHATAN'],
      ['DINKES', 'DINAS KESEHATAN'],
      ['  dinas  koperasi,  usaha kecil & menengah ', 'DINAS KOPERASI USAHA KECIL DAN MENENGAH'],
      ['Setda Kabupaten Contoh Makmur', 'SEKRETARIAT DAERAH'],
      ['Dinas PUPR Kab. Uji', 'DINAS PEKERJAAN UMUM DAN PENATAAN RUANG'],
      ['RUMAH SAKIT UMUM DAERAH CONTOH', 'RSUD CONTOH'],
    ];
    for (const [raw, want] of cases) {
      const [r] = await engine.query('SELECT p3dn_norm_name(?) AS n', [raw]);
      expect(r?.['n']).toBe(want);
    }
    const [c] = await engine.query('SELECT p3dn_norm_code(?) AS a, p3dn_norm_code(?) AS b', [
      '1. 20. 03',
      '1.20.3',
    ]);
    expect(c?.['a']).toBe(c?.['b']);
  });
});
