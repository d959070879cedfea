/**
 * The parsing macros' fast paths give, for every cell, exactly what the careful macros gave before them
 * (tests/helpers/macros-reference.ts, renamed `ref_p3dn_*` in the same engine): compared cell by cell over a
 * few thousand adversarial cells, on the real engine. Macros without a fast path are compared too, so that any
 * later change to one of them is held to the same reference.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import { literal } from '../../src/engine/sql';
import { adversarialCells } from '../helpers/adversarial-cells';
import { freshEngine } from '../helpers/engine';
import { referenceMacros, referenceYesNoSql } from '../helpers/macros-reference';
import {
  BOOL_WORDS,
  GENERIC_FLAGS,
  PDN_STATUS_WORDS,
  UKM_STATUS_WORDS,
  yesNoSql,
  type YesNo,
} from '../../src/p3dn/macros/vocab';

let engine: NodeEngine;
const cells = adversarialCells();
beforeAll(async () => {
  engine = await freshEngine();
  await engine.exec(referenceMacros());
  await engine.exec('CREATE TEMP TABLE cells (i INTEGER, s VARCHAR)');
  await engine.exec(`INSERT INTO cells VALUES (0, NULL)`);
  for (let k = 0; k < cells.length; k += 500)
    await engine.exec(
      `INSERT INTO cells VALUES ${cells
        .slice(k, k + 500)
        .map((c, j) => `(${k + j + 1}, ${literal(c)})`)
        .join(', ')}`,
    );
});
afterAll(() => engine.close());

/** Cells where `p3dn_<call>` and `ref_p3dn_<call>` differ (value or type), and how many values it gave. */
async function compare(call: (m: string) => string) {
  const diff = await engine.query(
    `SELECT i, s, CAST(a AS VARCHAR) AS now, CAST(b AS VARCHAR) AS ref FROM (
       SELECT i, s, ${call('p3dn_')} AS a, ${call('ref_p3dn_')} AS b FROM cells) WHERE a IS DISTINCT FROM b
       OR typeof(a) <> typeof(b) ORDER BY i LIMIT 20`,
  );
  // Values counted with NULL as one of them.
  const [n] = await engine.query(
    `SELECT count(DISTINCT a) + CAST(count(*) > count(a) AS INTEGER) AS n FROM (SELECT ${call('p3dn_')} AS a FROM cells)`,
  );
  return { diff, distinct: Number(n?.['n']) };
}

describe('the adversarial cells', () => {
  it('are thousands, and hold the tricky kinds', () => {
    expect(cells.length).toBeGreaterThan(3000);
    for (const c of ['\u00a02025-01-01', '2025-01-01\t', ' null', '#N/A', 'Rp1.234.567,-', '(1.000)', '١٢٣'])
      expect(cells).toContain(c);
  });
});

const ONE_ARG = ['text', 'code', 'satker_str', 'multi', 'date', 'date_bad', 'money', 'money_bad', 'bool',
  'blank', 'padded', 'code_sci', 'rekening', 'mak_rekening', 'num_core']; // prettier-ignore

describe('every cell reads as it did before the fast paths', () => {
  it.each(ONE_ARG)('p3dn_%s', async (m) => {
    const { diff, distinct } = await compare((p) => `${p}${m}(s)`);
    expect(diff).toEqual([]);
    // Not vacuous: the cells give the macro different values (a value and NULL, true and false).
    expect(distinct).toBeGreaterThan(1);
  });

  it.each(['plain', 'en', 'id'])('p3dn_money_fmt and p3dn_money_why in the format %s', async (f) => {
    for (const m of ['money_fmt', 'money_why', 'fmt_fits', 'fmt_long']) {
      const arg = m.startsWith('fmt_') ? `ref_p3dn_num_core(s)` : 's';
      const { diff, distinct } = await compare((p) => `${p}${m}(${arg}, '${f}')`);
      expect(diff).toEqual([]);
      expect(distinct).toBeGreaterThan(1);
    }
  });

  const FLAGS: [string, YesNo][] = [
    ['bool', BOOL_WORDS],
    ['status_pdn', PDN_STATUS_WORDS],
    ['status_ukm', UKM_STATUS_WORDS],
    ['generic pdn', GENERIC_FLAGS.pdn],
    ['generic ukm', GENERIC_FLAGS.ukm],
  ];
  it.each(FLAGS)('the yes/no words of %s (the usual yes and no compared first)', async (_, words) => {
    const diff = await engine.query(
      `SELECT i, s FROM cells WHERE (${yesNoSql('s', words)}) IS DISTINCT FROM (${referenceYesNoSql('s', words)})`,
    );
    expect(diff).toEqual([]);
    const [r] =
      await engine.query(`SELECT count(*) FILTER (WHERE v) AS yes, count(*) FILTER (WHERE NOT v) AS no
      FROM (SELECT ${yesNoSql('s', words)} AS v FROM cells)`);
    expect(Number(r?.['yes'])).toBeGreaterThan(5);
    expect(Number(r?.['no'])).toBeGreaterThan(5);
  });

  it('p3dn_date: the ISO fast path and the careful path read the same dates', async () => {
    const rows = await engine.query(`SELECT
        count(*) FILTER (WHERE s GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*') AS fast,
        count(*) FILTER (WHERE s GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND p3dn_date(s) IS NULL) AS fast_null,
        count(p3dn_date(s)) FILTER (WHERE NOT s GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*') AS careful
      FROM cells`);
    // Both paths are exercised, with valid and invalid dates on the fast one.
    expect(Number(rows[0]?.['fast'])).toBeGreaterThan(50);
    expect(Number(rows[0]?.['fast_null'])).toBeGreaterThan(10);
    expect(Number(rows[0]?.['careful'])).toBeGreaterThan(50);
  });
});
