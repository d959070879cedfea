import { BOOL_WORDS, yesNoSql } from './vocab';

/**
 * DuckDB macros that parse the values real exports contain. Created once per engine by `createSchema`.
 *
 * p3dn_money(s): rupiah text -> DECIMAL(20,2), or NULL when empty/"null"/"-". Handles API numbers
 *   (`1399818654.61`), Indonesian format (`1.234.567,89`), `Rp` prefixes, `Rp1.234.567,-`, and `(1.000)` or
 *   `-1.000` as negative. One dot followed by exactly three digits per group (`1.234`, `12.345.678`) is read as
 *   thousands, because rupiah are not written with three decimals.
 * p3dn_money_fmt(s, f) / p3dn_money_why(s, f): a cell read in its column's decided format (`plain`, `en`, `id`), and
 *   why a present cell does not fit it (`angka_desimal_lebih`, `angka_format_kolom`, `angka_tidak_valid`).
 * p3dn_code_sci(s): an id damaged into scientific notation (`1.23457E+11`).
 * p3dn_money_bad(s): true when s holds text that is not empty but is not a number either.
 * p3dn_bool(s): true/false/1/0/ya/tidak/t/f/yes/no -> BOOLEAN, else NULL.
 * p3dn_code(s): an id read as text: trimmed, float damage (`1215490705000.0`) undone, empty -> NULL.
 * p3dn_satker_str(s): kd_satker_str with spaces removed (`1. 20. 03` -> `1.20.03`).
 * p3dn_multi(s): a multi-valued cell (jenis_pengadaan, kd_jenis_pengadaan, sumber_dana): split on `;` or `,`,
 *   each part trimmed, blank parts dropped, repeats dropped (first occurrence kept, order kept), joined with `; `.
 *   `Barang;Barang` -> `Barang`, `3;3;4` -> `3; 4`, `APBD,APBDP` -> `APBD; APBDP`; NULL when nothing is left.
 *   So a breakdown never shows `Barang` and `Barang;Barang` as two groups.
 * p3dn_date(s): DATE from ISO (`2025-01-01`, `2025-01-04 22:31:51`, `2024-08-19T00:00:00.000000Z`,
 *   `2021-11-25 21:31:20.869`), `dd/mm/yyyy` / `dd-mm-yyyy`, or Indonesian/English month names (`12 Agu 2024`,
 *   `5 Agustus 2024`, `12-Agu-2024`); NULL when blank. p3dn_date_bad(s): present but not a date.
 * p3dn_cp1252(s): text decoded as latin-1 re-read as Windows-1252 (`0x96` -> `–`).
 * p3dn_rekening(s): an account code with spaces removed and no trailing dot (`5.1.02.01 ` -> `5.1.02.01`).
 * p3dn_mak_rekening(s): the first kode rekening inside a SIRUP `mak`
 *   (`3.30.05.2.01.0002.5.1.02.02.01.0047.` -> `5.1.02.02.01.0047`).
 */
export const MACROS_SQL = String.raw`
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
  ${yesNoSql('s', BOOL_WORDS)};

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

-- An ISO date or timestamp (the usual cell) is told by GLOB, without trim() or a regex: a cell starting with a
-- digit is neither blank nor has leading spaces, so its first ten characters are the ones the careful path reads.
CREATE OR REPLACE MACRO p3dn_date(s) AS
  CASE
    WHEN s GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN TRY_CAST(left(s, 10) AS DATE)
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

/**
 * Composed columns and APBD account groups (legacy SIMDA, src/p3dn/apbd.ts).
 *
 * p3dn_segment(s, w): one segment of a composed code (SIMDA's integer `Kd_Rek_4`, `Kd_Bidang`…) read as a code,
 *   zero-padded to `w` digits (`7`, 2 -> `07`); NULL when blank.
 * p3dn_segments(l): the segments joined with `.` (blank ones left out); NULL when the first is blank.
 * p3dn_akun_set(k): the account code set a kode rekening is written in: `permendagri_90` (Permendagri 90/2019,
 *   two-digit third segment: `5.1.02.01.01.0024`) or `permendagri_13` (Permendagri 13/2006, SIMDA: `5.2.2.01.07`);
 *   NULL for a code too short to tell (`5`, `5.2`).
 * p3dn_akun_kelompok(k): the spending group of a kode rekening in either set:
 *   `barang_jasa` = 5.1.02 (90/2019) or 5.2.2 (13/2006); `modal` = 5.2.xx (90/2019) or 5.2.3 (13/2006);
 *   `pegawai` = 5.1.01 (90/2019) or 5.1.1 / 5.2.1 (13/2006); `belanja_lain` = any other 5.x; NULL = not belanja.
 */
export const APBD_MACROS_SQL = String.raw`
CREATE OR REPLACE MACRO p3dn_segment(s, w) AS
  CASE WHEN p3dn_blank(s) THEN NULL
    ELSE list_transform([p3dn_code(s)], x ->
      CASE WHEN regexp_full_match(x, '[0-9]+') AND length(x) < w THEN repeat('0', w - length(x)) || x ELSE x END)[1]
  END;

CREATE OR REPLACE MACRO p3dn_segments(l) AS
  CASE WHEN l[1] IS NULL THEN NULL ELSE array_to_string(list_filter(l, x -> x IS NOT NULL), '.') END;

CREATE OR REPLACE MACRO p3dn_akun_set(k) AS
  CASE WHEN regexp_matches(k, '^[0-9]\.[0-9]\.[0-9]{2}(\.|$)') THEN 'permendagri_90'
    WHEN regexp_matches(k, '^[0-9]\.[0-9]\.[0-9](\.|$)') THEN 'permendagri_13' END;

CREATE OR REPLACE MACRO p3dn_akun_kelompok(k) AS
  CASE
    WHEN regexp_matches(k, '^5\.(1\.02|2\.2)(\.|$)') THEN 'barang_jasa'
    WHEN regexp_matches(k, '^5\.2\.([0-9]{2}|3)(\.|$)') THEN 'modal'
    WHEN regexp_matches(k, '^5\.(1\.01|1\.1|2\.1)(\.|$)') THEN 'pegawai'
    WHEN regexp_matches(k, '^5(\.|$)') THEN 'belanja_lain'
  END;
`;
