/**
 * The procurement vocabulary of the sample's RUP: methods (metode) and kinds (jenis) with their SIRUP codes, the
 * package kinds each agency mix draws from (pagu range, PDN propensity), and the words of the detail columns.
 */
import type { Mix } from './pemda';

export const ALASAN_NON_UKM_KOMPETENSI = 'Kompetensi tidak sesuai dengan usaha kecil';
export const ALASAN_NON_UKM_PAGU = 'Nilai pagu di atas Rp15 miliar';
/** Packages above this pagu (rupiah) cannot be reserved for small businesses (Perpres 12/2021 Pasal 65(4)). */
export const UKM_PAGU_LIMIT = 15_000_000_000;

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

export type JenisCode = 1 | 2 | 3 | 4;
export const JENIS: Record<JenisCode, string> = {
  1: 'Barang',
  2: 'Pekerjaan Konstruksi',
  3: 'Jasa Konsultansi',
  4: 'Jasa Lainnya',
};

export type PackageKind =
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

export interface KindSpec {
  metode: MetodeKey;
  jenis: readonly JenisCode[];
  minPagu: number;
  maxPagu: number;
  /** Relative propensity to be flagged PDN (higher = picked earlier when filling the PDN target). */
  pdnBias: number;
}

export const KINDS: Record<PackageKind, KindSpec> = {
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

export const KIND_MIX: Record<Mix, readonly (readonly [PackageKind, number])[]> = {
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

/** The kinds of the packages that must not count (deleted, inactive, not announced), with large pagu. */
export const EXCLUDED_KINDS: readonly (readonly [PackageKind, number])[] = [
  ['tenderKonstruksi', 4],
  ['tenderBarang', 3],
  ['ePurchasing', 2],
  ['seleksi', 1],
];

export const VOLUMES: Record<JenisCode, readonly string[]> = {
  1: ['1 Paket', '1 Paket', '12 Bulan', '25 Unit', '100 Buah', '1 Tahun'],
  2: ['1 Paket', '1 Paket', '1 Kegiatan', '1 Lokasi'],
  3: ['1 Paket', '1 Dokumen', '1 Laporan'],
  4: ['1 Paket', '12 Bulan', '1 Tahun', '1 Kegiatan'],
};

export const SPESIFIKASI: Record<JenisCode, readonly string[]> = {
  1: ['Sesuai spesifikasi teknis', 'Sesuai spesifikasi teknis, SNI dan TKDN', 'Sesuai kebutuhan'],
  2: ['Sesuai gambar rencana dan RAB', 'Sesuai dokumen perencanaan teknis'],
  3: ['Sesuai Kerangka Acuan Kerja (KAK)', 'Sesuai KAK'],
  4: ['Sesuai Kerangka Acuan Kerja (KAK)', 'Sesuai kebutuhan', 'Sesuai spesifikasi teknis'],
};
