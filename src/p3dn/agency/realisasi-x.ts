import { kindsWith } from '../kinds';

/**
 * `realisasi_x`: every realisasi row of a loaded file, enriched with
 *   - `agency` / `match_path`: the SIRUP agency it maps to and how (kode → nama → alias; NULL = unmatched),
 *   - `alias_key`: what the row is listed under when unmatched (normalised name, else code),
 *   - `excl`: its exclusion rule; adds `sudah_tercatat` for an e-kontrak contract whose kd_tender/kd_nontender is
 *     already counted from TenderSelesaiNilai / NonTenderSelesai (the same contract is never counted twice),
 *   - the RUP package it belongs to (`kd_rup` in counted RUP penyedia) with its flags, metode, jenis, alasan_non_ukm,
 *   - `pdn_from` / `umk_from`: where the PDN (UMK-K) part comes from — `nilai` (the value the source reported:
 *     nilai_pdn_kontrak, nilai_pdn_pct, …), `rup` (no value reported: the RUP package's status_pdn decides: all or
 *     nothing), `tanpa` (neither: "Tanpa Status", counted in the realisasi total but in no numerator),
 *   - `pdn_part` / `umk_part`: the PDN (UMK-K) rupiah of the row under that rule (exact DECIMAL).
 */
export const REALISASI_VIEW_SQL = `
CREATE OR REPLACE VIEW realisasi_x AS
WITH r AS (
  SELECT r.*, sf.name AS file_name, idm.alias_key, idm.agency, idm.match_path
  FROM realisasi r JOIN source_file sf ON sf.file_id = r.file_id
    LEFT JOIN realisasi_idmap idm ON idm.source = r.source AND idm.kd_satker IS NOT DISTINCT FROM r.kd_satker
      AND idm.kd_satker_str IS NOT DISTINCT FROM r.kd_satker_str AND idm.nama_satker IS NOT DISTINCT FROM r.nama_satker
), spse_done AS (
  SELECT DISTINCT trx_id FROM realisasi
  WHERE source IN (${kindsWith((k) => k.contract === 'selesai')}) AND exclusion IS NULL AND trx_id IS NOT NULL
    AND file_id IN (SELECT file_id FROM source_file)
), rp AS (
  SELECT kd_rup, is_pdn, is_ukm, metode, jenis, alasan_non_ukm FROM rup_penyedia WHERE exclusion IS NULL
), m AS (
  SELECT r.*,
    coalesce(r.exclusion, CASE WHEN r.source IN (${kindsWith((k) => k.contract === 'ekontrak')}) AND r.trx_id IN (SELECT trx_id FROM spse_done)
      THEN 'sudah_tercatat' END) AS excl,
    rp.kd_rup IS NOT NULL AS rup_found, rp.is_pdn AS rup_pdn, rp.is_ukm AS rup_ukm,
    rp.alasan_non_ukm,
    coalesce(r.metode, rp.metode) AS metode_x,
    split_part(coalesce(r.jenis, rp.jenis), ';', 1) AS jenis_x
  FROM r LEFT JOIN rp ON rp.kd_rup = r.kd_rup
)
SELECT *,
  CASE WHEN nilai_pdn IS NOT NULL THEN 'nilai' WHEN rup_pdn IS NOT NULL THEN 'rup' ELSE 'tanpa' END AS pdn_from,
  CASE WHEN nilai_umk IS NOT NULL THEN 'nilai' WHEN rup_ukm IS NOT NULL THEN 'rup' ELSE 'tanpa' END AS umk_from,
  CASE WHEN nilai_pdn IS NOT NULL THEN nilai_pdn WHEN rup_pdn THEN nilai ELSE CAST(0 AS DECIMAL(20, 2)) END AS pdn_part,
  CASE WHEN nilai_umk IS NOT NULL THEN nilai_umk WHEN rup_ukm THEN nilai ELSE CAST(0 AS DECIMAL(20, 2)) END AS umk_part,
  month(tanggal) AS bulan
FROM m;
`;
