/** The shape every transaction kind (SPSE, e-Katalog, Toko Daring) shares: one canonical table, `realisasi`. */
import {
  AGENCY_COLUMNS,
  EXPORT_DATE,
  IDENTITY,
  KD_RUP,
  NAMA_PAKET,
  REALISASI_AGENCY_KEY,
  moneyRejections,
  sciCodeRejections,
} from './common';
import type { ColumnSpec, DedupRule, KindSpec, RealisasiSource, RowRule } from './types';

// ---- realisasi (SPSE, e-Katalog, Toko Daring): one canonical table, `source` names the kind ----

export function realisasiKind(
  id: RealisasiSource,
  opts: {
    signature: KindSpec['signature'];
    forbidden?: readonly string[];
    trx: readonly string[];
    nilai: readonly string[];
    pdn?: readonly string[];
    umk?: readonly string[];
    tanggal?: readonly string[];
    status?: readonly string[];
    extra?: ColumnSpec[];
    exclusions?: RowRule[];
    dedup?: DedupRule;
    kdRup?: readonly string[];
    ignored?: KindSpec['ignored'];
    variants?: KindSpec['variants'];
    /** Method to record when the export has none (e-Katalog and Toko Daring are e-purchasing). */
    metode?: string;
    sirupSatkerId?: boolean;
    contract?: KindSpec['contract'];
  },
): KindSpec {
  const money = ['nilai', ...(opts.pdn ? ['nilai_pdn'] : []), ...(opts.umk ? ['nilai_umk'] : [])];
  return {
    id,
    group: 'realisasi',
    table: 'realisasi',
    signature: opts.signature,
    ...(opts.forbidden ? { forbidden: opts.forbidden } : {}),
    columns: [
      ...IDENTITY,
      { name: 'trx_id', type: 'code', aliases: opts.trx },
      { ...KD_RUP, aliases: opts.kdRup ?? KD_RUP.aliases },
      NAMA_PAKET,
      {
        name: 'metode',
        type: 'text',
        aliases: ['metode_pengadaan', 'mtd_pemilihan', 'metode_pemilihan'],
        ...(opts.metode ? { fallback: opts.metode } : {}),
      },
      { name: 'jenis', type: 'multi', aliases: ['jenis_pengadaan', 'kategori_pengadaan'] },
      { name: 'sumber_dana', type: 'multi', aliases: ['sumber_dana'] },
      { name: 'nilai', type: 'money', aliases: opts.nilai },
      ...(opts.pdn ? [{ name: 'nilai_pdn', type: 'money' as const, aliases: opts.pdn }] : []),
      ...(opts.umk ? [{ name: 'nilai_umk', type: 'money' as const, aliases: opts.umk }] : []),
      ...(opts.tanggal ? [{ name: 'tanggal', type: 'date' as const, aliases: opts.tanggal }] : []),
      ...(opts.status ? [{ name: 'status', type: 'text' as const, aliases: opts.status }] : []),
      ...(opts.extra ?? []),
      EXPORT_DATE,
    ],
    rejections: [
      { code: 'id_transaksi_kosong', column: 'trx_id', sql: 'trx_id IS NULL' },
      ...sciCodeRejections(['trx_id', 'kd_rup', 'kd_satker']),
      { code: 'nilai_kosong', column: 'nilai', sql: 'p3dn_blank(raw_nilai)' },
      ...moneyRejections(money),
      ...money.map((c) => ({ code: 'nilai_negatif', column: c, sql: `${c} < 0` })),
      ...(opts.pdn ? [{ code: 'pdn_melebihi_nilai', column: 'nilai_pdn', sql: 'nilai_pdn > nilai' }] : []),
      ...(opts.umk ? [{ code: 'umk_melebihi_nilai', column: 'nilai_umk', sql: 'nilai_umk > nilai' }] : []),
      ...(opts.tanggal
        ? [
            {
              code: 'tanggal_tidak_valid',
              column: 'tanggal',
              sql: 'tanggal IS NULL AND NOT p3dn_blank(raw_tanggal)',
            },
          ]
        : []),
      { code: 'satker_kosong', column: 'nama_satker', sql: 'agency_key IS NULL' },
    ],
    exclusions: opts.exclusions ?? [],
    ...(opts.dedup ? { dedup: opts.dedup } : {}),
    agencyKey: REALISASI_AGENCY_KEY,
    required: ['trx_id', 'nilai', AGENCY_COLUMNS],
    ...(opts.ignored ? { ignored: opts.ignored } : {}),
    ...(opts.variants ? { variants: opts.variants } : {}),
    ...(opts.sirupSatkerId ? { sirupSatkerId: true } : {}),
    ...(opts.contract ? { contract: opts.contract } : {}),
  };
}

export const SPSE_VALUES = {
  nilai: ['nilai_kontrak', 'nilai_kontrak_paket'],
  pdn: ['nilai_pdn_kontrak', 'nilai_pdn'],
  umk: ['nilai_umk_kontrak', 'nilai_umk'],
};
