import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import type { Engine } from '../../src/engine/types';
import { holdsAliases, refreshAgencyMap, writeAliases } from '../../src/p3dn/agency';
import { KINDS, type KindSpec } from '../../src/p3dn/kinds';
import {
  DEFAULT_TARGETS,
  NO_FILTERS,
  basisAgencyQuery,
  basisSummaryQuery,
  unmatchedQuery,
} from '../../src/p3dn/metrics';
import {
  openManifest,
  restoreSnapshot,
  rowsFingerprint,
  saveSnapshot,
  schemaFingerprint,
  type Manifest,
} from '../../src/p3dn/persist/snapshot';
import { DERIVED_TABLES } from '../../src/p3dn/schema';
import { freshEngines, importText } from '../helpers/engine';
import { content, expectSameFigures, memoryStore } from '../helpers/figures';
import { SAMPLE } from '../helpers/sample';

/*
 * A stored dataset of another version whose loaded rows this one reads alike (src/p3dn/persist/snapshot.ts,
 * `SnapshotFit` `rows`): only the tables of what the user loaded are read, the register and the cubes are made again
 * (with the stored aliases), and every figure is the one the version that loaded the files showed. Any change to
 * what the loaded rows are read with still refuses the store, as does a manifest from before the rows' fingerprint.
 */

const fresh = freshEngines();

/** The base tables of the main schema, by name. */
async function baseTables(engine: NodeEngine): Promise<string[]> {
  const rows = await engine.query(
    `SELECT table_name AS t FROM duckdb_tables() WHERE schema_name = 'main' AND database_name = 'memory'
      AND NOT temporary AND NOT internal ORDER BY 1`,
  );
  return rows.map((r) => String(r['t']));
}

/**
 * "The next version": the same loaded rows' tables, a new macro and view, and (`cube`) a cube with another column
 * (which this version's cube build, run by the restore, does not make again: left out where a second restore is
 * compared).
 */
async function nextVersion(engine: NodeEngine, { cube = true } = {}): Promise<void> {
  await engine.exec(`${cube ? 'ALTER TABLE cube_agency ADD COLUMN next_version_col INTEGER;' : ''}
    CREATE OR REPLACE MACRO p3dn_next_version(x) AS x + 1;
    CREATE OR REPLACE VIEW next_version_view AS SELECT 1 AS x;`);
}

/** The agency figures on screen (every basis of the first denominator): per agency and the summary. */
const agencyFigures = async (engine: Engine) => {
  const out: unknown[] = [];
  for (const basis of ['komitmen', 'realisasi'] as const)
    for (const q of [
      basisAgencyQuery(basis, 'belanja_pengadaan', DEFAULT_TARGETS, NO_FILTERS),
      basisSummaryQuery(basis, 'belanja_pengadaan', DEFAULT_TARGETS, NO_FILTERS),
    ])
      out.push(await engine.query(q.sql, q.params));
  return out;
};

describe('the derived tables: the register and every cube, made again from the rest', () => {
  it('every cube and register table of the schema is in the list; emptied, one refresh makes each again', async () => {
    const a = await fresh();
    for (const f of [
      'RUP-PaketPenyedia-Terumumkan.csv',
      'RUP-StrukturAnggaranPD.csv',
      'Bela-TokoDaringRealisasi.csv',
    ])
      await importText(a, f, readFileSync(`${SAMPLE}/${f}`));
    const tables = await baseTables(a);
    const cubes = tables.filter((t) => t.startsWith('cube_'));
    expect(cubes.length).toBeGreaterThanOrEqual(10);
    expect([...DERIVED_TABLES].sort()).toEqual(
      [...cubes, 'agency_ids', 'agency_idmap', 'agency_register', 'pemda_dim'].sort(),
    );
    const before = new Map<string, string[]>();
    for (const t of tables) before.set(t, await content(a, t));
    for (const t of ['agency_idmap', 'cube_base', 'cube_agency_year'])
      expect(before.get(t)!.length, t).toBeGreaterThan(10);
    for (const t of DERIVED_TABLES) await a.exec(`DELETE FROM "${t}"`);
    expect(await content(a, 'cube_base')).toEqual([]);
    await refreshAgencyMap(a);
    for (const t of tables) expect(await content(a, t), t).toEqual(before.get(t));
  }, 240_000);
});

describe('a stored dataset of another version, its loaded rows read alike', () => {
  let a: NodeEngine;
  let schema: string;
  let manifest: Manifest;
  let store: ReturnType<typeof memoryStore>;
  let aliases: { aliasKey: string; agencyKey: string }[];
  /** The tables of what was loaded (every table but the derived ones), as the loading version held them. */
  let loadedTables: string[];

  beforeAll(async () => {
    a = await fresh();
    schema = await schemaFingerprint(a);
    // Every kind of the sample (plans, budgets, tenders, e-purchasing, transactions), as the user's own files…
    for (const f of readdirSync(SAMPLE).sort()) await importText(a, f, readFileSync(`${SAMPLE}/${f}`));
    // …a second RUP batch overlapping the first: the older file's copies superseded…
    const lines = readFileSync(`${SAMPLE}/RUP-PaketPenyedia-Terumumkan.csv`, 'utf8').split('\n');
    await importText(a, 'RUP-batch-2.csv', lines.slice(0, 1501).join('\n') + '\n', { replace: 'none' });
    // …and an alias the user made for an agency of the transactions.
    const [un] = await a.query(unmatchedQuery(NO_FILTERS).sql, unmatchedQuery(NO_FILTERS).params);
    const [target] = await a.query('SELECT agency_key FROM agency_dim ORDER BY agency_key LIMIT 1');
    aliases = [{ aliasKey: String(un!['alias_key']), agencyKey: String(target!['agency_key']) }];
    await writeAliases(a, aliases);
    store = memoryStore();
    manifest = await saveSnapshot(a, { schema, write: store.write });
    loadedTables = (await baseTables(a)).filter((t) => !DERIVED_TABLES.includes(t));
  }, 240_000);

  it('restores every loaded table cell for cell, makes the register and cubes again: the same figures', async () => {
    expect(await a.query(`SELECT count(*) AS n FROM agency_idmap WHERE match_path = 'alias'`)).not.toEqual([
      { n: 0 },
    ]);
    expect(Number((await a.query('SELECT count(*) AS n FROM file_superseded'))[0]!['n'])).toBeGreaterThan(
      1000,
    );
    const b = await fresh();
    await nextVersion(b);
    expect(await schemaFingerprint(b)).not.toBe(schema);
    expect(await rowsFingerprint(b)).toBe(manifest.rows);
    // As a version that had a cube this one dropped, and lacked one this one has, would have stored it; and a
    // derived table's file damaged: none of them is read.
    const old = {
      ...manifest,
      tables: [
        ...manifest.tables.filter((t) => t.name !== 'cube_pa'),
        { ...manifest.tables.find((t) => t.name === 'cube_str')!, name: 'cube_dropped_since' },
      ],
    };
    const asked: string[] = [];
    const derivedFiles = new Set(
      old.tables
        .filter((t) => t.name.startsWith('cube_') || DERIVED_TABLES.includes(t.name))
        .map((t) => t.file),
    );
    const read = async (file: string) => {
      asked.push(file);
      if (derivedFiles.has(file)) throw new Error(`a derived table's file read: ${file}`);
      return store.read(file);
    };
    const { manifest: m, fit } = await openManifest(b, JSON.stringify(old), await schemaFingerprint(b));
    expect(fit).toBe('rows');
    expect(await restoreSnapshot(b, m, read, fit)).toBe('own');
    expect(asked.length).toBe(loadedTables.length);
    // Every table of what was loaded: the same, cell for cell (the files' own tables among them).
    expect(loadedTables.filter((t) => t.startsWith('p3dn_file_'))).toHaveLength(12);
    for (const t of loadedTables) expect(await content(b, t), t).toEqual(await content(a, t));
    // The register and cubes made again are the loading version's (the alias applied), and so every figure.
    for (const t of ['agency_idmap', 'agency_register', 'pemda_dim', 'cube_base', 'cube_agency_year'])
      expect(await content(b, t), t).toEqual(await content(a, t));
    expect(await holdsAliases(b, aliases)).toBe(true);
    const figures = await agencyFigures(a);
    expect((figures[0] as unknown[]).length).toBeGreaterThan(5);
    expect(await agencyFigures(b)).toEqual(figures);
    await expectSameFigures(a, b);
  }, 240_000);

  it('stored again by this version: the next start takes the fast path, all tables as stored', async () => {
    const b = await fresh();
    await nextVersion(b, { cube: false });
    const bSchema = await schemaFingerprint(b);
    expect(bSchema).not.toBe(schema);
    const { manifest: m, fit } = await openManifest(b, JSON.stringify(manifest), bSchema);
    expect(fit).toBe('rows');
    await restoreSnapshot(b, m, store.read, fit);
    const again = memoryStore();
    const m2 = await saveSnapshot(b, { schema: bSchema, write: again.write });
    expect(m2.rows).toBe(manifest.rows);
    const c = await fresh();
    await nextVersion(c, { cube: false });
    const opened = await openManifest(c, JSON.stringify(m2), await schemaFingerprint(c));
    expect(opened.fit).toBe('all');
    await restoreSnapshot(c, opened.manifest, again.read, opened.fit);
    for (const t of await baseTables(b)) expect(await content(c, t), t).toEqual(await content(b, t));
  }, 240_000);

  it('a table of what was loaded missing from the snapshot: corrupt, nothing loaded', async () => {
    const b = await fresh();
    await nextVersion(b);
    const lacking = { ...manifest, tables: manifest.tables.filter((t) => t.name !== 'import_reject') };
    const { manifest: m, fit } = await openManifest(b, JSON.stringify(lacking), await schemaFingerprint(b));
    await expect(restoreSnapshot(b, m, store.read, fit)).rejects.toThrow(
      expect.objectContaining({ code: 'corrupt' }),
    );
    expect(await b.query('SELECT count(*) AS n FROM source_file')).toEqual([{ n: 0 }]);
  });

  it('the deriving fails: the restored rows are taken out again, the engine empty as it was', async () => {
    const b = await fresh();
    await nextVersion(b);
    // The register's refresh fails (as an engine out of memory would), once the rows are in.
    const failing: Engine = {
      query: (q, p) => b.query(q, p),
      queryMany: (items) => b.queryMany(items),
      exec: (q, o) =>
        q.includes('TEMP TABLE reg_i') ? Promise.reject(new Error('out of memory')) : b.exec(q, o),
      registerFile: (n, src) => b.registerFile(n, src),
      dropFile: (n) => b.dropFile(n),
      registerEmptyFile: (n) => b.registerEmptyFile(n),
      copyFileToBuffer: (n) => b.copyFileToBuffer(n),
    };
    const { manifest: m, fit } = await openManifest(b, JSON.stringify(manifest), await schemaFingerprint(b));
    await expect(restoreSnapshot(failing, m, store.read, fit)).rejects.toThrow(
      expect.objectContaining({ code: 'corrupt' }),
    );
    for (const t of [
      'source_file',
      'import_reject',
      'agency_alias',
      'rup_penyedia',
      'realisasi',
      'cube_base',
    ])
      expect(await b.query(`SELECT count(*) AS n FROM ${t}`), t).toEqual([{ n: 0 }]);
    expect(
      await b.query(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 'p3dn_file_%'`),
    ).toEqual([{ n: 0 }]);
    // The sample's own import works on it afterwards.
    await importText(b, 'RUP-StrukturAnggaranPD.csv', readFileSync(`${SAMPLE}/RUP-StrukturAnggaranPD.csv`));
    expect(Number((await b.query('SELECT count(*) AS n FROM cube_str'))[0]!['n'])).toBeGreaterThan(0);
  });

  it('a loaded rows’ table with another column: refused as another version', async () => {
    const b = await fresh();
    await nextVersion(b);
    await b.exec('ALTER TABLE import_reject ADD COLUMN hint VARCHAR');
    expect(await rowsFingerprint(b)).not.toBe(manifest.rows);
    await expect(openManifest(b, JSON.stringify(manifest), await schemaFingerprint(b))).rejects.toThrow(
      expect.objectContaining({ code: 'schema' }),
    );
  });

  it('a kind whose files’ tables hold another column: refused as another version', async () => {
    const b = await fresh();
    await nextVersion(b);
    const spec = KINDS.rup_penyedia as { columns: KindSpec['columns'] };
    const columns = spec.columns;
    spec.columns = [...columns, { name: 'kolom_baru', type: 'text', aliases: ['kolom_baru'] }];
    try {
      await expect(openManifest(b, JSON.stringify(manifest), await schemaFingerprint(b))).rejects.toThrow(
        expect.objectContaining({ code: 'schema' }),
      );
    } finally {
      spec.columns = columns;
    }
    expect(await rowsFingerprint(b)).toBe(manifest.rows);
  });

  it('a manifest from before the rows’ fingerprint: refused as another version (never guessed)', async () => {
    const b = await fresh();
    await nextVersion(b);
    const { rows, ...older } = manifest;
    expect(rows).toMatch(/^[0-9a-f]{16}$/);
    await expect(openManifest(b, JSON.stringify(older), await schemaFingerprint(b))).rejects.toThrow(
      expect.objectContaining({ code: 'schema' }),
    );
    for (const odd of [42, null, ''])
      await expect(
        openManifest(b, JSON.stringify({ ...older, rows: odd }), await schemaFingerprint(b)),
      ).rejects.toThrow(expect.objectContaining({ code: 'schema' }));
    // The same schema: the fast path, whatever the rows' fingerprint says.
    const same = await fresh();
    expect((await openManifest(same, JSON.stringify(older), schema)).fit).toBe('all');
  });
});

describe('the rows’ fingerprint', () => {
  it('is the empty schema’s on a loaded engine, files in memory and in the file store alike', async () => {
    const empty = await rowsFingerprint(await fresh());
    const a = await fresh();
    await importText(a, 'RUP-StrukturAnggaranPD.csv', readFileSync(`${SAMPLE}/RUP-StrukturAnggaranPD.csv`));
    await importText(
      a,
      'Bela-TokoDaringRealisasi.csv',
      readFileSync(`${SAMPLE}/Bela-TokoDaringRealisasi.csv`),
      {
        rowStore: 'disk',
      },
    );
    expect(
      await a.query(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 'p3dn_disk_%'`),
    ).toEqual([{ n: 1 }]);
    expect(await rowsFingerprint(a)).toBe(empty);
    const m = await saveSnapshot(a, { schema: 'x', write: async () => undefined });
    expect(m.rows).toBe(empty);
    // A derived table's change leaves it; a loaded rows' table's changes it.
    await a.exec('ALTER TABLE cube_base ADD COLUMN extra INTEGER');
    expect(await rowsFingerprint(a)).toBe(empty);
    await a.exec('ALTER TABLE source_checksum ADD COLUMN extra INTEGER');
    expect(await rowsFingerprint(a)).not.toBe(empty);
  }, 240_000);
});
