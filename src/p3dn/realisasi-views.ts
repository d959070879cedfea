import type { Engine } from '../engine/types';
import { AGENCY_MACROS_SQL, AGENCY_SCHEMA_SQL, ALIAS_KEY_SQL } from './agency';

/**
 * The agency of each distinct identity (source, kd_satker, kd_satker_str, nama_satker) of the transaction files,
 * materialised: names are normalised once per spelling, not per row and not per query. Rebuilt by
 * `refreshAgencyMap` after every change to the loaded files or to the aliases.
 */
export const AGENCY_MAP_TABLE_SQL = `
CREATE TABLE IF NOT EXISTS realisasi_idmap (source VARCHAR, kd_satker VARCHAR, kd_satker_str VARCHAR,
  nama_satker VARCHAR, alias_key VARCHAR, agency VARCHAR, match_path VARCHAR);
`;

export const AGENCY_MAP_REFRESH_SQL = `
BEGIN TRANSACTION;
DELETE FROM realisasi_idmap;
INSERT INTO realisasi_idmap
WITH ids AS (
  -- Each distinct agency identity of the transaction files, normalised and matched once.
  SELECT DISTINCT source, kd_satker, kd_satker_str, nama_satker FROM realisasi
), idn AS (
  SELECT *, p3dn_norm_code(kd_satker_str) AS n_code, p3dn_norm_name(nama_satker) AS n_name,
    ${ALIAS_KEY_SQL('nama_satker', 'kd_satker_str', 'kd_satker')} AS alias_key
  FROM ids
), idm AS (
  SELECT i.source, i.kd_satker, i.kd_satker_str, i.nama_satker, i.alias_key,
    CASE WHEN cm.agency_key IS NOT NULL THEN cm.agency_key
      WHEN km.agency_key IS NOT NULL THEN km.agency_key
      WHEN nm.agency_key IS NOT NULL THEN nm.agency_key
      ELSE al.agency_key END AS agency,
    CASE WHEN cm.agency_key IS NOT NULL OR km.agency_key IS NOT NULL THEN 'kode'
      WHEN nm.agency_key IS NOT NULL THEN 'nama'
      WHEN al.agency_key IS NOT NULL THEN 'alias' END AS match_path
  FROM idn i
    LEFT JOIN agency_code_map cm ON cm.n_code = i.n_code
    LEFT JOIN agency_kd_map km ON i.source IN ('ekatalog_v5', 'ekatalog_v6', 'tokodaring') AND km.kd_satker = i.kd_satker
    LEFT JOIN agency_name_map nm ON nm.n_name = i.n_name
    LEFT JOIN agency_alias al ON al.alias_key = i.alias_key
)
SELECT * FROM idm;
COMMIT;
`;

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
  WHERE source IN ('spse_tender', 'spse_nontender') AND exclusion IS NULL AND trx_id IS NOT NULL
    AND file_id IN (SELECT file_id FROM source_file)
), rp AS (
  SELECT kd_rup, is_pdn, is_ukm, metode, jenis, alasan_non_ukm FROM rup_penyedia WHERE exclusion IS NULL
), m AS (
  SELECT r.*,
    coalesce(r.exclusion, CASE WHEN r.source = 'spse_ekontrak' AND r.trx_id IN (SELECT trx_id FROM spse_done)
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

/** Create the reconciliation macros, tables and views (after `createSchema`). Idempotent. */
export async function createRealisasiSchema(engine: Engine): Promise<void> {
  await engine.exec(AGENCY_MACROS_SQL);
  await engine.exec(AGENCY_SCHEMA_SQL);
  await engine.exec(AGENCY_MAP_TABLE_SQL);
  await engine.exec(REALISASI_VIEW_SQL);
}

/** Re-match every transaction identity to the SIRUP agencies (after a data or alias change). */
export async function refreshAgencyMap(engine: Engine): Promise<void> {
  try {
    await engine.exec(AGENCY_MAP_REFRESH_SQL);
  } catch (e) {
    await engine.exec('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

export interface AliasEntry {
  /** The normalised name (or `kode:<code>`) of the agency as other systems spell it. */
  aliasKey: string;
  /** The SIRUP agency key it means. */
  agencyKey: string;
}

/** Replace the alias table's content with the user's aliases. */
export async function writeAliases(engine: Engine, aliases: readonly AliasEntry[]): Promise<void> {
  await engine.exec('DELETE FROM agency_alias');
  for (const a of aliases) {
    await engine.query('INSERT OR REPLACE INTO agency_alias VALUES (?, ?)', [a.aliasKey, a.agencyKey]);
  }
  await refreshAgencyMap(engine);
}

/**
 * After any import: match the loaded transactions to the agencies again (a SIRUP import changes the agencies; the
 * rows of replaced files are already gone with their files' tables).
 */
export async function pruneRealisasi(engine: Engine): Promise<void> {
  const [r] = await engine.query('SELECT count(*) AS n FROM realisasi');
  if (r?.['n'] === 0) await engine.exec('DELETE FROM realisasi_idmap');
  else await refreshAgencyMap(engine);
}
