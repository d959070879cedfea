/** SIRUP RUP packages (komitmen): penyedia (with PDN/UKM flags) and swakelola. */
import {
  AGENCY_COLUMNS,
  IDENTITY,
  KD_RUP,
  NAMA_PAKET,
  PAGU,
  RUP_EXCLUSIONS,
  RUP_REJECTIONS,
  RUP_STATUS,
  SIRUP_AGENCY_KEY,
} from './common';
import type { KindId, KindSpec } from './types';

export const SIRUP_KINDS = {
  rup_penyedia: {
    id: 'rup_penyedia',
    group: 'komitmen',
    table: 'rup_penyedia',
    signature: ['kd_rup', 'pagu', 'is_pdn', 'is_ukm', 'nama_satker'],
    columns: [
      ...IDENTITY,
      KD_RUP,
      NAMA_PAKET,
      PAGU,
      { name: 'kd_metode', type: 'code', aliases: ['kd_metode_pengadaan'] },
      { name: 'metode', type: 'text', aliases: ['metode_pengadaan', 'metodepengadaan'] },
      { name: 'kd_jenis', type: 'multi', aliases: ['kd_jenis_pengadaan'] },
      { name: 'jenis', type: 'multi', aliases: ['jenis_pengadaan', 'jenispengadaan'] },
      {
        name: 'is_pdn',
        type: 'flag_pdn',
        aliases: ['status_pdn', 'statuspdn', 'produk_dalam_negeri', 'pdn'],
      },
      {
        name: 'is_ukm',
        type: 'flag_ukm',
        aliases: ['status_ukm', 'statususahakecil', 'usaha_kecil_koperasi', 'usaha_kecil', 'ukm'],
      },
      { name: 'alasan_non_ukm', type: 'text', aliases: ['alasan_non_ukm'] },
      ...RUP_STATUS,
    ],
    rejections: RUP_REJECTIONS,
    exclusions: RUP_EXCLUSIONS,
    dedup: { key: 'kd_rup', code: 'duplikat' },
    agencyKey: SIRUP_AGENCY_KEY,
    required: ['kd_rup', 'pagu', AGENCY_COLUMNS],
    variants: [
      { id: 'legacy', marker: 'idrup' },
      { id: 'label_web', marker: 'produk_dalam_negeri' },
    ],
  },
  rup_swakelola: {
    id: 'rup_swakelola',
    group: 'komitmen',
    table: 'rup_swakelola',
    signature: ['kd_rup', 'pagu', 'tipe_swakelola', 'nama_satker'],
    forbidden: ['status_pdn', 'status_ukm', 'statuspdn', 'produk_dalam_negeri'],
    columns: [
      ...IDENTITY,
      KD_RUP,
      NAMA_PAKET,
      PAGU,
      { name: 'tipe_swakelola', type: 'text', aliases: ['tipe_swakelola', 'tipeswakelola'] },
      ...RUP_STATUS,
    ],
    rejections: RUP_REJECTIONS,
    exclusions: RUP_EXCLUSIONS,
    dedup: { key: 'kd_rup', code: 'duplikat' },
    agencyKey: SIRUP_AGENCY_KEY,
    required: ['kd_rup', 'pagu', AGENCY_COLUMNS],
  },
} satisfies Partial<Record<KindId, KindSpec>>;
