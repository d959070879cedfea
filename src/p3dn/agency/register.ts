import { ident, literal } from '../../engine/sql';
import type { Engine } from '../../engine/types';
import { KINDS, KIND_IDS, kindsWith } from '../kinds';
import { num } from '../../engine/cells';
import { agencySupersededSql } from '../schema/cross-file';
import { dataTables, tableColumns, type LoadedFile } from '../schema/tables';
import { ALIAS_KEY_SQL, UNKNOWN_PEMDA } from './dimension';
import { IDENTITY_COLUMNS } from './view-join';

/**
 * The agency register: one agency identity across every loaded file of every kind, scoped by Pemda.
 *
 * An identity is a distinct (file, kd_klpd, nama_klpd, kd_satker, kd_satker_str, nama_satker) of any canonical
 * table. Its **Pemda** is its `kd_klpd`, else the Pemda whose name its `nama_klpd` has (normalised, p3dn_norm_pemda),
 * else its own normalised `nama_klpd`; an identity with neither belongs to the one Pemda of the dataset when there
 * is exactly one, else to the named "unknown Pemda" bucket (`tanpa_pemda`).
 *
 * Identities are the same agency when they share, in this order of passes:
 *   1. `kode`  — a SIRUP satker id (`kd_satker` of the SIRUP kinds and of the kinds whose export carries SIRUP's
 *                id: e-Katalog, Toko Daring; global, it identifies its Pemda too) or a normalised `kd_satker_str`
 *                (within the Pemda; SIMDA's composed codes are normalised the same way);
 *   2. `nama`  — a normalised name (case, punctuation, spacing, Pemda suffix, abbreviations; within the Pemda);
 *   3. `alias` — the user's alias maps an identity still without a partner onto an agency (within its Pemda, or
 *                from the unknown-Pemda bucket).
 * A code or name carried by two different SIRUP ids is ambiguous and links nothing (two SIRUP agencies never
 * merge by a shared name). The agencies are the connected components (min-label propagation, in SQL).
 *
 * Each register agency is keyed by its best identity's own key (`kd:<SIRUP id>`, else `str:<kd_satker_str>`, else
 * `nama:<NAME>`), with `@<pemda>` added when another Pemda's agency has the same key. An identity is *matched*
 * when its agency also has an identity of a partner group (komitmen ↔ anggaran; realisasi → komitmen or
 * anggaran); its `match_path` is the pass that first gave it one, NULL when none did, `sendiri` when no file of a
 * partner group is loaded. Its `pemda_path` says how its Pemda is known (`PemdaPath`, dimension.ts).
 */

const q = (s: string) => literal(s);
const GROUP_OF = `CASE kind ${KIND_IDS.map((k) => `WHEN ${q(k)} THEN ${q(KINDS[k].group)}`).join(' ')} END`;
/** Kinds whose `kd_satker` is SIRUP's satker id: the SIRUP family (not APBD, whose id is SIPD's) and e-purchasing. */
const SIRUP_ID_KINDS = kindsWith((k) => k.sirupSatkerId || (k.group !== 'realisasi' && !k.accounts));

/** Identities of files not yet in the cache are added; those of files no longer loaded go. */
function collectSql(): string {
  const parts = dataTables().map((t) => {
    const spec = Object.values(KINDS).find((k) => k.table === t)!;
    const cols = tableColumns(spec).map((c) => c.name);
    const sel = IDENTITY_COLUMNS.map((c) => (cols.includes(c) ? `v.${ident(c)}` : 'CAST(NULL AS VARCHAR)'));
    return `INSERT INTO agency_ids SELECT sf.data_table, v.file_id, ${sel.join(', ')}, count(*) FROM ${ident(t)} v
      JOIN source_file sf ON sf.file_id = v.file_id
      WHERE sf.data_table NOT IN (SELECT data_table FROM agency_ids) GROUP BY ALL;`;
  });
  return [
    'DELETE FROM agency_ids WHERE data_table NOT IN (SELECT data_table FROM source_file);',
    ...parts,
  ].join('\n');
}

/** reg_i: every identity, its group, SIRUP id, normalised code and name, Pemda, own key and key priority. */
const IDENTITIES_SQL = `
CREATE OR REPLACE TEMP TABLE reg_i AS
WITH i AS (
  SELECT a.file_id, a.kd_klpd, a.nama_klpd, a.kd_satker, a.kd_satker_str, a.nama_satker, sum(a.n) AS n,
    any_value(sf.kind) AS kind
  FROM agency_ids a JOIN source_file sf ON sf.file_id = a.file_id AND sf.data_table = a.data_table
  GROUP BY a.file_id, a.kd_klpd, a.nama_klpd, a.kd_satker, a.kd_satker_str, a.nama_satker
), j AS (
  SELECT row_number() OVER (ORDER BY file_id, kd_klpd, nama_klpd, kd_satker, kd_satker_str, nama_satker) AS iid, *,
    ${GROUP_OF} AS grp,
    CASE WHEN kind IN (${SIRUP_ID_KINDS}) AND NOT p3dn_blank(kd_satker) THEN trim(kd_satker) END AS sid,
    p3dn_norm_code(kd_satker_str) AS n_code, p3dn_norm_name(nama_satker) AS n_name,
    CASE WHEN NOT p3dn_blank(kd_klpd) THEN upper(trim(kd_klpd)) END AS n_klpd, p3dn_norm_pemda(nama_klpd) AS n_pnama,
    ${ALIAS_KEY_SQL('nama_satker', 'kd_satker_str', 'kd_satker')} AS alias_plain
  FROM i
), kn AS (
  SELECT n_pnama, any_value(n_klpd) AS k FROM j WHERE n_klpd IS NOT NULL AND n_pnama IS NOT NULL
  GROUP BY n_pnama HAVING count(DISTINCT n_klpd) = 1
), p AS (
  SELECT j.*, CASE WHEN j.n_klpd IS NOT NULL THEN 'klpd:' || j.n_klpd WHEN kn.k IS NOT NULL THEN 'klpd:' || kn.k
      WHEN j.n_pnama IS NOT NULL THEN 'pemda:' || j.n_pnama END AS pk0
  FROM j LEFT JOIN kn USING (n_pnama)
), known AS (SELECT count(DISTINCT pk0) AS n, min(pk0) AS one FROM p)
SELECT p.*, coalesce(pk0, CASE WHEN known.n = 1 THEN known.one ELSE '${UNKNOWN_PEMDA}' END) AS pk,
  coalesce('kd:' || sid, 'str:' || kd_satker_str, 'nama:' || upper(nama_satker), 'id:' || kd_satker) AS rep,
  (CASE WHEN grp = 'realisasi' THEN 10 ELSE 0 END
    + CASE WHEN sid IS NOT NULL THEN 1 WHEN kd_satker_str IS NOT NULL THEN 2 ELSE 3 END) AS prio
FROM p, known;

CREATE OR REPLACE TEMP TABLE reg_n AS
WITH r AS (
  SELECT iid, grp <> 'realisasi' AS anchor, 'i:' || sid AS node, 'id' AS typ, sid FROM reg_i WHERE sid IS NOT NULL
  UNION ALL SELECT iid, grp <> 'realisasi', 'c:' || pk || '|' || n_code, 'code', sid FROM reg_i WHERE n_code IS NOT NULL
  UNION ALL SELECT iid, grp <> 'realisasi', 'n:' || pk || '|' || n_name, 'name', sid FROM reg_i WHERE n_name IS NOT NULL
), amb AS (
  SELECT node FROM r WHERE typ <> 'id' AND anchor GROUP BY node HAVING count(DISTINCT sid) > 1
)
SELECT iid, anchor, node, typ FROM r WHERE node NOT IN (SELECT node FROM amb)
UNION ALL SELECT iid, grp <> 'realisasi', 'x:' || iid, 'self' FROM reg_i;
`;

/** The links of the anchors' (plan and budget identities') own nodes; transactions attach afterwards. */
const edges = (types: string) =>
  `SELECT 'x:' || iid AS a, node AS b FROM reg_n WHERE anchor AND typ IN (${types})`;

/**
 * Connected components of reg_n's nodes under `edgeSql` (a, b): reg_l(node, l), l = the component's least node.
 * `fresh`: start from every node its own label; else from the previous pass's labels (components only grow as
 * edges are added, so they are valid starting points and fewer rounds are needed).
 */
async function propagate(engine: Engine, edgeSql: string, fresh: boolean): Promise<void> {
  await engine.exec(`CREATE OR REPLACE TEMP TABLE reg_e AS
      WITH e AS (${edgeSql}) SELECT a, b FROM e UNION SELECT b, a FROM e;
    ${fresh ? 'CREATE OR REPLACE TEMP TABLE reg_l AS SELECT DISTINCT node, node AS l FROM reg_n;' : ''}`);
  for (let i = 0; i < 200; i++) {
    await engine.exec(`CREATE OR REPLACE TEMP TABLE reg_l2 AS
      WITH s AS (
        SELECT l.node, least(l.l, coalesce(min(n.l), l.l)) AS l
        FROM reg_l l LEFT JOIN reg_e e ON e.a = l.node LEFT JOIN reg_l n ON n.node = e.b GROUP BY l.node, l.l
      )
      SELECT s.node, least(s.l, coalesce(j.l, s.l)) AS l FROM s LEFT JOIN s j ON j.node = s.l`);
    const [r] = await engine.query(
      'SELECT count(*) AS c FROM reg_l2 JOIN reg_l USING (node) WHERE reg_l2.l <> reg_l.l',
    );
    await engine.exec('DROP TABLE reg_l; ALTER TABLE reg_l2 RENAME TO reg_l;');
    if (Number(r?.['c'] ?? 0) === 0) return;
  }
  throw new Error('Agency register did not converge');
}

const component = (col: string) => `CREATE OR REPLACE TEMP TABLE reg_${col} AS
  SELECT i.iid, l.l AS ${col} FROM reg_i i JOIN reg_l l ON l.node = 'x:' || i.iid;`;

/** Does the identity's component (column `c`) hold a partner group? */
const PARTNER = (g: string) => `CASE grp WHEN 'realisasi' THEN ${g}.k OR ${g}.a WHEN 'komitmen' THEN ${g}.a
  ELSE ${g}.k END`;
const GROUPS = (c: string) => `SELECT ${c}, bool_or(grp = 'komitmen') AS k, bool_or(grp = 'anggaran') AS a
  FROM reg_c GROUP BY ${c}`;

/** Alias edges: an identity without a partner after the name pass, onto the agency its alias names. */
const ALIAS_EDGES_SQL = `
WITH g AS (${GROUPS('c2')}),
t AS (
  SELECT DISTINCT rep AS target, c2, pk FROM reg_c WHERE grp <> 'realisasi'
  UNION SELECT DISTINCT rep || '@' || pk, c2, pk FROM reg_c WHERE grp <> 'realisasi'
), src AS (
  SELECT c.iid, c.pk, al.agency_key AS target FROM reg_c c JOIN g USING (c2)
    JOIN agency_alias al ON al.alias_key = c.alias_plain OR al.alias_key = c.pk || '|' || c.alias_plain
  WHERE NOT (${PARTNER('g')})
), m AS (
  SELECT src.iid, any_value(t.c2) AS c2 FROM src JOIN t ON t.target = src.target
    AND (t.pk = src.pk OR src.pk = '${UNKNOWN_PEMDA}' OR src.target LIKE 'kd:%')
  GROUP BY src.iid HAVING count(DISTINCT t.c2) = 1
)
SELECT 'x:' || iid AS a, c2 AS b FROM m`;

/**
 * reg_c.c3, the final component: an anchor's is its label after the alias pass; a transaction identity attaches
 * to the component its code (1), SIRUP id (2) or name (3) node belongs to, in that order, else the one its alias
 * names (4); one that attaches nowhere is grouped with the same spelling in its Pemda (unmatched).
 */
const ATTACH_SQL = `
CREATE OR REPLACE TEMP TABLE reg_c3 AS
WITH linked AS (SELECT DISTINCT a AS node FROM reg_e),
att AS (
  SELECT n.iid, CASE n.typ WHEN 'code' THEN 1 WHEN 'id' THEN 2 WHEN 'name' THEN 3 ELSE 4 END AS how, l.l
  FROM reg_n n JOIN linked USING (node) JOIN reg_l l USING (node) WHERE NOT n.anchor
), best AS (SELECT iid, arg_min(l, how) AS l, min(how) AS how FROM att GROUP BY iid)
SELECT i.iid, CASE WHEN i.grp <> 'realisasi' THEN l.l
    ELSE coalesce(b.l, 'r:' || i.pk || '|' || coalesce(i.alias_plain, i.rep)) END AS c3,
  CASE WHEN i.grp = 'realisasi' THEN b.how END AS how
FROM reg_i i JOIN reg_l l ON l.node = 'x:' || i.iid LEFT JOIN best b ON b.iid = i.iid;
CREATE OR REPLACE TEMP TABLE reg_c AS SELECT c.*, c3.c3, c3.how FROM reg_c c JOIN reg_c3 c3 USING (iid);
`;

const FINAL_SQL = `
CREATE OR REPLACE TEMP TABLE reg_f AS
WITH g1 AS (${GROUPS('c1')}), g2 AS (${GROUPS('c2')}), g3 AS (${GROUPS('c3')}),
loaded AS (SELECT bool_or(grp = 'komitmen') AS k, bool_or(grp = 'anggaran') AS a FROM reg_i),
comp AS (
  SELECT c3, arg_min(rep, lpad(CAST(prio AS VARCHAR), 3, '0') || rep) AS rep,
    coalesce(mode(pk0) FILTER (WHERE pk0 IS NOT NULL), min(pk)) AS pemda, bool_or(pk0 IS NOT NULL) AS named
  FROM reg_c GROUP BY c3
), keyed AS (
  SELECT c3, pemda, named, CASE WHEN count(*) OVER (PARTITION BY rep) = 1 THEN rep
      WHEN count(*) OVER (PARTITION BY rep, pemda) = 1 THEN rep || '@' || pemda
      ELSE rep || '@' || pemda || '#' || row_number() OVER (PARTITION BY rep, pemda ORDER BY c3) END AS agency_key
  FROM comp
), multi AS (SELECT count(DISTINCT pemda) > 1 AS many FROM comp)
SELECT c.*, k.agency_key, k.pemda,
  CASE WHEN c.grp = 'realisasi' THEN
      CASE c.how WHEN 1 THEN 'kode' WHEN 2 THEN 'kode' WHEN 3 THEN 'nama' WHEN 4 THEN 'alias'
        ELSE CASE WHEN NOT (loaded.k OR loaded.a) THEN 'sendiri' END END
    WHEN ${PARTNER('g1')} THEN 'kode' WHEN ${PARTNER('g2')} THEN 'nama' WHEN ${PARTNER('g3')} THEN 'alias'
    WHEN NOT (${PARTNER('loaded')}) THEN 'sendiri' END AS match_path,
  CASE WHEN multi.many THEN c.pk || '|' || c.alias_plain ELSE c.alias_plain END AS alias_key,
  CASE WHEN c.n_klpd IS NOT NULL THEN 'kd_klpd' WHEN c.n_pnama IS NOT NULL THEN 'nama_klpd'
    WHEN k.pemda = '${UNKNOWN_PEMDA}' THEN '${UNKNOWN_PEMDA}' WHEN k.named THEN 'perangkat_daerah'
    ELSE 'satu_pemda' END AS pemda_path
FROM reg_c c JOIN keyed k USING (c3) JOIN g1 USING (c1) JOIN g2 USING (c2) JOIN g3 USING (c3), loaded, multi;
`;

/** The new map, agencies and Pemda, and (`extra`) the budget copies counted once per register agency. */
const writeSql = (extra: string) => `
BEGIN TRANSACTION;
DELETE FROM agency_idmap;
INSERT INTO agency_idmap SELECT file_id, kd_klpd, nama_klpd, kd_satker, kd_satker_str, nama_satker, pemda,
  agency_key, match_path, alias_key, pemda_path FROM reg_f;
DELETE FROM agency_register;
INSERT INTO agency_register
  SELECT agency_key, any_value(pemda),
    arg_max(nama_satker, CASE grp WHEN 'anggaran' THEN 3 WHEN 'komitmen' THEN 2 ELSE 1 END * 1e15 + n)
      FILTER (WHERE nama_satker IS NOT NULL),
    arg_max(kd_satker_str, CASE grp WHEN 'anggaran' THEN 3 WHEN 'komitmen' THEN 2 ELSE 1 END * 1e15 + n)
      FILTER (WHERE kd_satker_str IS NOT NULL),
    bool_or(grp = 'komitmen'), bool_or(grp = 'anggaran'), bool_or(grp = 'realisasi')
  FROM reg_f GROUP BY agency_key;
DELETE FROM pemda_dim;
INSERT INTO pemda_dim
  SELECT pemda, mode(nama_klpd) FILTER (WHERE pk0 = pemda AND NOT p3dn_blank(nama_klpd)),
    mode(n_klpd) FILTER (WHERE pk0 = pemda),
    count(DISTINCT agency_key) FILTER (WHERE grp <> 'realisasi')
  FROM reg_f GROUP BY pemda;
${extra}
COMMIT;
`;

/**
 * Rebuild the register after any change to the loaded files or the aliases: collect new files' identities,
 * match them (three passes), and swap the map, the agencies and the Pemda in one transaction, with the budget rows
 * counted once per register agency and year (../schema/cross-file.ts). The result depends only on the loaded files
 * and the aliases: after a batch of imports, one refresh gives what a refresh after each file would have.
 */
export async function refreshRegister(engine: Engine): Promise<void> {
  const files: LoadedFile[] = (
    await engine.query('SELECT file_id, kind, data_table FROM source_file ORDER BY file_id')
  ).map((r) => ({
    fileId: num(r['file_id']),
    kind: r['kind'] as LoadedFile['kind'],
    dataTable: String(r['data_table']),
  }));
  await engine.exec(collectSql());
  await engine.exec(IDENTITIES_SQL);
  await propagate(engine, edges(`'id', 'code'`), true);
  await engine.exec(component('c1'));
  await propagate(engine, edges(`'id', 'code', 'name'`), false);
  await engine.exec(component('c2'));
  await engine.exec(`CREATE OR REPLACE TEMP TABLE reg_c AS
    SELECT i.*, c1.c1, c2.c2 FROM reg_i i JOIN reg_c1 c1 USING (iid) JOIN reg_c2 c2 USING (iid);`);
  // Without aliases the alias pass adds no edge: the name pass's components are final.
  const [al] = await engine.query('SELECT count(*) AS n FROM agency_alias');
  if (Number(al?.['n'] ?? 0) > 0) {
    await propagate(
      engine,
      `${edges(`'id', 'code', 'name'`)} UNION ALL SELECT * FROM (${ALIAS_EDGES_SQL})`,
      false,
    );
  }
  await engine.exec(ATTACH_SQL);
  await engine.exec(FINAL_SQL);
  try {
    await engine.exec(writeSql(agencySupersededSql(files)));
  } catch (e) {
    await engine.exec('ROLLBACK').catch(() => undefined);
    throw e;
  }
  await engine.exec(
    'DROP TABLE IF EXISTS reg_i; DROP TABLE IF EXISTS reg_n; DROP TABLE IF EXISTS reg_e; DROP TABLE IF EXISTS reg_l;' +
      'DROP TABLE IF EXISTS reg_c1; DROP TABLE IF EXISTS reg_c2; DROP TABLE IF EXISTS reg_c3; DROP TABLE IF EXISTS reg_c;' +
      'DROP TABLE IF EXISTS reg_f;',
  );
}
