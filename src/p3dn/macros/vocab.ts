/**
 * The yes/no words, once: every flag the exports carry (a boolean status, the SIRUP PDN/UKM status, a hand-made
 * sheet's PDN/UKM column) accepts the core words plus its own. Upper case; the SQL compares upper-cased cells.
 */
import { literal } from '../../engine/sql';

export interface YesNo {
  readonly yes: readonly string[];
  readonly no: readonly string[];
  /**
   * The yes and the no as the exports write them (one of the spellings of a yes and of a no word): tested
   * first, by equality, before the lists (the other spellings give the same value, only later).
   */
  readonly usual?: readonly [yes: string, no: string];
}

const CORE: YesNo = { yes: ['YA', 'Y', 'TRUE', '1'], no: ['TIDAK', 'FALSE', '0'] };

const withCore = (extra: YesNo): YesNo => ({
  yes: [...CORE.yes, ...extra.yes],
  no: [...CORE.no, ...extra.no],
  ...(extra.usual ? { usual: extra.usual } : {}),
});

/** `status_aktif_rup`, `status_delete_rup` and other plain booleans (`p3dn_bool`). */
export const BOOL_WORDS = withCore({ yes: ['T', 'YES'], no: ['F', 'N', 'NO'], usual: ['true', 'false'] });

/** SIRUP `status_pdn` (`PDN` / `Non-PDN`, the web labels Ya/Tidak). */
export const PDN_STATUS_WORDS = withCore({
  yes: ['PDN'],
  no: ['NON-PDN', 'NON PDN', 'NONPDN'],
  usual: ['PDN', 'Non-PDN'],
});

/** SIRUP `status_ukm` (`UKM` / `Non-UKM`), legacy `statususahakecil` (UsahaKecil / bukanUsahaKecil). */
export const UKM_STATUS_WORDS = withCore({
  yes: ['UKM', 'USAHAKECIL', 'USAHA KECIL'],
  no: ['NON-UKM', 'NON UKM', 'NONUKM', 'BUKANUSAHAKECIL'],
  usual: ['UKM', 'Non-UKM'],
});

/** A hand-made sheet's PDN and UKM columns, after upper-casing and turning `_ . / -` into spaces. */
export const GENERIC_FLAGS = {
  pdn: withCore({
    yes: ['YES', 'PDN', 'PRODUK DALAM NEGERI', 'DALAM NEGERI'],
    no: ['TDK', 'NO', 'N', 'NON PDN', 'NONPDN', 'BUKAN PDN', 'TIDAK PDN', 'IMPOR', 'PRODUK IMPOR', 'LUAR NEGERI'],
  }),
  ukm: withCore({
    yes: [
      'YES', 'UKM', 'UMK', 'UMKK', 'UMK K', 'UMKM', 'USAHA KECIL', 'USAHAKECIL', 'KOPERASI', 'USAHA KECIL KOPERASI',
      'USAHA KECIL DAN KOPERASI',
    ],
    no: [
      'TDK', 'NO', 'N', 'NON UKM', 'NONUKM', 'NON UMK', 'NONUMK', 'NON UMKM', 'NON UMKK', 'NON UMK K', 'BUKAN UKM',
      'BUKAN UMK', 'BUKANUSAHAKECIL', 'BUKAN USAHA KECIL', 'NON USAHA KECIL', 'USAHA BESAR', 'NON KECIL',
    ],
  }),
} as const; // prettier-ignore

/**
 * The spellings a word is usually written in, as an SQL list: as given (upper case), lower case, capitalised,
 * and with only its first part capitalised (`Non-PDN`, the spelling SIRUP exports use).
 */
export function spellings(words: readonly string[]): string {
  const all = words.flatMap((w) => [
    w,
    w.toLowerCase(),
    w.charAt(0) + w.slice(1).toLowerCase(),
    w.replace(/^(\w)(\w*)(?=[- ])/, (_, a: string, b: string) => a + b.toLowerCase()),
  ]);
  return `[${[...new Set(all)].map(literal).join(', ')}]`;
}

/**
 * A yes/no cell -> true/false/NULL, case and surrounding spaces ignored. The exports' own yes and no are
 * compared first, then the usual spellings are matched as they are; only other cells pay for upper(trim())
 * (DuckDB-wasm string functions are slow per call).
 */
export function yesNoSql(s: string, words: YesNo): string {
  const list = (w: readonly string[]) => `[${w.map(literal).join(', ')}]`;
  const usual = words.usual
    ? `WHEN ${s} = ${literal(words.usual[0])} THEN true WHEN ${s} = ${literal(words.usual[1])} THEN false\n        `
    : '';
  return `CASE ${usual}WHEN list_contains(${spellings(words.yes)}, ${s}) THEN true
        WHEN list_contains(${spellings(words.no)}, ${s}) THEN false
        WHEN list_contains(${list(words.yes)}, upper(trim(${s}))) THEN true
        WHEN list_contains(${list(words.no)}, upper(trim(${s}))) THEN false END`;
}
