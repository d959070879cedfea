/**
 * The staged read sniffs the file once (`sniff_csv`) and binds every later read of it with what the sniffer found
 * (auto_detect off), where it used to let `read_csv` sniff again at every bind. That read must give exactly what a
 * `read_csv` left to sniff gives: every cell, every line number (`ordinality`), the same rejected lines with the
 * same errors, also with a column typed by the reader — for line ends LF / CRLF, a comment line, blank lines,
 * quoted line breaks and delimiters, too many or too few cells, a BOM, awkward headers (blank, repeated, padded).
 * The staged view's columns come from the catalog (a DESCRIBE would bind the view, and sniff, again): the same
 * names in the same order.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../src/engine/node-engine';
import { ident, literal } from '../../src/engine/sql';
import { csvOptions, rawSelect, readRaw, stagedColumns } from '../../src/p3dn/import/read';
import { sniffCsvHead, type CsvHead } from '../../src/p3dn/import/sniff';

const engines: NodeEngine[] = [];
afterAll(() => {
  for (const e of engines) e.close();
});

let seq = 0;

/** Stage `text` the importer's way, and read it the old way (read_csv sniffing itself) beside it. */
async function stage(text: string, types: ReadonlyMap<string, string> = new Map()) {
  const engine = await NodeEngine.create();
  engines.push(engine);
  const bytes = new TextEncoder().encode(text);
  const sniffed = sniffCsvHead(bytes);
  // A file our head sniff refuses (comment lines first) still tests the reader: its dialect given here.
  const head: CsvHead =
    'error' in sniffed ? { encoding: 'utf-8', delimiter: ',', headers: ['a', 'b'], preview: [] } : sniffed;
  const n = ++seq;
  const file = `t${n}.csv`;
  await engine.registerFile(file, bytes);
  const { how } = await readRaw(engine, file, head, `raw_${n}`, `rej_${n}`, `scan_${n}`);
  const described = (await engine.query(`SELECT column_name FROM (DESCRIBE ${ident(`raw_${n}`)})`))
    .map((r) => String(r['column_name']))
    .filter((c) => c !== 'ordinality');
  const staged = await stagedColumns(engine, `raw_${n}`);
  // The importer's typed read, and the same left to sniff (the reader's `types` option) — into tables.
  await engine.exec(
    `CREATE TABLE new_${n} AS ${rawSelect(file, head, `nrej_${n}`, `nscan_${n}`, types, how)}`,
  );
  const typesOpt = types.size
    ? `, types = {${[...types].map(([c, t]) => `${literal(c)}: ${literal(t)}`).join(', ')}}`
    : '';
  await engine.exec(
    `CREATE TABLE old_${n} AS SELECT * FROM read_csv(${literal(file)}, header = true,
      ${csvOptions(head, `orej_${n}`, `oscan_${n}`)}${typesOpt}) WITH ORDINALITY`,
  );
  const count = async (q: string) =>
    Number((await engine.query(`SELECT count(*) AS n FROM (${q})`))[0]!['n']);
  const diff =
    (await count(`SELECT * FROM old_${n} EXCEPT ALL SELECT * FROM new_${n}`)) +
    (await count(`SELECT * FROM new_${n} EXCEPT ALL SELECT * FROM old_${n}`));
  const rejects = async (t: string) =>
    (
      await engine.query(
        `SELECT line, column_idx, error_type, csv_line FROM ${ident(t)} ORDER BY line, column_idx`,
      )
    ).map((r) => JSON.stringify([r['line'], r['column_idx'], r['error_type'], r['csv_line']]));
  return {
    how,
    described,
    staged,
    rows: await count(`SELECT * FROM new_${n}`),
    oldRows: await count(`SELECT * FROM old_${n}`),
    diff,
    newRejects: await rejects(`nrej_${n}`),
    oldRejects: await rejects(`orej_${n}`),
  };
}

function same(r: Awaited<ReturnType<typeof stage>>) {
  expect(r.staged).toEqual(r.described);
  expect(r.rows).toBe(r.oldRows);
  expect(r.diff).toBe(0);
  expect(r.newRejects).toEqual(r.oldRejects);
}

describe('the staged read, sniffed once', () => {
  it('reads an LF file with awkward headers as read_csv sniffing itself does', async () => {
    const r = await stage(
      '\uFEFFkd_rup,,Nama Paket, pagu ,KD_RUP,kd_rup,"a,b",tahun 2025,ümlaut,"",x\n' +
        '1,2,3,4,5,6,7,8,9,10,11\n12,13,"line\nbreak",15,16,17,"q,""r""",19,20,21,22\n',
    );
    expect(r.how).not.toBe('header');
    expect(r.staged).toHaveLength(11);
    expect(r.rows).toBe(2);
    same(r);
  });

  it('reads CRLF, blank lines, a row too long and one too short, with the same rejects', async () => {
    const r = await stage('a,b,c\r\n1,2,3\r\n\r\n4,5,6,7\r\n8,9\r\n"x\r\ny",10,11\r\n12,13,14');
    expect(r.how).not.toBe('header');
    expect(r.oldRejects.length).toBeGreaterThanOrEqual(2);
    same(r);
  });

  it('keeps the comment lines the sniffer finds, and semicolons', async () => {
    const r = await stage('a;b\n1;2\n3;4\n#note;x\n5;6\n#7;8\n9;10\n');
    expect(r.how).not.toBe('header');
    same(r);
    // Comment lines before the header: DuckDB's sniffer takes '#' for a comment character.
    const c = await stage('# export 2025\n# generated\na,b\n1,2\n# mid\n3,4\n');
    expect(c.how).not.toBe('header');
    expect(c.how !== 'header' && c.how.comment).toBe('#');
    expect(c.rows).toBe(2);
    same(c);
  });

  it('types a column as the reader would, a refused cell a CAST reject in both', async () => {
    const r = await stage('tahun,nama\n2025,a\n2024,b\nTA 2025,c\n2023,d\n', new Map([['tahun', 'INTEGER']]));
    expect(r.oldRejects.map((x) => JSON.parse(x)[2])).toEqual(['CAST']);
    same(r);
  });

  it('names the columns from the header when the sniffer gives up (an unclosed quote)', async () => {
    const engine = await NodeEngine.create();
    engines.push(engine);
    const bytes = new TextEncoder().encode('a;b;;a;C;c\n1;"open;3;4;5;6\n7;8;9;10;11;12\n');
    await engine.registerFile('u.csv', bytes);
    const { how } = await readRaw(
      engine,
      'u.csv',
      sniffCsvHead(bytes) as CsvHead,
      'raw_u',
      'rej_u',
      'scan_u',
    );
    expect(how).toBe('header');
    const described = (await engine.query(`SELECT column_name FROM (DESCRIBE raw_u)`))
      .map((r) => String(r['column_name']))
      .filter((c) => c !== 'ordinality');
    expect(await stagedColumns(engine, 'raw_u')).toEqual(described);
    expect(described).toHaveLength(6);
  });

  it('gives each staged view its own columns', async () => {
    const engine = await NodeEngine.create();
    engines.push(engine);
    for (const [name, text] of [
      ['one.csv', 'p,q\n1,2\n'],
      ['two.csv', 'x,y,z\n1,2,3\n'],
    ] as const) {
      const bytes = new TextEncoder().encode(text);
      await engine.registerFile(name, bytes);
      const k = name[0]!;
      await readRaw(engine, name, sniffCsvHead(bytes) as CsvHead, `raw_${k}`, `rej_${k}`, `scan_${k}`);
    }
    expect(await stagedColumns(engine, 'raw_o')).toEqual(['p', 'q']);
    expect(await stagedColumns(engine, 'raw_t')).toEqual(['x', 'y', 'z']);
  });
});
