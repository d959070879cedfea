/**
 * The export kinds Pantau PDN reads, described as data: which headers identify a kind, how each source column
 * maps to a canonical column, which rows are rejected (unusable) and which are excluded by a named P3DN rule.
 */

export type KindId = 'rup_penyedia' | 'rup_swakelola' | 'struktur_anggaran';

export type ColumnType = 'text' | 'code' | 'satker_str' | 'money' | 'bool' | 'int' | 'flag_pdn' | 'flag_ukm';

export interface ColumnSpec {
  /** Canonical column name in the target table. */
  name: string;
  type: ColumnType;
  /** Accepted source headers, compared after `normalizeHeader`. The first is the real export's name. */
  aliases: readonly string[];
}

/** A row-level rule. `sql` is a predicate over the typed staging columns (canonical names, `raw_<name>` for text). */
export interface RowRule {
  code: string;
  sql: string;
  /** For rejections: the canonical column the reason is about. */
  column?: string;
}

export interface KindSpec {
  id: KindId;
  table: string;
  /** Headers (normalized) that must all be present for a confident detection. */
  signature: readonly string[];
  /** Headers whose presence rules this kind out. */
  forbidden?: readonly string[];
  columns: readonly ColumnSpec[];
  /** Checked in order; the first that matches is the row's reason. */
  rejections: readonly RowRule[];
  exclusions: readonly RowRule[];
  /** Rows sharing this key (after rejections/exclusions) are counted once; later ones excluded as `duplikat`. */
  dedupKey?: string;
}

const IDENTITY: ColumnSpec[] = [
  { name: 'tahun', type: 'int', aliases: ['tahun_anggaran', 'tahunanggaran', 'tahun'] },
  { name: 'kd_klpd', type: 'code', aliases: ['kd_klpd'] },
  { name: 'nama_klpd', type: 'text', aliases: ['nama_klpd'] },
  { name: 'kd_satker', type: 'code', aliases: ['kd_satker', 'kodesatker', 'idsatker'] },
  { name: 'kd_satker_str', type: 'satker_str', aliases: ['kd_satker_str'] },
  { name: 'nama_satker', type: 'text', aliases: ['nama_satker', 'namasatker'] },
];

const RUP_STATUS: ColumnSpec[] = [
  { name: 'status_aktif', type: 'bool', aliases: ['status_aktif_rup', 'statusaktifpaket'] },
  { name: 'status_delete', type: 'bool', aliases: ['status_delete_rup', 'statusdeletepaket'] },
  { name: 'status_umumkan', type: 'text', aliases: ['status_umumkan_rup', 'statusumumkan'] },
];

const RUP_REJECTIONS: RowRule[] = [
  { code: 'kd_rup_kosong', column: 'kd_rup', sql: 'kd_rup IS NULL' },
  { code: 'pagu_kosong', column: 'pagu', sql: 'p3dn_blank(raw_pagu)' },
  { code: 'angka_tidak_valid', column: 'pagu', sql: 'p3dn_money_bad(raw_pagu)' },
  { code: 'satker_kosong', column: 'nama_satker', sql: 'agency_key IS NULL' },
];

const RUP_EXCLUSIONS: RowRule[] = [
  { code: 'paket_dihapus', sql: 'status_delete IS TRUE' },
  { code: 'paket_tidak_aktif', sql: 'status_aktif IS FALSE' },
  { code: 'belum_diumumkan', sql: "status_umumkan IS NOT NULL AND lower(status_umumkan) <> 'terumumkan'" },
];

export const KINDS: Record<KindId, KindSpec> = {
  rup_penyedia: {
    id: 'rup_penyedia',
    table: 'rup_penyedia',
    signature: ['kd_rup', 'pagu', 'status_pdn', 'status_ukm', 'nama_satker'],
    columns: [
      ...IDENTITY,
      { name: 'kd_rup', type: 'code', aliases: ['kd_rup', 'idrup', 'kode_rup'] },
      { name: 'nama_paket', type: 'text', aliases: ['nama_paket', 'namapaket'] },
      { name: 'pagu', type: 'money', aliases: ['pagu', 'jumlahpagu', 'total_pagu'] },
      { name: 'kd_metode', type: 'code', aliases: ['kd_metode_pengadaan'] },
      { name: 'metode', type: 'text', aliases: ['metode_pengadaan', 'metodepengadaan'] },
      { name: 'kd_jenis', type: 'text', aliases: ['kd_jenis_pengadaan'] },
      { name: 'jenis', type: 'text', aliases: ['jenis_pengadaan', 'jenispengadaan'] },
      { name: 'is_pdn', type: 'flag_pdn', aliases: ['status_pdn', 'statuspdn'] },
      { name: 'is_ukm', type: 'flag_ukm', aliases: ['status_ukm', 'statususahakecil'] },
      { name: 'alasan_non_ukm', type: 'text', aliases: ['alasan_non_ukm'] },
      ...RUP_STATUS,
    ],
    rejections: RUP_REJECTIONS,
    exclusions: RUP_EXCLUSIONS,
    dedupKey: 'kd_rup',
  },
  rup_swakelola: {
    id: 'rup_swakelola',
    table: 'rup_swakelola',
    signature: ['kd_rup', 'pagu', 'tipe_swakelola', 'nama_satker'],
    forbidden: ['status_pdn', 'status_ukm'],
    columns: [
      ...IDENTITY,
      { name: 'kd_rup', type: 'code', aliases: ['kd_rup', 'idrup', 'kode_rup'] },
      { name: 'nama_paket', type: 'text', aliases: ['nama_paket', 'namapaket'] },
      { name: 'pagu', type: 'money', aliases: ['pagu', 'jumlahpagu', 'total_pagu'] },
      { name: 'tipe_swakelola', type: 'text', aliases: ['tipe_swakelola'] },
      ...RUP_STATUS,
    ],
    rejections: RUP_REJECTIONS,
    exclusions: RUP_EXCLUSIONS,
    dedupKey: 'kd_rup',
  },
  struktur_anggaran: {
    id: 'struktur_anggaran',
    table: 'struktur_anggaran',
    signature: ['belanja_pengadaan', 'belanja_operasi', 'belanja_modal', 'nama_satker'],
    columns: [
      ...IDENTITY,
      { name: 'belanja_operasi', type: 'money', aliases: ['belanja_operasi'] },
      { name: 'belanja_modal', type: 'money', aliases: ['belanja_modal'] },
      { name: 'belanja_btt', type: 'money', aliases: ['belanja_btt'] },
      { name: 'belanja_non_pengadaan', type: 'money', aliases: ['belanja_non_pengadaan'] },
      { name: 'belanja_pengadaan', type: 'money', aliases: ['belanja_pengadaan'] },
      { name: 'total_belanja', type: 'money', aliases: ['total_belanja'] },
    ],
    rejections: [
      { code: 'satker_kosong', column: 'nama_satker', sql: 'agency_key IS NULL' },
      ...[
        'belanja_operasi',
        'belanja_modal',
        'belanja_btt',
        'belanja_non_pengadaan',
        'belanja_pengadaan',
        'total_belanja',
      ].map((c) => ({ code: 'angka_tidak_valid', column: c, sql: `p3dn_money_bad(raw_${c})` })),
    ],
    exclusions: [],
    dedupKey: 'agency_key',
  },
};

export const KIND_IDS = Object.keys(KINDS) as KindId[];

/** `" Kd Satker-Str "` -> `kd_satker_str`; strips a BOM and quotes. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^"|"$/g, '')
    .toLowerCase()
    .replace(/[\s\-./]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

export interface Detection {
  kind: KindId | null;
  /** 0..1: share of the kind's signature headers found (0 when a forbidden header is present). */
  confidence: number;
}

/** Decide which kind a file is from its header row alone. */
export function detectKind(headers: readonly string[]): Detection {
  const have = new Set(headers.map(normalizeHeader));
  let best: Detection = { kind: null, confidence: 0 };
  for (const spec of Object.values(KINDS)) {
    if (spec.forbidden?.some((h) => have.has(h))) continue;
    const hit = spec.signature.filter((h) => have.has(h)).length / spec.signature.length;
    if (hit > best.confidence) best = { kind: spec.id, confidence: hit };
  }
  return best.confidence >= 0.75 ? best : { kind: null, confidence: best.confidence };
}

/** For each canonical column, the source header that feeds it (by the header's position), if any. */
export function mapColumns(spec: KindSpec, headers: readonly string[]): Map<string, number> {
  const norm = headers.map(normalizeHeader);
  const out = new Map<string, number>();
  for (const col of spec.columns) {
    for (const alias of col.aliases) {
      const i = norm.indexOf(alias);
      if (i >= 0) {
        out.set(col.name, i);
        break;
      }
    }
  }
  return out;
}
