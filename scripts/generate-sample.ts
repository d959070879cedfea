/**
 * Deterministic sample-data generator for the fictional "Kabupaten Contoh Makmur (fiktif)" (kd_klpd D999).
 *
 * Writes three SIRUP-style exports into `sample-data/` with the real column names and order:
 *   - RUP-PaketPenyedia-Terumumkan.csv (all 48 columns of the current schema)
 *   - RUP-PaketSwakelola-Terumumkan.csv
 *   - RUP-StrukturAnggaranPD.csv
 *
 * Every random choice comes from a seeded PRNG (mulberry32), so the output is byte-identical between runs.
 * Each agency has a target PDN share and a target UKM share measured against its `belanja_pengadaan`
 * (or, for the agencies without a budget-structure row, against its counted RUP pagu); package flags are
 * assigned greedily to realise those targets approximately.
 *
 * `generateSample()` returns the in-memory rows so later generators (SPSE, e-Katalog, Toko Daring) can
 * reference the same agencies and kd_rup ids. Files are written only when this module is run directly:
 *   node_modules/.bin/tsx scripts/generate-sample.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------------------

export const TAHUN_ANGGARAN = 2025;
export const KLPD = {
  kd_klpd: 'D999',
  nama_klpd: 'Kabupaten Contoh Makmur (fiktif)',
  jenis_klpd: 'Kabupaten',
} as const;

export const ALASAN_NON_UKM_KOMPETENSI = 'Kompetensi tidak sesuai dengan usaha kecil';
export const ALASAN_NON_UKM_PAGU = 'Nilai pagu di atas Rp15 miliar';
/** Packages above this pagu (rupiah) cannot be reserved for small businesses (Perpres 12/2021 Pasal 65(4)). */
const UKM_PAGU_LIMIT = 15_000_000_000;

export const SAMPLE_FILES = {
  penyedia: 'RUP-PaketPenyedia-Terumumkan.csv',
  swakelola: 'RUP-PaketSwakelola-Terumumkan.csv',
  struktur: 'RUP-StrukturAnggaranPD.csv',
} as const;

export const PENYEDIA_COLUMNS = [
  'tahun_anggaran',
  'kd_klpd',
  'nama_klpd',
  'jenis_klpd',
  'kd_satker',
  'kd_satker_str',
  'nama_satker',
  'kd_rup',
  'nama_paket',
  'pagu',
  'kd_metode_pengadaan',
  'metode_pengadaan',
  'kd_jenis_pengadaan',
  'jenis_pengadaan',
  'status_pradipa',
  'status_pdn',
  'status_ukm',
  'alasan_non_ukm',
  'status_konsolidasi',
  'tipe_paket',
  'kd_rup_swakelola',
  'kd_rup_lokal',
  'volume_pekerjaan',
  'urarian_pekerjaan',
  'spesifikasi_pekerjaan',
  'tgl_awal_pemilihan',
  'tgl_akhir_pemilihan',
  'tgl_awal_kontrak',
  'tgl_akhir_kontrak',
  'tgl_awal_pemanfaatan',
  'tgl_akhir_pemanfaatan',
  'tgl_buat_paket',
  'tgl_pengumuman_paket',
  'nip_ppk',
  'nama_ppk',
  'username_ppk',
  'status_aktif_rup',
  'status_delete_rup',
  'status_umumkan_rup',
  'status_dikecualikan',
  'alasan_dikecualikan',
  'tahun_pertama',
  'kode_rup_tahun_pertama',
  'nomor_kontrak',
  'spp_aspek_ekonomi',
  'spp_aspek_sosial',
  'spp_aspek_lingkungan',
  '_event_date',
] as const;

export const SWAKELOLA_COLUMNS = [
  'tahun_anggaran',
  'kd_klpd',
  'nama_klpd',
  'jenis_klpd',
  'kd_satker',
  'kd_satker_str',
  'nama_satker',
  'kd_rup',
  'nama_paket',
  'pagu',
  'tipe_swakelola',
  'volume_pekerjaan',
  'uraian_pekerjaan',
  'tgl_awal_pelaksanaan_kontrak',
  'tgl_akhir_pelaksanaan_kontrak',
  'nip_ppk',
  'nama_ppk',
  'username_ppk',
  'status_aktif_rup',
  'status_delete_rup',
  'status_umumkan_rup',
  '_event_date',
] as const;

export const STRUKTUR_COLUMNS = [
  'tahun_anggaran',
  'kd_klpd',
  'nama_klpd',
  'kd_satker',
  'kd_satker_str',
  'nama_satker',
  'belanja_operasi',
  'belanja_modal',
  'belanja_btt',
  'belanja_non_pengadaan',
  'belanja_pengadaan',
  'total_belanja',
] as const;

// ---------------------------------------------------------------------------------------------------------
// Row types
// ---------------------------------------------------------------------------------------------------------

export type CsvValue = string | number | boolean | null;
export type PenyediaColumn = (typeof PENYEDIA_COLUMNS)[number];
export type SwakelolaColumn = (typeof SWAKELOLA_COLUMNS)[number];
export type StrukturColumn = (typeof STRUKTUR_COLUMNS)[number];

export type StatusUmumkan = 'Terumumkan' | 'Draf';

export interface PenyediaRow extends Record<PenyediaColumn, CsvValue> {
  tahun_anggaran: number;
  kd_satker: string;
  kd_satker_str: string;
  nama_satker: string;
  kd_rup: string;
  nama_paket: string;
  pagu: number;
  kd_metode_pengadaan: number;
  metode_pengadaan: string;
  kd_jenis_pengadaan: string;
  jenis_pengadaan: string;
  status_pdn: 'PDN' | 'Non-PDN';
  status_ukm: 'UKM' | 'Non-UKM';
  alasan_non_ukm: string | null;
  status_aktif_rup: boolean;
  status_delete_rup: boolean;
  status_umumkan_rup: StatusUmumkan;
}

export interface SwakelolaRow extends Record<SwakelolaColumn, CsvValue> {
  tahun_anggaran: number;
  kd_satker: string;
  kd_satker_str: string;
  nama_satker: string;
  kd_rup: string;
  nama_paket: string;
  pagu: number;
  tipe_swakelola: number;
  status_aktif_rup: boolean;
  status_delete_rup: boolean;
  status_umumkan_rup: StatusUmumkan;
}

export interface StrukturRow extends Record<StrukturColumn, CsvValue> {
  kd_satker: string;
  kd_satker_str: string;
  nama_satker: string;
  belanja_operasi: number | null;
  belanja_modal: number | null;
  belanja_btt: number | null;
  belanja_non_pengadaan: number | null;
  belanja_pengadaan: number | null;
  total_belanja: number | null;
}

// ---------------------------------------------------------------------------------------------------------
// Agencies (perangkat daerah) with per-agency targets
// ---------------------------------------------------------------------------------------------------------

type Profile =
  | 'pendidikan'
  | 'kesehatan'
  | 'rumahSakit'
  | 'puskesmas'
  | 'pu'
  | 'perumahan'
  | 'trantib'
  | 'bencana'
  | 'sosial'
  | 'lingkungan'
  | 'kependudukan'
  | 'perhubungan'
  | 'kominfo'
  | 'koperasi'
  | 'pertanian'
  | 'perdagangan'
  | 'sekretariat'
  | 'dprd'
  | 'perencanaan'
  | 'keuangan'
  | 'kecamatan';

/** Which package-kind mix an agency draws from. */
type Mix = 'office' | 'infra' | 'health';

export interface AgencySpec {
  kdSatker: string;
  kdSatkerStr: string;
  namaSatker: string;
  profile: Profile;
  mix: Mix;
  /** Counted (announced, active, not deleted) penyedia packages, excluding the big construction ones. */
  packages: number;
  /** Swakelola packages (counted ones). */
  swakelola: number;
  /** Maximum swakelola pagu in rupiah (log-uniform from Rp5 juta). */
  swakelolaMax: number;
  /** Big construction packages, approximate pagu in miliar rupiah. */
  bigConstruction: readonly number[];
  /** Target share of PDN pagu against belanja_pengadaan (against counted RUP pagu if budgetFactor is null). */
  targetPdn: number;
  /** Target share of UKM pagu against belanja_pengadaan (against counted RUP pagu if budgetFactor is null). */
  targetUkm: number;
  /** belanja_pengadaan ÷ counted RUP pagu (penyedia + swakelola); null = all money fields empty. */
  budgetFactor: number | null;
}

export const agencies: readonly AgencySpec[] = [
  {
    kdSatker: '3519012',
    kdSatkerStr: '1.01.0.00.0.00.01.0000',
    namaSatker: 'DINAS PENDIDIKAN',
    profile: 'pendidikan',
    mix: 'office',
    packages: 420,
    swakelola: 30,
    swakelolaMax: 150_000_000,
    bigConstruction: [7.2],
    targetPdn: 0.74,
    targetUkm: 0.38,
    budgetFactor: 1.12,
  },
  {
    kdSatker: '3519027',
    kdSatkerStr: '1.02.0.00.0.00.01.0000',
    namaSatker: 'DINAS KESEHATAN',
    profile: 'kesehatan',
    mix: 'health',
    packages: 260,
    swakelola: 34,
    swakelolaMax: 250_000_000,
    bigConstruction: [],
    targetPdn: 0.42,
    targetUkm: 0.15,
    budgetFactor: 1.6,
  },
  {
    kdSatker: '3519031',
    kdSatkerStr: '1.02.0.00.0.00.01.0001',
    namaSatker: 'RSUD CONTOH MAKMUR',
    profile: 'rumahSakit',
    mix: 'health',
    packages: 330,
    swakelola: 12,
    swakelolaMax: 200_000_000,
    bigConstruction: [18.4, 9.6],
    targetPdn: 0.17,
    targetUkm: 0.08,
    budgetFactor: 1.35,
  },
  {
    kdSatker: '3519046',
    kdSatkerStr: '1.02.0.00.0.00.01.0002',
    namaSatker: 'PUSKESMAS SUKAMAJU',
    profile: 'puskesmas',
    mix: 'health',
    packages: 90,
    swakelola: 5,
    swakelolaMax: 30_000_000,
    bigConstruction: [],
    targetPdn: 0.8,
    targetUkm: 0.76,
    budgetFactor: 1.12,
  },
  {
    kdSatker: '3519050',
    kdSatkerStr: '1.02.0.00.0.00.01.0003',
    namaSatker: 'PUSKESMAS MEKARSARI',
    profile: 'puskesmas',
    mix: 'health',
    packages: 70,
    swakelola: 6,
    swakelolaMax: 40_000_000,
    bigConstruction: [],
    targetPdn: 0.55,
    targetUkm: 0.62,
    budgetFactor: null,
  },
  {
    kdSatker: '3519065',
    kdSatkerStr: '1.03.0.00.0.00.01.0000',
    namaSatker: 'DINAS PEKERJAAN UMUM DAN PENATAAN RUANG',
    profile: 'pu',
    mix: 'infra',
    packages: 260,
    swakelola: 18,
    swakelolaMax: 200_000_000,
    bigConstruction: [38.6, 27.3, 16.2, 12.5, 8.4, 6.1],
    targetPdn: 0.86,
    targetUkm: 0.12,
    budgetFactor: 1.1,
  },
  {
    kdSatker: '3519073',
    kdSatkerStr: '1.04.0.00.0.00.01.0000',
    namaSatker: 'DINAS PERUMAHAN DAN KAWASAN PERMUKIMAN',
    profile: 'perumahan',
    mix: 'infra',
    packages: 150,
    swakelola: 14,
    swakelolaMax: 150_000_000,
    bigConstruction: [11.2, 5.4],
    targetPdn: 0.64,
    targetUkm: 0.41,
    budgetFactor: 1.3,
  },
  {
    kdSatker: '3519088',
    kdSatkerStr: '1.05.0.00.0.00.01.0000',
    namaSatker: 'SATUAN POLISI PAMONG PRAJA',
    profile: 'trantib',
    mix: 'office',
    packages: 80,
    swakelola: 8,
    swakelolaMax: 60_000_000,
    bigConstruction: [],
    targetPdn: 0.4,
    targetUkm: 0.72,
    budgetFactor: 1.18,
  },
  {
    kdSatker: '3519092',
    kdSatkerStr: '1.05.0.00.0.00.02.0000',
    namaSatker: 'BADAN PENANGGULANGAN BENCANA DAERAH',
    profile: 'bencana',
    mix: 'office',
    packages: 90,
    swakelola: 16,
    swakelolaMax: 200_000_000,
    bigConstruction: [],
    targetPdn: 0.12,
    targetUkm: 0.43,
    budgetFactor: 1.8,
  },
  {
    kdSatker: '3519104',
    kdSatkerStr: '1.06.0.00.0.00.01.0000',
    namaSatker: 'DINAS SOSIAL',
    profile: 'sosial',
    mix: 'office',
    packages: 110,
    swakelola: 20,
    swakelolaMax: 200_000_000,
    bigConstruction: [],
    targetPdn: 0.37,
    targetUkm: 0.55,
    budgetFactor: 1.45,
  },
  {
    kdSatker: '3519119',
    kdSatkerStr: '2.11.0.00.0.00.01.0000',
    namaSatker: 'DINAS LINGKUNGAN HIDUP',
    profile: 'lingkungan',
    mix: 'infra',
    packages: 130,
    swakelola: 22,
    swakelolaMax: 250_000_000,
    bigConstruction: [],
    targetPdn: 0.08,
    targetUkm: 0.18,
    budgetFactor: 2.2,
  },
  {
    kdSatker: '3519123',
    kdSatkerStr: '2.12.0.00.0.00.01.0000',
    namaSatker: 'DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL',
    profile: 'kependudukan',
    mix: 'office',
    packages: 70,
    swakelola: 12,
    swakelolaMax: 120_000_000,
    bigConstruction: [],
    targetPdn: 0.44,
    targetUkm: 0.1,
    budgetFactor: 1.7,
  },
  {
    kdSatker: '3519138',
    kdSatkerStr: '2.15.0.00.0.00.01.0000',
    namaSatker: 'DINAS PERHUBUNGAN',
    profile: 'perhubungan',
    mix: 'infra',
    packages: 120,
    swakelola: 10,
    swakelolaMax: 120_000_000,
    bigConstruction: [5.8],
    targetPdn: 0.76,
    targetUkm: 0.36,
    budgetFactor: 1.15,
  },
  {
    kdSatker: '3519142',
    kdSatkerStr: '2.16.0.00.0.00.01.0000',
    namaSatker: 'DINAS KOMUNIKASI DAN INFORMATIKA',
    profile: 'kominfo',
    mix: 'office',
    packages: 110,
    swakelola: 18,
    swakelolaMax: 200_000_000,
    bigConstruction: [],
    targetPdn: 0.15,
    targetUkm: 0.44,
    budgetFactor: 1.6,
  },
  {
    kdSatker: '3519157',
    kdSatkerStr: '2.17.0.00.0.00.01.0000',
    namaSatker: 'DINAS KOPERASI, USAHA KECIL DAN MENENGAH',
    profile: 'koperasi',
    mix: 'office',
    packages: 70,
    swakelola: 6,
    swakelolaMax: 40_000_000,
    bigConstruction: [],
    targetPdn: 0.84,
    targetUkm: 0.79,
    budgetFactor: 1.1,
  },
  {
    kdSatker: '3519161',
    kdSatkerStr: '3.27.0.00.0.00.01.0000',
    namaSatker: 'DINAS PERTANIAN DAN KETAHANAN PANGAN',
    profile: 'pertanian',
    mix: 'office',
    packages: 150,
    swakelola: 20,
    swakelolaMax: 150_000_000,
    bigConstruction: [],
    targetPdn: 0.56,
    targetUkm: 0.7,
    budgetFactor: 1.22,
  },
  {
    kdSatker: '3519176',
    kdSatkerStr: '3.30.0.00.0.00.01.0000',
    namaSatker: 'DINAS PERDAGANGAN DAN PERINDUSTRIAN',
    profile: 'perdagangan',
    mix: 'office',
    packages: 90,
    swakelola: 12,
    swakelolaMax: 150_000_000,
    bigConstruction: [8.9],
    targetPdn: 0.36,
    targetUkm: 0.06,
    budgetFactor: 1.9,
  },
  {
    kdSatker: '3519180',
    kdSatkerStr: '4.01.0.00.0.00.01.0000',
    namaSatker: 'SEKRETARIAT DAERAH',
    profile: 'sekretariat',
    mix: 'office',
    packages: 260,
    swakelola: 40,
    swakelolaMax: 300_000_000,
    bigConstruction: [],
    targetPdn: 0.2,
    targetUkm: 0.41,
    budgetFactor: 2.0,
  },
  {
    kdSatker: '3519195',
    kdSatkerStr: '4.02.0.00.0.00.01.0000',
    namaSatker: 'SEKRETARIAT DPRD',
    profile: 'dprd',
    mix: 'office',
    packages: 150,
    swakelola: 30,
    swakelolaMax: 300_000_000,
    bigConstruction: [],
    targetPdn: 0.3,
    targetUkm: 0.5,
    budgetFactor: null,
  },
  {
    kdSatker: '3519203',
    kdSatkerStr: '5.01.0.00.0.00.01.0000',
    namaSatker: 'BADAN PERENCANAAN PEMBANGUNAN DAERAH',
    profile: 'perencanaan',
    mix: 'office',
    packages: 70,
    swakelola: 24,
    swakelolaMax: 250_000_000,
    bigConstruction: [],
    targetPdn: 0.1,
    targetUkm: 0.14,
    budgetFactor: 2.4,
  },
  {
    kdSatker: '3519218',
    kdSatkerStr: '5.02.0.00.0.00.01.0000',
    namaSatker: 'BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH',
    profile: 'keuangan',
    mix: 'office',
    packages: 110,
    swakelola: 20,
    swakelolaMax: 200_000_000,
    bigConstruction: [],
    targetPdn: 0.41,
    targetUkm: 0.25,
    budgetFactor: 1.55,
  },
  {
    kdSatker: '3519222',
    kdSatkerStr: '7.01.0.00.0.00.01.0000',
    namaSatker: 'KECAMATAN SUKAMAJU',
    profile: 'kecamatan',
    mix: 'office',
    packages: 60,
    swakelola: 5,
    swakelolaMax: 30_000_000,
    bigConstruction: [],
    targetPdn: 0.78,
    targetUkm: 0.42,
    budgetFactor: 1.14,
  },
  {
    kdSatker: '3519237',
    kdSatkerStr: '7.01.0.00.0.00.02.0000',
    namaSatker: 'KECAMATAN MEKARSARI',
    profile: 'kecamatan',
    mix: 'office',
    packages: 55,
    swakelola: 6,
    swakelolaMax: 40_000_000,
    bigConstruction: [],
    targetPdn: 0.06,
    targetUkm: 0.39,
    budgetFactor: 1.5,
  },
  {
    kdSatker: '3519241',
    kdSatkerStr: '7.01.0.00.0.00.03.0000',
    namaSatker: 'KECAMATAN SUMBERJAYA',
    profile: 'kecamatan',
    mix: 'office',
    packages: 50,
    swakelola: 5,
    swakelolaMax: 40_000_000,
    bigConstruction: [],
    targetPdn: 0.45,
    targetUkm: 0.3,
    budgetFactor: null,
  },
];

// ---------------------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------------------

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** Log-uniform in [min, max). */
  logUniform(min: number, max: number): number;
  shuffle<T>(items: readonly T[]): T[];
}

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick() from an empty list');
    return item;
  };
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick,
    weighted: <T>(entries: readonly (readonly [T, number])[]): T => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let r = next() * total;
      for (const [value, weight] of entries) {
        r -= weight;
        if (r < 0) return value;
      }
      const last = entries[entries.length - 1];
      if (last === undefined) throw new Error('weighted() from an empty list');
      return last[0];
    },
    logUniform: (min, max) => Math.exp(Math.log(min) + next() * (Math.log(max) - Math.log(min))),
    shuffle: <T>(items: readonly T[]): T[] => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const a = copy[i] as T;
        copy[i] = copy[j] as T;
        copy[j] = a;
      }
      return copy;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Procurement vocabulary
// ---------------------------------------------------------------------------------------------------------

export const METODE = {
  penunjukanLangsung: { kd: 7, nama: 'Penunjukan Langsung' },
  pengadaanLangsung: { kd: 8, nama: 'Pengadaan Langsung' },
  ePurchasing: { kd: 9, nama: 'E-Purchasing' },
  kontes: { kd: 11, nama: 'Kontes' },
  tender: { kd: 13, nama: 'Tender' },
  tenderCepat: { kd: 14, nama: 'Tender Cepat' },
  seleksi: { kd: 15, nama: 'Seleksi' },
  dikecualikan: { kd: 16, nama: 'Dikecualikan' },
} as const;
type MetodeKey = keyof typeof METODE;

type JenisCode = 1 | 2 | 3 | 4;
export const JENIS: Record<JenisCode, string> = {
  1: 'Barang',
  2: 'Pekerjaan Konstruksi',
  3: 'Jasa Konsultansi',
  4: 'Jasa Lainnya',
};

type PackageKind =
  | 'plBarang'
  | 'plJasa'
  | 'plKonsultansi'
  | 'plKonstruksi'
  | 'ePurchasing'
  | 'tenderKonstruksi'
  | 'tenderBarang'
  | 'tenderCepat'
  | 'seleksi'
  | 'penunjukanLangsung'
  | 'kontes'
  | 'dikecualikan'
  | 'konstruksiBesar';

interface KindSpec {
  metode: MetodeKey;
  jenis: readonly JenisCode[];
  minPagu: number;
  maxPagu: number;
  /** Relative propensity to be flagged PDN (higher = picked earlier when filling the PDN target). */
  pdnBias: number;
}

const KINDS: Record<PackageKind, KindSpec> = {
  plBarang: { metode: 'pengadaanLangsung', jenis: [1], minPagu: 5e6, maxPagu: 200e6, pdnBias: 1 },
  plJasa: { metode: 'pengadaanLangsung', jenis: [4], minPagu: 5e6, maxPagu: 200e6, pdnBias: 1.4 },
  plKonsultansi: { metode: 'pengadaanLangsung', jenis: [3], minPagu: 10e6, maxPagu: 100e6, pdnBias: 1.3 },
  plKonstruksi: { metode: 'pengadaanLangsung', jenis: [2], minPagu: 20e6, maxPagu: 200e6, pdnBias: 1.6 },
  ePurchasing: { metode: 'ePurchasing', jenis: [1, 1, 1, 4], minPagu: 5e6, maxPagu: 2.5e9, pdnBias: 0.9 },
  tenderKonstruksi: { metode: 'tender', jenis: [2], minPagu: 400e6, maxPagu: 4.8e9, pdnBias: 1.6 },
  tenderBarang: { metode: 'tender', jenis: [1, 1, 4], minPagu: 300e6, maxPagu: 4e9, pdnBias: 0.7 },
  tenderCepat: { metode: 'tenderCepat', jenis: [1, 2, 4], minPagu: 250e6, maxPagu: 3e9, pdnBias: 1.1 },
  seleksi: { metode: 'seleksi', jenis: [3], minPagu: 150e6, maxPagu: 2e9, pdnBias: 1.3 },
  penunjukanLangsung: {
    metode: 'penunjukanLangsung',
    jenis: [1, 4],
    minPagu: 50e6,
    maxPagu: 1.5e9,
    pdnBias: 1,
  },
  kontes: { metode: 'kontes', jenis: [1, 4], minPagu: 25e6, maxPagu: 500e6, pdnBias: 1.2 },
  dikecualikan: { metode: 'dikecualikan', jenis: [1, 4], minPagu: 5e6, maxPagu: 800e6, pdnBias: 0.8 },
  konstruksiBesar: { metode: 'tender', jenis: [2], minPagu: 5e9, maxPagu: 40e9, pdnBias: 1.6 },
};

const KIND_MIX: Record<Mix, readonly (readonly [PackageKind, number])[]> = {
  office: [
    ['plBarang', 34],
    ['plJasa', 22],
    ['plKonsultansi', 3],
    ['plKonstruksi', 4],
    ['ePurchasing', 18],
    ['tenderKonstruksi', 2],
    ['tenderBarang', 2],
    ['tenderCepat', 1.5],
    ['seleksi', 2],
    ['penunjukanLangsung', 2],
    ['kontes', 0.5],
    ['dikecualikan', 3],
  ],
  infra: [
    ['plBarang', 14],
    ['plJasa', 10],
    ['plKonsultansi', 10],
    ['plKonstruksi', 22],
    ['ePurchasing', 10],
    ['tenderKonstruksi', 12],
    ['tenderBarang', 2],
    ['tenderCepat', 3],
    ['seleksi', 7],
    ['penunjukanLangsung', 2],
    ['kontes', 0.5],
    ['dikecualikan', 1],
  ],
  health: [
    ['plBarang', 30],
    ['plJasa', 15],
    ['plKonsultansi', 2],
    ['plKonstruksi', 4],
    ['ePurchasing', 30],
    ['tenderKonstruksi', 2],
    ['tenderBarang', 5],
    ['tenderCepat', 2],
    ['seleksi', 1.5],
    ['penunjukanLangsung', 4],
    ['kontes', 0.3],
    ['dikecualikan', 4],
  ],
};

const PLACES = [
  'Sukamaju',
  'Mekarsari',
  'Sumberjaya',
  'Tanjungsari',
  'Karanganyar',
  'Sidomulyo',
  'Margamulya',
  'Pasirlaja',
  'Bojongsari',
  'Wanasari',
  'Sukadamai',
  'Cibening',
] as const;

/** Names by jenis; `{place}` and `{n}` are filled in. Some contain commas and double quotes on purpose. */
interface NameBook {
  barang: readonly string[];
  konstruksi: readonly string[];
  konsultansi: readonly string[];
  jasaLainnya: readonly string[];
}

const GENERAL_NAMES: NameBook = {
  barang: [
    'Belanja Alat Tulis Kantor',
    'Belanja Alat Tulis Kantor, Kertas dan Cover',
    'Belanja Bahan Cetak dan Penggandaan',
    'Belanja Makanan dan Minuman Rapat',
    'Belanja Bahan Bakar Minyak untuk Kendaraan Dinas Operasional',
    'Belanja Suku Cadang Kendaraan Dinas Operasional',
    'Belanja Bahan Pembersih, Alat Kebersihan dan Perlengkapan Rumah Tangga',
    'Belanja Pakaian Dinas Harian dan Atribut',
    'Pengadaan Meja dan Kursi Kerja Pegawai',
    'Pengadaan Komputer PC dan Printer',
    'Pengadaan Laptop "Core i5" untuk Operator',
    'Pengadaan Air Conditioner (AC) Split 1 PK',
    'Belanja Bahan Listrik dan Lampu',
    'Pengadaan Sound System, Proyektor dan Layar',
  ],
  konstruksi: [
    'Rehabilitasi Ringan Gedung Kantor',
    'Pemeliharaan Gedung Kantor',
    'Pembangunan Pagar dan Gerbang Kantor',
    'Rehabilitasi Toilet dan Saluran Air Kantor',
    'Pembangunan Area Parkir Kantor',
  ],
  konsultansi: [
    'Jasa Konsultansi Perencanaan Rehabilitasi Gedung Kantor',
    'Jasa Konsultansi Pengawasan Rehabilitasi Gedung Kantor',
    'Penyusunan Dokumen Rencana Strategis',
    'Jasa Konsultansi Penyusunan Standar Operasional Prosedur',
  ],
  jasaLainnya: [
    'Jasa Pemeliharaan Kendaraan Dinas Operasional',
    'Jasa Kebersihan Kantor (Cleaning Service)',
    'Jasa Keamanan Kantor',
    'Belanja Sewa Tenda, Kursi dan Sound System Kegiatan',
    'Jasa Pemeliharaan Peralatan dan Mesin Kantor',
    'Belanja Jasa Publikasi, Dokumentasi dan Dekorasi',
    'Jasa Penyelenggaraan Acara "Hari Jadi Kabupaten Contoh Makmur"',
    'Belanja Jasa Langganan Internet Kantor',
    'Belanja Jasa Pengiriman Surat dan Dokumen',
  ],
};

const EMPTY_BOOK: NameBook = { barang: [], konstruksi: [], konsultansi: [], jasaLainnya: [] };

const PROFILE_NAMES: Partial<Record<Profile, Partial<NameBook>>> = {
  pendidikan: {
    barang: [
      'Pengadaan Buku Teks Pelajaran Sekolah Dasar',
      'Pengadaan Meubelair Sekolah Dasar',
      'Pengadaan Alat Peraga Pendidikan SD dan SMP',
      'Pengadaan Chromebook untuk SMP Negeri',
      'Pengadaan Seragam Sekolah Gratis, Sepatu dan Tas',
    ],
    konstruksi: [
      'Rehabilitasi Ruang Kelas SD Negeri {n} {place}',
      'Pembangunan Ruang Kelas Baru SMP Negeri {n} {place}',
      'Pembangunan Toilet Sekolah SD Negeri {n} {place}',
      'Rehabilitasi Perpustakaan SMP Negeri {n} {place}',
    ],
    konsultansi: ['Jasa Konsultansi Pengawasan Rehabilitasi Sekolah Dasar Wilayah {place}'],
    jasaLainnya: ['Penyelenggaraan Lomba "Olimpiade Sains Kabupaten"', 'Jasa Cetak Ijazah dan Rapor'],
  },
  kesehatan: {
    barang: [
      'Pengadaan Obat-obatan Program',
      'Pengadaan Bahan Medis Habis Pakai (BMHP)',
      'Pengadaan Alat Kesehatan Puskesmas',
      'Pengadaan Reagen dan Bahan Laboratorium',
      'Pengadaan Vaksin, Alat Suntik dan Safety Box',
      'Pengadaan Ambulans Desa',
    ],
    konstruksi: ['Rehabilitasi Gedung Puskesmas Pembantu {place}', 'Pembangunan Posyandu {place}'],
    konsultansi: ['Jasa Konsultansi Perencanaan Gedung Puskesmas {place}'],
    jasaLainnya: ['Jasa Pengelolaan Limbah Medis B3', 'Jasa Kalibrasi Alat Kesehatan'],
  },
  rumahSakit: {
    barang: [
      'Pengadaan Obat-obatan RSUD',
      'Pengadaan Bahan Medis Habis Pakai RSUD',
      'Pengadaan Alat Kesehatan "CT Scan 128 Slice"',
      'Pengadaan Bahan Makanan Pasien',
      'Pengadaan Linen, Kasur dan Bantal Pasien',
      'Pengadaan Gas Medis (Oksigen)',
      'Pengadaan Reagen Laboratorium Patologi Klinik',
    ],
    konstruksi: ['Pembangunan Gedung Rawat Inap Kelas III', 'Rehabilitasi Ruang Instalasi Gawat Darurat'],
    konsultansi: ['Jasa Konsultansi Manajemen Konstruksi Gedung Rawat Inap'],
    jasaLainnya: [
      'Jasa Laundry Linen Rumah Sakit',
      'Jasa Pemeliharaan Alat Kesehatan',
      'Jasa Cleaning Service RSUD',
    ],
  },
  puskesmas: {
    barang: [
      'Pengadaan Obat dan BMHP Puskesmas',
      'Pengadaan Makanan Tambahan Balita dan Ibu Hamil',
      'Pengadaan Alat Kesehatan, Dental Unit dan Sterilisator',
    ],
    konstruksi: ['Rehabilitasi Ruang Pelayanan Puskesmas'],
    jasaLainnya: ['Jasa Pengangkutan Limbah Medis Puskesmas'],
  },
  pu: {
    barang: ['Pengadaan Aspal dan Material Pemeliharaan Rutin Jalan', 'Pengadaan Alat Berat Excavator Mini'],
    konstruksi: [
      'Peningkatan Jalan Ruas {place} - {place2}',
      'Pembangunan Jembatan {place}',
      'Rehabilitasi Jaringan Irigasi D.I. {place}',
      'Pemeliharaan Berkala Jalan Ruas {place} - {place2}',
      'Pembangunan Drainase Lingkungan {place}',
      'Pembangunan Talud, Bronjong dan Saluran {place}',
    ],
    konsultansi: [
      'Jasa Konsultansi Pengawasan Peningkatan Jalan Ruas {place} - {place2}',
      'Jasa Konsultansi Perencanaan Jembatan {place}',
      'Penyusunan Rencana Detail Tata Ruang (RDTR) Kawasan {place}',
    ],
    jasaLainnya: ['Jasa Sewa Alat Berat Pemeliharaan Jalan'],
  },
  perumahan: {
    konstruksi: [
      'Pembangunan Penerangan Jalan Lingkungan {place}',
      'Peningkatan Kualitas Rumah Tidak Layak Huni {place}',
      'Pembangunan Sistem Penyediaan Air Minum (SPAM) {place}',
      'Penataan Kawasan Permukiman Kumuh {place}',
    ],
    konsultansi: ['Jasa Konsultansi Perencanaan Kawasan Permukiman {place}'],
  },
  trantib: {
    barang: ['Pengadaan Pakaian Dinas Lapangan Satpol PP', 'Pengadaan Alat Pemadam Api Ringan (APAR)'],
    jasaLainnya: ['Jasa Pemeliharaan Mobil Patroli'],
  },
  bencana: {
    barang: [
      'Pengadaan Logistik Bencana, Selimut dan Matras',
      'Pengadaan Perahu Karet dan Mesin Tempel',
      'Pengadaan Tenda Pengungsi',
      'Pengadaan Peralatan Evakuasi "Rescue Kit"',
    ],
    konstruksi: ['Pembangunan Tanggul Darurat Sungai {place}'],
  },
  sosial: {
    barang: [
      'Pengadaan Paket Sembako untuk Bantuan Sosial',
      'Pengadaan Kursi Roda, Tongkat dan Alat Bantu Disabilitas',
      'Pengadaan Perlengkapan Panti Sosial',
    ],
  },
  lingkungan: {
    barang: [
      'Pengadaan Truk Sampah (Dump Truck)',
      'Pengadaan Tempat Sampah Terpilah',
      'Pengadaan Kontainer Sampah (Arm Roll)',
      'Pengadaan Bibit Pohon Penghijauan',
    ],
    konstruksi: ['Pembangunan TPS3R {place}', 'Pembangunan Sel Baru TPA {place}'],
    konsultansi: ['Penyusunan Kajian Lingkungan Hidup Strategis (KLHS)', 'Jasa Uji Kualitas Air dan Udara'],
  },
  kependudukan: {
    barang: ['Pengadaan Blangko KTP-el', 'Pengadaan Ribbon, Film dan Cleaning Kit Printer KTP-el'],
    jasaLainnya: ['Jasa Pemeliharaan Perangkat Perekaman KTP-el'],
  },
  perhubungan: {
    barang: ['Pengadaan Rambu Lalu Lintas', 'Pengadaan Traffic Light Simpang {place}'],
    konstruksi: [
      'Pemasangan Penerangan Jalan Umum (PJU) Ruas {place} - {place2}',
      'Pembangunan Terminal Tipe C {place}',
      'Pembangunan Halte dan Marka Jalan {place}',
    ],
    konsultansi: ['Jasa Konsultansi Analisis Dampak Lalu Lintas Kawasan {place}'],
  },
  kominfo: {
    barang: [
      'Pengadaan Server dan Storage Data Center',
      'Pengadaan Perangkat Jaringan, Router dan Switch',
      'Pengadaan Lisensi Perangkat Lunak Perkantoran',
    ],
    konsultansi: [
      'Pengembangan Aplikasi "Satu Data Contoh Makmur"',
      'Jasa Konsultansi Audit Keamanan Informasi',
    ],
    jasaLainnya: [
      'Belanja Jasa Langganan Bandwidth Internet Pemerintah Daerah',
      'Jasa Sewa Colocation Server',
    ],
  },
  koperasi: {
    barang: [
      'Pengadaan Gerobak dan Etalase untuk UMKM',
      'Pengadaan Peralatan Produksi Kelompok Usaha Mikro',
      'Pengadaan Kemasan Produk UMKM',
    ],
    jasaLainnya: [
      'Penyelenggaraan Pameran Produk UMKM "Contoh Makmur Expo"',
      'Pelatihan Kewirausahaan, Pemasaran dan Digitalisasi UMKM',
    ],
  },
  pertanian: {
    barang: [
      'Pengadaan Benih Padi Unggul',
      'Pengadaan Pupuk Organik',
      'Pengadaan Hand Tractor dan Pompa Air',
      'Pengadaan Bibit Ternak Sapi',
      'Pengadaan Obat Hewan dan Vaksin Rabies',
    ],
    konstruksi: ['Pembangunan Jalan Usaha Tani {place}', 'Rehabilitasi Jaringan Irigasi Tersier {place}'],
  },
  perdagangan: {
    barang: ['Pengadaan Alat Ukur, Timbangan dan Takaran Tera', 'Pengadaan Peralatan Pasar'],
    konstruksi: ['Revitalisasi Pasar Rakyat {place}', 'Rehabilitasi Los Pasar {place}'],
    jasaLainnya: ['Jasa Kebersihan Pasar {place}'],
  },
  sekretariat: {
    barang: [
      'Belanja Makanan dan Minuman Tamu Pimpinan Daerah',
      'Pengadaan Kendaraan Dinas Pejabat',
      'Belanja Pakaian Dinas Kepala Daerah, Wakil dan Sekretaris Daerah',
      'Belanja Cenderamata dan Plakat',
    ],
    konsultansi: ['Jasa Konsultansi Penyusunan Naskah Akademik Rancangan Peraturan Daerah'],
    jasaLainnya: [
      'Jasa Pemeliharaan Rumah Jabatan Bupati',
      'Jasa Penyelenggaraan Upacara Hari Besar Nasional',
    ],
  },
  dprd: {
    barang: ['Belanja Makanan dan Minuman Rapat Paripurna', 'Pengadaan Pakaian Sipil Resmi Anggota DPRD'],
    konsultansi: ['Jasa Tenaga Ahli Alat Kelengkapan DPRD'],
    jasaLainnya: ['Jasa Publikasi Kegiatan DPRD di Media Massa', 'Jasa Sewa Kendaraan Reses Anggota DPRD'],
  },
  perencanaan: {
    konsultansi: [
      'Penyusunan Rencana Pembangunan Jangka Menengah Daerah (RPJMD)',
      'Jasa Konsultansi Evaluasi Kinerja Pembangunan Daerah',
      'Penyusunan Kajian "Indeks Pembangunan Manusia" Kabupaten',
    ],
  },
  keuangan: {
    barang: ['Pengadaan Perangkat Komputer Pengelolaan Keuangan Daerah'],
    konsultansi: [
      'Jasa Penilai Publik Aset Tanah dan Bangunan',
      'Jasa Konsultansi Penyusunan Laporan Keuangan',
    ],
    jasaLainnya: ['Jasa Pengamanan Aset Daerah, Pemasangan Patok dan Papan Nama'],
  },
  kecamatan: {
    barang: ['Belanja Perlengkapan Pelayanan Administrasi Terpadu Kecamatan'],
    konstruksi: ['Rehabilitasi Kantor Kecamatan', 'Pembangunan Pos Ronda dan Gapura Kelurahan {place}'],
    jasaLainnya: [
      'Penyelenggaraan Musrenbang Kecamatan',
      'Jasa Penyelenggaraan Lomba "Desa Bersih dan Sehat"',
    ],
  },
};

const SWAKELOLA_NAMES = [
  'Penyusunan Rencana Kerja Perangkat Daerah',
  'Pelaksanaan Monitoring dan Evaluasi Program',
  'Sosialisasi Peraturan Daerah kepada Masyarakat',
  'Bimbingan Teknis Peningkatan Kapasitas Aparatur',
  'Rapat Koordinasi Lintas Sektor',
  'Pembinaan dan Pengawasan Kegiatan Lapangan',
  'Penyusunan Laporan Kinerja Instansi Pemerintah',
  'Pendataan dan Verifikasi Sasaran Program',
  'Fasilitasi Kegiatan Kelompok Masyarakat {place}',
  'Pemberdayaan Masyarakat Kelurahan {place}',
  'Penyusunan Profil Perangkat Daerah, Data dan Statistik Sektoral',
  'Pelatihan Keterampilan Kerja Masyarakat',
] as const;

const PPK_FIRST_NAMES = [
  'Agus',
  'Budi',
  'Dewi',
  'Sri',
  'Rina',
  'Hendra',
  'Yusuf',
  'Ratna',
  'Wahyu',
  'Fitri',
  'Andi',
  'Siti',
  'Eko',
  'Dian',
  'Rudi',
  'Nur',
  'Teguh',
  'Bambang',
  'Yanti',
  'Irwan',
] as const;
const PPK_LAST_NAMES = [
  'Santoso',
  'Wibowo',
  'Lestari',
  'Hidayat',
  'Saputra',
  'Kurniawan',
  'Pratama',
  'Rahmawati',
  'Setiawan',
  'Nugroho',
  'Susanti',
  'Firmansyah',
  'Handayani',
  'Gunawan',
] as const;
const PPK_TITLES = [
  'S.T.',
  'S.E.',
  'S.Sos.',
  'S.Kom.',
  'S.Pd.',
  'S.K.M.',
  'S.H.',
  'S.T., M.T.',
  'S.E., M.Si.',
] as const;

// ---------------------------------------------------------------------------------------------------------
// Formatting helpers
// ---------------------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const YEAR_START_MS = Date.UTC(TAHUN_ANGGARAN, 0, 1);
const LAST_DAY = 364; // 2025-12-31 as a day offset from 2025-01-01

/** `YYYY-MM-DD` for a day offset from 1 January of the budget year (may be negative). */
function formatDate(day: number): string {
  return new Date(YEAR_START_MS + day * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD hh:mm:ss` for a day offset plus seconds into that day. */
function formatTimestamp(day: number, secondOfDay: number): string {
  return new Date(YEAR_START_MS + day * DAY_MS + secondOfDay * 1000)
    .toISOString()
    .slice(0, 19)
    .replace('T', ' ');
}

/** Plain API-style number: `250000000` or `1399818654.61`. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toFixed(0) : value.toFixed(2);
}

function formatCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return formatNumber(value);
  return value;
}

function quoteCsv(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC-4180 CSV with a header line and `\n` line endings. */
export function toCsv<C extends string>(columns: readonly C[], rows: readonly Record<C, CsvValue>[]): string {
  const lines = [columns.map(quoteCsv).join(',')];
  for (const row of rows) lines.push(columns.map((column) => quoteCsv(formatCell(row[column]))).join(','));
  return `${lines.join('\n')}\n`;
}

/** Rupiah value to integer sen, for exact sums. */
function toSen(rupiah: number): number {
  return Math.round(rupiah * 100);
}

function fillTemplate(rng: Rng, template: string): string {
  const place = rng.pick(PLACES);
  const place2 = rng.pick(PLACES.filter((p) => p !== place));
  return template
    .replace('{place}', place)
    .replace('{place2}', place2)
    .replace('{n}', String(rng.int(1, 24)));
}

/** Round a raw pagu the way budget lines usually look; a few keep odd rupiah or cents. */
function roundPagu(rng: Rng, raw: number): number {
  if (raw >= 1e9) {
    const step = rng.chance(0.7) ? 1e6 : 1e5;
    return Math.round(raw / step) * step;
  }
  const r = rng.next();
  if (r < 0.015) return Math.floor(raw) + rng.pick([0.5, 0.25, 0.75, 0.61]);
  if (r < 0.1) return Math.round(raw);
  if (raw >= 1e8) return Math.round(raw / 1e5) * 1e5;
  return Math.round(raw / 1e3) * 1e3;
}

// ---------------------------------------------------------------------------------------------------------
// PPK (pejabat pembuat komitmen)
// ---------------------------------------------------------------------------------------------------------

interface Ppk {
  nip: string;
  nama: string;
  username: string;
}

function makePpk(rng: Rng, used: Set<string>): Ppk {
  for (;;) {
    const first = rng.pick(PPK_FIRST_NAMES);
    const last = rng.pick(PPK_LAST_NAMES);
    const birthYear = rng.int(1968, 1992);
    const pad = (n: number, width: number): string => String(n).padStart(width, '0');
    // NIP: birth date (8) + appointment year/month (6) + sex (1) + sequence (3) = 18 digits.
    const nip =
      pad(birthYear, 4) +
      pad(rng.int(1, 12), 2) +
      pad(rng.int(1, 28), 2) +
      pad(birthYear + rng.int(22, 30), 4) +
      pad(rng.pick([1, 2, 3, 4, 12]), 2) +
      String(rng.int(1, 2)) +
      pad(rng.int(1, 12), 3);
    if (used.has(nip)) continue;
    used.add(nip);
    return {
      nip,
      nama: `${first} ${last}, ${rng.pick(PPK_TITLES)}`,
      username: `${first.toLowerCase()}.${last.toLowerCase()}${String(birthYear).slice(2)}`,
    };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Package drafts (before kd_rup ids are allocated)
// ---------------------------------------------------------------------------------------------------------

type Exclusion = 'none' | 'deleted' | 'inactive' | 'draft';

interface PenyediaDraft {
  agency: AgencySpec;
  kind: PackageKind;
  nama: string;
  pagu: number;
  jenis: readonly JenisCode[];
  exclusion: Exclusion;
  pdn: boolean;
  ukm: boolean;
  ppk: Ppk;
}

interface SwakelolaDraft {
  agency: AgencySpec;
  nama: string;
  pagu: number;
  tipe: number;
  exclusion: Exclusion;
  ppk: Ppk;
}

function nameFor(rng: Rng, agency: AgencySpec, jenis: JenisCode): string {
  const own = { ...EMPTY_BOOK, ...PROFILE_NAMES[agency.profile] };
  const key = ({ 1: 'barang', 2: 'konstruksi', 3: 'konsultansi', 4: 'jasaLainnya' } as const)[jenis];
  const specific = own[key];
  const pool = specific.length > 0 && rng.chance(0.6) ? specific : GENERAL_NAMES[key];
  let name = fillTemplate(rng, rng.pick(pool));
  const r = rng.next();
  if (r < 0.18) name += ` Triwulan ${rng.pick(['I', 'II', 'III', 'IV'])}`;
  else if (r < 0.3) name += ` Tahun Anggaran ${TAHUN_ANGGARAN}`;
  else if (r < 0.36) name += `, Sub Kegiatan ${rng.int(1, 9)}`;
  return name;
}

function jenisFor(rng: Rng, spec: KindSpec): readonly JenisCode[] {
  const primary = rng.pick(spec.jenis);
  // A few packages combine several jenis, as SIRUP exports do.
  if (primary === 1 && rng.chance(0.025)) return [1, 1];
  if (primary === 3 && rng.chance(0.06)) return [3, 4];
  if (primary === 4 && rng.chance(0.01)) return [3, 3, 4];
  return [primary];
}

function makePenyediaDraft(
  rng: Rng,
  agency: AgencySpec,
  kind: PackageKind,
  ppks: readonly Ppk[],
  exclusion: Exclusion,
  pagu?: number,
): PenyediaDraft {
  const spec = KINDS[kind];
  const jenis = jenisFor(rng, spec);
  const primary = jenis[0] ?? 1;
  return {
    agency,
    kind,
    nama: nameFor(rng, agency, primary),
    pagu: pagu ?? roundPagu(rng, rng.logUniform(spec.minPagu, spec.maxPagu)),
    jenis,
    exclusion,
    pdn: false,
    ukm: false,
    ppk: rng.pick(ppks),
  };
}

/**
 * Greedy fill: walk the candidates in a biased random order and flag each one whose pagu still fits under
 * the target amount; the many small packages close the gap, so the result lands close to the target. When
 * the small packages alone cannot reach the target, large ones (over 5 % of it) are considered first so
 * they are not crowded out.
 */
function fillToTarget(
  rng: Rng,
  candidates: readonly PenyediaDraft[],
  targetSen: number,
  bias: (draft: PenyediaDraft) => number,
  flag: (draft: PenyediaDraft) => void,
): void {
  const largeSen = targetSen * 0.05;
  const smallSen = candidates.reduce((sum, d) => (toSen(d.pagu) > largeSen ? sum : sum + toSen(d.pagu)), 0);
  const largeFirst = smallSen < targetSen;
  const ordered = candidates
    .map((draft) => ({
      draft,
      tier: largeFirst && toSen(draft.pagu) > largeSen ? 1 : 0,
      key: rng.next() ** (1 / bias(draft)),
    }))
    .sort((a, b) => b.tier - a.tier || b.key - a.key);
  let sum = 0;
  for (const { draft } of ordered) {
    const sen = toSen(draft.pagu);
    if (sum + sen <= targetSen) {
      flag(draft);
      sum += sen;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Generator
// ---------------------------------------------------------------------------------------------------------

export interface SampleData {
  agencies: readonly AgencySpec[];
  penyedia: PenyediaRow[];
  swakelola: SwakelolaRow[];
  struktur: StrukturRow[];
}

/** True when a RUP row counts: announced, active and not deleted. */
export function isCounted(row: {
  status_umumkan_rup: string;
  status_aktif_rup: boolean;
  status_delete_rup: boolean;
}): boolean {
  return row.status_umumkan_rup === 'Terumumkan' && row.status_aktif_rup && !row.status_delete_rup;
}

const EXCLUDED_KINDS: readonly (readonly [PackageKind, number])[] = [
  ['tenderKonstruksi', 4],
  ['tenderBarang', 3],
  ['ePurchasing', 2],
  ['seleksi', 1],
];

export function generateSample(seed = 2025): SampleData {
  const rng = createRng(seed);
  const usedNips = new Set<string>();
  const penyediaDrafts: PenyediaDraft[] = [];
  const swakelolaDrafts: SwakelolaDraft[] = [];
  const struktur: StrukturRow[] = [];

  for (const agency of agencies) {
    const ppks = Array.from({ length: agency.packages > 200 ? 3 : agency.packages > 90 ? 2 : 1 }, () =>
      makePpk(rng, usedNips),
    );

    // Counted penyedia packages.
    const counted: PenyediaDraft[] = [];
    for (let i = 0; i < agency.packages; i++) {
      counted.push(makePenyediaDraft(rng, agency, rng.weighted(KIND_MIX[agency.mix]), ppks, 'none'));
    }
    for (const miliar of agency.bigConstruction) {
      const jitter = 1 + (rng.next() - 0.5) * 0.04;
      const pagu = Math.round((miliar * 1e9 * jitter) / 1e6) * 1e6;
      counted.push(makePenyediaDraft(rng, agency, 'konstruksiBesar', ppks, 'none', pagu));
    }

    // Rows that must NOT count (~4 %): deleted, inactive or not announced, with large pagu.
    const excludedCount = Math.max(1, Math.round(agency.packages * 0.042));
    const excluded: PenyediaDraft[] = [];
    for (let i = 0; i < excludedCount; i++) {
      const exclusion = (['deleted', 'inactive', 'draft'] as const)[i % 3] ?? 'deleted';
      const pagu = roundPagu(rng, rng.logUniform(0.6e9, 8e9));
      const draft = makePenyediaDraft(rng, agency, rng.weighted(EXCLUDED_KINDS), ppks, exclusion, pagu);
      draft.pdn = rng.chance(0.85);
      draft.ukm = rng.chance(0.75);
      excluded.push(draft);
    }

    // Swakelola packages (a few of them deleted or inactive).
    const swakelola: SwakelolaDraft[] = [];
    const swakelolaExcluded = agency.swakelola >= 12 ? 1 : 0;
    for (let i = 0; i < agency.swakelola + swakelolaExcluded; i++) {
      swakelola.push({
        agency,
        nama: fillTemplate(rng, rng.pick(SWAKELOLA_NAMES)),
        pagu: roundPagu(rng, rng.logUniform(5e6, agency.swakelolaMax)),
        tipe: rng.weighted([
          [1, 70],
          [2, 12],
          [3, 8],
          [4, 10],
        ] as const),
        exclusion: i < agency.swakelola ? 'none' : rng.pick(['deleted', 'inactive'] as const),
        ppk: rng.pick(ppks),
      });
    }

    // Denominator: belanja_pengadaan, or the counted RUP pagu when the agency has no budget structure.
    const countedSen =
      counted.reduce((sum, d) => sum + toSen(d.pagu), 0) +
      swakelola.filter((d) => d.exclusion === 'none').reduce((sum, d) => sum + toSen(d.pagu), 0);
    const countedRupiah = Math.round(countedSen / 100);
    let denominatorSen = countedSen;
    if (agency.budgetFactor === null) {
      struktur.push(strukturRow(agency, null));
    } else {
      const pengadaan = Math.round(countedRupiah * agency.budgetFactor) + rng.int(0, 999_999);
      const konstruksiSen = counted
        .filter((d) => d.jenis.includes(2))
        .reduce((sum, d) => sum + toSen(d.pagu), 0);
      const modalShare = Math.min(
        0.85,
        Math.max(0.04, (konstruksiSen / countedSen) * 1.05 + rng.next() * 0.06),
      );
      const modal = Math.round(pengadaan * modalShare);
      // Belanja pegawai dominates education and health budgets.
      const [lo, hi] =
        agency.profile === 'pendidikan' ? [2.5, 4.5] : agency.mix === 'health' ? [0.8, 2] : [0.35, 1.8];
      const nonPengadaan = Math.round(pengadaan * rng.logUniform(lo, hi));
      const btt = agency.profile === 'keuangan' ? rng.int(8_000, 15_000) * 1_000_000 : 0;
      struktur.push(
        strukturRow(agency, {
          operasi: pengadaan - modal,
          modal,
          btt,
          nonPengadaan,
        }),
      );
      denominatorSen = pengadaan * 100;
    }

    // Realise the PDN and UKM targets on the counted packages.
    fillToTarget(
      rng,
      counted,
      agency.targetPdn * denominatorSen,
      (d) => KINDS[d.kind].pdnBias,
      (d) => {
        d.pdn = true;
      },
    );
    fillToTarget(
      rng,
      counted.filter((d) => d.pagu <= UKM_PAGU_LIMIT),
      agency.targetUkm * denominatorSen,
      (d) => (d.pagu <= 200e6 ? 8 : d.pagu <= 1e9 ? 2 : 0.5),
      (d) => {
        d.ukm = true;
      },
    );
    for (const d of excluded) if (d.pagu > UKM_PAGU_LIMIT) d.ukm = false;

    penyediaDrafts.push(...counted, ...excluded);
    swakelolaDrafts.push(...swakelola);
  }

  // Allocate unique 8-digit kd_rup ids over penyedia and swakelola together, in a shuffled order so that
  // agencies interleave like in a real export.
  const allDrafts: (PenyediaDraft | SwakelolaDraft)[] = rng.shuffle([...penyediaDrafts, ...swakelolaDrafts]);
  const ids = new Map<PenyediaDraft | SwakelolaDraft, string>();
  let nextId = 53_104_217;
  for (const draft of allDrafts) {
    ids.set(draft, String(nextId));
    nextId += rng.int(1, 60);
  }
  const idOf = (draft: PenyediaDraft | SwakelolaDraft): string => {
    const id = ids.get(draft);
    if (id === undefined) throw new Error('kd_rup not allocated');
    return id;
  };

  const penyedia = penyediaDrafts
    .map((d) => penyediaRow(rng, d, idOf(d)))
    .sort((a, b) => Number(a.kd_rup) - Number(b.kd_rup));
  const swakelola = swakelolaDrafts
    .map((d) => swakelolaRow(rng, d, idOf(d)))
    .sort((a, b) => Number(a.kd_rup) - Number(b.kd_rup));
  struktur.sort((a, b) => a.kd_satker_str.localeCompare(b.kd_satker_str));

  return { agencies, penyedia, swakelola, struktur };
}

// ---------------------------------------------------------------------------------------------------------
// Row builders
// ---------------------------------------------------------------------------------------------------------

interface BudgetParts {
  operasi: number;
  modal: number;
  btt: number;
  nonPengadaan: number;
}

function strukturRow(agency: AgencySpec, parts: BudgetParts | null): StrukturRow {
  const pengadaan = parts === null ? null : parts.operasi + parts.modal;
  return {
    tahun_anggaran: TAHUN_ANGGARAN,
    kd_klpd: KLPD.kd_klpd,
    nama_klpd: KLPD.nama_klpd,
    kd_satker: agency.kdSatker,
    kd_satker_str: agency.kdSatkerStr,
    nama_satker: agency.namaSatker,
    belanja_operasi: parts?.operasi ?? null,
    belanja_modal: parts?.modal ?? null,
    belanja_btt: parts?.btt ?? null,
    belanja_non_pengadaan: parts?.nonPengadaan ?? null,
    belanja_pengadaan: pengadaan,
    total_belanja: parts === null || pengadaan === null ? null : pengadaan + parts.nonPengadaan + parts.btt,
  };
}

const VOLUMES: Record<JenisCode, readonly string[]> = {
  1: ['1 Paket', '1 Paket', '12 Bulan', '25 Unit', '100 Buah', '1 Tahun'],
  2: ['1 Paket', '1 Paket', '1 Kegiatan', '1 Lokasi'],
  3: ['1 Paket', '1 Dokumen', '1 Laporan'],
  4: ['1 Paket', '12 Bulan', '1 Tahun', '1 Kegiatan'],
};

const SPESIFIKASI: Record<JenisCode, readonly string[]> = {
  1: ['Sesuai spesifikasi teknis', 'Sesuai spesifikasi teknis, SNI dan TKDN', 'Sesuai kebutuhan'],
  2: ['Sesuai gambar rencana dan RAB', 'Sesuai dokumen perencanaan teknis'],
  3: ['Sesuai Kerangka Acuan Kerja (KAK)', 'Sesuai KAK'],
  4: ['Sesuai Kerangka Acuan Kerja (KAK)', 'Sesuai kebutuhan', 'Sesuai spesifikasi teknis'],
};

function penyediaRow(rng: Rng, d: PenyediaDraft, kdRup: string): PenyediaRow {
  const spec = KINDS[d.kind];
  const metode = METODE[spec.metode];
  const primary = d.jenis[0] ?? 1;

  // Schedule inside the budget year: pemilihan -> kontrak -> pemanfaatan.
  const big = d.pagu >= 1e9;
  const awalPemilihan = rng.int(big ? 10 : 14, big ? 150 : 280);
  const akhirPemilihan = Math.min(
    LAST_DAY,
    awalPemilihan + rng.int(metode.kd === 8 || metode.kd === 9 ? 3 : 21, 45),
  );
  const awalKontrak = Math.min(LAST_DAY, akhirPemilihan + rng.int(1, 14));
  const akhirKontrak = Math.min(LAST_DAY, awalKontrak + rng.int(big ? 120 : 14, big ? 240 : 150));
  const awalPemanfaatan = Math.min(LAST_DAY, akhirKontrak + rng.int(0, 10));
  const akhirPemanfaatan = Math.min(LAST_DAY, awalPemanfaatan + rng.int(30, 120));
  const umumkan = Math.max(1, awalPemilihan - rng.int(5, 60));
  const buat = umumkan - rng.int(0, 45);
  const event = Math.min(290, umumkan + rng.int(0, 120));

  const notUkmReason = d.pagu > UKM_PAGU_LIMIT ? ALASAN_NON_UKM_PAGU : ALASAN_NON_UKM_KOMPETENSI;
  const isDraft = d.exclusion === 'draft';
  return {
    tahun_anggaran: TAHUN_ANGGARAN,
    kd_klpd: KLPD.kd_klpd,
    nama_klpd: KLPD.nama_klpd,
    jenis_klpd: KLPD.jenis_klpd,
    kd_satker: d.agency.kdSatker,
    kd_satker_str: d.agency.kdSatkerStr,
    nama_satker: d.agency.namaSatker,
    kd_rup: kdRup,
    nama_paket: d.nama,
    pagu: d.pagu,
    kd_metode_pengadaan: metode.kd,
    metode_pengadaan: metode.nama,
    kd_jenis_pengadaan: d.jenis.join(';'),
    jenis_pengadaan: d.jenis.map((code) => JENIS[code]).join(';'),
    status_pradipa: rng.chance(0.04) ? 'Ya' : 'Tidak',
    status_pdn: d.pdn ? 'PDN' : 'Non-PDN',
    status_ukm: d.ukm ? 'UKM' : 'Non-UKM',
    alasan_non_ukm: d.ukm ? null : notUkmReason,
    status_konsolidasi: rng.chance(0.02) ? 'Konsolidasi' : 'Non Konsolidasi',
    tipe_paket: 'Penyedia',
    kd_rup_swakelola: null,
    kd_rup_lokal: null,
    volume_pekerjaan: rng.pick(VOLUMES[primary]),
    urarian_pekerjaan: `${d.nama} pada ${titleCase(d.agency.namaSatker)}`,
    spesifikasi_pekerjaan: rng.pick(SPESIFIKASI[primary]),
    tgl_awal_pemilihan: formatDate(awalPemilihan),
    tgl_akhir_pemilihan: formatDate(akhirPemilihan),
    tgl_awal_kontrak: formatDate(awalKontrak),
    tgl_akhir_kontrak: formatDate(akhirKontrak),
    tgl_awal_pemanfaatan: formatDate(awalPemanfaatan),
    tgl_akhir_pemanfaatan: formatDate(akhirPemanfaatan),
    tgl_buat_paket: formatTimestamp(buat, rng.int(7 * 3600, 23 * 3600 + 59 * 60)),
    tgl_pengumuman_paket: isDraft ? null : formatTimestamp(umumkan, rng.int(7 * 3600, 23 * 3600 + 59 * 60)),
    nip_ppk: d.ppk.nip,
    nama_ppk: d.ppk.nama,
    username_ppk: d.ppk.username,
    status_aktif_rup: d.exclusion !== 'inactive' && !(d.exclusion === 'deleted' && rng.chance(0.5)),
    status_delete_rup: d.exclusion === 'deleted',
    status_umumkan_rup: isDraft ? 'Draf' : 'Terumumkan',
    status_dikecualikan: false,
    alasan_dikecualikan: null,
    tahun_pertama: TAHUN_ANGGARAN,
    kode_rup_tahun_pertama: null,
    nomor_kontrak: null,
    spp_aspek_ekonomi: rng.chance(0.12),
    spp_aspek_sosial: rng.chance(0.08),
    spp_aspek_lingkungan: primary === 2 ? rng.chance(0.3) : rng.chance(0.05),
    _event_date: formatTimestamp(event, rng.int(0, 86_399)),
  };
}

function swakelolaRow(rng: Rng, d: SwakelolaDraft, kdRup: string): SwakelolaRow {
  const awal = rng.int(14, 250);
  const akhir = Math.min(LAST_DAY, awal + rng.int(30, 200));
  const event = Math.min(290, Math.max(1, awal - rng.int(5, 40)) + rng.int(0, 120));
  return {
    tahun_anggaran: TAHUN_ANGGARAN,
    kd_klpd: KLPD.kd_klpd,
    nama_klpd: KLPD.nama_klpd,
    jenis_klpd: KLPD.jenis_klpd,
    kd_satker: d.agency.kdSatker,
    kd_satker_str: d.agency.kdSatkerStr,
    nama_satker: d.agency.namaSatker,
    kd_rup: kdRup,
    nama_paket: d.nama,
    pagu: d.pagu,
    tipe_swakelola: d.tipe,
    volume_pekerjaan: rng.pick(['1 Kegiatan', '1 Paket', '12 Bulan', '1 Dokumen']),
    uraian_pekerjaan: `${d.nama} oleh ${titleCase(d.agency.namaSatker)}`,
    tgl_awal_pelaksanaan_kontrak: formatDate(awal),
    tgl_akhir_pelaksanaan_kontrak: formatDate(akhir),
    nip_ppk: d.ppk.nip,
    nama_ppk: d.ppk.nama,
    username_ppk: d.ppk.username,
    status_aktif_rup: d.exclusion !== 'inactive',
    status_delete_rup: d.exclusion === 'deleted',
    status_umumkan_rup: 'Terumumkan',
    _event_date: formatTimestamp(event, rng.int(0, 86_399)),
  };
}

function titleCase(upper: string): string {
  return upper
    .toLowerCase()
    .split(' ')
    .map((word) => (word === 'dan' ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ')
    .replace(/\bRsud\b/, 'RSUD')
    .replace(/\bDprd\b/, 'DPRD');
}

// ---------------------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------------------

export function writeSample(outDir: string, data: SampleData = generateSample()): void {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, SAMPLE_FILES.penyedia), toCsv(PENYEDIA_COLUMNS, data.penyedia), 'utf8');
  writeFileSync(join(outDir, SAMPLE_FILES.swakelola), toCsv(SWAKELOLA_COLUMNS, data.swakelola), 'utf8');
  writeFileSync(join(outDir, SAMPLE_FILES.struktur), toCsv(STRUKTUR_COLUMNS, data.struktur), 'utf8');
}

// ---------------------------------------------------------------------------------------------------------
// Realisasi: transaction exports consistent with the RUP above (SPSE, e-Katalog v5/v6, Toko Daring)
// ---------------------------------------------------------------------------------------------------------

export const REALISASI_FILES = {
  tender: 'SPSE-TenderSelesaiNilai.csv',
  nonTender: 'SPSE-NonTenderSelesai.csv',
  pencatatanNonTender: 'SPSE-PencatatanNonTender.csv',
  pencatatanSwakelola: 'SPSE-PencatatanSwakelola.csv',
  ekontrak: 'SPSE-NonTenderEkontrak-Kontrak.csv',
  ekatalogV5: 'Ecat-PaketEPurchasing.csv',
  ekatalogV6: 'Ecat-PaketEPurchasing-V6.csv',
  tokoDaring: 'Bela-TokoDaringRealisasi.csv',
} as const;
export type RealisasiFileKey = keyof typeof REALISASI_FILES;

export const REALISASI_COLUMNS: Record<RealisasiFileKey, readonly string[]> = {
  tender: [
    'tahun_anggaran', 'kd_klpd', 'nama_klpd', 'jenis_klpd', 'kd_satker', 'kd_satker_str', 'nama_satker', 'kd_lpse',
    'kd_tender', 'kd_paket', 'kd_rup_paket', 'nama_paket', 'mtd_pemilihan', 'jenis_pengadaan', 'sumber_dana', 'pagu',
    'hps', 'nilai_penawaran', 'nilai_terkoreksi', 'nilai_negosiasi', 'nilai_kontrak', 'nilai_pdn_kontrak',
    'nilai_umk_kontrak', 'kd_penyedia', 'nama_penyedia', 'npwp_penyedia', 'tgl_pengumuman_tender',
    'tgl_penetapan_pemenang',
  ],
  nonTender: [
    'tahun_anggaran', 'kd_klpd', 'nama_klpd', 'jenis_klpd', 'kd_satker', 'kd_satker_str', 'nama_satker', 'kd_lpse',
    'kd_nontender', 'kd_paket', 'kd_rup', 'nama_paket', 'mtd_pemilihan', 'jenis_pengadaan', 'sumber_dana', 'pagu',
    'hps', 'nilai_penawaran', 'nilai_negosiasi', 'nilai_kontrak', 'nilai_pdn_kontrak', 'nilai_umk_kontrak',
    'kd_penyedia', 'nama_penyedia', 'status_nontender', 'tgl_buat_paket', 'tgl_selesai_paket',
  ],
  pencatatanNonTender: [
    'tahun_anggaran', 'kd_klpd', 'nama_klpd', 'jenis_klpd', 'kd_satker', 'kd_satker_str', 'nama_satker', 'kd_lpse',
    'kd_nontender_pct', 'kd_rup', 'nama_paket', 'mtd_pemilihan', 'jenis_pengadaan', 'sumber_dana', 'pagu',
    'total_realisasi', 'nilai_pdn_pct', 'nilai_umk_pct', 'status_nontender_pct', 'status_nontender_pct_ket',
    'tgl_buat_paket', 'tgl_selesai_paket',
  ],
  pencatatanSwakelola: [
    'tahun_anggaran', 'kd_klpd', 'nama_klpd', 'jenis_klpd', 'kd_satker', 'kd_satker_str', 'nama_satker', 'kd_lpse',
    'kd_swakelola_pct', 'kd_rup', 'nama_paket', 'tipe_swakelola', 'sumber_dana', 'pagu', 'total_realisasi',
    'nilai_pdn_pct', 'nilai_umk_pct', 'status_swakelola_pct', 'status_swakelola_pct_ket', 'tgl_buat_paket',
    'tgl_selesai_paket',
  ],
  ekontrak: [
    'tahun_anggaran', 'kd_klpd', 'nama_klpd', 'kd_satker', 'kd_satker_str', 'nama_satker', 'kd_lpse', 'kd_nontender',
    'kd_rup', 'nama_paket', 'no_kontrak', 'tgl_kontrak', 'nilai_kontrak', 'nilai_pdn_kontrak', 'nilai_umk_kontrak',
    'kd_penyedia', 'nama_penyedia', 'status_kontrak', 'apakah_addendum', 'versi_addendum',
  ],
  ekatalogV5: [
    'tahun_anggaran', 'kd_klpd', 'satker_id', 'nama_satker', 'kd_paket', 'no_paket', 'nama_paket', 'kd_rup',
    'nama_sumber_dana', 'kd_komoditas', 'kd_produk', 'kd_penyedia', 'kuantitas', 'harga_satuan', 'ongkos_kirim',
    'total_harga', 'tanggal_buat_paket', 'tanggal_edit_paket', 'paket_status_str', 'total',
  ],
  ekatalogV6: [
    'tahun_anggaran', 'nama_satker', 'kd_klpd', 'kd_satker_str', 'kd_paket', 'kd_rup', 'rup_nama_pkt',
    'kd_penyedia', 'nama_penyedia', 'sumber_dana', 'total_harga', 'ongkir', 'tgl_order', 'status_pkt',
  ],
  tokoDaring: [
    'tahun', 'kd_klpd', 'nama_klpd', 'kd_satker', 'nama_satker', 'order_id', 'order_desc', 'valuasi', 'kategori',
    'metode_bayar', 'tanggal_transaksi', 'marketplace', 'merchant_name', 'jenis_transaksi', 'kota_kab', 'provinsi',
    'nama_pemesan', 'status_verif', 'sumber_data', 'status_konfirmasi_ppmse', 'keterangan_ppmse',
  ],
}; // prettier-ignore

export type RealisasiRow = Record<string, CsvValue>;
export type RealisasiData = Record<RealisasiFileKey, RealisasiRow[]>;

/** The agency whose later exports use a new name and code unknown to SIRUP (renamed mid-year). */
export const RENAMED_AGENCY = {
  kdSatker: '3519142',
  newName: 'DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK',
  newCode: '2.16.0.00.0.00.02.0000',
} as const;
/** The agency whose Toko Daring and e-Katalog v6 rows spell its name in title case with the Pemda suffix. */
export const TWO_SPELLINGS_AGENCY = '3519027';

const LPSE = '1234';
const PENYEDIA_NAMES = [
  'CV Maju Bersama', 'CV Karya Mandiri', 'PT Sinar Abadi Konstruksi', 'CV Berkah Jaya', 'UD Sumber Rejeki',
  'PT Mitra Medika Nusantara', 'CV Cahaya Komputer', 'Koperasi Serba Usaha Makmur', 'CV Tunas Harapan',
  'PT Graha Teknik Utama', 'UD Tani Subur', 'CV Prima Solusi', 'PT Nusantara Printing', 'CV Anugerah Sejahtera',
]; // prettier-ignore
const MONTH_WEIGHTS = [2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14] as const;

/**
 * Transactions of the fictional Pemda, consistent with its RUP: the same agencies and kd_rup; realistic completion
 * rates; half of the SPSE rows without nilai_pdn_kontrak; a few kd_rup that match no RUP package; one agency
 * spelled two ways; one renamed agency (unmatched until an alias is set); e-Katalog v5 with the package `total`
 * repeated on every product line; Toko Daring with failed and repeated orders; e-kontrak addenda.
 */
export function generateRealisasi(data: SampleData, seed = 2026): RealisasiData {
  const rng = createRng(seed);
  const out: RealisasiData = {
    tender: [],
    nonTender: [],
    pencatatanNonTender: [],
    pencatatanSwakelola: [],
    ekontrak: [],
    ekatalogV5: [],
    ekatalogV6: [],
    tokoDaring: [],
  };
  const bySatker = new Map(data.agencies.map((a) => [a.kdSatker, a]));
  const agencyOf = (kd: string): AgencySpec => {
    const a = bySatker.get(kd);
    if (!a) throw new Error(`unknown agency ${kd}`);
    return a;
  };
  const identity = (a: AgencySpec) => ({
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
  });
  const sumberDana = (a: AgencySpec) =>
    a.profile === 'rumahSakit'
      ? rng.pick(['BLUD', 'BLUD', 'APBD'])
      : rng.weighted([
          ['APBD', 80],
          ['DAK', 12],
          ['DBHCHT', 8],
        ] as const);
  const day = (): number => {
    const month = rng.weighted(MONTH_WEIGHTS.map((w, i) => [i, w] as const));
    return Math.min(LAST_DAY, Math.floor((month * 365) / 12) + rng.int(0, 29));
  };
  const realised = (pagu: number) => Math.round(pagu * (0.82 + rng.next() * 0.17));
  /** Reported PDN/UMK part of a contract, or null (not reported: about half the rows). */
  const part = (nilai: number, flagged: boolean): number | null => {
    if (rng.chance(0.5)) return null;
    return Math.round(nilai * (flagged ? 0.7 + rng.next() * 0.3 : rng.next() * 0.25));
  };
  let trxSeq = 10_000;
  const trx = () => String(++trxSeq * 7 + rng.int(0, 6));
  const penyedia = () => rng.pick(PENYEDIA_NAMES);

  for (const p of data.penyedia) {
    if (!isCounted(p)) continue;
    const a = agencyOf(p.kd_satker);
    const id = identity(a);
    const isPdn = p.status_pdn === 'PDN';
    const isUkm = p.status_ukm === 'UKM';
    const jenis = JENIS[(Number(String(p.kd_jenis_pengadaan).split(';')[0]) || 1) as JenisCode];
    const common = {
      nama_paket: p.nama_paket,
      mtd_pemilihan: p.metode_pengadaan,
      jenis_pengadaan: jenis,
      sumber_dana: sumberDana(a),
      pagu: p.pagu,
    };
    const d = day();
    const metode = p.kd_metode_pengadaan;
    if (metode === 13 || metode === 14 || metode === 15) {
      if (!rng.chance(0.72)) continue; // still running
      const nilai = realised(p.pagu);
      out.tender.push({
        ...id,
        kd_tender: trx(),
        kd_paket: trx(),
        kd_rup_paket: p.kd_rup,
        ...common,
        hps: Math.round(p.pagu * 0.99),
        nilai_penawaran: nilai,
        nilai_terkoreksi: nilai,
        nilai_negosiasi: null,
        nilai_kontrak: nilai,
        nilai_pdn_kontrak: part(nilai, isPdn),
        nilai_umk_kontrak: part(nilai, isUkm),
        kd_penyedia: String(rng.int(100000, 999999)),
        nama_penyedia: penyedia(),
        npwp_penyedia: `0${rng.int(10, 99)}.${rng.int(100, 999)}.${rng.int(100, 999)}.${rng.int(1, 9)}-${rng.int(100, 999)}.000`,
        tgl_pengumuman_tender: formatDate(Math.max(0, d - 45)),
        tgl_penetapan_pemenang: formatTimestamp(d, rng.int(28_800, 57_600)),
      });
    } else if (metode === 9) {
      if (rng.chance(0.45)) {
        // e-Katalog v5: one row per product line, the package `total` repeated on each.
        const lines = rng.int(1, 4);
        const nilai = realised(p.pagu);
        const status = rng.chance(0.8) ? 'Paket Selesai' : 'Paket Proses';
        const kdPaket = trx();
        const shares = Array.from({ length: lines }, () => 0.5 + rng.next());
        const sum = shares.reduce((x, y) => x + y, 0);
        let left = nilai;
        const parts = shares.map((s, i) => {
          const v = i === lines - 1 ? left : Math.round((nilai * s) / sum);
          left -= v;
          return v;
        });
        parts.forEach((v, i) => {
          const qty = rng.int(1, 40);
          const ongkir = 0;
          out.ekatalogV5.push({
            tahun_anggaran: TAHUN_ANGGARAN,
            kd_klpd: KLPD.kd_klpd,
            satker_id: a.kdSatker,
            nama_satker: rng.chance(0.5) ? null : a.namaSatker,
            kd_paket: kdPaket,
            no_paket: `EPA-${kdPaket}-${i + 1}`,
            nama_paket: p.nama_paket,
            kd_rup: p.kd_rup,
            nama_sumber_dana: common.sumber_dana,
            kd_komoditas: String(rng.int(10, 99)),
            kd_produk: String(rng.int(1_000_000, 9_999_999)),
            kd_penyedia: String(rng.int(100000, 999999)),
            kuantitas: qty,
            harga_satuan: Math.round((v - ongkir) / qty),
            ongkos_kirim: ongkir,
            total_harga: v,
            tanggal_buat_paket: formatTimestamp(d, rng.int(28_800, 57_600)),
            tanggal_edit_paket: formatTimestamp(
              Math.min(LAST_DAY, d + rng.int(1, 20)),
              rng.int(28_800, 57_600),
            ),
            paket_status_str: status,
            total: nilai,
          });
        });
      } else {
        const spelled = p.kd_satker === TWO_SPELLINGS_AGENCY && rng.chance(0.5);
        const renamed = p.kd_satker === RENAMED_AGENCY.kdSatker;
        out.ekatalogV6.push({
          tahun_anggaran: TAHUN_ANGGARAN,
          nama_satker: renamed
            ? RENAMED_AGENCY.newName
            : spelled
              ? `${titleCase(a.namaSatker)} Kabupaten Contoh Makmur`
              : a.namaSatker,
          kd_klpd: KLPD.kd_klpd,
          kd_satker_str: renamed ? RENAMED_AGENCY.newCode : spelled ? null : a.kdSatkerStr,
          kd_paket: trx(),
          kd_rup: p.kd_rup,
          rup_nama_pkt: p.nama_paket,
          kd_penyedia: String(rng.int(100000, 999999)),
          nama_penyedia: penyedia(),
          sumber_dana: common.sumber_dana,
          total_harga: realised(p.pagu),
          ongkir: 0,
          tgl_order: `${formatDate(d)}T${String(rng.int(8, 16)).padStart(2, '0')}:00:00.000000Z`,
          status_pkt: rng.weighted([
            ['COMPLETED', 78],
            ['ON_PROCESS', 12],
            ['PAYMENT_OUTSIDE_SYSTEM', 6],
            ['ON_ADDENDUM', 4],
          ] as const),
        });
      }
    } else if (metode === 7 || metode === 8) {
      if (metode === 8 && rng.chance(0.15)) {
        if (!rng.chance(0.8)) continue;
        const nilai = realised(p.pagu);
        const batal = rng.chance(0.05);
        out.pencatatanNonTender.push({
          ...id,
          kd_nontender_pct: trx(),
          kd_rup: p.kd_rup,
          ...common,
          total_realisasi: nilai,
          nilai_pdn_pct: part(nilai, isPdn),
          nilai_umk_pct: part(nilai, isUkm),
          status_nontender_pct: batal ? 'dibatalkan' : 'selesai',
          status_nontender_pct_ket: batal ? 'Paket Dibatalkan' : 'Paket Selesai',
          tgl_buat_paket: formatTimestamp(Math.max(0, d - 20), rng.int(28_800, 57_600)),
          tgl_selesai_paket: formatTimestamp(d, rng.int(28_800, 57_600)),
        });
        continue;
      }
      const status = rng.weighted([
        ['Selesai', 76],
        ['Berlangsung', 16],
        ['Gagal', 5],
        ['Batal', 3],
      ] as const);
      const nilai = realised(p.pagu);
      const kdNontender = trx();
      out.nonTender.push({
        ...id,
        kd_nontender: kdNontender,
        kd_paket: trx(),
        kd_rup: p.kd_rup,
        ...common,
        hps: Math.round(p.pagu * 0.99),
        nilai_penawaran: nilai,
        nilai_negosiasi: nilai,
        nilai_kontrak: status === 'Selesai' || status === 'Berlangsung' ? nilai : null,
        nilai_pdn_kontrak: status === 'Selesai' ? part(nilai, isPdn) : null,
        nilai_umk_kontrak: status === 'Selesai' ? part(nilai, isUkm) : null,
        kd_penyedia: String(rng.int(100000, 999999)),
        nama_penyedia: penyedia(),
        status_nontender: status,
        tgl_buat_paket: formatTimestamp(Math.max(0, d - 20), rng.int(28_800, 57_600)),
        tgl_selesai_paket: status === 'Selesai' ? formatTimestamp(d, rng.int(28_800, 57_600)) : null,
      });
      // E-kontrak: contracts of some non-tenders, some with addenda. A contract of a non-tender still
      // "Berlangsung" in the export above counts from here; one already "Selesai" there is not counted twice.
      if ((status === 'Selesai' && rng.chance(0.12)) || (status === 'Berlangsung' && rng.chance(0.5))) {
        const versions = rng.weighted([
          [1, 70],
          [2, 22],
          [3, 8],
        ] as const);
        let v = nilai;
        for (let versi = 0; versi < versions; versi++) {
          if (versi > 0) v = Math.round(v * (1 + (rng.next() - 0.3) * 0.1));
          out.ekontrak.push({
            tahun_anggaran: TAHUN_ANGGARAN,
            kd_klpd: KLPD.kd_klpd,
            nama_klpd: KLPD.nama_klpd,
            kd_satker: id.kd_satker,
            kd_satker_str: id.kd_satker_str,
            nama_satker: a.namaSatker,
            kd_lpse: LPSE,
            kd_nontender: kdNontender,
            kd_rup: p.kd_rup,
            nama_paket: p.nama_paket,
            no_kontrak: `027/${kdNontender}/${versi}/${TAHUN_ANGGARAN}`,
            tgl_kontrak: formatDate(Math.min(LAST_DAY, d + versi * 21)),
            nilai_kontrak: v,
            nilai_pdn_kontrak: part(v, isPdn),
            nilai_umk_kontrak: part(v, isUkm),
            kd_penyedia: String(rng.int(100000, 999999)),
            nama_penyedia: penyedia(),
            status_kontrak: versi === versions - 1 ? 'aktif' : 'addendum',
            apakah_addendum: versi > 0,
            versi_addendum: versi,
          });
        }
      }
    } else {
      // Kontes, Dikecualikan: recorded as pencatatan non-tender.
      if (!rng.chance(0.7)) continue;
      const nilai = realised(p.pagu);
      out.pencatatanNonTender.push({
        ...id,
        kd_nontender_pct: trx(),
        kd_rup: p.kd_rup,
        ...common,
        total_realisasi: nilai,
        nilai_pdn_pct: part(nilai, isPdn),
        nilai_umk_pct: part(nilai, isUkm),
        status_nontender_pct: 'selesai',
        status_nontender_pct_ket: 'Paket Selesai',
        tgl_buat_paket: formatTimestamp(Math.max(0, d - 20), rng.int(28_800, 57_600)),
        tgl_selesai_paket: formatTimestamp(d, rng.int(28_800, 57_600)),
      });
    }
  }

  // A few SPSE contracts whose kd_rup matches no RUP package (typed wrong, or from a package deleted since).
  for (let i = 0; i < 6; i++) {
    const a = rng.pick(data.agencies);
    const pagu = roundPagu(rng, rng.logUniform(30e6, 400e6));
    const nilai = realised(pagu);
    const d = day();
    out.nonTender.push({
      ...identity(a),
      kd_nontender: trx(),
      kd_paket: trx(),
      kd_rup: String(99_000_000 + rng.int(1, 99_999)),
      nama_paket: `Belanja ${rng.pick(['Jasa Kebersihan', 'Cetak Spanduk', 'Sewa Tenda', 'Konsumsi Rapat'])}`,
      mtd_pemilihan: 'Pengadaan Langsung',
      jenis_pengadaan: 'Jasa Lainnya',
      sumber_dana: 'APBD',
      pagu,
      hps: pagu,
      nilai_penawaran: nilai,
      nilai_negosiasi: nilai,
      nilai_kontrak: nilai,
      nilai_pdn_kontrak: null,
      nilai_umk_kontrak: null,
      kd_penyedia: String(rng.int(100000, 999999)),
      nama_penyedia: penyedia(),
      status_nontender: 'Selesai',
      tgl_buat_paket: formatTimestamp(Math.max(0, d - 20), 36_000),
      tgl_selesai_paket: formatTimestamp(d, 50_000),
    });
  }

  // Pencatatan swakelola: most counted swakelola packages, rarely with a reported PDN/UMK part.
  for (const s of data.swakelola) {
    if (!isCounted(s) || !rng.chance(0.6)) continue;
    const a = agencyOf(s.kd_satker);
    const nilai = realised(s.pagu);
    const d = day();
    out.pencatatanSwakelola.push({
      ...identity(a),
      kd_swakelola_pct: trx(),
      kd_rup: s.kd_rup,
      nama_paket: s.nama_paket,
      tipe_swakelola: s.tipe_swakelola,
      sumber_dana: sumberDana(a),
      pagu: s.pagu,
      total_realisasi: nilai,
      nilai_pdn_pct: rng.chance(0.3) ? Math.round(nilai * rng.next()) : null,
      nilai_umk_pct: rng.chance(0.3) ? Math.round(nilai * rng.next() * 0.6) : null,
      status_swakelola_pct: 'selesai',
      status_swakelola_pct_ket: 'Paket Selesai',
      tgl_buat_paket: formatTimestamp(Math.max(0, d - 30), 36_000),
      tgl_selesai_paket: formatTimestamp(d, 50_000),
    });
  }

  // Toko Daring (Bela Pengadaan): small purchases, no kd_rup; failed orders and repeated order ids in the file.
  const kategori = [
    'Alat Tulis Kantor',
    'Makanan dan Minuman',
    'Komputer dan Aksesoris',
    'Perlengkapan Kebersihan',
  ];
  for (let i = 0; i < 520; i++) {
    const a = rng.pick(data.agencies);
    const d = day();
    const fail = rng.chance(0.08);
    const spelled = a.kdSatker === TWO_SPELLINGS_AGENCY && rng.chance(0.5);
    const renamed = a.kdSatker === RENAMED_AGENCY.kdSatker;
    const row: RealisasiRow = {
      tahun: TAHUN_ANGGARAN,
      kd_klpd: KLPD.kd_klpd,
      nama_klpd: KLPD.nama_klpd,
      // Toko Daring's own satker ids: not SIRUP's.
      kd_satker: String(880_000 + Number(a.kdSatker.slice(-3))),
      nama_satker: renamed
        ? RENAMED_AGENCY.newName
        : spelled
          ? `${titleCase(a.namaSatker)} Kabupaten Contoh Makmur`
          : a.namaSatker,
      order_id: `BELA-${TAHUN_ANGGARAN}-${String(700_000 + i * 13 + rng.int(0, 12))}`,
      order_desc: `Pembelian ${rng.pick(kategori)}`,
      valuasi: roundPagu(rng, rng.logUniform(250_000, 49_000_000)),
      kategori: rng.pick(kategori),
      metode_bayar: rng.pick(['Transfer', 'Kartu Kredit Pemerintah Daerah', 'Virtual Account']),
      tanggal_transaksi: formatTimestamp(d, rng.int(28_800, 57_600)),
      marketplace: rng.pick(['Pasar Daring A', 'Pasar Daring B', 'Pasar Daring C']),
      merchant_name: rng.pick(PENYEDIA_NAMES),
      jenis_transaksi: 'PL',
      kota_kab: 'Kab. Contoh Makmur',
      provinsi: 'Provinsi Contoh',
      nama_pemesan: rng.pick(PPK_FIRST_NAMES),
      status_verif: fail ? rng.pick(['unverified', 'verified']) : 'verified',
      sumber_data: 'Bela Pengadaan',
      status_konfirmasi_ppmse: fail ? 'gagal' : 'selesai',
      keterangan_ppmse: fail ? 'Pesanan dibatalkan oleh penjual' : null,
    };
    out.tokoDaring.push(row);
    if (rng.chance(0.04)) out.tokoDaring.push({ ...row }); // the same order exported twice
  }
  return out;
}

export function writeRealisasi(outDir: string, data: RealisasiData): void {
  mkdirSync(outDir, { recursive: true });
  for (const key of Object.keys(REALISASI_FILES) as RealisasiFileKey[]) {
    const cols = REALISASI_COLUMNS[key];
    const rows = data[key].map((r) => Object.fromEntries(cols.map((c) => [c, r[c] ?? null])));
    writeFileSync(join(outDir, REALISASI_FILES[key]), toCsv(cols, rows), 'utf8');
  }
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (isMain) {
  const outDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'sample-data');
  const data = generateSample();
  writeSample(outDir, data);
  const realisasi = generateRealisasi(data);
  writeRealisasi(outDir, realisasi);
  console.log(
    Object.entries(realisasi)
      .map(([k, rows]) => `${k}: ${rows.length}`)
      .join(', '),
  );
  console.log(
    `Wrote ${data.penyedia.length} penyedia, ${data.swakelola.length} swakelola and ${data.struktur.length} ` +
      `struktur rows to ${outDir}`,
  );
}
