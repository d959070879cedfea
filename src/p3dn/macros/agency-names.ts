import { literal } from '../../engine/sql';

/**
 * Agency reconciliation across files and systems (the rule; the macros that normalise codes and names are here,
 * the dimension and the matching in ../agency).
 *
 * The canonical agency dimension comes from SIRUP (RUP penyedia, RUP swakelola, StrukturAnggaranPD): its key is the
 * komitmen `agency_key`. A realisasi row (SPSE, e-Katalog, Toko Daring) is mapped onto it by, in order:
 *   1. `kode`  — its normalised `kd_satker_str` equals the normalised code of exactly one SIRUP agency
 *               (e-Katalog and Toko Daring also by `kd_satker` = SIRUP `kd_satker`; SPSE ids differ, never used);
 *   2. `nama`  — its normalised name equals a normalised SIRUP name of exactly one agency;
 *   3. `alias` — the user's alias table maps its normalised name (or code, when it has no name) to an agency.
 * Whatever stays unmatched is listed with the rupiah at stake; it never silently leaves the totals.
 *
 * Normalised code: spaces removed, leading zeros of each dotted segment dropped (`1. 20. 03` = `1.20.3`).
 * Normalised name: upper case, `&` = DAN, punctuation to spaces, common abbreviations expanded (DINKES, SETDA,
 * BPKAD, …), a trailing Pemda suffix (`… PROVINSI KALBAR`, `… KABUPATEN X`, `… KOTA X`) dropped, spaces collapsed.
 */

/** Abbreviations written out before names are compared. Whole words only. */
const NAME_ABBREVIATIONS: readonly (readonly [string, string])[] = [
  ['DINKES', 'DINAS KESEHATAN'],
  ['DISDIK', 'DINAS PENDIDIKAN'],
  ['DISDIKBUD', 'DINAS PENDIDIKAN DAN KEBUDAYAAN'],
  ['DISKOMINFO', 'DINAS KOMUNIKASI DAN INFORMATIKA'],
  ['DISHUB', 'DINAS PERHUBUNGAN'],
  ['DINSOS', 'DINAS SOSIAL'],
  ['DLH', 'DINAS LINGKUNGAN HIDUP'],
  ['DISDUKCAPIL', 'DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL'],
  ['DUKCAPIL', 'KEPENDUDUKAN DAN PENCATATAN SIPIL'],
  ['PUPR', 'PEKERJAAN UMUM DAN PENATAAN RUANG'],
  ['PERKIM', 'PERUMAHAN DAN KAWASAN PERMUKIMAN'],
  ['SETDA', 'SEKRETARIAT DAERAH'],
  ['SETWAN', 'SEKRETARIAT DPRD'],
  ['SEKRETARIAT DEWAN PERWAKILAN RAKYAT DAERAH', 'SEKRETARIAT DPRD'],
  ['BPKAD', 'BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH'],
  ['BAPPEDA', 'BADAN PERENCANAAN PEMBANGUNAN DAERAH'],
  ['BPBD', 'BADAN PENANGGULANGAN BENCANA DAERAH'],
  ['SATPOL PP', 'SATUAN POLISI PAMONG PRAJA'],
  ['RUMAH SAKIT UMUM DAERAH', 'RSUD'],
  ['DIS', 'DINAS'],
  ['KEC', 'KECAMATAN'],
  ['KAB', 'KABUPATEN'],
  ['PROV', 'PROVINSI'],
  ['PKM', 'PUSKESMAS'],
];

function abbreviationSql(expr: string): string {
  let out = expr;
  for (const [from, to] of NAME_ABBREVIATIONS) {
    out = `regexp_replace(${out}, ${literal(`\\b${from}\\b`)}, ${literal(to)}, 'g')`;
  }
  return out;
}

export const AGENCY_MACROS_SQL = `
CREATE OR REPLACE MACRO p3dn_norm_code(s) AS
  CASE WHEN p3dn_blank(s) THEN NULL
    ELSE regexp_replace(regexp_replace(trim(s), '\\s+', '', 'g'), '(^|\\.)0+([0-9])', '\\1\\2', 'g') END;

CREATE OR REPLACE MACRO p3dn_norm_name_0(s) AS
  regexp_replace(replace(upper(trim(s)), '&', ' DAN '), '[^A-Z0-9]+', ' ', 'g');

CREATE OR REPLACE MACRO p3dn_norm_name(s) AS
  CASE WHEN p3dn_blank(s) THEN NULL ELSE nullif(trim(regexp_replace(
    regexp_replace(
      ${abbreviationSql("' ' || p3dn_norm_name_0(s) || ' '")},
      '\\s+(PEMERINTAH\\s+)?(PROVINSI|KABUPATEN|KOTA|PEMKAB|PEMKOT|PEMPROV)\\s+\\S.*$', ''),
    '\\s+', ' ', 'g')), '') END;
`;
