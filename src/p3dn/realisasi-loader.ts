/**
 * A small, self-contained loader of transaction exports (SPSE, e-Katalog v5/v6, Toko Daring) into the canonical
 * `realisasi` table. It stands in for the importer until the importer reads these kinds; it writes exactly what the
 * importer will (rows into `realisasi`, plus `source_file`, `import_exclusion`, `import_reject`), so replacing it
 * only means calling the importer instead of `loadRealisasiCsv`.
 *
 * For each file: `read_csv(all_varchar)` → typed canonical columns → every record gets one fate:
 *   - rejected (into `import_reject`, with its line): no usable `nilai` (empty or not a number), or no agency identity;
 *   - excluded (kept in `realisasi` with `exclusion` = the rule):
 *       spse_nontender              status_nontender ≠ Selesai                       → belum_selesai
 *       spse_pencatatan_*           status_nontender_pct_ket mentions "batal"        → dibatalkan
 *       spse_ekontrak               not the latest versi_addendum of its contract    → addendum_lama
 *       ekatalog_v5                 paket_status_str ≠ Paket Selesai                 → belum_selesai
 *       ekatalog_v6                 status_pkt ≠ COMPLETED                           → belum_selesai
 *       tokodaring                  status_verif ≠ verified or status_konfirmasi_ppmse ≠ selesai → tidak_selesai
 *       spse_tender/nontender/pencatatan, tokodaring: a repeated trx id after the first counted one → duplikat
 * Metode when the export has none: e-Katalog and Toko Daring `E-Purchasing`, pencatatan swakelola `Swakelola`;
 * otherwise the RUP package's metode (through kd_rup) is used at query time.
 *   - counted (exclusion NULL).
 * e-Katalog v5 sums `total_harga` per product line; the package-level `total` repeated on every line is never read.
 * `read = loaded + excluded + rejected` is checked before anything is kept; one transaction swaps the rows in.
 */
import type { Engine } from '../lib/engine/types';
import { normalizeHeader } from './kinds';
import type { RealisasiSource } from './realisasi-schema';
import { REALISASI_COLUMNS } from './realisasi-schema';
import { refreshAgencyMap } from './realisasi-views';
import { ident, literal } from './sql';

type Canon =
  | 'tahun'
  | 'kd_klpd'
  | 'kd_satker'
  | 'kd_satker_str'
  | 'nama_satker'
  | 'trx_id'
  | 'trx_id2'
  | 'kd_rup'
  | 'nama_paket'
  | 'metode'
  | 'jenis'
  | 'sumber_dana'
  | 'nilai'
  | 'nilai_pdn'
  | 'nilai_umk'
  | 'tanggal'
  | 'status'
  | 'status2'
  | 'versi';

interface SourceSpec {
  source: RealisasiSource;
  signature: readonly string[];
  forbidden?: readonly string[];
  cols: Partial<Record<Canon, readonly string[]>>;
  /** Constant metode when the export has none (e-purchasing). */
  metode?: string;
  /** Ordered exclusion rules over the typed columns. */
  exclusions: readonly { code: string; sql: string }[];
  /** Counted rows sharing this key after the first are excluded as `duplikat`. */
  dedup?: boolean;
  /** Keep only the latest `versi` per trx_id (e-kontrak addenda). */
  latestVersion?: boolean;
}

const IDENT: Partial<Record<Canon, readonly string[]>> = {
  tahun: ['tahun_anggaran', 'tahun'],
  kd_klpd: ['kd_klpd'],
  kd_satker: ['kd_satker', 'satker_id'],
  kd_satker_str: ['kd_satker_str'],
  nama_satker: ['nama_satker'],
  kd_rup: ['kd_rup', 'kd_rup_paket'],
  nama_paket: ['nama_paket', 'rup_nama_pkt', 'order_desc'],
  metode: ['mtd_pemilihan', 'metode_pengadaan', 'metode_pemilihan'],
  jenis: ['jenis_pengadaan'],
  sumber_dana: ['sumber_dana', 'nama_sumber_dana'],
  nilai_pdn: ['nilai_pdn_kontrak', 'nilai_pdn_pct'],
  nilai_umk: ['nilai_umk_kontrak', 'nilai_umk_pct'],
};

export const REALISASI_SPECS: Record<RealisasiSource, SourceSpec> = {
  spse_tender: {
    source: 'spse_tender',
    signature: ['kd_tender', 'nilai_kontrak', 'nilai_pdn_kontrak'],
    forbidden: ['versi_addendum'],
    cols: {
      ...IDENT,
      trx_id: ['kd_tender'],
      nilai: ['nilai_kontrak'],
      tanggal: ['tgl_penetapan_pemenang', 'tgl_kontrak'],
    },
    exclusions: [],
    dedup: true,
  },
  spse_nontender: {
    source: 'spse_nontender',
    signature: ['kd_nontender', 'nilai_kontrak', 'status_nontender'],
    forbidden: ['versi_addendum'],
    cols: {
      ...IDENT,
      trx_id: ['kd_nontender'],
      nilai: ['nilai_kontrak'],
      status: ['status_nontender'],
      tanggal: ['tgl_selesai_paket', 'tgl_penetapan_pemenang', 'tgl_kontrak'],
    },
    exclusions: [{ code: 'belum_selesai', sql: "lower(coalesce(status, '')) <> 'selesai'" }],
    dedup: true,
  },
  spse_pencatatan_nontender: {
    source: 'spse_pencatatan_nontender',
    signature: ['kd_nontender_pct', 'total_realisasi'],
    cols: {
      ...IDENT,
      trx_id: ['kd_nontender_pct'],
      nilai: ['total_realisasi'],
      status: ['status_nontender_pct_ket'],
      tanggal: ['tgl_selesai_paket', 'tgl_realisasi', 'tgl_buat_paket'],
    },
    exclusions: [{ code: 'dibatalkan', sql: "lower(coalesce(status, '')) LIKE '%batal%'" }],
    dedup: true,
  },
  spse_pencatatan_swakelola: {
    source: 'spse_pencatatan_swakelola',
    signature: ['kd_swakelola_pct', 'total_realisasi'],
    cols: {
      ...IDENT,
      trx_id: ['kd_swakelola_pct'],
      nilai: ['total_realisasi'],
      status: ['status_swakelola_pct_ket', 'status_nontender_pct_ket'],
      tanggal: ['tgl_selesai_paket', 'tgl_realisasi', 'tgl_buat_paket'],
    },
    metode: 'Swakelola',
    exclusions: [{ code: 'dibatalkan', sql: "lower(coalesce(status, '')) LIKE '%batal%'" }],
    dedup: true,
  },
  spse_ekontrak: {
    source: 'spse_ekontrak',
    signature: ['nilai_kontrak', 'versi_addendum'],
    cols: {
      ...IDENT,
      trx_id: ['kd_tender'],
      trx_id2: ['kd_nontender'],
      nilai: ['nilai_kontrak'],
      status: ['status_kontrak'],
      versi: ['versi_addendum'],
      tanggal: ['tgl_kontrak'],
    },
    exclusions: [],
    latestVersion: true,
  },
  ekatalog_v5: {
    source: 'ekatalog_v5',
    signature: ['kd_paket', 'total_harga', 'paket_status_str'],
    cols: {
      ...IDENT,
      trx_id: ['kd_paket'],
      nilai: ['total_harga'],
      status: ['paket_status_str'],
      tanggal: ['tanggal_buat_paket'],
    },
    metode: 'E-Purchasing',
    exclusions: [{ code: 'belum_selesai', sql: "lower(coalesce(status, '')) <> 'paket selesai'" }],
  },
  ekatalog_v6: {
    source: 'ekatalog_v6',
    signature: ['kd_paket', 'total_harga', 'status_pkt'],
    cols: {
      ...IDENT,
      trx_id: ['kd_paket'],
      nilai: ['total_harga'],
      status: ['status_pkt'],
      tanggal: ['tgl_order'],
    },
    metode: 'E-Purchasing',
    exclusions: [{ code: 'belum_selesai', sql: "upper(coalesce(status, '')) <> 'COMPLETED'" }],
  },
  tokodaring: {
    source: 'tokodaring',
    signature: ['order_id', 'valuasi', 'status_verif'],
    cols: {
      ...IDENT,
      trx_id: ['order_id'],
      nilai: ['valuasi'],
      status: ['status_verif'],
      status2: ['status_konfirmasi_ppmse'],
      tanggal: ['tanggal_transaksi'],
    },
    // Perpres 12/2021: e-purchasing is done through the katalog elektronik or a toko daring.
    metode: 'E-Purchasing',
    exclusions: [
      {
        code: 'tidak_selesai',
        sql: "lower(coalesce(status, '')) <> 'verified' OR lower(coalesce(status2, '')) <> 'selesai'",
      },
    ],
    dedup: true,
  },
};

/** Which transaction export a header row is, or null. */
export function detectRealisasiSource(headers: readonly string[]): RealisasiSource | null {
  const have = new Set(headers.map(normalizeHeader));
  for (const spec of Object.values(REALISASI_SPECS)) {
    if (spec.forbidden?.some((h) => have.has(h))) continue;
    if (spec.signature.every((h) => have.has(h))) return spec.source;
  }
  return null;
}

const TYPE: Record<Canon, 'text' | 'code' | 'str' | 'money' | 'int' | 'date'> = {
  tahun: 'int',
  kd_klpd: 'code',
  kd_satker: 'code',
  kd_satker_str: 'str',
  nama_satker: 'text',
  trx_id: 'code',
  trx_id2: 'code',
  kd_rup: 'code',
  nama_paket: 'text',
  metode: 'text',
  jenis: 'text',
  sumber_dana: 'text',
  nilai: 'money',
  nilai_pdn: 'money',
  nilai_umk: 'money',
  tanggal: 'date',
  status: 'text',
  status2: 'text',
  versi: 'int',
};

function expr(canon: Canon, src: string | null): string {
  if (src === null) {
    const t = TYPE[canon];
    return t === 'money'
      ? 'CAST(NULL AS DECIMAL(20, 2))'
      : t === 'int'
        ? 'CAST(NULL AS INTEGER)'
        : t === 'date'
          ? 'CAST(NULL AS DATE)'
          : 'CAST(NULL AS VARCHAR)';
  }
  const s = ident(src);
  switch (TYPE[canon]) {
    case 'text':
      return `p3dn_text(${s})`;
    case 'code':
      return `p3dn_code(${s})`;
    case 'str':
      return `p3dn_satker_str(${s})`;
    case 'money':
      return `p3dn_money(${s})`;
    case 'int':
      return `TRY_CAST(p3dn_code(${s}) AS INTEGER)`;
    case 'date':
      return `coalesce(TRY_CAST(substr(trim(${s}), 1, 10) AS DATE), CAST(try_strptime(trim(${s}), '%d/%m/%Y') AS DATE))`;
  }
}

export interface RealisasiLoadResult {
  fileId: number;
  name: string;
  source: RealisasiSource;
  read: number;
  loaded: number;
  excluded: number;
  rejected: number;
  excludedByRule: Record<string, number>;
  rejectedByReason: Record<string, number>;
}

export interface RealisasiLoadRequest {
  /** Name the file is registered under in the engine (already registered). */
  engineFileName: string;
  displayName: string;
  sizeBytes: number;
  /** The file's first bytes (at least the header line), to find delimiter, header and kind. */
  head: Uint8Array;
  isSample: boolean;
  /** Force a source instead of detecting it from the header. */
  source?: RealisasiSource;
}

export class RealisasiLoadError extends Error {
  constructor(
    readonly code: 'jenis_tidak_dikenal' | 'tanpa_baris',
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
let seq = 0;

/** Load one transaction export into `realisasi`, replacing an earlier file of the same source. */
export async function loadRealisasiCsv(
  engine: Engine,
  req: RealisasiLoadRequest,
): Promise<RealisasiLoadResult> {
  const text = new TextDecoder('utf-8').decode(req.head).replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delim = [';', '\t', '|', ','].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  const headers = firstLine.split(delim).map((h) => h.replace(/^"|"$/g, ''));
  const source = req.source ?? detectRealisasiSource(headers);
  if (!source) throw new RealisasiLoadError('jenis_tidak_dikenal', headers.slice(0, 12).join(', '));
  const spec = REALISASI_SPECS[source];
  const n = ++seq;
  const raw = `rl_raw_${n}`;
  const rej = `rl_rej_${n}`;
  const scan = `rl_scan_${n}`;
  const cls = `rl_cls_${n}`;
  try {
    await engine.exec(`CREATE OR REPLACE TEMP TABLE ${ident(raw)} AS
      SELECT * FROM read_csv(${literal(req.engineFileName)}, header = true, all_varchar = true,
        delim = ${literal(delim)}, quote = '"', escape = '"', store_rejects = true,
        rejects_table = ${literal(rej)}, rejects_scan = ${literal(scan)}) WITH ORDINALITY`);
    const rawCols = (await engine.query(`SELECT column_name FROM (DESCRIBE ${ident(raw)})`))
      .map((r) => String(r['column_name']))
      .filter((c) => c !== 'ordinality');
    const norm = rawCols.map(normalizeHeader);
    const pick = (canon: Canon): string | null => {
      for (const alias of spec.cols[canon] ?? []) {
        const i = norm.indexOf(alias);
        if (i >= 0) return rawCols[i] ?? null;
      }
      return null;
    };
    const canons = Object.keys(TYPE) as Canon[];
    const nilaiSrc = pick('nilai');
    const sel = canons.map((c) => `${expr(c, pick(c))} AS ${ident(c)}`);
    const metode = spec.metode ? `coalesce(metode, ${literal(spec.metode)})` : 'metode';
    const excl = spec.exclusions.length
      ? `CASE ${spec.exclusions.map((r) => `WHEN ${r.sql} THEN ${literal(r.code)}`).join(' ')} END`
      : 'CAST(NULL AS VARCHAR)';
    const after = spec.latestVersion
      ? `CASE WHEN row_number() OVER (PARTITION BY reject_code IS NULL AND excl0 IS NULL, trx_id
            ORDER BY versi DESC NULLS LAST, rec DESC) > 1 AND reject_code IS NULL AND excl0 IS NULL
          THEN 'addendum_lama' END`
      : spec.dedup
        ? `CASE WHEN reject_code IS NULL AND excl0 IS NULL AND trx_id IS NOT NULL AND row_number() OVER (
              PARTITION BY reject_code IS NULL AND excl0 IS NULL, trx_id ORDER BY rec) > 1 THEN 'duplikat' END`
        : 'CAST(NULL AS VARCHAR)';
    await engine.exec(`CREATE OR REPLACE TEMP TABLE ${ident(cls)} AS
      WITH typed AS (
        SELECT ordinality AS rec, ${nilaiSrc ? ident(nilaiSrc) : 'CAST(NULL AS VARCHAR)'} AS raw_nilai,
          ${sel.join(', ')} FROM ${ident(raw)}
      ), t2 AS (
        SELECT * REPLACE (coalesce(trx_id, trx_id2) AS trx_id, ${metode} AS metode) FROM typed
      ), excluded AS (
        SELECT *, ${excl} AS excl0 FROM t2
      ), rejected AS (
        -- A row already excluded by a status rule (failed, unfinished) is not rejected for a missing value.
        SELECT *, CASE WHEN excl0 IS NULL THEN CASE
            WHEN p3dn_blank(raw_nilai) THEN 'nilai_kosong'
            WHEN nilai IS NULL THEN 'angka_tidak_valid'
            WHEN kd_satker_str IS NULL AND nama_satker IS NULL AND kd_satker IS NULL THEN 'satker_kosong'
          END END AS reject_code
        FROM excluded
      )
      SELECT *, coalesce(excl0, ${after}) AS exclusion,
        CASE WHEN reject_code IN ('nilai_kosong', 'angka_tidak_valid') THEN 'nilai' ELSE 'nama_satker' END AS reject_column,
        CASE WHEN reject_code IN ('nilai_kosong', 'angka_tidak_valid') THEN raw_nilai END AS reject_value
      FROM rejected`);
    // Physical line: header is line 1; each record the CSV reader rejected before a record pushes it down one line.
    await engine.exec(`ALTER TABLE ${ident(cls)} ADD COLUMN line BIGINT`);
    await engine.exec(`UPDATE ${ident(cls)} SET line = rec + 1 + coalesce((
        SELECT count(*) FROM (
          SELECT line - row_number() OVER (ORDER BY line) AS t FROM (SELECT DISTINCT line FROM ${ident(rej)})
        ) r WHERE r.t <= ${ident(cls)}.rec), 0)`);
    const [tot] = await engine.query(`SELECT count(*) AS n,
        count(*) FILTER (WHERE reject_code IS NULL AND exclusion IS NULL) AS loaded,
        count(*) FILTER (WHERE reject_code IS NULL AND exclusion IS NOT NULL) AS excluded,
        count(*) FILTER (WHERE reject_code IS NOT NULL) AS rejected,
        (SELECT count(DISTINCT line) FROM ${ident(rej)}) AS structural
      FROM ${ident(cls)}`);
    const exclRows = await engine.query(
      `SELECT exclusion AS k, count(*) AS n FROM ${ident(cls)} WHERE reject_code IS NULL AND exclusion IS NOT NULL GROUP BY 1 ORDER BY 1`,
    );
    const rejRows = await engine.query(`SELECT k, count(*) AS n FROM (
        SELECT reject_code AS k FROM ${ident(cls)} WHERE reject_code IS NOT NULL
        UNION ALL SELECT 'struktur_baris' FROM (SELECT DISTINCT line FROM ${ident(rej)})) GROUP BY 1 ORDER BY 1`);
    const structural = num(tot?.['structural']);
    const result = {
      read: num(tot?.['n']) + structural,
      loaded: num(tot?.['loaded']),
      excluded: num(tot?.['excluded']),
      rejected: num(tot?.['rejected']) + structural,
      excludedByRule: Object.fromEntries(exclRows.map((r) => [String(r['k']), num(r['n'])])),
      rejectedByReason: Object.fromEntries(rejRows.map((r) => [String(r['k']), num(r['n'])])),
    };
    if (result.read === 0) throw new RealisasiLoadError('tanpa_baris');
    if (result.loaded + result.excluded + result.rejected !== result.read) {
      throw new Error(`Row accounting failed: ${JSON.stringify(result)}`);
    }
    const fileId = num(
      (await engine.query('SELECT coalesce(max(file_id), 0) + 1 AS id FROM source_file'))[0]?.['id'],
    );
    const cols = REALISASI_COLUMNS.map((c) => c.name).filter(
      (c) => !['file_id', 'line', 'source', 'agency_key', 'exclusion'].includes(c),
    );
    const exclValues = Object.entries(result.excludedByRule)
      .map(([k, v]) => `(${fileId}, ${literal(k)}, ${v})`)
      .join(', ');
    const old = `SELECT file_id FROM source_file WHERE kind = ${literal(source)}`;
    try {
      await engine.exec(
        [
          'BEGIN TRANSACTION;',
          `DELETE FROM import_reject WHERE file_id IN (${old});`,
          `DELETE FROM import_exclusion WHERE file_id IN (${old});`,
          `DELETE FROM source_file WHERE kind = ${literal(source)};`,
          // Rows of files no longer loaded (replaced here, or by a SIRUP import that replaced everything).
          `DELETE FROM realisasi WHERE file_id NOT IN (SELECT file_id FROM source_file);`,
          `INSERT INTO realisasi (file_id, line, source, ${cols.map(ident).join(', ')}, agency_key, exclusion)
            SELECT ${fileId}, line, ${literal(source)}, ${cols.map(ident).join(', ')}, NULL, exclusion
            FROM ${ident(cls)} WHERE reject_code IS NULL;`,
          `INSERT INTO import_reject SELECT ${fileId}, line, reject_column, reject_value, reject_code, NULL
            FROM ${ident(cls)} WHERE reject_code IS NOT NULL;`,
          `INSERT INTO import_reject SELECT ${fileId}, line, any_value(column_name), any_value(csv_line),
            'struktur_baris', any_value(error_type) FROM ${ident(rej)} GROUP BY line;`,
          exclValues ? `INSERT INTO import_exclusion VALUES ${exclValues};` : '',
          `INSERT INTO source_file VALUES (${fileId}, ${literal(req.displayName)}, ${literal(source)},
            ${req.sizeBytes}, 'utf-8', ${literal(delim)}, ${req.isSample}, ${result.read}, ${result.loaded},
            ${result.excluded}, ${result.rejected}, NULL, 'replace');`,
          'COMMIT;',
        ].join('\n'),
      );
    } catch (e) {
      await engine.exec('ROLLBACK').catch(() => undefined);
      throw e;
    }
    await refreshAgencyMap(engine);
    return { fileId, name: req.displayName, source, ...result };
  } finally {
    for (const t of [raw, rej, scan, cls]) await engine.exec(`DROP TABLE IF EXISTS ${ident(t)}`);
  }
}

/** Drop realisasi rows whose file is no longer loaded (e.g. after a SIRUP import replaced the sample). */
export async function pruneRealisasi(engine: Engine): Promise<void> {
  await engine.exec('DELETE FROM realisasi WHERE file_id NOT IN (SELECT file_id FROM source_file)');
  const [r] = await engine.query('SELECT count(*) AS n FROM realisasi');
  if (num(r?.['n']) === 0) await engine.exec('DELETE FROM realisasi_idmap');
  else await refreshAgencyMap(engine);
}
