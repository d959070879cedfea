import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
/** The code that derives the register and the aggregates from the loaded rows (and everything it rests on). */
const CORE_DIRS = ['src/p3dn', 'src/engine'];

/**
 * A fingerprint of the core's source text (every file under src/p3dn and src/engine, by path) and of the DuckDB-wasm
 * version: the same fingerprint, the same schema (`schemaFingerprint`) and the same register and cubes from the same
 * rows. Given to the app at build time (`__PANTAU_CORE__`, vite.config.ts)
 * and written into each snapshot made by that code (the sample's, scripts/build-sample-snapshot.ts; the user's, the
 * app): a snapshot whose register and cubes were made by this very code need not be matched again at start
 * (src/app/dataset-lifecycle.ts), and the sample's schema fingerprint need not be read from the catalogue again.
 * Conservative on purpose: any change of the core changes it.
 */
export function coreHash(): string {
  const h = createHash('sha256');
  const files = CORE_DIRS.flatMap((d) =>
    readdirSync(join(ROOT, d), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => join(ROOT, d, f)),
  ).sort();
  // The engine's own version too: another DuckDB may describe the same schema otherwise (the schema fingerprint).
  const duckdb = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/@duckdb/duckdb-wasm/package.json'), 'utf8'),
  ) as { version: string };
  h.update(`duckdb-wasm ${duckdb.version}\0`);
  for (const f of files) {
    h.update(relative(ROOT, f).split('\\').join('/'));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 32);
}
