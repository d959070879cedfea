/**
 * Same figures everywhere: the fixture corpus through the CLI (a process on native DuckDB) and through the
 * browser's engine (DuckDB-wasm, `NodeEngine`) with the same core, loaded as the app loads (agencies matched
 * after every file; the CLI matches once after the last). For every basis: the CLI's CSV files are byte for byte
 * those the same report code writes on the wasm engine, and every figure equals what the dashboard's own
 * queries give on the wasm engine: the agency table (`basisAgencyQuery`), the Pemda ranking (`pemdaRankingQuery`)
 * and, per Pemda, the summary and agency table under that Pemda's filter (`basisSummaryQuery`).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFigures, type ReportOptions } from '../../src/cli/figures';
import { collectInputs } from '../../src/cli/inputs';
import { texts } from '../../src/cli/messages';
import { runReport, type RunResult } from '../../src/cli/run';
import {
  AGENCY_HEADERS,
  PEMDA_HEADERS,
  agencyRows,
  importReportCsv,
  pemdaRows,
  rejectsCsv,
} from '../../src/cli/write';
import { NodeEngine } from '../../src/engine/node-engine';
import { toCsv } from '../../src/lib/csv';
import {
  NO_FILTERS,
  basisAgencyQuery,
  basisSummaryQuery,
  pemdaRankingQuery,
  toBasisAgencyMetric,
  toPemdaRow,
  toBasisSummary,
  type Kpi,
} from '../../src/p3dn/metrics';
import { readCsv, runCli, writeCorpus, type CliRun, type Corpus } from './cli-corpus';

const CASES: (ReportOptions & { args: string[] })[] = [
  { basis: 'komitmen', denominator: 'belanja_pengadaan', targets: { pdn: 0.4, umk: 0.4 }, args: [] },
  {
    basis: 'realisasi',
    denominator: 'rup_total',
    targets: { pdn: 0.35, umk: 0.455 },
    args: [
      '--basis',
      'realisasi',
      '--denominator',
      'rup_total',
      '--target-pdn',
      '35',
      '--target-umk',
      '45.5',
    ],
  },
  { basis: 'capaian', denominator: 'rup_penyedia', targets: { pdn: 0.4, umk: 0.4 }, args: ['--basis', 'capaian', '--denominator', 'rup_penyedia'] }, // prettier-ignore
];

let work: string;
let corpus: Corpus;
let wasm: NodeEngine;
let wasmRun: RunResult;
const runs: { run: CliRun; out: string }[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cli-same-'));
  corpus = writeCorpus(join(work, 'in'));
  const cli = Promise.all(
    CASES.map(async (c, i) => {
      const out = join(work, `out-${i}`);
      return {
        run: await runCli(['report', ...corpus.inputs, '--out', out, '--threads', '1', ...c.args]),
        out,
      };
    }),
  );
  wasm = await NodeEngine.create();
  const c0 = CASES[0]!;
  wasmRun = await runReport(wasm, collectInputs(corpus.inputs), {
    ...c0,
    acceptGeneric: false,
    workDir: join(work, 'wasm-work'),
    texts: texts('id'),
    log: () => undefined,
    matchEachFile: true, // as the app does; the CLI matches once after the last file
  });
  runs.push(...(await cli));
}, 300_000);
afterAll(() => {
  wasm?.close();
  rmSync(work, { recursive: true, force: true });
});

const file = (i: number, name: string) => readFileSync(join(runs[i]!.out, name), 'utf8');
const numOrNull = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));
const cents = (s: string) => BigInt(s.replace('.', ''));

describe('CLI (native DuckDB) = browser engine (DuckDB-wasm), same core', () => {
  it('the CLI runs finished with the report written', () => {
    expect(runs.map((r) => r.run.code)).toEqual([1, 1, 1]); // the corpus's two skipped inputs
    expect(wasmRun.files.map((f) => f.status)).toEqual(['loaded', 'loaded', 'loaded', 'skipped', 'skipped', 'loaded', 'loaded']); // prettier-ignore
  });

  it('writes the same four files byte for byte (komitmen), matching once or after every file as the app', () => {
    const t = texts('id');
    const c = CASES[0]!;
    expect(file(0, 'agencies.csv')).toBe(toCsv(AGENCY_HEADERS, agencyRows(wasmRun.agencies, c, t)));
    expect(file(0, 'pemda.csv')).toBe(toCsv(PEMDA_HEADERS, pemdaRows(wasmRun.pemda, c, t)));
    expect(file(0, 'import-report.csv')).toBe(importReportCsv(wasmRun));
    expect(file(0, 'rejects.csv')).toBe(rejectsCsv(wasmRun, t));
    expect(wasmRun.agencies).toHaveLength(5);
    expect(wasmRun.rejects.length).toBeGreaterThan(3);
  });

  describe.each(CASES.map((c, i) => [c.basis, c.denominator, i] as const))(
    'basis %s, denominator %s',
    (_b, _d, i) => {
      const c = CASES[i]!;

      it('agencies.csv and pemda.csv are those the wasm engine gives', async () => {
        const f = await reportFigures(wasm, c);
        const t = texts('id');
        expect(file(i, 'agencies.csv')).toBe(toCsv(AGENCY_HEADERS, agencyRows(f.agencies, c, t)));
        expect(file(i, 'pemda.csv')).toBe(toCsv(PEMDA_HEADERS, pemdaRows(f.pemda, c, t)));
      });

      it("every agency figure equals the dashboard's agency query on the wasm engine", async () => {
        const q = basisAgencyQuery(c.basis, c.denominator, c.targets, NO_FILTERS);
        const app = new Map(
          (await wasm.query(q.sql, q.params)).map((r) => {
            const m = toBasisAgencyMetric(c.basis, r);
            return [m.agencyKey, m];
          }),
        );
        const rows = readCsv(join(runs[i]!.out, 'agencies.csv'));
        expect(rows.map((r) => r['agency_key']).sort()).toEqual([...app.keys()].sort());
        for (const r of rows) {
          const m = app.get(r['agency_key']!)!;
          expect(r['pemda_key']).toBe(m.pemdaKey);
          expect(r['pemda']).toBe(m.pemda);
          expect(r['nama_satker']).toBe(m.name);
          expect(r['kd_satker_str']).toBe(m.code ?? '');
          expect(numOrNull(r['denominator'])).toBe(m.denominator);
          expect(Number(r['rup_penyedia'])).toBe(m.rupPenyedia);
          expect(Number(r['rup_swakelola'])).toBe(m.rupSwakelola);
          expect(numOrNull(r['belanja_pengadaan'])).toBe(m.belanjaPengadaan);
          expect(Number(r['realisasi_total'])).toBe(m.realisasiTotal);
          expect(Number(r['packages'])).toBe(m.packages);
          expect(Number(r['swakelola_packages'])).toBe(m.swakelola);
          expect(Number(r['transactions'])).toBe(m.transactions);
          for (const k of ['pdn', 'umk'] as Kpi[]) {
            expect(Number(r[`${k}_numerator`])).toBe(m[k]);
            expect(numOrNull(r[`${k}_denominator`])).toBe(m.denominatorKpi[k]);
            expect(numOrNull(r[`${k}_share_pct`])).toBe(m.share[k] === null ? null : m.share[k] * 100);
            expect(r[`${k}_meets`]).toBe(m.meets[k] === null ? '' : String(m.meets[k]));
            const gap = numOrNull(r[`${k}_gap`]);
            if (m.gap[k] === null) expect(gap).toBe(null);
            else expect(Math.abs(gap! - m.gap[k])).toBeLessThanOrEqual(0.005 + 1e-6); // cents vs DOUBLE
            expect(Number(r[`komitmen_${k}`])).toBe(m.komitmen[k]);
            expect(Number(r[`realisasi_${k}`])).toBe(m.realisasi[k]);
          }
        }
      });

      it("each Pemda row is the dashboard's Pemda ranking row and its summary under that Pemda's filter", async () => {
        const rq = pemdaRankingQuery(c.basis, c.denominator, c.targets, NO_FILTERS);
        const ranking = (await wasm.query(rq.sql, rq.params)).map(toPemdaRow);
        const rows = readCsv(join(runs[i]!.out, 'pemda.csv'));
        const agencies = readCsv(join(runs[i]!.out, 'agencies.csv'));
        expect(rows.map((r) => r['pemda_key'])).toEqual(ranking.map((p) => p.pemdaKey));
        expect(rows.map((r) => r['pemda_key'])).toEqual(['klpd:D999', 'klpd:D111']);
        for (const r of rows) {
          const key = r['pemda_key']!;
          const p = ranking.find((x) => x.pemdaKey === key)!;
          const f = { ...NO_FILTERS, pemda: key };
          const sq = basisSummaryQuery(c.basis, c.denominator, c.targets, f);
          const s = toBasisSummary(c.basis, (await wasm.query(sq.sql, sq.params))[0]);
          const aq = basisAgencyQuery(c.basis, c.denominator, c.targets, f);
          const inPemda = (await wasm.query(aq.sql, aq.params)).map((x) => String(x['agency_key']));
          expect(r['pemda']).toBe(p.name);
          expect(Number(r['agencies'])).toBe(p.agencies);
          expect(s.agencies).toBe(p.agencies);
          expect(agencies.filter((a) => a['pemda_key'] === key).map((a) => a['agency_key']).sort()).toEqual(inPemda.sort()); // prettier-ignore
          for (const k of ['pdn', 'umk'] as Kpi[]) {
            for (const want of [p.value[k], s.value[k]]) expect(Number(r[`${k}_numerator`])).toBe(want);
            for (const want of [p.denominator[k], s.denominatorKpi[k]])
              expect(numOrNull(r[`${k}_denominator`])).toBe(want);
            expect(Number(r[`${k}_numerator_without_denominator`])).toBe(s.valueWithoutDenominator[k]);
            for (const want of [p.share[k], s.share[k]])
              expect(numOrNull(r[`${k}_share_pct`])).toBe(want === null ? null : want * 100);
            for (const want of [p.gap[k], s.gap[k]]) {
              const gap = numOrNull(r[`${k}_gap`]);
              if (want === null) expect(gap).toBe(null);
              else expect(Math.abs(gap! - want)).toBeLessThanOrEqual(0.005 + 1e-6); // cents vs DOUBLE
            }
            for (const want of [p.meeting[k], s.meeting[k]])
              expect(Number(r[`${k}_agencies_meeting`])).toBe(want);
            for (const want of [p.withDenominator[k], s.agenciesWithDenominatorKpi[k]])
              expect(Number(r[`${k}_agencies_with_denominator`])).toBe(want);
          }
        }
      });

      it("the Pemda totals add up to the dashboard's summary on the wasm engine", async () => {
        const q = basisSummaryQuery(c.basis, c.denominator, c.targets, NO_FILTERS);
        const s = toBasisSummary(c.basis, (await wasm.query(q.sql, q.params))[0]);
        const rows = readCsv(join(runs[i]!.out, 'pemda.csv'));
        expect(rows).toHaveLength(2);
        const total = (col: string) => rows.reduce((t, r) => t + cents(r[col]!), 0n);
        const count = (col: string) => rows.reduce((t, r) => t + Number(r[col]), 0);
        expect(count('agencies')).toBe(s.agencies);
        for (const k of ['pdn', 'umk'] as Kpi[]) {
          expect(Number(total(`${k}_numerator`)) / 100).toBeCloseTo(s.value[k], 2);
          expect(Number(total(`${k}_denominator`)) / 100).toBeCloseTo(s.denominatorKpi[k]!, 2);
          expect(Number(total(`${k}_numerator_without_denominator`)) / 100).toBeCloseTo(s.valueWithoutDenominator[k], 2); // prettier-ignore
          expect(count(`${k}_agencies_with_denominator`)).toBe(s.agenciesWithDenominatorKpi[k]);
          expect(count(`${k}_agencies_meeting`)).toBe(s.meeting[k]);
        }
        // Realisasi reached the agencies: the comparison is not of zeros.
        if (c.basis !== 'komitmen') expect(total('pdn_numerator')).toBeGreaterThan(0n);
      });
    },
  );
});
