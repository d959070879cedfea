/**
 * The parsing macros as they were before the classifying pass's fast paths (main at deb5a39,
 * src/p3dn/macros/parse.ts), kept only as the reference the equivalence tests compare the current macros with.
 * `referenceMacros()` gives them renamed `ref_p3dn_*`, beside the current ones in the same engine.
 */
import { literal } from '../../src/engine/sql';
import { BOOL_WORDS, spellings, type YesNo } from '../../src/p3dn/macros/vocab';

/** A yes/no cell -> true/false/NULL as src/p3dn/macros/vocab.ts `yesNoSql` gave it at deb5a39 (lists only). */
export function referenceYesNoSql(s: string, words: YesNo): string {
  const list = (w: readonly string[]) => `[${w.map(literal).join(', ')}]`;
  return `CASE WHEN list_contains(${spellings(words.yes)}, ${s}) THEN true
        WHEN list_contains(${spellings(words.no)}, ${s}) THEN false
        WHEN list_contains(${list(words.yes)}, upper(trim(${s}))) THEN true
        WHEN list_contains(${list(words.no)}, upper(trim(${s}))) THEN false END`;
}

const REFERENCE_MACROS_SQL = String.raw`
-- Speed: every staged cell goes through these macros, and DuckDB-wasm's string functions (trim, lower, regexp)
-- cost 100-200 ns a call. Most cells are clean (no surrounding spaces, not a blank word), and LIKE ' %' / '% ' tells
-- that almost for free, so the costly calls run only for the cells that need them. DuckDB's trim() removes spaces
-- only, which is exactly what the two LIKE tests look for.
CREATE OR REPLACE MACRO p3dn_padded(s) AS
  s LIKE ' %' OR s LIKE '% ';

-- The blank words are at most 4 characters long and start with n, -, # (or are empty), so a longer unpadded
-- cell, or a short one starting otherwise ('2025', 'D999', '8'), is never blank.
CREATE OR REPLACE MACRO p3dn_blank(s) AS
  s IS NULL OR CASE
    WHEN p3dn_padded(s) THEN list_contains(['', 'null', 'none', 'nan', '-', 'n/a', '#n/a'], lower(trim(s)))
    WHEN strlen(s) > 4 THEN false
    WHEN s = '' OR s = '-' THEN true
    WHEN s LIKE 'n%' OR s LIKE 'N%' OR s LIKE '#%' THEN list_contains(['null', 'none', 'nan', 'n/a', '#n/a'], lower(s))
    ELSE false END;

CREATE OR REPLACE MACRO p3dn_num_core(s) AS
  regexp_replace(regexp_replace(upper(trim(s)), ',-$|^\(|\)$|^-|RP\.?|\s', '', 'g'), '^-', '');

CREATE OR REPLACE MACRO p3dn_num_norm(c) AS
  CASE
    WHEN NOT regexp_full_match(c, '[0-9.,]+') THEN NULL
    WHEN c LIKE '%.%' AND c LIKE '%,%' THEN
      CASE WHEN strpos(reverse(c), '.') < strpos(reverse(c), ',')
        THEN replace(c, ',', '')
        ELSE replace(replace(c, '.', ''), ',', '.') END
    WHEN c LIKE '%,%' THEN
      CASE WHEN regexp_full_match(c, '[0-9]{1,3}(,[0-9]{3}){2,}') THEN replace(c, ',', '')
        ELSE replace(c, ',', '.') END
    WHEN regexp_full_match(c, '[0-9]{1,3}(\.[0-9]{3})+') THEN replace(c, '.', '')
    ELSE c
  END;

CREATE OR REPLACE MACRO p3dn_dec(x) AS
  coalesce(CAST(TRY_CAST(x AS DECIMAL(18, 2)) AS DECIMAL(20, 2)), TRY_CAST(x AS DECIMAL(20, 2)));

CREATE OR REPLACE MACRO p3dn_money_slow(s) AS
  list_transform([p3dn_num_core(s)], c -> p3dn_dec(p3dn_num_norm(c)))[1]
    * CASE WHEN regexp_matches(trim(s), '^\(.*\)$|^-') THEN -1 ELSE 1 END;

-- Fast path first: plain API numbers ('1399818654.61', '250000000') are cast directly. Through DECIMAL(18, 2):
-- in DuckDB-wasm a text cast straight to the 128-bit DECIMAL(20, 2) is about 50 times slower.
CREATE OR REPLACE MACRO p3dn_money(s) AS
  CASE WHEN regexp_full_match(s, '-?[0-9]{1,16}(\.[0-9]{1,2})?') THEN CAST(CAST(s AS DECIMAL(18, 2)) AS DECIMAL(20, 2))
    WHEN p3dn_blank(s) THEN NULL
    ELSE p3dn_money_slow(s)
  END;

-- A money column's number format is decided once from all its cells (src/p3dn/import/number-format.ts); then
-- every cell is read with that one format: 'plain' (1234567.89), 'en' (1,234,567.89) or 'id' (1.234.567,89).
-- The thousands separator is optional; after the first group (of any length: hand-made 1000.000,50) groups
-- are of three digits; at most two decimals.
CREATE OR REPLACE MACRO p3dn_fmt_fits(c, f) AS
  CASE f WHEN 'plain' THEN regexp_full_match(c, '[0-9]+(\.[0-9]{1,2})?')
    WHEN 'en' THEN regexp_full_match(c, '[0-9]+(,[0-9]{3})*(\.[0-9]{1,2})?')
    WHEN 'id' THEN regexp_full_match(c, '[0-9]+(\.[0-9]{3})*(,[0-9]{1,2})?') END;

-- The same grammar with three or more decimals: a cell that would need rounding.
CREATE OR REPLACE MACRO p3dn_fmt_long(c, f) AS
  CASE f WHEN 'plain' THEN regexp_full_match(c, '[0-9]+\.[0-9]{3,}')
    WHEN 'en' THEN regexp_full_match(c, '[0-9]+(,[0-9]{3})*\.[0-9]{3,}')
    WHEN 'id' THEN regexp_full_match(c, '[0-9]+(\.[0-9]{3})*,[0-9]{3,}') END;

CREATE OR REPLACE MACRO p3dn_money_fmt_slow(s, f) AS
  list_transform([p3dn_num_core(s)], c -> CASE WHEN p3dn_fmt_fits(c, f) THEN p3dn_dec(
      CASE f WHEN 'id' THEN replace(replace(c, '.', ''), ',', '.') ELSE replace(c, ',', '') END) END)[1]
    * CASE WHEN regexp_matches(trim(s), '^\(.*\)$|^-') THEN -1 ELSE 1 END;

-- p3dn_money_fmt(s, f): rupiah text read in the column's format f -> DECIMAL(20, 2); NULL when blank or when the
-- cell does not fit f (the row is then rejected with p3dn_money_why's reason). Never rounds.
CREATE OR REPLACE MACRO p3dn_money_fmt(s, f) AS
  CASE WHEN CASE WHEN f = 'id' THEN regexp_full_match(s, '-?[0-9]{1,16}')
      ELSE regexp_full_match(s, '-?[0-9]{1,16}(\.[0-9]{1,2})?') END
      THEN CAST(CAST(s AS DECIMAL(18, 2)) AS DECIMAL(20, 2))
    WHEN p3dn_blank(s) THEN NULL
    ELSE p3dn_money_fmt_slow(s, f)
  END;

-- Why a present cell is not a number of format f: more than two decimals, a number written in another format
-- than its column's, or not a number at all. NULL when the cell is blank or reads fine.
CREATE OR REPLACE MACRO p3dn_money_why(s, f) AS
  CASE WHEN p3dn_blank(s) OR p3dn_money_fmt(s, f) IS NOT NULL THEN NULL
    ELSE list_transform([p3dn_num_core(s)], c -> CASE
      WHEN p3dn_fmt_long(c, f) THEN 'angka_desimal_lebih'
      WHEN p3dn_fmt_fits(c, 'plain') OR p3dn_fmt_fits(c, 'en') OR p3dn_fmt_fits(c, 'id') THEN 'angka_format_kolom'
      ELSE 'angka_tidak_valid' END)[1]
  END;

-- An id damaged into scientific notation by a spreadsheet (1.23457E+11): its digits are lost.
CREATE OR REPLACE MACRO p3dn_code_sci(s) AS
  (contains(s, 'E') OR contains(s, 'e')) AND regexp_full_match(trim(s), '[0-9](\.[0-9]+)?[eE][+-]?[0-9]+');

CREATE OR REPLACE MACRO p3dn_money_bad(s) AS
  NOT p3dn_blank(s) AND p3dn_money(s) IS NULL;

CREATE OR REPLACE MACRO p3dn_bool(s) AS
  ${referenceYesNoSql('s', BOOL_WORDS)};

CREATE OR REPLACE MACRO p3dn_code(s) AS
  CASE WHEN p3dn_blank(s) THEN NULL
    WHEN contains(s, '.') THEN regexp_replace(trim(s), '^([0-9]+)\.0+$', '\1')
    WHEN p3dn_padded(s) THEN trim(s)
    ELSE s END;

CREATE OR REPLACE MACRO p3dn_satker_str(s) AS
  CASE WHEN p3dn_blank(s) THEN NULL
    WHEN contains(s, ' ') OR contains(s, chr(9)) OR contains(s, chr(10)) OR contains(s, chr(13))
      THEN regexp_replace(trim(s), '\s+', '', 'g')
    ELSE s END;

CREATE OR REPLACE MACRO p3dn_distinct_list(l) AS
  list_filter(l, (x, i) -> list_position(l, x) = i);

CREATE OR REPLACE MACRO p3dn_multi(s) AS
  CASE WHEN p3dn_blank(s) THEN NULL
    WHEN NOT (contains(s, ';') OR contains(s, ',')) THEN CASE WHEN p3dn_padded(s) THEN trim(s) ELSE s END
    ELSE nullif(array_to_string(p3dn_distinct_list(list_filter(
      list_transform(string_split_regex(s, '[;,]'), x -> trim(x)), x -> NOT p3dn_blank(x))), '; '), '')
  END;

CREATE OR REPLACE MACRO p3dn_text(s) AS
  CASE WHEN p3dn_blank(s) THEN NULL WHEN p3dn_padded(s) THEN trim(s) ELSE s END;

CREATE OR REPLACE MACRO p3dn_month(m) AS
  list_position(['jan', 'feb', 'mar', 'apr', 'mei', 'jun', 'jul', 'agu', 'sep', 'okt', 'nov', 'des'],
    CASE lower(left(m, 3)) WHEN 'may' THEN 'mei' WHEN 'aug' THEN 'agu' WHEN 'agt' THEN 'agu'
      WHEN 'oct' THEN 'okt' WHEN 'dec' THEN 'des' ELSE lower(left(m, 3)) END);

CREATE OR REPLACE MACRO p3dn_ymd(y, m, d) AS
  TRY_CAST(printf('%04d-%02d-%02d', TRY_CAST(y AS INTEGER), TRY_CAST(m AS INTEGER), TRY_CAST(d AS INTEGER)) AS DATE);

CREATE OR REPLACE MACRO p3dn_date(s) AS
  CASE
    WHEN p3dn_blank(s) THEN NULL
    WHEN regexp_matches(trim(s), '^[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN TRY_CAST(left(trim(s), 10) AS DATE)
    WHEN regexp_matches(trim(s), '^[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4}') THEN p3dn_ymd(
      regexp_extract(trim(s), '^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})', 3),
      regexp_extract(trim(s), '^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})', 2),
      regexp_extract(trim(s), '^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})', 1))
    WHEN regexp_matches(trim(s), '^[0-9]{1,2}[ -][A-Za-z]+\.?[ -][0-9]{4}') THEN p3dn_ymd(
      regexp_extract(trim(s), '^([0-9]{1,2})[ -]([A-Za-z]+)\.?[ -]([0-9]{4})', 3),
      p3dn_month(regexp_extract(trim(s), '^([0-9]{1,2})[ -]([A-Za-z]+)\.?[ -]([0-9]{4})', 2)),
      regexp_extract(trim(s), '^([0-9]{1,2})[ -]([A-Za-z]+)\.?[ -]([0-9]{4})', 1))
  END;

CREATE OR REPLACE MACRO p3dn_date_bad(s) AS
  NOT p3dn_blank(s) AND p3dn_date(s) IS NULL;

CREATE OR REPLACE MACRO p3dn_rekening(s) AS
  CASE WHEN p3dn_blank(s) THEN NULL ELSE regexp_replace(regexp_replace(trim(s), '\s+', '', 'g'), '\.$', '') END;

CREATE OR REPLACE MACRO p3dn_mak_rekening(s) AS
  nullif(regexp_extract(s, '(?:^|\.)(5\.[0-9]\.[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4})', 1), '');

-- Bytes 0x80-0x9F read as latin-1 are control characters; Windows-1252 (Excel's "CSV") has letters there.
CREATE OR REPLACE MACRO p3dn_cp1252(s) AS
  translate(s, chr(128) || chr(130) || chr(131) || chr(132) || chr(133) || chr(134) || chr(135) || chr(136) || chr(137) || chr(138) || chr(139) || chr(140) || chr(142) || chr(145) || chr(146) || chr(147) || chr(148) || chr(149) || chr(150) || chr(151) || chr(152) || chr(153) || chr(154) || chr(155) || chr(156) || chr(158) || chr(159),
    '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
`;

/** `p3dn_x(` -> `ref_p3dn_x(`: the reference macros, or an SQL text calling them. */
export const toReference = (sql: string): string => sql.replace(/\bp3dn_(\w+)\(/g, 'ref_p3dn_$1(');

export const referenceMacros = (): string => toReference(REFERENCE_MACROS_SQL);
