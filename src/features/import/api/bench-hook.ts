import { getEngine } from '../../../queries/engine';
import { literal } from '../../../engine/sql';
import { BENCH_PAGE } from '../../../lib/bench-flag';

declare global {
  interface Window {
    __pantauBench?: {
      /**
       * A plain `CREATE TABLE AS read_csv` of the chosen file, ms: into a temp table in memory, or (`file`) into a
       * database file attached for it, the file store's way (src/p3dn/schema/row-store.ts).
       */
      plainRead: (delim: string, allVarchar: boolean, into?: 'memory' | 'file') => Promise<number>;
      /** Register the chosen file as `bench.csv`, run the statements, return each one's seconds. */
      timeSql: (statements: string[]) => Promise<number[]>;
      /** Each query run once through the app's engine, in turn, `rounds` times: every run's ms (bench/args-bench.ts). */
      timeQueries: (
        queries: { sql: string; params: (string | number | boolean | null)[] }[],
        rounds: number,
      ) => Promise<number[][]>;
    };
  }
}

/**
 * Only with `?bench` in the URL (bench/import-bench.ts): a hidden file input and a plain DuckDB `read_csv` of the
 * chosen file on the app's own engine, timed, so the import's overhead over a bare read can be measured.
 * It runs arbitrary SQL, so it exists only in the dev server and in the bench build (`npm run build:bench`, Vite
 * mode `bench`): in the production build the condition is a constant and the rest of this function is dropped.
 */
export function installBenchHook(): void {
  if (!import.meta.env.DEV && import.meta.env.MODE !== 'bench') return;
  if (!BENCH_PAGE) return;
  if (window.__pantauBench) return;
  const input = document.createElement('input');
  input.type = 'file';
  input.setAttribute('data-testid', 'bench-input');
  input.setAttribute('aria-hidden', 'true');
  input.style.display = 'none';
  document.body.appendChild(input);
  window.__pantauBench = {
    async timeQueries(queries, rounds) {
      const engine = await getEngine();
      const out: number[][] = queries.map(() => []);
      for (let r = 0; r < rounds; r++) {
        for (const [i, q] of queries.entries()) {
          const t0 = performance.now();
          await engine.query(q.sql, q.params);
          out[i]!.push(performance.now() - t0);
        }
      }
      return out;
    },
    async timeSql(statements) {
      const file = input.files?.[0];
      if (!file) throw new Error('no bench file');
      const engine = await getEngine();
      await engine.registerFile('bench.csv', file);
      const out: number[] = [];
      try {
        for (const s of statements) {
          const t0 = performance.now();
          await engine.exec(s);
          out.push((performance.now() - t0) / 1000);
        }
      } finally {
        await engine.dropFile('bench.csv');
      }
      return out;
    },
    async plainRead(delim, allVarchar, into = 'memory') {
      const file = input.files?.[0];
      if (!file) throw new Error('no bench file');
      const engine = await getEngine();
      await engine.registerFile('bench_plain.csv', file);
      const db = into === 'file' ? await engine.registerEmptyFile('bench_plain.duckdb') : null;
      if (db) await engine.exec(`ATTACH ${literal(db)} AS bench_plain_db`);
      const table = db ? 'bench_plain_db.bench_plain' : 'bench_plain';
      try {
        const t0 = performance.now();
        await engine.exec(`CREATE OR REPLACE ${db ? '' : 'TEMP'} TABLE ${table} AS SELECT * FROM read_csv(
          'bench_plain.csv', header = true, delim = ${literal(delim)}${allVarchar ? ', all_varchar = true' : ''})`);
        return performance.now() - t0;
      } finally {
        await engine.exec(`DROP TABLE IF EXISTS ${table}`);
        if (db) {
          await engine.exec('DETACH bench_plain_db');
          await engine.dropFile(db);
        }
        await engine.dropFile('bench_plain.csv');
      }
    },
  };
}
