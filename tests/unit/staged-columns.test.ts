/**
 * The staged view's columns are read from the catalog (the names it was bound with) instead of a DESCRIBE, which
 * binds the view again and sniffs the file once more. Both must give the same names in the same order, whatever
 * the header: blank, repeated (also in another case), padded, quoted, unicode, a BOM, and with the sniffer or
 * without it (an unclosed quote in the sniffer's sample: ./read.ts `explicit`).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../src/engine/node-engine';
import { ident } from '../../src/engine/sql';
import { readRaw, stagedColumns } from '../../src/p3dn/import/read';
import { sniffCsvHead, type CsvHead } from '../../src/p3dn/import/sniff';

const engines: NodeEngine[] = [];
afterAll(async () => {
  for (const e of engines) e.close();
});

async function both(text: string, delimiter = ',') {
  const engine = await NodeEngine.create();
  engines.push(engine);
  const bytes = new TextEncoder().encode(text);
  const head = sniffCsvHead(bytes) as CsvHead;
  expect(head.delimiter).toBe(delimiter);
  await engine.registerFile('t.csv', bytes);
  const { explicit } = await readRaw(engine, 't.csv', head, 'raw_t', 'rej_t', 'scan_t');
  const described = (await engine.query(`SELECT column_name FROM (DESCRIBE ${ident('raw_t')})`))
    .map((r) => String(r['column_name']))
    .filter((c) => c !== 'ordinality');
  return { explicit, described, staged: await stagedColumns(engine, 'raw_t') };
}

describe('the staged view’s columns from the catalog', () => {
  it('equal DESCRIBE’s for awkward headers, with DuckDB’s sniffer', async () => {
    const text =
      '\uFEFFkd_rup,,Nama Paket, pagu ,KD_RUP,kd_rup,"a,b",tahun 2025,ümlaut,"",x\n' +
      '1,2,3,4,5,6,7,8,9,10,11\n12,13,14,15,16,17,18,19,20,21,22\n';
    const r = await both(text);
    expect(r.explicit).toBe(false);
    expect(r.staged).toEqual(r.described);
    expect(r.staged).toHaveLength(11);
  });

  it('equal DESCRIBE’s when the sniffer gives up (an unclosed quote) and the header names the columns', async () => {
    const text = 'a;b;;a;C;c\n1;"open;3;4;5;6\n7;8;9;10;11;12\n';
    const r = await both(text, ';');
    expect(r.explicit).toBe(true);
    expect(r.staged).toEqual(r.described);
    expect(r.staged).toHaveLength(6);
  });

  it('are the view’s own, not another staged view’s', async () => {
    const engine = await NodeEngine.create();
    engines.push(engine);
    for (const [name, text] of [
      ['one.csv', 'p,q\n1,2\n'],
      ['two.csv', 'x,y,z\n1,2,3\n'],
    ] as const) {
      const bytes = new TextEncoder().encode(text);
      await engine.registerFile(name, bytes);
      await readRaw(
        engine,
        name,
        sniffCsvHead(bytes) as CsvHead,
        `raw_${name[0]}`,
        `rej_${name[0]}`,
        `scan_${name[0]}`,
      );
    }
    expect(await stagedColumns(engine, 'raw_o')).toEqual(['p', 'q']);
    expect(await stagedColumns(engine, 'raw_t')).toEqual(['x', 'y', 'z']);
  });
});
