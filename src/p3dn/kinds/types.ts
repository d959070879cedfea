/**
 * What a kind of export is, as data: its headers, canonical columns, row rules and identity (one module per
 * family in this folder; the registry in index.ts). Nothing here runs SQL: the importer reads these specs.
 */

/**
 * The transaction kinds (realisasi), all loaded into the one canonical table `realisasi`; the row's `source`
 * names its kind.
 */
export const REALISASI_SOURCES = [
  'spse_tender', // TenderSelesaiNilai
  'spse_nontender', // NonTenderSelesai
  'spse_pencatatan_nontender', // PencatatanNonTender
  'spse_pencatatan_swakelola', // PencatatanSwakelola
  'spse_ekontrak', // Tender/NonTender Ekontrak-Kontrak
  'ekatalog_v5', // Ecat-PaketEPurchasing
  'ekatalog_v6',
  'tokodaring', // Bela-TokoDaringRealisasi
  'generik', // a hand-made sheet (an agency's own list of purchases), mapped by the user
] as const;
export type RealisasiSource = (typeof REALISASI_SOURCES)[number];

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
  /** Further columns of the key (a NULL matches a NULL): e.g. the year of a budget sheet that holds several years. */
  alsoBy?: readonly string[];
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
  /**
   * How the kind's rows held by several loaded files count once (src/p3dn/schema/cross-file.ts). `{ key }`: a
   * column naming the same thing in every file (a package's `kd_rup`): of the files holding a key, the rows of
   * one file count. `'agency'`: a budget export: per register agency and year, the rows of one file count
   * (decided with the register). Default, for plan and transaction kinds: the dedup key.
   */
  crossFile?: { key: string } | 'agency';
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
  /**
   * Realisasi: the export's `kd_satker` is SIRUP's own agency id (e-Katalog, Toko Daring), so agencies may be
   * matched on it; SPSE's ids differ and are never used.
   */
  sirupSatkerId?: boolean;
  /**
   * Realisasi: how the kind records a contract. `selesai`: the completed tender/non-tender (the contract's record);
   * `ekontrak`: the e-kontrak copy, left out as `sudah_tercatat` when a `selesai` file counts the same id.
   */
  contract?: 'selesai' | 'ekontrak';
  /** Budget lines by kode rekening (APBD/SIPD/SIMDA): the import report names the code set and spending groups. */
  accounts?: boolean;
}
