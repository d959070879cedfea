/**
 * What the transaction (realisasi) generators share: the PRNG, the rows written so far, and the habits of the
 * Pemda's exports (SPSE's own satker ids, sumber dana, a year-end peak, about half the PDN/UMK parts unreported).
 */
import type { CsvValue } from './csv';
import { LAST_DAY } from './format';
import type { RealisasiFileKey } from './layouts';
import { PENYEDIA_NAMES } from './names';
import { KLPD, LPSE, TAHUN_ANGGARAN, type AgencySpec } from './pemda';
import { JENIS, type JenisCode } from './procurement';
import type { Rng } from './prng';
import type { PenyediaRow } from './rup-rows';

export type RealisasiRow = Record<string, CsvValue>;
export type RealisasiData = Record<RealisasiFileKey, RealisasiRow[]>;

/** Transactions per month weigh more towards the end of the year, as budgets are spent. */
const MONTH_WEIGHTS = [2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14] as const;

/** The SPSE identity columns of an agency. */
function identity(a: AgencySpec) {
  return {
    tahun_anggaran: TAHUN_ANGGARAN,
    kd_klpd: KLPD.kd_klpd,
    nama_klpd: KLPD.nama_klpd,
    jenis_klpd: KLPD.jenis_klpd,
    // SPSE has its own satker ids; only kd_satker_str joins to SIRUP.
    kd_satker: String(Number(a.kdSatker) + 600_000),
    // One agency's code comes with spaces, as some exports write it.
    kd_satker_str: a.kdSatker === '3519161' ? a.kdSatkerStr.replaceAll('.', '. ') : a.kdSatkerStr,
    nama_satker: a.namaSatker,
    kd_lpse: LPSE,
  };
}

export interface RealisasiContext {
  rng: Rng;
  out: RealisasiData;
  agencyOf(kdSatker: string): AgencySpec;
  identity: typeof identity;
  sumberDana(a: AgencySpec): string;
  /** A day of the budget year (offset from 1 January). */
  day(): number;
  /** What a package of this pagu was realised for (82–99 %). */
  realised(pagu: number): number;
  /** Reported PDN/UMK part of a contract, or null (not reported: about half the rows). */
  part(nilai: number, flagged: boolean): number | null;
  /** A fresh transaction id. */
  trx(): string;
  /** A supplier's name. */
  penyedia(): string;
}

export function createContext(rng: Rng, agencies: readonly AgencySpec[]): RealisasiContext {
  const bySatker = new Map(agencies.map((a) => [a.kdSatker, a]));
  let trxSeq = 10_000;
  return {
    rng,
    out: {
      tender: [],
      nonTender: [],
      pencatatanNonTender: [],
      pencatatanSwakelola: [],
      ekontrak: [],
      ekatalogV5: [],
      ekatalogV6: [],
      tokoDaring: [],
    },
    agencyOf: (kd) => {
      const a = bySatker.get(kd);
      if (!a) throw new Error(`unknown agency ${kd}`);
      return a;
    },
    identity,
    sumberDana: (a) =>
      a.profile === 'rumahSakit'
        ? rng.pick(['BLUD', 'BLUD', 'APBD'])
        : rng.weighted([
            ['APBD', 80],
            ['DAK', 12],
            ['DBHCHT', 8],
          ] as const),
    day: () => {
      const month = rng.weighted(MONTH_WEIGHTS.map((w, i) => [i, w] as const));
      return Math.min(LAST_DAY, Math.floor((month * 365) / 12) + rng.int(0, 29));
    },
    realised: (pagu) => Math.round(pagu * (0.82 + rng.next() * 0.17)),
    part: (nilai, flagged) => {
      if (rng.chance(0.5)) return null;
      return Math.round(nilai * (flagged ? 0.7 + rng.next() * 0.3 : rng.next() * 0.25));
    },
    trx: () => String(++trxSeq * 7 + rng.int(0, 6)),
    penyedia: () => rng.pick(PENYEDIA_NAMES),
  };
}

/** A counted RUP penyedia package as the transaction generators see it. */
export interface Paket {
  p: PenyediaRow;
  a: AgencySpec;
  id: ReturnType<typeof identity>;
  isPdn: boolean;
  isUkm: boolean;
  /** The columns every SPSE row of the package repeats. */
  common: {
    nama_paket: string;
    mtd_pemilihan: string;
    jenis_pengadaan: string;
    sumber_dana: string;
    pagu: number;
  };
  /** The day it was realised. */
  d: number;
}

export function paketOf(ctx: RealisasiContext, p: PenyediaRow): Paket {
  const a = ctx.agencyOf(p.kd_satker);
  const common = {
    nama_paket: p.nama_paket,
    mtd_pemilihan: p.metode_pengadaan,
    jenis_pengadaan: JENIS[(Number(String(p.kd_jenis_pengadaan).split(';')[0]) || 1) as JenisCode],
    sumber_dana: ctx.sumberDana(a),
    pagu: p.pagu,
  };
  return {
    p,
    a,
    id: identity(a),
    isPdn: p.status_pdn === 'PDN',
    isUkm: p.status_ukm === 'UKM',
    common,
    d: ctx.day(),
  };
}
