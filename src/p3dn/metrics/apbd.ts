import { num, numOrNull, str } from '../../engine/cells';
import { literal } from '../../engine/sql';
import type { Engine, Row } from '../../engine/types';
import type { Query } from './types';

/**
 * APBD budget/realisation by account (table `apbd_rekening`: SIPD, hand-made, or legacy SIMDA with its code
 * composed from Kd_Rek_1..Kd_Rek_5), grouped by spending group whatever account code set the file is written in:
 *
 *   group         Permendagri 90/2019      Permendagri 13/2006 (legacy SIMDA)
 *   barang_jasa   5.1.02                   5.2.2 (Belanja Langsung: barang dan jasa)
 *   modal         5.2.xx                   5.2.3 (Belanja Langsung: modal)
 *   pegawai       5.1.01                   5.1.1, 5.2.1
 *   belanja_lain  any other 5.x            any other 5.x
 *
 * The classification is SQL (`p3dn_akun_set`, `p3dn_akun_kelompok` in ../macros/parse.ts), so every query over APBD
 * accounts counts 5.2.2 as barang & jasa and 5.2.3 as modal, never as 5.2 "modal" of the newer code set. Sums are
 * DECIMAL and cast to DOUBLE in the final SELECT. Only counted rows (not excluded) are summed.
 */

export const AKUN_GROUPS = ['barang_jasa', 'modal', 'pegawai', 'belanja_lain'] as const;
export type AkunGroup = (typeof AKUN_GROUPS)[number];

export const KODE_SETS = ['permendagri_90', 'permendagri_13'] as const;
export type KodeSet = (typeof KODE_SETS)[number];

export interface GroupSums {
  /** Counted account rows in the group. */
  n: number;
  anggaran: number | null;
  realisasi: number | null;
}

export interface ApbdBelanja {
  /** The file id (`by: 'file'`) or the agency key (`by: 'agency'`). */
  key: string;
  nama: string | null;
  /** Rows per account code set; `lain` = a code too short to tell, or not an account code. */
  codeSets: Record<KodeSet | 'lain', number>;
  groups: Record<AkunGroup, GroupSums>;
}

/** Per loaded APBD file (`file`) or per agency (`agency`): the account code sets and the spending groups. */
export function apbdBelanjaQuery(by: 'file' | 'agency', fileId?: number): Query {
  const key = by === 'file' ? 'CAST(file_id AS VARCHAR)' : 'agency_key';
  const groups = AKUN_GROUPS.map(
    (g) => `count(*) FILTER (WHERE kelompok = ${literal(g)}) AS n_${g},
      CAST(sum(anggaran) FILTER (WHERE kelompok = ${literal(g)}) AS DOUBLE) AS anggaran_${g},
      CAST(sum(realisasi) FILTER (WHERE kelompok = ${literal(g)}) AS DOUBLE) AS realisasi_${g}`,
  );
  return {
    sql: `WITH a AS (
      SELECT ${key} AS k, nama_satker, p3dn_akun_set(kode_rekening) AS kode_set,
        p3dn_akun_kelompok(kode_rekening) AS kelompok, anggaran, realisasi
      FROM apbd_rekening WHERE exclusion IS NULL ${fileId === undefined ? '' : 'AND file_id = ?'}
    )
    SELECT k, ${by === 'agency' ? 'mode(nama_satker)' : 'CAST(NULL AS VARCHAR)'} AS nama,
      ${KODE_SETS.map((s) => `count(*) FILTER (WHERE kode_set = ${literal(s)}) AS n_${s}`).join(', ')},
      count(*) FILTER (WHERE kode_set IS NULL) AS n_lain,
      ${groups.join(',\n      ')}
    FROM a GROUP BY k ORDER BY k`,
    params: fileId === undefined ? [] : [fileId],
  };
}

export function toApbdBelanja(r: Row): ApbdBelanja {
  return {
    key: String(r['k']),
    nama: str(r['nama']),
    codeSets: {
      permendagri_90: num(r['n_permendagri_90']),
      permendagri_13: num(r['n_permendagri_13']),
      lain: num(r['n_lain']),
    },
    groups: Object.fromEntries(
      AKUN_GROUPS.map((g) => [
        g,
        {
          n: num(r[`n_${g}`]),
          anggaran: numOrNull(r[`anggaran_${g}`]),
          realisasi: numOrNull(r[`realisasi_${g}`]),
        },
      ]),
    ) as Record<AkunGroup, GroupSums>,
  };
}

/** The code sets and spending groups of one loaded APBD file (for its import report). */
export async function apbdFileBelanja(engine: Engine, fileId: number): Promise<ApbdBelanja | null> {
  const q = apbdBelanjaQuery('file', fileId);
  const [r] = await engine.query(q.sql, q.params);
  return r ? toApbdBelanja(r) : null;
}
