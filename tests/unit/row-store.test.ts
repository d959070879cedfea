import { readFileSync, readdirSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { importFile } from '../../src/p3dn/import';
import {
  parseManifest,
  restoreSnapshot,
  saveSnapshot,
  schemaFingerprint,
} from '../../src/p3dn/persist/snapshot';
import {
  MEMORY_HEADROOM,
  MEMORY_PER_BYTE,
  ROW_STORE,
  chooseRowStore,
  ensureRowStore,
  parseMemoryLimit,
} from '../../src/p3dn/schema/row-store';
import { freshEngines, importText } from '../helpers/engine';
import { content, expectSameFigures, memoryStore } from '../helpers/figures';
import { SAMPLE } from '../helpers/sample';

const FILES = readdirSync(SAMPLE).sort();
const PENYEDIA = 'RUP-PaketPenyedia-Terumumkan.csv';

/** The sample's RUP export with money cells no format reads (rejected) and one package deleted (excluded). */
function messyPenyedia(): string {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(`${SAMPLE}/${PENYEDIA}`, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  const rows = parsed.data.map((r, i) =>
    i === 10 ? { ...r, pagu: 'sepuluh juta' } : i === 20 ? { ...r, pagu: '12,5,0' } : r,
  );
  return Papa.unparse(rows, { columns: parsed.meta.fields!, newline: '\n' }) + '\n';
}

/** Data tables (the loaded files' rows) by database. */
async function fileTables(e: NodeEngine): Promise<{ db: string; name: string }[]> {
  return (
    await e.query(
      `SELECT database_name AS db, table_name AS name FROM duckdb_tables()
        WHERE table_name LIKE 'p3dn_file_%' OR table_name LIKE 'p3dn_disk_%' ORDER BY 1, 2`,
    )
  ).map((r) => ({ db: String(r['db']), name: String(r['name']) }));
}

/** What a user is shown of the loaded data: the canonical views and the import's own account of every line. */
const VIEWS = ['rup_penyedia', 'rup_swakelola', 'realisasi', 'import_reject', 'import_exclusion'];
const SOURCE_FILE = `SELECT file_id, name, kind, rows_read, rows_loaded, rows_excluded, rows_rejected, mode
  FROM source_file ORDER BY file_id`;

async function expectSameData(a: NodeEngine, b: NodeEngine): Promise<void> {
  for (const v of VIEWS) expect(await content(b, v), v).toEqual(await content(a, v));
  expect(await b.query(SOURCE_FILE)).toEqual(await a.query(SOURCE_FILE));
  await expectSameFigures(a, b);
}

describe('the file store: rows that would not fit in memory, kept in an attached database file', () => {
  const fresh = freshEngines();

  it('the whole sample and a messy export on disk: every row, reject and figure as in memory', async () => {
    const [mem, disk] = [await fresh(), await fresh()];
    for (const [e, rowStore] of [
      [mem, 'memory'],
      [disk, 'disk'],
    ] as const) {
      for (const f of FILES) await importText(e, f, readFileSync(`${SAMPLE}/${f}`), { rowStore });
      await importText(e, 'rup-messy.csv', messyPenyedia(), { rowStore, replace: 'none' });
    }
    const onDisk = await fileTables(disk);
    expect(onDisk.length).toBe(FILES.length + 1);
    expect(onDisk.every((t) => t.db === ROW_STORE && t.name.startsWith('p3dn_disk_'))).toBe(true);
    expect((await fileTables(mem)).every((t) => t.db === 'memory')).toBe(true);
    const [rej] = await disk.query(
      `SELECT count(*) AS n FROM import_reject r JOIN source_file f USING (file_id) WHERE f.name = 'rup-messy.csv'`,
    );
    expect(rej?.['n']).toBe(2);
    // The rejected rows left the file's table: the view never counts them.
    for (const t of onDisk) {
      const [left] = await disk.query(
        `SELECT count(*) AS n FROM "${ROW_STORE}"."${t.name}" WHERE reject_code IS NOT NULL`,
      );
      expect(left?.['n'], t.name).toBe(0);
    }
    await expectSameData(mem, disk);
  }, 120_000);

  it('a file on disk replaced by its kind, or the same file again: the old table leaves the file store', async () => {
    const [mem, disk] = [await fresh(), await fresh()];
    const bytes = readFileSync(`${SAMPLE}/${PENYEDIA}`);
    for (const [e, rowStore] of [
      [mem, 'memory'],
      [disk, 'disk'],
    ] as const) {
      await importText(e, 'rup-messy.csv', messyPenyedia(), { rowStore });
      // Same kind: replaces the messy file.
      await importText(e, PENYEDIA, bytes, { rowStore });
      // The same file again (same SHA-256), into memory this time on the disk engine: it replaces itself.
      const again = await importText(e, PENYEDIA, bytes, { rowStore: 'memory', replace: 'none' });
      expect(again.mode).toBe('same_file');
    }
    expect(await fileTables(disk)).toEqual([{ db: 'memory', name: expect.stringMatching(/^p3dn_file_/) }]);
    await expectSameData(mem, disk);
  }, 120_000);

  it('a snapshot brings the file store’s tables back into the file store, with the same figures', async () => {
    const disk = await fresh();
    for (const f of FILES.slice(0, 4))
      await importText(disk, f, readFileSync(`${SAMPLE}/${f}`), {
        rowStore: f === PENYEDIA ? 'memory' : 'disk',
      });
    const schema = await schemaFingerprint(disk);
    const store = memoryStore();
    const manifest = await saveSnapshot(disk, { schema, write: store.write, partRows: 700 });
    const onDisk = (await fileTables(disk)).filter((t) => t.db === ROW_STORE).map((t) => t.name);
    expect(onDisk.length).toBe(3);
    expect(manifest.tables.map((t) => t.name)).toEqual(expect.arrayContaining(onDisk));
    const back = await fresh();
    // The empty schema's fingerprint does not see the file store (attached, holding a table).
    const empty = await schemaFingerprint(back);
    await ensureRowStore(back);
    await back.exec(`CREATE TABLE "${ROW_STORE}".stray AS SELECT 1 AS x`);
    expect(await schemaFingerprint(back)).toBe(empty);
    await back.exec(`DROP TABLE "${ROW_STORE}".stray`);
    await restoreSnapshot(back, parseManifest(JSON.stringify(manifest), schema), store.read);
    expect(await fileTables(back)).toEqual(await fileTables(disk));
    await expectSameData(disk, back);
  }, 120_000);

  it('a restore that fails leaves nothing behind in the file store, and nothing loaded', async () => {
    const disk = await fresh();
    await importText(disk, PENYEDIA, readFileSync(`${SAMPLE}/${PENYEDIA}`), { rowStore: 'disk' });
    const schema = await schemaFingerprint(disk);
    const store = memoryStore();
    const manifest = await saveSnapshot(disk, { schema, write: store.write });
    const sf = manifest.tables.find((t) => t.name === 'source_file')!;
    store.files.set(sf.file, new TextEncoder().encode('file_id\nnot a number\n'));
    const back = await fresh();
    await expect(
      restoreSnapshot(back, parseManifest(JSON.stringify(manifest), schema), store.read),
    ).rejects.toMatchObject({ code: 'corrupt' });
    expect(await fileTables(back)).toEqual([]);
    expect(await back.query('SELECT count(*) AS n FROM source_file')).toEqual([{ n: 0 }]);
  }, 60_000);

  it('memory while the rows fit in what the memory limit leaves free, the file store past it', async () => {
    const e = await fresh();
    const [r] = await e.query(`SELECT current_setting('memory_limit') AS lim,
      (SELECT sum(memory_usage_bytes)::DOUBLE FROM duckdb_memory()) AS used`);
    const free = parseMemoryLimit(String(r?.['lim']))! - Number(r?.['used']) - MEMORY_HEADROOM;
    // The engine's own limit: 2.5 GiB (src/engine/init-sql.ts).
    expect(parseMemoryLimit(String(r?.['lim']))).toBeCloseTo(2.5 * 2 ** 30, -7);
    const edge = free / MEMORY_PER_BYTE;
    expect(await chooseRowStore(e, Math.floor(edge - 2 ** 20))).toBe('memory');
    expect(await chooseRowStore(e, Math.ceil(edge + 2 ** 20))).toBe('disk');
    // The pipeline decides by the file's size: a 1.9 GB export goes to the file store.
    const bytes = new TextEncoder().encode(messyPenyedia());
    const f = await importFile(e, {
      data: bytes,
      displayName: 'besar.csv',
      sizeBytes: 1.9e9,
      isSample: false,
      replace: 'none',
    });
    expect(f.counts.rejected).toBe(2);
    expect(await fileTables(e)).toEqual([{ db: ROW_STORE, name: expect.stringMatching(/^p3dn_disk_/) }]);
  }, 60_000);

  it('reads DuckDB’s memory limit in every unit it prints', () => {
    expect(parseMemoryLimit('2.5 GiB')).toBe(2.5 * 2 ** 30);
    expect(parseMemoryLimit('953.6 MiB')).toBeCloseTo(953.6 * 2 ** 20, 0);
    expect(parseMemoryLimit('8.0 GB')).toBe(8e9);
    expect(parseMemoryLimit('512 bytes')).toBe(512);
    expect(parseMemoryLimit('unlimited')).toBeNull();
    expect(parseMemoryLimit('')).toBeNull();
  });
});
