import type { Engine } from '../../engine/types';
import { kindsWith } from '../kinds';
import { refreshCubes } from '../metrics/cube';
import { ALIAS_KEY_SQL } from './dimension';

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
    LEFT JOIN agency_kd_map km ON i.source IN (${kindsWith((k) => k.sirupSatkerId)}) AND km.kd_satker = i.kd_satker
    LEFT JOIN agency_name_map nm ON nm.n_name = i.n_name
    LEFT JOIN agency_alias al ON al.alias_key = i.alias_key
)
SELECT * FROM idm;
COMMIT;
`;

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
  // Transactions moved between agencies: the transaction cube follows (metrics/cube.ts).
  await refreshCubes(engine, 'realisasi');
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
