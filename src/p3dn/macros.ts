/**
 * DuckDB macros that parse the values real exports contain. Created once per engine by `createSchema`.
 *
 * p3dn_money(s): rupiah text -> DECIMAL(20,2), or NULL when empty/"null"/"-". Handles API numbers
 *   (`1399818654.61`), Indonesian format (`1.234.567,89`), `Rp` prefixes, `Rp1.234.567,-`, and `(1.000)` or
 *   `-1.000` as negative. One dot followed by exactly three digits per group (`1.234`, `12.345.678`) is read as
 *   thousands, because rupiah are not written with three decimals.
 * p3dn_money_bad(s): true when s holds text that is not empty but is not a number either.
 * p3dn_bool(s): true/false/1/0/ya/tidak/t/f/yes/no -> BOOLEAN, else NULL.
 * p3dn_code(s): an id read as text: trimmed, float damage (`1215490705000.0`) undone, empty -> NULL.
 * p3dn_satker_str(s): kd_satker_str with spaces removed (`1. 20. 03` -> `1.20.03`).
 */
export const MACROS_SQL = String.raw`
CREATE OR REPLACE MACRO p3dn_blank(s) AS
  s IS NULL OR lower(trim(s)) IN ('', 'null', 'none', 'nan', '-', 'n/a', '#n/a');

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

CREATE OR REPLACE MACRO p3dn_money(s) AS
  CASE WHEN p3dn_blank(s) THEN NULL
    ELSE TRY_CAST(p3dn_num_norm(p3dn_num_core(s)) AS DECIMAL(20, 2))
      * CASE WHEN regexp_matches(trim(s), '^\(.*\)$|^-') THEN -1 ELSE 1 END
  END;

CREATE OR REPLACE MACRO p3dn_money_bad(s) AS
  NOT p3dn_blank(s) AND p3dn_money(s) IS NULL;

CREATE OR REPLACE MACRO p3dn_bool(s) AS
  CASE
    WHEN lower(trim(s)) IN ('true', 't', '1', 'ya', 'y', 'yes') THEN true
    WHEN lower(trim(s)) IN ('false', 'f', '0', 'tidak', 'n', 'no') THEN false
    ELSE NULL
  END;

CREATE OR REPLACE MACRO p3dn_code(s) AS
  CASE WHEN p3dn_blank(s) THEN NULL ELSE regexp_replace(trim(s), '^([0-9]+)\.0+$', '\1') END;

CREATE OR REPLACE MACRO p3dn_satker_str(s) AS
  CASE WHEN p3dn_blank(s) THEN NULL ELSE regexp_replace(trim(s), '\s+', '', 'g') END;

CREATE OR REPLACE MACRO p3dn_text(s) AS
  CASE WHEN p3dn_blank(s) THEN NULL ELSE trim(s) END;
`;
