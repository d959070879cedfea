/**
 * RUP rows of the sample: a package draft (before its kd_rup is allocated) and the penyedia and swakelola rows
 * written from it, with a schedule inside the budget year and every column of the real export.
 */
import type { CsvValue } from './csv';
import { formatDate, formatTimestamp, LAST_DAY, titleCase } from './format';
import type { PENYEDIA_HEADERS, SWAKELOLA_HEADERS } from './layouts';
import { KLPD, TAHUN_ANGGARAN, type AgencySpec } from './pemda';
import type { Ppk } from './ppk';
import {
  ALASAN_NON_UKM_KOMPETENSI,
  ALASAN_NON_UKM_PAGU,
  JENIS,
  KINDS,
  METODE,
  SPESIFIKASI,
  UKM_PAGU_LIMIT,
  VOLUMES,
  type JenisCode,
  type PackageKind,
} from './procurement';
import type { Rng } from './prng';

type PenyediaColumn = (typeof PENYEDIA_HEADERS)[number];
type SwakelolaColumn = (typeof SWAKELOLA_HEADERS)[number];

type StatusUmumkan = 'Terumumkan' | 'Draf';

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

export type Exclusion = 'none' | 'deleted' | 'inactive' | 'draft';

export interface PenyediaDraft {
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

export interface SwakelolaDraft {
  agency: AgencySpec;
  nama: string;
  pagu: number;
  tipe: number;
  exclusion: Exclusion;
  ppk: Ppk;
}

export function penyediaRow(rng: Rng, d: PenyediaDraft, kdRup: string): PenyediaRow {
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

export function swakelolaRow(rng: Rng, d: SwakelolaDraft, kdRup: string): SwakelolaRow {
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

/** True when a RUP row counts: announced, active and not deleted. */
export function isCounted(row: {
  status_umumkan_rup: string;
  status_aktif_rup: boolean;
  status_delete_rup: boolean;
}): boolean {
  return row.status_umumkan_rup === 'Terumumkan' && row.status_aktif_rup && !row.status_delete_rup;
}
