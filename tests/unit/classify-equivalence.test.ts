/**
 * The classifying statement gives, for every kind, exactly the table it gave before its per-cell work was made
 * cheaper (rules tested once per row, the parsing macros' fast paths): the reference statement
 * (tests/helpers/classify-reference.ts) with the reference macros, against the current statement with the
 * current macros, over the same staged file of adversarial cells, in each money format. Same columns, same
 * types, same rows (every value, every rejection code, column and value, every exclusion).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { ident } from '../../src/engine/sql';
import { classifySql } from '../../src/p3dn/import/classify';
import { resolveMapping } from '../../src/p3dn/import/columns';
import { formatFlags, type NumberFormat } from '../../src/p3dn/import/number-format';
import { csvOptions } from '../../src/p3dn/import/read';
import { sniffCsvHead } from '../../src/p3dn/import/sniff';
import { KIND_IDS, KINDS, type KindId } from '../../src/p3dn/kinds';
import { toCsv } from '../../scripts/sample/csv';
import { adversarialCells } from '../helpers/adversarial-cells';
import { referenceClassifySql } from '../helpers/classify-reference';
import { freshEngine } from '../helpers/engine';
import { referenceMacros, toReference } from '../helpers/macros-reference';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await freshEngine();
  await engine.exec(referenceMacros());
});
afterAll(() => engine.close());

const cells = adversarialCells();

/** Values that let a row through the kinds' exclusion rules (status columns), in every combination. */
const PASS = [
  'selesai',
  'Paket Selesai',
  'COMPLETED',
  'verified',
  'Terumumkan',
  'true',
  'false',
  'Selesai',
  'x',
];

/**
 * A file of the kind's columns (headed by their first alias): each column a different walk over every cell,
 * then the same walk again with the status columns set to values that pass the exclusion rules (so that rows
 * reach the rejection rules and are loaded too).
 */
function file(kind: KindId): { text: string; headers: string[] } {
  const header = (c: { name: string; aliases: readonly string[] }) => c.aliases[0] ?? c.name;
  const headers = [...new Set(KINDS[kind].columns.map(header))];
  const status = KINDS[kind].columns.filter((c) => c.name.startsWith('status')).map(header);
  const walk = (i: number, j: number) => cells[(i * (2 * j + 1) + 7 * j) % cells.length] ?? '';
  const rows = [...cells, ...cells].map((_, r) => {
    const i = r % cells.length;
    return Object.fromEntries(
      headers.map((h, j) => {
        const k = status.indexOf(h);
        return [
          h,
          r >= cells.length && k >= 0 ? PASS[Math.floor(i / PASS.length ** k) % PASS.length] : walk(i, j),
        ];
      }),
    );
  });
  return { text: toCsv(headers, rows), headers };
}

let seq = 0;
async function both(kind: KindId, format: NumberFormat) {
  const n = ++seq;
  const spec = KINDS[kind];
  const { text } = file(kind);
  const bytes = new TextEncoder().encode(text);
  await engine.registerFile(`eq_${n}.csv`, bytes);
  const head = sniffCsvHead(bytes.subarray(0, 200_000));
  if ('error' in head) throw new Error(head.error);
  const view = `eq_raw_${n}`;
  await engine.exec(`CREATE TEMP VIEW ${view} AS SELECT * FROM read_csv('eq_${n}.csv', header = true,
    ${csvOptions(head, `eq_rej_${n}`, `eq_scan_${n}`)}) WITH ORDINALITY`);
  const cols = (await engine.query(`SELECT column_name FROM (DESCRIBE ${view})`))
    .map((r) => String(r['column_name']))
    .filter((c) => c !== 'ordinality');
  const mapping = resolveMapping(spec, cols, head.headers);
  const formats = new Map(
    spec.columns.filter((c) => c.type === 'money').map((c) => [c.name, format] as const),
  );
  const read = { extra: formatFlags(spec, mapping) };
  const [a, b] = [`eq_ref_${n}`, `eq_now_${n}`];
  const temp = (sql: string) => sql.replace('CREATE OR REPLACE TABLE', 'CREATE TEMP TABLE');
  await engine.exec(temp(toReference(referenceClassifySql(spec, view, cols, a, mapping, formats, read))));
  await engine.exec(temp(classifySql(spec, view, cols, b, mapping, formats, read)));
  return { a, b, mapped: mapping.size };
}

const shape = async (t: string) =>
  (await engine.query(`SELECT column_name, column_type FROM (DESCRIBE ${ident(t)})`)).map(
    (r) => `${String(r['column_name'])} ${String(r['column_type'])}`,
  );

const count = async (sql: string) =>
  Number((await engine.query(`SELECT count(*) AS n FROM (${sql})`))[0]?.['n']);

describe('the classifying statement: same table as the reference, cell for cell', () => {
  it('the file holds every cell in every column', () => {
    const { text } = file('rup_penyedia');
    expect(cells.length).toBeGreaterThan(3000);
    expect(text.length).toBeGreaterThan(cells.length * 20);
  });

  const cases = KIND_IDS.flatMap((k) => (['plain', 'en', 'id'] as const).map((f) => [k, f] as const));
  const seen = new Set<string>();
  it.each(cases)('%s, money read as %s', async (kind, format) => {
    const { a, b, mapped } = await both(kind, format);
    expect(mapped).toBeGreaterThan(3);
    expect(await shape(b)).toEqual(await shape(a));
    const [ta, tb] = [ident(a), ident(b)];
    expect(await count(`SELECT * FROM ${ta}`)).toBe(2 * cells.length);
    expect(await count(`SELECT * FROM ${tb}`)).toBe(2 * cells.length);
    expect(await count(`SELECT * FROM ${ta} EXCEPT ALL SELECT * FROM ${tb}`)).toBe(0);
    expect(await count(`SELECT * FROM ${tb} EXCEPT ALL SELECT * FROM ${ta}`)).toBe(0);
    // Not vacuous: the rows meet different fates (loaded, excluded, rejected for different reasons).
    const fates = await engine.query(
      `SELECT DISTINCT coalesce(reject_code, exclusion, 'loaded') AS f FROM ${tb}`,
    );
    expect(fates.length).toBeGreaterThan(2);
    for (const r of fates) seen.add(String(r['f']));
  });

  it('over all kinds, rows were loaded, excluded by rules and rejected for many reasons', () => {
    expect(seen).toContain('loaded');
    for (const code of ['paket_dihapus', 'belum_diumumkan', 'pagu_kosong', 'angka_desimal_lebih',
      'angka_format_kolom', 'angka_tidak_valid', 'nilai_negatif', 'kode_notasi_ilmiah', 'kd_rup_kosong'])
      expect(seen).toContain(code); // prettier-ignore
    expect(seen.size).toBeGreaterThan(20);
  });
});
