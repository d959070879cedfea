import { readFileSync, readdirSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import {
  MANIFEST_NAME,
  SnapshotError,
  manifestFileNames,
  parseManifest,
  restoreSnapshot,
  saveSnapshot,
  schemaFingerprint,
  type Manifest,
} from '../../src/p3dn/persist/snapshot';
import { NO_FILTERS, unmatchedQuery } from '../../src/p3dn/metrics';
import { writeAliases } from '../../src/p3dn/agency';
import { loadedSource } from '../../src/p3dn/schema';
import { guardEngine } from '../../src/engine/guard';
import { BatchingEngine } from '../../src/queries/batch';
import { freshEngines, importText } from '../helpers/engine';
import { content, expectSameFigures, memoryStore } from '../helpers/figures';
import { SAMPLE } from '../helpers/sample';

describe('snapshot round trip on the real engine', () => {
  const fresh = freshEngines();

  it('keeps exact DECIMALs, NULL apart from empty text, quotes, separators, line breaks, dates', async () => {
    const a = await fresh();
    const schema = await schemaFingerprint(a);
    // A table of the shape the importer writes, with every awkward value a CSV can hold.
    await a.exec(`CREATE TABLE p3dn_file_x (file_id INTEGER, line BIGINT, nilai DECIMAL(30, 2), ok BOOLEAN,
      tanggal DATE, teks VARCHAR, big HUGEINT, d DOUBLE)`);
    const texts = [
      'biasa',
      '',
      null,
      'kutip "ganda" dan \'tunggal\'',
      'titik;koma;dan,koma',
      'baris\nbaru\r\ndan CR\rsaja',
      '  spasi di tepi  ',
      'NULL',
      '=SUM(A1)',
      'Rp 1.234.567,89 — ünïcödé ✓',
      '"',
      ',',
    ];
    const values = texts.map((t, i) => [
      i + 1,
      i * 1000 + 7,
      [
        '99999999999999999999999999.99',
        '-0.01',
        '0.00',
        null,
        '123456789012345678.45',
        '1.10',
        '-99999999999999999999999999.99',
        '42.00',
        '0.05',
        '7',
        '3.33',
        '12.5',
      ][i]!,
      i % 3 === 0 ? null : i % 2 === 0,
      i % 4 === 0 ? null : `2025-${String((i % 12) + 1).padStart(2, '0')}-28`,
      t,
      i === 5 ? '170141183460469231731687303715884105727' : String(-i),
      i === 3 ? null : i / 3,
    ]);
    for (const v of values) {
      await a.query(
        'INSERT INTO p3dn_file_x VALUES (?, ?, CAST(? AS DECIMAL(30, 2)), ?, CAST(? AS DATE), ?, CAST(? AS HUGEINT), ?)',
        v as never,
      );
    }
    const store = memoryStore();
    const manifest = await saveSnapshot(a, { schema, write: store.write });
    const t = manifest.tables.find((x) => x.name === 'p3dn_file_x')!;
    expect(t.rows).toBe(texts.length);
    expect(t.columns.map((c) => c.type)).toEqual([
      'INTEGER',
      'BIGINT',
      'DECIMAL(30,2)',
      'BOOLEAN',
      'DATE',
      'VARCHAR',
      'HUGEINT',
      'DOUBLE',
    ]);

    const b = await fresh();
    expect(await schemaFingerprint(b)).toBe(schema);
    await restoreSnapshot(b, parseManifest(JSON.stringify(manifest), schema), store.read);
    const back = await b.query(
      `SELECT file_id, CAST(nilai AS VARCHAR) AS nilai, ok, CAST(tanggal AS VARCHAR) AS tanggal, teks,
        CAST(big AS VARCHAR) AS big, d, typeof(nilai) AS ty FROM p3dn_file_x ORDER BY file_id`,
    );
    expect(back.map((r) => r['teks'])).toEqual(texts);
    expect(back.map((r) => r['nilai'])).toEqual([
      '99999999999999999999999999.99',
      '-0.01',
      '0.00',
      null,
      '123456789012345678.45',
      '1.10',
      '-99999999999999999999999999.99',
      '42.00',
      '0.05',
      '7.00',
      '3.33',
      '12.50',
    ]);
    expect(back.map((r) => r['ok'])).toEqual(values.map((v) => v[3]));
    expect(back.map((r) => r['tanggal'])).toEqual(values.map((v) => v[4]));
    expect(back.map((r) => r['big'])).toEqual(values.map((v) => v[6]));
    expect(back.map((r) => r['d'])).toEqual(values.map((v) => v[7]));
    expect(back[0]!['ty']).toBe('DECIMAL(30,2)');
    // The empty string and NULL stay apart.
    expect(back[1]!['teks']).toBe('');
    expect(back[2]!['teks']).toBeNull();
  });

  /** Every base table and view of the main schema, by name. */
  const catalogue = async (engine: NodeEngine, type: 'BASE TABLE' | 'VIEW') =>
    (
      await engine.query(
        `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'main' AND table_type = ?
          ORDER BY 1`,
        [type],
      )
    ).map((r) => String(r['t']));

  /** Save `a`, restore into a fresh engine; every table and view equal, every figure the same. */
  async function roundTrip(a: NodeEngine) {
    const schema = await schemaFingerprint(a);
    const store = memoryStore();
    const manifest = await saveSnapshot(a, { schema, write: store.write });
    const b = await fresh();
    const source = await restoreSnapshot(b, parseManifest(JSON.stringify(manifest), schema), store.read);
    // Every table of the dataset is in the snapshot (the register, the superseded copies, the files' own tables).
    const tables = await catalogue(a, 'BASE TABLE');
    expect(manifest.tables.map((t) => t.name).sort()).toEqual(tables);
    for (const t of [
      'source_file',
      'source_checksum',
      'import_reject',
      'import_exclusion',
      'file_superseded',
      'agency_alias',
      'agency_ids',
      'agency_idmap',
      'agency_register',
      'pemda_dim',
    ])
      expect(tables).toContain(t);
    expect(await catalogue(b, 'BASE TABLE')).toEqual(tables);
    const views = await catalogue(a, 'VIEW');
    expect(views).toEqual(expect.arrayContaining(['agency_dim', 'realisasi', 'realisasi_x', 'rup_penyedia']));
    expect(await catalogue(b, 'VIEW')).toEqual(views);
    for (const t of [...tables, ...views]) expect(await content(b, t), t).toEqual(await content(a, t));
    await expectSameFigures(a, b);
    return { b, manifest, source };
  }

  it('a large table is written in parts (rowid ranges, gaps of deleted rows): the same file as written whole', async () => {
    const a = await fresh();
    for (const f of readdirSync(SAMPLE).sort().slice(0, 3))
      await importText(a, f, readFileSync(`${SAMPLE}/${f}`), { isSample: true });
    await a.exec(`CREATE TABLE gap_t AS SELECT range AS i, 'baris ' || range AS s FROM range(100)`);
    await a.exec('DELETE FROM gap_t WHERE i BETWEEN 20 AND 45 OR i % 9 = 0');
    const kept = [...Array(100).keys()].filter((i) => !(i >= 20 && i <= 45) && i % 9 !== 0);
    const schema = await schemaFingerprint(a);
    const whole = memoryStore();
    const parts = memoryStore();
    const m1 = await saveSnapshot(a, { schema, write: whole.write });
    const m2 = await saveSnapshot(a, { schema, write: parts.write, partRows: 7 });
    expect(m2.tables).toEqual(m1.tables);
    const gap = m1.tables.find((t) => t.name === 'gap_t')!;
    expect(gap.rows).toBe(kept.length);
    expect(new TextDecoder().decode(parts.files.get(gap.file))).toBe(
      `i,s\n${kept.map((i) => `${i},baris ${i}\n`).join('')}`,
    );
    // Several tables needed several parts; every file is byte for byte the one written whole.
    expect(m1.tables.filter((t) => t.rows > 3 * 7).length).toBeGreaterThan(3);
    expect([...parts.files.keys()].sort()).toEqual([...whole.files.keys()].sort());
    for (const [f, b] of whole.files)
      expect(Buffer.from(parts.files.get(f)!).equals(Buffer.from(b)), f).toBe(true);
  });

  it('brings back the whole sample: every table, every view, the same figures; known as the sample', async () => {
    const a = await fresh();
    for (const f of readdirSync(SAMPLE).sort())
      await importText(a, f, readFileSync(`${SAMPLE}/${f}`), { isSample: true });
    await a.query('INSERT INTO source_checksum VALUES (1, ?)', ['ab'.repeat(32)]);
    await writeAliases(a, [{ aliasKey: 'DINAS CONTOH', agencyKey: 'x' }]);
    const { b, manifest, source } = await roundTrip(a);
    expect(manifest.files).toHaveLength(11);
    expect(manifest.tables.filter((t) => t.name.startsWith('p3dn_file_'))).toHaveLength(11);
    expect((await content(a, 'rup_penyedia')).length).toBeGreaterThan(100);
    expect((await content(a, 'agency_register')).length).toBeGreaterThan(10);
    // The restored sample is the sample: the app's first own file replaces all of it.
    expect(manifest.source).toBe('sample');
    expect(source).toBe('sample');
    expect(await loadedSource(b)).toBe('sample');
    // A restored dataset takes further imports as before: a file of the same kind replaces its predecessor.
    const penyedia = readFileSync(`${SAMPLE}/RUP-PaketPenyedia-Terumumkan.csv`);
    const r = await importText(b, 'again.csv', penyedia);
    expect(r.replaced).toHaveLength(1);
    const totals =
      'SELECT count(*) AS n, CAST(sum(pagu) AS VARCHAR) AS pagu, count(DISTINCT file_id) AS f FROM rup_penyedia';
    expect(await b.query(totals)).toEqual(await a.query(totals));
    expect(await loadedSource(b)).toBe('own');
  }, 240_000);

  it('brings back the own data with its register, aliases and superseded copies; known as own', async () => {
    const a = await fresh();
    for (const f of readdirSync(SAMPLE).sort()) await importText(a, f, readFileSync(`${SAMPLE}/${f}`));
    // A second RUP batch overlapping the first on 1 500 packages: the copies of the older file are superseded.
    const lines = readFileSync(`${SAMPLE}/RUP-PaketPenyedia-Terumumkan.csv`, 'utf8').split('\n');
    await importText(a, 'RUP-batch-2.csv', lines.slice(0, 1501).join('\n') + '\n', { replace: 'none' });
    // Superseded: the older file's counted copies of the 1 500 packages (its own excluded rows stay as they are).
    const parsed = Papa.parse<Record<string, string>>(lines.slice(0, 1501).join('\n'), { header: true });
    const batch2 = parsed.data.map((r) => r['kd_rup']!);
    expect(batch2).toHaveLength(1500);
    const [older] = await a.query(
      `SELECT data_table FROM source_file WHERE name = 'RUP-PaketPenyedia-Terumumkan.csv'`,
    );
    const [copies] = await a.query(
      `SELECT count(*) AS n FROM "${String(older!['data_table'])}" WHERE exclusion IS NULL
        AND list_contains(string_split(?, ','), CAST(kd_rup AS VARCHAR))`,
      [batch2.join(',')],
    );
    expect(Number(copies?.['n'])).toBeGreaterThan(1000);
    expect(await a.query('SELECT count(*) AS n FROM file_superseded')).toEqual([copies]);
    // The user maps an unmatched agency of the transactions by alias: the register changes, and must come back.
    const [un] = await a.query(unmatchedQuery(NO_FILTERS).sql, unmatchedQuery(NO_FILTERS).params);
    const [target] = await a.query('SELECT agency_key FROM agency_dim ORDER BY agency_key LIMIT 1');
    expect(un?.['alias_key'], 'an unmatched agency in the sample').toBeTypeOf('string');
    const registerBefore = await content(a, 'agency_idmap');
    await writeAliases(a, [{ aliasKey: String(un!['alias_key']), agencyKey: String(target!['agency_key']) }]);
    expect(await content(a, 'agency_idmap')).not.toEqual(registerBefore);
    const [path] = await a.query(`SELECT count(*) AS n FROM agency_idmap WHERE match_path = 'alias'`);
    expect(Number(path?.['n'])).toBeGreaterThan(0);

    const { b, manifest, source } = await roundTrip(a);
    expect(manifest.source).toBe('own');
    expect(source).toBe('own');
    expect(await loadedSource(b)).toBe('own');
    // Further imports on both: the same answers (the register refreshed from the restored state).
    const tender = readFileSync(`${SAMPLE}/SPSE-TenderSelesaiNilai.csv`);
    for (const e of [a, b]) await importText(e, 'SPSE-TenderSelesaiNilai-2.csv', tender, { replace: 'none' });
    for (const t of ['agency_idmap', 'agency_register', 'pemda_dim', 'file_superseded'])
      expect(await content(b, t), t).toEqual(await content(a, t));
    await expectSameFigures(a, b);
  }, 240_000);

  it('a manifest whose files disagree with its word on whose data it is, or that lacks a table: refused', async () => {
    const a = await fresh();
    const schema = await schemaFingerprint(a);
    await importText(a, 'RUP-StrukturAnggaranPD.csv', readFileSync(`${SAMPLE}/RUP-StrukturAnggaranPD.csv`));
    const store = memoryStore();
    const manifest = await saveSnapshot(a, { schema, write: store.write });
    expect(manifest.source).toBe('own');
    const lying = parseManifest(JSON.stringify({ ...manifest, source: 'sample' }), schema);
    const lacking = { ...manifest, tables: manifest.tables.filter((t) => t.name !== 'agency_register') };
    for (const bad of [lying, lacking]) {
      const b = await fresh();
      await expect(restoreSnapshot(b, bad, store.read)).rejects.toThrow(
        expect.objectContaining({ code: 'corrupt' }),
      );
      expect(await b.query('SELECT count(*) AS n FROM source_file')).toEqual([{ n: 0 }]);
    }
  });

  it('works through the app’s wrappers: the batching engine over the guard', async () => {
    const a = await fresh();
    const schema = await schemaFingerprint(a);
    await importText(a, 'RUP-StrukturAnggaranPD.csv', readFileSync(`${SAMPLE}/RUP-StrukturAnggaranPD.csv`));
    const store = memoryStore();
    const manifest = await saveSnapshot(new BatchingEngine(guardEngine(a)), { schema, write: store.write });
    const b = await fresh();
    const wrapped = new BatchingEngine(guardEngine(b));
    expect(await restoreSnapshot(wrapped, manifest, store.read)).toBe('own');
    for (const t of await catalogue(a, 'BASE TABLE'))
      expect(await content(b, t), t).toEqual(await content(a, t));
    expect((await content(b, 'cube_str')).length).toBeGreaterThan(0);
  });

  describe('an unusable store is refused, and the engine is left as it was', () => {
    let schema: string;
    let manifest: Manifest;
    let store: ReturnType<typeof memoryStore>;
    beforeAll(async () => {
      const a = await fresh();
      schema = await schemaFingerprint(a);
      await importText(a, 'RUP-StrukturAnggaranPD.csv', readFileSync(`${SAMPLE}/RUP-StrukturAnggaranPD.csv`));
      store = memoryStore();
      manifest = await saveSnapshot(a, { schema, write: store.write });
    });

    it('another schema or format: a version error, the file names still listed', () => {
      const text = JSON.stringify(manifest);
      expect(() => parseManifest(text, 'another')).toThrow(SnapshotError);
      expect(() => parseManifest(JSON.stringify({ ...manifest, format: 0 }), schema)).toThrow(
        expect.objectContaining({ code: 'format' }),
      );
      expect(() => parseManifest(text, 'another')).toThrow(expect.objectContaining({ code: 'schema' }));
      expect(manifestFileNames(JSON.parse(text))).toEqual(['RUP-StrukturAnggaranPD.csv']);
      expect(MANIFEST_NAME).toBe('manifest.json');
    });

    it('a corrupt manifest: refused as corrupt', () => {
      for (const bad of ['{', '[]', JSON.stringify({ ...manifest, tables: [{ name: 'x' }] })]) {
        expect(() => parseManifest(bad, schema)).toThrow(expect.objectContaining({ code: 'corrupt' }));
      }
    });

    it('a truncated or altered table file: rolled back, nothing loaded', async () => {
      const data = manifest.tables.find((t) => t.name.startsWith('p3dn_file_'))!;
      const bytes = store.files.get(data.file)!;
      const cases: Uint8Array[] = [
        bytes.slice(0, Math.floor(bytes.length / 2)), // cut mid-row: a row fewer, or a broken row
        new TextEncoder().encode(new TextDecoder().decode(bytes).replace(/\n[^\n]*$/, '\nnot,a,row\n')),
      ];
      for (const broken of cases) {
        const b = await fresh();
        const read = async (f: string) => (f === data.file ? broken.slice() : store.read(f));
        await expect(restoreSnapshot(b, manifest, read)).rejects.toThrow(SnapshotError);
        expect(await b.query('SELECT count(*) AS n FROM source_file')).toEqual([{ n: 0 }]);
        expect(await b.query('SELECT count(*) AS n FROM struktur_anggaran')).toEqual([{ n: 0 }]);
        expect(
          await b.query(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 'p3dn_file_%'`),
        ).toEqual([{ n: 0 }]);
      }
    });
  });
});
