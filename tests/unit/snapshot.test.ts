import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { DEFAULT_TARGETS } from '../../src/p3dn/metrics';
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
import { BASES, NO_FILTERS, basisAgencyQuery, basisSummaryQuery } from '../../src/p3dn/metrics';
import { writeAliases } from '../../src/p3dn/agency';
import { freshEngine, importText } from '../helpers/engine';
import { SAMPLE } from '../helpers/sample';

/** An in-memory snapshot store: file name → bytes. */
function memoryStore() {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    write: async (name: string, bytes: Uint8Array) => void files.set(name, bytes.slice()),
    read: async (name: string) => {
      const b = files.get(name);
      if (!b) throw new Error(`missing ${name}`);
      return b.slice();
    },
  };
}

/** Every row of a table or view as text (DECIMALs as their exact digits), sorted: equal iff the contents are. */
async function content(engine: NodeEngine, table: string): Promise<string[]> {
  const rows = await engine.query(
    `SELECT CAST(x AS VARCHAR) AS r FROM (SELECT t AS x FROM "${table}" t) ORDER BY r`,
  );
  return rows.map((r) => String(r['r']));
}

describe('snapshot round trip on the real engine', () => {
  const engines: NodeEngine[] = [];
  const fresh = async () => {
    const e = await freshEngine();
    engines.push(e);
    return e;
  };
  afterAll(() => engines.forEach((e) => e.close()));

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
    const manifest = await saveSnapshot(a, { schema, source: 'own', write: store.write });
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

  it('brings back the whole sample: every table, every canonical view, the same figures', async () => {
    const a = await fresh();
    const schema = await schemaFingerprint(a);
    for (const f of readdirSync(SAMPLE).sort())
      await importText(a, f, readFileSync(`${SAMPLE}/${f}`), { isSample: true });
    await a.query('INSERT INTO source_checksum VALUES (1, ?)', ['ab'.repeat(32)]);
    await writeAliases(a, [{ aliasKey: 'DINAS CONTOH', agencyKey: 'x' }]);
    const store = memoryStore();
    const manifest = await saveSnapshot(a, { schema, source: 'sample', write: store.write });
    expect(manifest.files).toHaveLength(11);
    expect(manifest.tables.filter((t) => t.name.startsWith('p3dn_file_'))).toHaveLength(11);

    const b = await fresh();
    await restoreSnapshot(b, parseManifest(JSON.stringify(manifest), schema), store.read);
    const tables = [
      'source_file',
      'source_checksum',
      'import_reject',
      'import_exclusion',
      'agency_alias',
      'realisasi_idmap',
      'rup_penyedia',
      'rup_swakelola',
      'struktur_anggaran',
      'realisasi',
      'realisasi_x',
    ];
    for (const t of tables) {
      const before = await content(a, t);
      expect(await content(b, t), t).toEqual(before);
    }
    expect((await content(a, 'rup_penyedia')).length).toBeGreaterThan(100);
    for (const basis of BASES) {
      for (const q of [
        basisAgencyQuery(basis, 'belanja_pengadaan', DEFAULT_TARGETS, NO_FILTERS),
        basisSummaryQuery(basis, 'belanja_pengadaan', DEFAULT_TARGETS, NO_FILTERS),
      ]) {
        expect(await b.query(q.sql, q.params)).toEqual(await a.query(q.sql, q.params));
      }
    }
    // A restored dataset takes further imports as before: a file of the same kind replaces its predecessor.
    const penyedia = readFileSync(`${SAMPLE}/RUP-PaketPenyedia-Terumumkan.csv`);
    const r = await importText(b, 'again.csv', penyedia);
    expect(r.replaced).toHaveLength(1);
    const totals =
      'SELECT count(*) AS n, CAST(sum(pagu) AS VARCHAR) AS pagu, count(DISTINCT file_id) AS f FROM rup_penyedia';
    expect(await b.query(totals)).toEqual(await a.query(totals));
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
      manifest = await saveSnapshot(a, { schema, source: 'own', write: store.write });
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
