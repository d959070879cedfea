/**
 * The export kinds Pantau PDN reads, described as data: which headers identify a kind, how each source column
 * maps to a canonical column, which rows are rejected (unusable) and which are excluded by a named P3DN rule.
 */
import type { RealisasiSource } from './realisasi-schema';
import { literal } from './sql';

export type KindId =
  | 'rup_penyedia'
  | 'rup_swakelola'
  | 'struktur_anggaran'
  | 'rup_paket_anggaran'
  | 'apbd_rekening'
  | RealisasiSource;

export type ColumnType =
  | 'text'
  | 'code'
  | 'satker_str'
  | 'multi'
  | 'money'
  | 'bool'
  | 'int'
  | 'date'
  | 'rekening'
  | 'mak_rekening'
  | 'flag_pdn'
  | 'flag_ukm';

export interface ColumnSpec {
  /** Canonical column name in the target table. */
  name: string;
  type: ColumnType;
  /** Accepted source headers, compared after `normalizeHeader`. The first is the real export's name. */
  aliases: readonly string[];
  /** Read for the rules only; not stored in the target table. */
  stageOnly?: boolean;
  /** Text stored when the source has no value (or no such column). */
  fallback?: string;
  /**
   * A column composed of several source columns, used when no single header feeds it (and the user has not
   * mapped one): legacy SIMDA keeps the account code as `Kd_Rek_1..Kd_Rek_5` and the agency code as
   * `Kd_Urusan, Kd_Bidang, Kd_Unit, Kd_Sub`. Alternatives, the first whose every part is present wins; the values
   * are joined with `.`, each zero-padded to `pad` digits (`5`,`2`,`2`,`1`,`7` -> `5.2.2.01.07`).
   */
  parts?: readonly (readonly ColumnPart[])[];
}

export interface ColumnPart {
  /** Accepted source headers of this segment (normalized). */
  aliases: readonly string[];
  /** Minimum digits (zero-padded); default 1. */
  pad?: number;
}

/** A row-level rule. `sql` is a predicate over the typed staging columns (canonical names, `raw_<name>` for text). */
export interface RowRule {
  code: string;
  sql: string;
  /** For rejections: the canonical column the reason is about. */
  column?: string;
}

export interface DedupRule {
  /** Canonical column (or `agency_key`) whose repeated values are counted once. */
  key: string;
  /** Aggregate giving the `rec` of the row kept among repeats (default `min(rec)`: the first line). */
  keep?: string;
  /** Rule name for the rows not kept. */
  code: string;
}

export type KindGroup = 'komitmen' | 'anggaran' | 'realisasi';

export interface KindSpec {
  id: KindId;
  group: KindGroup;
  table: string;
  /**
   * Canonical columns that must all be fed by a header for a confident detection (an inner list: any one of).
   */
  signature: readonly (string | readonly string[])[];
  /** Headers (normalized) whose presence rules this kind out. */
  forbidden?: readonly string[];
  columns: readonly ColumnSpec[];
  /** Checked in order; the first that matches is the row's reason. */
  rejections: readonly RowRule[];
  exclusions: readonly RowRule[];
  /** Rows sharing a key (after rejections/exclusions) are counted once; the others are excluded by `code`. */
  dedup?: DedupRule;
  /** SQL over the typed columns giving the agency identity. */
  agencyKey: string;
  /** Schema variants recognised by a marker header (normalized), shown to the user. */
  variants?: readonly { id: string; marker: string }[];
  /** Headers that are present in some exports but deliberately not used, with the reason code shown in the report. */
  ignored?: readonly { header: string; note: string }[];
  /**
   * Canonical columns (an inner list: any one of) that must be mapped before a file can be loaded as this kind;
   * the review step names the missing ones and the importer refuses the file (`kolom_wajib_kosong`).
   */
  required?: readonly (string | readonly string[])[];
  /** Stored columns computed from the staged ones (SQL over the typed staging columns), instead of a copy. */
  stored?: Readonly<Record<string, string>>;
}

/**
 * Any one of these identifies a row's agency. With none of them mapped every row would be rejected, so a file
 * of a kind that requires them cannot be loaded until the user maps one (the review step says which).
 */
const AGENCY_COLUMNS = ['nama_satker', 'kd_satker_str', 'kd_satker'] as const;

/** Identity of an agency inside the SIRUP family: its SIRUP id, else its code string, else its name. */
export const SIRUP_AGENCY_KEY = `coalesce('kd:' || kd_satker, 'str:' || kd_satker_str, 'nama:' || upper(nama_satker))`;
/**
 * Realisasi rows (SPSE ids differ from SIRUP's): the normalised code string, else the name; reconciliation maps
 * them later. Exports with neither (e-Katalog v5 often has only `satker_id`) fall back to the source's own id.
 */
export const REALISASI_AGENCY_KEY = `coalesce('str:' || kd_satker_str, 'nama:' || upper(nama_satker), 'id:' || kd_satker)`;

const IDENTITY: ColumnSpec[] = [
  { name: 'tahun', type: 'int', aliases: ['tahun_anggaran', 'tahunanggaran', 'tahun', 'ta'] },
  { name: 'kd_klpd', type: 'code', aliases: ['kd_klpd', 'kode_klpd'] },
  { name: 'nama_klpd', type: 'text', aliases: ['nama_klpd', 'klpd'] },
  {
    name: 'kd_satker',
    type: 'code',
    aliases: ['kd_satker', 'kodesatker', 'idsatker', 'kode_satker', 'satker_id'],
  },
  { name: 'kd_satker_str', type: 'satker_str', aliases: ['kd_satker_str'] },
  {
    name: 'nama_satker',
    type: 'text',
    aliases: ['nama_satker', 'namasatker', 'satuan_kerja', 'satker', 'nama_satuan_kerja'],
  },
];

const RUP_STATUS: ColumnSpec[] = [
  { name: 'status_aktif', type: 'bool', aliases: ['status_aktif_rup', 'statusaktifpaket', 'status_aktif'] },
  {
    name: 'status_delete',
    type: 'bool',
    aliases: ['status_delete_rup', 'statusdeletepaket', 'status_delete'],
  },
  {
    name: 'status_umumkan',
    type: 'text',
    aliases: ['status_umumkan_rup', 'statusumumkan', 'status_umumkan'],
  },
];

const RUP_REJECTIONS: RowRule[] = [
  { code: 'kd_rup_kosong', column: 'kd_rup', sql: 'kd_rup IS NULL' },
  { code: 'pagu_kosong', column: 'pagu', sql: 'p3dn_blank(raw_pagu)' },
  { code: 'angka_tidak_valid', column: 'pagu', sql: 'pagu IS NULL AND NOT p3dn_blank(raw_pagu)' },
  { code: 'satker_kosong', column: 'nama_satker', sql: 'agency_key IS NULL' },
];

const RUP_EXCLUSIONS: RowRule[] = [
  { code: 'paket_dihapus', sql: 'status_delete IS TRUE' },
  { code: 'paket_tidak_aktif', sql: 'status_aktif IS FALSE' },
  { code: 'belum_diumumkan', sql: "status_umumkan IS NOT NULL AND lower(status_umumkan) <> 'terumumkan'" },
];

const KD_RUP: ColumnSpec = {
  name: 'kd_rup',
  type: 'code',
  aliases: ['kd_rup', 'idrup', 'kode_rup', 'id_rup', 'kd_rup_paket'],
};
const NAMA_PAKET: ColumnSpec = {
  name: 'nama_paket',
  type: 'text',
  aliases: ['nama_paket', 'namapaket', 'paket', 'rup_nama_pkt'],
};
const PAGU: ColumnSpec = {
  name: 'pagu',
  type: 'money',
  aliases: ['pagu', 'jumlahpagu', 'total_pagu', 'pagu_rup'],
};

/** Money columns: a present value that is not a number rejects the row. */
function moneyRejections(cols: readonly string[]): RowRule[] {
  return cols.map((c) => ({
    code: 'angka_tidak_valid',
    column: c,
    sql: `${c} IS NULL AND NOT p3dn_blank(raw_${c})`,
  }));
}

// ---- realisasi (SPSE, e-Katalog, Toko Daring): one canonical table, `source` names the kind ----

function realisasiKind(
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
    ],
    rejections: [
      { code: 'id_transaksi_kosong', column: 'trx_id', sql: 'trx_id IS NULL' },
      { code: 'nilai_kosong', column: 'nilai', sql: 'p3dn_blank(raw_nilai)' },
      ...moneyRejections(money),
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
  };
}

const SPSE_VALUES = {
  nilai: ['nilai_kontrak', 'nilai_kontrak_paket'],
  pdn: ['nilai_pdn_kontrak', 'nilai_pdn'],
  umk: ['nilai_umk_kontrak', 'nilai_umk'],
};

// ---- generik: a hand-made sheet (an agency's own list of purchases), mapped by the user ----

/** The kind proposed (never chosen silently) for a file no known kind matches. */
export const GENERIC_KIND: Extract<KindId, 'generik'> = 'generik';
/** The highest confidence a generic proposal gets: it always asks the user to check the mapping. */
export const GENERIC_MAX_CONFIDENCE = 0.5;

const sqlList = (xs: readonly string[]) => `[${xs.map(literal).join(', ')}]`;

/** Yes/no words of a hand-made PDN or UKM column, after upper-casing and turning `_ . / -` into spaces. */
export const GENERIC_FLAGS = {
  pdn: {
    yes: ['YA', 'Y', 'YES', 'TRUE', '1', 'PDN', 'PRODUK DALAM NEGERI', 'DALAM NEGERI'],
    no: [
      'TIDAK', 'TDK', 'NO', 'N', 'FALSE', '0', 'NON PDN', 'NONPDN', 'BUKAN PDN', 'TIDAK PDN', 'IMPOR',
      'PRODUK IMPOR', 'LUAR NEGERI',
    ],
  },
  ukm: {
    yes: [
      'YA', 'Y', 'YES', 'TRUE', '1', 'UKM', 'UMK', 'UMKK', 'UMK K', 'UMKM', 'USAHA KECIL', 'USAHAKECIL',
      'KOPERASI', 'USAHA KECIL KOPERASI', 'USAHA KECIL DAN KOPERASI',
    ],
    no: [
      'TIDAK', 'TDK', 'NO', 'N', 'FALSE', '0', 'NON UKM', 'NONUKM', 'NON UMK', 'NONUMK', 'NON UMKM', 'NON UMKK',
      'NON UMK K', 'BUKAN UKM', 'BUKAN UMK', 'BUKANUSAHAKECIL', 'BUKAN USAHA KECIL', 'NON USAHA KECIL',
      'USAHA BESAR', 'NON KECIL',
    ],
  },
} as const; // prettier-ignore

/** The flag of a staged text column: true, false, or NULL when blank or not one of the words. */
function genericFlagSql(col: string, words: { yes: readonly string[]; no: readonly string[] }): string {
  const v = `upper(trim(regexp_replace(${col}, '[\\s_./-]+', ' ', 'g')))`;
  return `CASE WHEN list_contains(${sqlList(words.yes)}, ${v}) THEN true
    WHEN list_contains(${sqlList(words.no)}, ${v}) THEN false END`;
}

const GENERIC_PDN_FLAG = genericFlagSql('status_pdn', GENERIC_FLAGS.pdn);
const GENERIC_UKM_FLAG = genericFlagSql('status_ukm', GENERIC_FLAGS.ukm);

/**
 * A reported value wins; else the flag: true = the whole value, false = 0, blank = NULL (not reported, so the
 * row inherits the RUP package's status through kd_rup, else it is "Tanpa Status").
 */
const fromFlag = (value: string, flag: string) =>
  `coalesce(${value}, CASE (${flag}) WHEN true THEN nilai WHEN false THEN CAST(0 AS DECIMAL(20, 2)) END)`;

const GENERIK: KindSpec = {
  id: 'generik',
  group: 'realisasi',
  table: 'realisasi',
  // Not used by `detectKind` (a generic confidence comes from `genericConfidence`); the same as `required`.
  signature: ['nilai', ['nama_satker', 'kd_satker_str']],
  required: ['nilai', ['nama_satker', 'kd_satker_str']],
  columns: [
    {
      name: 'nama_satker',
      type: 'text',
      aliases: [
        'nama_satker', 'nama_skpd', 'nama_opd', 'nama_perangkat_daerah', 'nama_satuan_kerja', 'nama_instansi',
        'nama_unit_kerja', 'nama_dinas', 'satker', 'satuan_kerja', 'skpd', 'opd', 'perangkat_daerah', 'pd',
        'instansi', 'dinas', 'unit_kerja', 'nama_unit', 'unit', 'namasatker', 'agency', 'agency_name',
      ],
    },
    {
      name: 'kd_satker_str',
      type: 'satker_str',
      aliases: [
        'kd_satker_str', 'kode_skpd', 'kd_skpd', 'kode_opd', 'kd_opd', 'kode_satker', 'kd_satker',
        'kode_perangkat_daerah', 'kode_instansi', 'kode_unit_kerja', 'kode_unit', 'kode_pd',
      ],
    },
    {
      name: 'nilai',
      type: 'money',
      aliases: [
        'nilai', 'jumlah', 'total', 'nilai_kontrak', 'nilai_transaksi', 'realisasi', 'nilai_realisasi',
        'total_realisasi', 'nominal', 'harga_total', 'total_harga', 'jumlah_harga', 'nilai_rp', 'jumlah_rp',
        'total_rp', 'nilai_belanja', 'jumlah_belanja', 'nilai_pembelian', 'nilai_pengadaan', 'nilai_akhir',
        'total_nilai', 'jumlah_nilai', 'valuasi', 'amount', 'value',
      ],
    },
    {
      name: 'nilai_pdn',
      type: 'money',
      aliases: [
        'nilai_pdn', 'nilai_pdn_rp', 'nilai_pdn_kontrak', 'nilai_pdn_pct', 'realisasi_pdn', 'pdn_rp',
        'nilai_produk_dalam_negeri',
      ],
    },
    {
      name: 'nilai_umk',
      type: 'money',
      aliases: [
        'nilai_umk', 'nilai_umk_rp', 'nilai_ukm', 'nilai_umkk', 'nilai_umk_k', 'nilai_umk_kontrak', 'nilai_umk_pct',
        'realisasi_umk', 'umk_rp', 'ukm_rp',
      ],
    },
    {
      name: 'status_pdn',
      type: 'text',
      stageOnly: true,
      aliases: [
        'status_pdn', 'pdn', 'produk_dalam_negeri', 'is_pdn', 'statuspdn', 'flag_pdn', 'pdn_non_pdn',
        'pdn_ya_tidak', 'kategori_pdn', 'jenis_produk',
      ],
    },
    {
      name: 'status_ukm',
      type: 'text',
      stageOnly: true,
      aliases: [
        'status_ukm', 'status_umk', 'ukm', 'umk', 'umkk', 'umk_k', 'umkm', 'is_ukm', 'usaha_kecil',
        'usaha_kecil_koperasi', 'statususahakecil', 'flag_ukm', 'ukm_ya_tidak', 'umk_ya_tidak', 'kategori_usaha',
      ],
    },
    { name: 'kd_rup', type: 'code', aliases: ['kd_rup', 'kode_rup', 'id_rup', 'idrup', 'kd_rup_paket', 'rup'] },
    {
      name: 'trx_id',
      type: 'code',
      // Specific names first: a plain `no` is often a running number (and then never repeats).
      aliases: [
        'trx_id', 'no_transaksi', 'nomor_transaksi', 'id_transaksi', 'kode_transaksi', 'no_kontrak',
        'nomor_kontrak', 'no_spk', 'nomor_spk', 'no_pesanan', 'nomor_pesanan', 'order_id', 'no_bukti',
        'nomor_bukti', 'no_faktur', 'nomor_faktur', 'kd_paket', 'no', 'nomor', 'id',
      ],
    },
    {
      name: 'nama_paket',
      type: 'text',
      aliases: [
        'nama_paket', 'uraian', 'keterangan', 'nama_barang', 'nama_barang_jasa', 'uraian_pekerjaan',
        'nama_pekerjaan', 'uraian_barang', 'uraian_belanja', 'uraian_transaksi', 'deskripsi', 'paket', 'namapaket',
        'rup_nama_pkt', 'description', 'item',
      ],
    },
    {
      name: 'tanggal',
      type: 'date',
      aliases: [
        'tanggal', 'tgl', 'tanggal_transaksi', 'tgl_transaksi', 'tanggal_kontrak', 'tgl_kontrak',
        'tanggal_pembelian', 'tgl_pembelian', 'tanggal_pesanan', 'tgl_pesanan', 'tanggal_spk', 'tgl_spk',
        'tanggal_bayar', 'tgl_bayar', 'tanggal_order', 'tgl_order', 'date',
      ],
    },
    { name: 'tahun', type: 'int', aliases: ['tahun', 'tahun_anggaran', 'tahunanggaran', 'ta', 'year'] },
    {
      name: 'metode',
      type: 'text',
      aliases: ['metode', 'metode_pengadaan', 'metode_pemilihan', 'mtd_pemilihan', 'cara_pengadaan'],
    },
    {
      name: 'jenis',
      type: 'multi',
      aliases: ['jenis', 'jenis_pengadaan', 'kategori_pengadaan', 'jenis_belanja', 'kategori'],
    },
    { name: 'sumber_dana', type: 'multi', aliases: ['sumber_dana', 'sumberdana', 'sumber_anggaran', 'dana'] },
  ], // prettier-ignore
  rejections: [
    { code: 'nilai_kosong', column: 'nilai', sql: 'p3dn_blank(raw_nilai)' },
    ...moneyRejections(['nilai', 'nilai_pdn', 'nilai_umk']),
    { code: 'tanggal_tidak_valid', column: 'tanggal', sql: 'tanggal IS NULL AND NOT p3dn_blank(raw_tanggal)' },
    { code: 'status_tidak_dikenal', column: 'status_pdn', sql: `status_pdn IS NOT NULL AND (${GENERIC_PDN_FLAG}) IS NULL` },
    { code: 'status_tidak_dikenal', column: 'status_ukm', sql: `status_ukm IS NOT NULL AND (${GENERIC_UKM_FLAG}) IS NULL` },
    { code: 'satker_kosong', column: 'nama_satker', sql: 'agency_key IS NULL' },
  ], // prettier-ignore
  exclusions: [],
  dedup: { key: 'trx_id', code: 'id_berulang' },
  agencyKey: `coalesce('str:' || kd_satker_str, 'nama:' || upper(nama_satker))`,
  stored: {
    nilai_pdn: fromFlag('nilai_pdn', GENERIC_PDN_FLAG),
    nilai_umk: fromFlag('nilai_umk', GENERIC_UKM_FLAG),
    tahun: 'coalesce(tahun, year(tanggal))',
  },
};

export const KINDS: Record<KindId, KindSpec> = {
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
  struktur_anggaran: {
    id: 'struktur_anggaran',
    group: 'anggaran',
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
      ...moneyRejections([
        'belanja_operasi',
        'belanja_modal',
        'belanja_btt',
        'belanja_non_pengadaan',
        'belanja_pengadaan',
        'total_belanja',
      ]),
    ],
    exclusions: [],
    dedup: { key: 'agency_key', code: 'duplikat' },
    agencyKey: SIRUP_AGENCY_KEY,
  },
  rup_paket_anggaran: {
    id: 'rup_paket_anggaran',
    group: 'anggaran',
    table: 'rup_paket_anggaran',
    signature: ['kd_rup', 'pagu', 'mak'],
    columns: [
      ...IDENTITY,
      KD_RUP,
      PAGU,
      { name: 'mak', type: 'text', aliases: ['mak'] },
      { name: 'kode_rekening', type: 'mak_rekening', aliases: ['mak'] },
      { name: 'sumber_dana', type: 'multi', aliases: ['sumber_dana'] },
    ],
    rejections: [
      { code: 'kd_rup_kosong', column: 'kd_rup', sql: 'kd_rup IS NULL' },
      { code: 'pagu_kosong', column: 'pagu', sql: 'p3dn_blank(raw_pagu)' },
      { code: 'angka_tidak_valid', column: 'pagu', sql: 'pagu IS NULL AND NOT p3dn_blank(raw_pagu)' },
    ],
    exclusions: [],
    agencyKey: SIRUP_AGENCY_KEY,
    required: ['kd_rup', 'pagu'],
  },
  apbd_rekening: {
    id: 'apbd_rekening',
    group: 'anggaran',
    table: 'apbd_rekening',
    signature: ['kode_rekening', 'nama_satker', ['anggaran', 'realisasi']],
    columns: [
      { name: 'tahun', type: 'int', aliases: ['tahun_anggaran', 'tahun', 'ta'] },
      {
        name: 'kd_satker_str',
        type: 'satker_str',
        aliases: ['kode_skpd', 'kd_skpd', 'kode_sub_unit', 'kode_unit', 'kd_satker_str', 'kode_opd'],
        // SIMDA: Kd_Urusan.Kd_Bidang.Kd_Unit.Kd_Sub (`1.01.01.01`).
        parts: [
          [
            { aliases: ['kd_urusan'] },
            { aliases: ['kd_bidang'], pad: 2 },
            { aliases: ['kd_unit'], pad: 2 },
            { aliases: ['kd_sub', 'kd_sub_unit'], pad: 2 },
          ],
        ],
      },
      {
        name: 'nama_satker',
        type: 'text',
        aliases: [
          'nama_skpd',
          'skpd',
          'nama_sub_unit',
          'nama_unit',
          'perangkat_daerah',
          'nama_opd',
          'opd',
          'nm_sub_unit',
          'nm_unit',
        ],
      },
      { name: 'kd_satker', type: 'code', aliases: ['id_skpd', 'kd_satker'] },
      {
        name: 'sub_kegiatan',
        type: 'text',
        aliases: ['nama_sub_kegiatan', 'sub_kegiatan', 'ket_kegiatan', 'nm_kegiatan'],
      },
      {
        name: 'kode_rekening',
        type: 'rekening',
        aliases: ['kode_rekening', 'kode_akun', 'kd_rekening', 'kode_rek', 'rekening', 'kd_akun'],
        parts: [
          // [inferred] SIMDA releases on Permendagri 90/2019 codes add a sixth segment: Kd_Rek_1..Kd_Rek_6 in the
          // SIPD layout (`5.1.02.01.01.0024`), so 5.1.02 stays barang & jasa.
          [
            { aliases: ['kd_rek_1'] },
            { aliases: ['kd_rek_2'] },
            { aliases: ['kd_rek_3'], pad: 2 },
            { aliases: ['kd_rek_4'], pad: 2 },
            { aliases: ['kd_rek_5'], pad: 2 },
            { aliases: ['kd_rek_6'], pad: 4 },
          ],
          // SIMDA (Permendagri 13/2006): Kd_Rek_1.Kd_Rek_2.Kd_Rek_3.Kd_Rek_4.Kd_Rek_5 (`5.2.2.01.07`).
          [
            { aliases: ['kd_rek_1'] },
            { aliases: ['kd_rek_2'] },
            { aliases: ['kd_rek_3'] },
            { aliases: ['kd_rek_4'], pad: 2 },
            { aliases: ['kd_rek_5'], pad: 2 },
          ],
        ],
      },
      {
        name: 'nama_rekening',
        type: 'text',
        aliases: ['nama_rekening', 'nama_akun', 'uraian', 'uraian_rekening', 'nm_rek_5'],
      },
      {
        name: 'anggaran',
        type: 'money',
        aliases: [
          'anggaran_setelah_perubahan',
          'anggaran_perubahan',
          'anggaran',
          'pagu',
          'nilai_anggaran',
          'anggaran_murni',
          'total_anggaran',
        ],
      },
      { name: 'realisasi', type: 'money', aliases: ['realisasi', 'nilai_realisasi', 'realisasi_anggaran'] },
    ],
    rejections: [
      { code: 'rekening_kosong', column: 'kode_rekening', sql: 'kode_rekening IS NULL' },
      ...moneyRejections(['anggaran', 'realisasi']),
      { code: 'satker_kosong', column: 'nama_satker', sql: 'agency_key IS NULL' },
    ],
    exclusions: [],
    agencyKey: `coalesce('str:' || kd_satker_str, 'nama:' || upper(nama_satker))`,
    // Legacy SIMDA: account code in integer segments, Permendagri 13/2006 codes (src/p3dn/apbd.ts classifies them).
    variants: [
      { id: 'simda_90', marker: 'kd_rek_6' },
      { id: 'simda', marker: 'kd_rek_1' },
    ],
  },
  spse_tender: realisasiKind('spse_tender', {
    signature: ['trx_id', 'nilai', 'kd_rup'],
    forbidden: ['versi_addendum', 'apakah_addendum', 'kd_nontender'],
    trx: ['kd_tender', 'kode_tender'],
    kdRup: ['kd_rup_paket', 'kd_rup', 'kode_rup'],
    ...SPSE_VALUES,
    tanggal: ['tgl_penetapan_pemenang', 'tgl_pengumuman_tender', 'tanggal'],
    status: ['status_tender', 'nama_status_tender'],
    dedup: { key: 'trx_id', code: 'duplikat' },
  }),
  spse_nontender: realisasiKind('spse_nontender', {
    signature: ['trx_id', 'nilai', 'status'],
    forbidden: ['versi_addendum', 'apakah_addendum'],
    trx: ['kd_nontender', 'kode_nontender'],
    ...SPSE_VALUES,
    tanggal: ['tgl_penetapan_pemenang', 'tgl_pengumuman_nontender', 'tanggal'],
    status: ['status_nontender'],
    exclusions: [{ code: 'nontender_belum_selesai', sql: "lower(coalesce(status, '')) <> 'selesai'" }],
    dedup: { key: 'trx_id', code: 'duplikat' },
  }),
  spse_pencatatan_nontender: realisasiKind('spse_pencatatan_nontender', {
    signature: ['trx_id', 'nilai'],
    trx: ['kd_nontender_pct'],
    nilai: ['total_realisasi', 'nilai_realisasi'],
    pdn: ['nilai_pdn_pct'],
    umk: ['nilai_umk_pct'],
    tanggal: ['tgl_buat_paket', 'tanggal'],
    status: ['status_nontender_pct_ket', 'status_nontender_pct'],
    exclusions: [{ code: 'pencatatan_dibatalkan', sql: "lower(coalesce(status, '')) LIKE '%batal%'" }],
    dedup: { key: 'trx_id', code: 'duplikat' },
  }),
  spse_pencatatan_swakelola: realisasiKind('spse_pencatatan_swakelola', {
    signature: ['trx_id', 'nilai'],
    trx: ['kd_swakelola_pct'],
    nilai: ['total_realisasi', 'nilai_realisasi'],
    pdn: ['nilai_pdn_pct'],
    umk: ['nilai_umk_pct'],
    tanggal: ['tgl_buat_paket', 'tanggal'],
    status: ['status_swakelola_pct_ket', 'status_swakelola_pct'],
    exclusions: [{ code: 'pencatatan_dibatalkan', sql: "lower(coalesce(status, '')) LIKE '%batal%'" }],
    metode: 'Swakelola',
    dedup: { key: 'trx_id', code: 'duplikat' },
  }),
  spse_ekontrak: realisasiKind('spse_ekontrak', {
    signature: ['trx_id', 'nilai', 'versi_addendum'],
    trx: ['kd_tender', 'kd_nontender', 'kode_tender', 'kode_nontender'],
    ...SPSE_VALUES,
    tanggal: ['tgl_kontrak', 'tanggal_kontrak'],
    status: ['status_kontrak'],
    extra: [{ name: 'versi_addendum', type: 'int', aliases: ['versi_addendum'], stageOnly: true }],
    dedup: {
      key: 'trx_id',
      // The latest version; among equal versions the last line.
      keep: 'arg_max(rec, [coalesce(versi_addendum, -1), rec])',
      code: 'addendum_lama',
    },
  }),
  ekatalog_v5: realisasiKind('ekatalog_v5', {
    signature: ['trx_id', 'nilai', 'status'],
    metode: 'E-Purchasing',
    trx: ['kd_paket', 'no_paket'],
    nilai: ['total_harga'],
    tanggal: ['tanggal_buat_paket', 'tgl_buat_paket'],
    status: ['paket_status_str'],
    exclusions: [{ code: 'paket_belum_selesai', sql: "lower(coalesce(status, '')) <> 'paket selesai'" }],
    ignored: [{ header: 'total', note: 'total_berulang' }],
  }),
  ekatalog_v6: realisasiKind('ekatalog_v6', {
    signature: ['trx_id', 'nilai', 'status'],
    metode: 'E-Purchasing',
    trx: ['kd_paket', 'no_paket'],
    nilai: ['total_harga'],
    tanggal: ['tgl_order', 'tanggal_order'],
    status: ['status_pkt'],
    exclusions: [{ code: 'paket_belum_selesai', sql: "upper(coalesce(status, '')) <> 'COMPLETED'" }],
    ignored: [{ header: 'total', note: 'total_berulang' }],
  }),
  tokodaring: realisasiKind('tokodaring', {
    signature: ['trx_id', 'nilai', 'status_verif'],
    metode: 'E-Purchasing',
    trx: ['order_id'],
    nilai: ['valuasi', 'nilai_transaksi'],
    tanggal: ['tanggal_transaksi', 'tgl_transaksi'],
    status: ['status_konfirmasi_ppmse'],
    extra: [{ name: 'status_verif', type: 'text', aliases: ['status_verif'], stageOnly: true }],
    exclusions: [
      { code: 'belum_terverifikasi', sql: "lower(coalesce(status_verif, '')) <> 'verified'" },
      { code: 'pesanan_tidak_selesai', sql: "lower(coalesce(status, '')) <> 'selesai'" },
    ],
    dedup: { key: 'trx_id', code: 'order_id_berulang' },
  }),
  generik: GENERIK,
};

export const KIND_IDS = Object.keys(KINDS) as KindId[];

export function isKindId(v: string): v is KindId {
  return Object.hasOwn(KINDS, v);
}

/** `" Kd Satker-Str "` -> `kd_satker_str`; strips a BOM and quotes. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^"|"$/g, '')
    .toLowerCase()
    .replace(/[\s\-./:()]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

/**
 * A user's choice of source header per canonical column: a header name as it appears in the file, or null for
 * "not in this file". Columns not listed keep the automatic mapping.
 */
export type MappingOverride = Readonly<Record<string, string | null>>;

/** For each canonical column, the source header that feeds it (by the header's position), if any. */
export function mapColumns(
  spec: KindSpec,
  headers: readonly string[],
  override: MappingOverride = {},
): Map<string, number> {
  const norm = headers.map(normalizeHeader);
  const out = new Map<string, number>();
  for (const col of spec.columns) {
    if (Object.hasOwn(override, col.name)) {
      const h = override[col.name];
      const i = h == null ? -1 : headers.indexOf(h);
      if (i >= 0) out.set(col.name, i);
      continue;
    }
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

/** A composed column as found in a file: the headers' positions in order, and each segment's zero-padding. */
export interface Composed {
  index: number[];
  pads: number[];
}

/**
 * Columns composed of several source columns (`ColumnSpec.parts`): canonical column -> the headers' positions,
 * in order. Only for columns no single header feeds (nor the user's mapping), by the first alternative whose
 * every part is present.
 */
export function composedColumns(
  spec: KindSpec,
  headers: readonly string[],
  override: MappingOverride = {},
): Map<string, Composed> {
  const norm = headers.map(normalizeHeader);
  const single = mapColumns(spec, headers, override);
  const out = new Map<string, Composed>();
  for (const col of spec.columns) {
    if (!col.parts || single.has(col.name) || Object.hasOwn(override, col.name)) continue;
    for (const alt of col.parts) {
      const index = alt.map((p) => norm.findIndex((h) => p.aliases.includes(h)));
      if (index.every((i) => i >= 0)) {
        out.set(col.name, { index, pads: alt.map((p) => p.pad ?? 1) });
        break;
      }
    }
  }
  return out;
}

export interface Detection {
  kind: KindId | null;
  /** 0..1: share of the kind's signature columns found (0 when a forbidden header is present). */
  confidence: number;
  /** Schema variant (`legacy`, `label_web`), when a marker header says so. */
  variant: string | null;
  /** Every kind's score, best first: the user may pick another. */
  ranking: { kind: KindId; confidence: number }[];
}

function score(spec: KindSpec, headers: readonly string[], have: Set<string>): number {
  if (spec.forbidden?.some((h) => have.has(h))) return 0;
  const mapped = mapColumns(spec, headers);
  const composed = composedColumns(spec, headers);
  const has = (c: string) => mapped.has(c) || composed.has(c);
  const hit = spec.signature.filter((s) => (typeof s === 'string' ? has(s) : s.some(has))).length;
  const explained = mapped.size + [...composed.values()].reduce((n, c) => n + c.index.length, 0);
  // Signature first; among equal signatures the kind that explains more of the file's headers wins.
  return hit / spec.signature.length + (explained / Math.max(headers.length, 1)) * 0.001;
}

/** How a required column (or group: any one of) is named to the user: `nilai`, `nama_satker / kd_satker_str`. */
export function requiredName(r: string | readonly string[]): string {
  return typeof r === 'string' ? r : r.join(' / ');
}

/** The required columns (or groups: any one of) of a kind that a mapping leaves without a source column. */
export function missingRequired(
  spec: KindSpec,
  mapped: { has(column: string): boolean },
): (string | readonly string[])[] {
  return (spec.required ?? []).filter((r) =>
    typeof r === 'string' ? !mapped.has(r) : !r.some((x) => mapped.has(x)),
  );
}

/**
 * The required columns a file's headers (with the user's corrections) leave unfed, by a single header or a
 * composed one: the one check the review step and the importer both make.
 */
export function missingColumns(
  spec: KindSpec,
  headers: readonly string[],
  override: MappingOverride = {},
): (string | readonly string[])[] {
  const single = mapColumns(spec, headers, override);
  const composed = composedColumns(spec, headers, override);
  return missingRequired(spec, { has: (c) => single.has(c) || composed.has(c) });
}

/**
 * How sure a generic reading of the file is: the share of its (named) headers that feed a generic column, at
 * most GENERIC_MAX_CONFIDENCE, halved when a required column cannot be mapped. 0 when nothing maps.
 */
function genericConfidence(headers: readonly string[]): number {
  const spec = KINDS[GENERIC_KIND];
  const mapped = mapColumns(spec, headers);
  const named = headers.filter((h) => normalizeHeader(h) !== '').length;
  if (mapped.size === 0 || named === 0) return 0;
  const share = new Set(mapped.values()).size / named;
  const c = GENERIC_MAX_CONFIDENCE * share * (missingRequired(spec, mapped).length ? 0.5 : 1);
  return Math.floor(c * 100) / 100;
}

/**
 * Decide which kind a file is from its header row alone. A known kind wins when it matches (3/4 of its
 * signature); else, when any column maps, the file is proposed as generic with a low confidence, for the user to
 * confirm or correct; else the kind is unknown.
 */
export function detectKind(headers: readonly string[]): Detection {
  const have = new Set(headers.map(normalizeHeader));
  const known = KIND_IDS.filter((k) => k !== GENERIC_KIND)
    .map((kind) => ({ kind, confidence: score(KINDS[kind], headers, have) }))
    .sort((a, b) => b.confidence - a.confidence)
    .map((r) => ({ kind: r.kind, confidence: Math.min(1, Math.floor(r.confidence * 1000) / 1000) }));
  const generic = { kind: GENERIC_KIND, confidence: genericConfidence(headers) };
  const ranking = [...known, generic].sort((a, b) => b.confidence - a.confidence);
  const best = known[0];
  if (best && best.confidence >= 0.75) {
    const variant = KINDS[best.kind].variants?.find((v) => have.has(v.marker))?.id ?? null;
    return { kind: best.kind, confidence: best.confidence, variant, ranking };
  }
  if (generic.confidence > 0)
    return { kind: GENERIC_KIND, confidence: generic.confidence, variant: null, ranking };
  return { kind: null, confidence: best?.confidence ?? 0, variant: null, ranking };
}
