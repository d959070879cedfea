import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { holdsAliases, refreshAgencyMap, writeAliases } from '../../src/p3dn/agency';
import { finishImports, type ImportedFile } from '../../src/p3dn/import';
import {
  parseManifest,
  restoreSnapshot,
  saveSnapshot,
  schemaFingerprint,
} from '../../src/p3dn/persist/snapshot';
import { DERIVED_TABLES } from '../../src/p3dn/schema';
import { freshEngines, importText } from '../helpers/engine';
import { SAMPLE } from '../helpers/sample';

/**
 * What the app's start trusts instead of matching the agencies again (src/app/dataset-lifecycle.ts,
 * src/features/reconciliation/api/alias-sync.ts): a snapshot's register and cubes, made by the same core, are what
 * matching again with the same aliases would make; `holdsAliases` says whether the engine holds the user's.
 */

const fresh = freshEngines();

/** Every row of a table as text (DECIMALs as their digits), sorted: equal iff the contents are. */
async function content(engine: NodeEngine, table: string): Promise<string[]> {
  const rows = await engine.query(
    `SELECT CAST(x AS VARCHAR) AS r FROM (SELECT t AS x FROM "${table}" t) ORDER BY r`,
  );
  return rows.map((r) => String(r['r']));
}

/** The register and every aggregate the views read: the core's own list. */
const DERIVED = DERIVED_TABLES;

function memoryStore() {
  const files = new Map<string, Uint8Array>();
  return {
    write: async (name: string, bytes: Uint8Array) => void files.set(name, bytes.slice()),
    read: async (name: string) => files.get(name)!.slice(),
  };
}

describe('holdsAliases', () => {
  const A = { aliasKey: 'DINAS LAMA', agencyKey: 'kd:1' };
  const B = { aliasKey: 'BAGIAN LAMA', agencyKey: 'kd:2' };

  it('none held, none asked: true; one asked: false', async () => {
    const e = await fresh();
    expect(await holdsAliases(e, [])).toBe(true);
    expect(await holdsAliases(e, [A])).toBe(false);
  });

  it('the same aliases in any order: true; one fewer, one more, another target: false', async () => {
    const e = await fresh();
    await writeAliases(e, [A, B]);
    expect(await holdsAliases(e, [A, B])).toBe(true);
    expect(await holdsAliases(e, [B, A])).toBe(true);
    expect(await holdsAliases(e, [A])).toBe(false);
    expect(await holdsAliases(e, [A, B, { aliasKey: 'LAIN', agencyKey: 'kd:3' }])).toBe(false);
    expect(await holdsAliases(e, [A, { ...B, agencyKey: 'kd:9' }])).toBe(false);
    expect(await holdsAliases(e, [])).toBe(false);
  });

  it('a key given twice counts as writeAliases leaves it: the last one', async () => {
    const e = await fresh();
    const again = { ...A, agencyKey: 'kd:7' };
    await writeAliases(e, [A, B, again]);
    expect(await holdsAliases(e, [A, B, again])).toBe(true);
    expect(await holdsAliases(e, [again, B])).toBe(true);
    expect(await holdsAliases(e, [A, B])).toBe(false);
  });
});

describe('a restored snapshot made by this core needs no re-matching', () => {
  it('the sample as the build makes it: matching again after the restore changes no register or cube row', async () => {
    const a = await fresh();
    const loaded: ImportedFile[] = [];
    for (const f of readdirSync(SAMPLE).sort())
      loaded.push(
        await importText(a, f, readFileSync(`${SAMPLE}/${f}`), { isSample: true, replace: 'same_kind' }),
      );
    await finishImports(a, loaded);
    const schema = await schemaFingerprint(await fresh());
    const store = memoryStore();
    const manifest = await saveSnapshot(a, { schema, write: store.write });
    const b = await fresh();
    await restoreSnapshot(b, manifest, store.read);
    const restored = new Map<string, string[]>();
    for (const t of DERIVED) restored.set(t, await content(b, t));
    expect(restored.get('agency_register')!.length).toBeGreaterThan(10);
    expect(restored.get('cube_base')!.length).toBeGreaterThan(100);
    await refreshAgencyMap(b);
    for (const t of DERIVED) expect(await content(b, t), t).toEqual(restored.get(t));
  }, 240_000);

  it('own data saved with an alias: matching again with that alias changes nothing either', async () => {
    const a = await fresh();
    const schema = await schemaFingerprint(a);
    for (const f of ['RUP-PaketPenyedia-Terumumkan.csv', 'Bela-TokoDaringRealisasi.csv'])
      await importText(a, f, readFileSync(`${SAMPLE}/${f}`));
    const [un] = await a.query(
      `SELECT DISTINCT nama_satker FROM realisasi WHERE agency_key NOT IN (SELECT agency_key FROM agency_register) LIMIT 1`,
    );
    const [target] = await a.query('SELECT agency_key FROM agency_register ORDER BY agency_key LIMIT 1');
    expect(un, 'the sample has an agency only an alias matches').toBeDefined();
    const aliases = [{ aliasKey: String(un!['nama_satker']), agencyKey: String(target!['agency_key']) }];
    const without = await content(a, 'cube_rx');
    await writeAliases(a, aliases);
    expect(await content(a, 'cube_rx'), 'the alias moves rupiah').not.toEqual(without);
    const store = memoryStore();
    const b = await fresh();
    await restoreSnapshot(b, await saveSnapshot(a, { schema, write: store.write }), store.read);
    expect(await holdsAliases(b, aliases)).toBe(true);
    const restored = new Map<string, string[]>();
    for (const t of DERIVED) restored.set(t, await content(b, t));
    await writeAliases(b, aliases);
    for (const t of DERIVED) expect(await content(b, t), t).toEqual(restored.get(t));
  }, 240_000);
});

describe('the manifest says which core made its register', () => {
  it('a string is kept; anything else is dropped without refusing the snapshot', async () => {
    const e = await fresh();
    const schema = await schemaFingerprint(e);
    const manifest = await saveSnapshot(e, { schema, write: async () => undefined });
    expect(manifest.derivation).toBeUndefined();
    const text = (derivation: unknown) => JSON.stringify({ ...manifest, derivation });
    expect(parseManifest(text('abc123'), schema).derivation).toBe('abc123');
    for (const odd of [42, null, { a: 1 }])
      expect(parseManifest(text(odd), schema)).not.toHaveProperty('derivation');
  });
});
