/**
 * APBD as a denominator, through the register, on the real engine: belanja barang dan jasa (5.1.02; SIMDA 5.2.2)
 * and barang dan jasa + modal (5.2; SIMDA 5.2.3) per register agency, beside the RUP komitmen. A SIPD file
 * (same codes as SIRUP) and a SIMDA file (its own composed codes: matched by name). Expected sums in BigInt cents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/engine/node-engine';
import {
  DENOMINATORS,
  NO_FILTERS,
  basisAgencyQuery,
  basisSummaryQuery,
  registerMatchQuery,
  toBasisAgencyMetric,
  toBasisSummary,
  type Denominator,
} from '../../src/p3dn/metrics';
import { freshEngine, importText } from '../helpers/engine';
import { toCsv } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS, SIMDA_HEADERS } from '../../scripts/sample/layouts';
import { mulberry32 as rng } from '../../scripts/sample/prng';
import { serialize } from '../helpers/csv-bytes';
import { centsTextId, penyediaRow, type Agency, type Paket } from '../helpers/fixtures';

const rp = (c: bigint) => Number(c) / 100;
const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);
const A: Agency = { kd: '71001', str: '1.01.2.22.0.00.01.0000', nama: 'DINAS PENDIDIKAN' };
const B: Agency = { kd: '71002', str: '1.02.0.00.0.00.01.0000', nama: 'DINAS KESEHATAN' };
const C: Agency = { kd: '71003', str: '4.01.0.00.0.00.01.0000', nama: 'SEKRETARIAT DAERAH' };
const rand = rng(303);
const pakets: Paket[] = [A, B, C].flatMap((agency, j) =>
  Array.from({ length: 30 }, (_, i) => ({
    agency,
    kdRup: String(93_000_000 + j * 100 + i),
    cents: BigInt(Math.floor(rand() * 800_000_000)) * 100n + BigInt(i),
    pdn: rand() < 0.6,
    ukm: rand() < 0.45,
  })),
);

type Group = 'barang_jasa' | 'modal' | 'pegawai';
interface Line {
  agency: Agency;
  group: Group;
  cents: bigint;
}
const lines: Line[] = [];
// SIPD (Permendagri 90/2019): 5.1.02 barang & jasa, 5.2.xx modal, 5.1.01 pegawai.
const SIPD_CODE: Record<Group, string> = {
  barang_jasa: '5.1.02.01.01.0024',
  modal: '5.2.02.05.01.0001',
  pegawai: '5.1.01.01.01.0001',
};
const sipdRows = [A, B].flatMap((a) =>
  (['barang_jasa', 'modal', 'pegawai', 'barang_jasa', 'modal'] as Group[]).map((group, i) => {
    const cents = 1_000_000_000_00n * BigInt(1 + i) + BigInt(a.kd.length * 7 + i);
    lines.push({ agency: a, group, cents });
    return {
      'Kode SKPD': a.str,
      'Nama SKPD': a === A ? 'Dinas Pendidikan' : 'Dinas Kesehatan',
      'Kode Rekening': SIPD_CODE[group],
      'Nama Rekening': 'Belanja',
      Anggaran: centsTextId(cents),
    };
  }),
);
// SIMDA (Permendagri 13/2006): 5.2.2 barang & jasa, 5.2.3 modal, 5.2.1 pegawai; its own agency code.
const SIMDA_REK: Record<Group, string[]> = {
  barang_jasa: ['5', '2', '2', '1', '7'],
  modal: ['5', '2', '3', '26', '1'],
  pegawai: ['5', '2', '1', '2', '1'],
};
const simdaRows = (['barang_jasa', 'modal', 'pegawai', 'barang_jasa'] as Group[]).map((group, i) => {
  const cents = 700_000_000_00n * BigInt(1 + i) + 33n;
  lines.push({ agency: C, group, cents });
  const [r1, r2, r3, r4, r5] = SIMDA_REK[group];
  return {
    Tahun: '2025', Kd_Urusan: '4', Kd_Bidang: '1', Kd_Unit: '1', Kd_Sub: '1', Nm_Unit: 'Sekretariat Daerah',
    Nm_Sub_Unit: 'Sekretariat Daerah', Kd_Prog: '1', Kd_Keg: '1', Ket_Kegiatan: 'Kegiatan', Kd_Rek_1: r1!,
    Kd_Rek_2: r2!, Kd_Rek_3: r3!, Kd_Rek_4: r4!, Kd_Rek_5: r5!, Nm_Rek_5: 'Belanja', Anggaran: centsTextId(cents),
    Realisasi: '0',
  }; // prettier-ignore
});

let engine: NodeEngine;
beforeAll(async () => {
  engine = await freshEngine();
  await importText(
    engine,
    'RUP-PaketPenyedia-Terumumkan.csv',
    toCsv(PENYEDIA_HEADERS, pakets.map(penyediaRow)),
  );
  const sipd = serialize(['Kode SKPD', 'Nama SKPD', 'Kode Rekening', 'Nama Rekening', 'Anggaran'], sipdRows, {
    delim: ';',
  });
  expect((await importText(engine, 'sipd-belanja.csv', sipd.bytes)).kind).toBe('apbd_rekening');
  const simda = serialize(SIMDA_HEADERS, simdaRows, { delim: ';' });
  expect((await importText(engine, 'simda-belanja.csv', simda.bytes, { replace: 'none' })).variant).toBe(
    'simda',
  );
}, 120_000);
afterAll(async () => engine?.close());

const den = (a: Agency, d: Denominator): bigint =>
  sum(
    lines
      .filter((l) => l.agency === a && (l.group === 'barang_jasa' || (d === 'apbd_barang_jasa_modal' && l.group === 'modal')))
      .map((l) => l.cents),
  ); // prettier-ignore
const kom = (a: Agency, k: 'pdn' | 'ukm') =>
  sum(pakets.filter((p) => p.agency === a && p[k]).map((p) => p.cents));

describe('APBD belanja barang dan jasa (and + modal) as the denominator', () => {
  it('is offered beside the three others', () => {
    expect(DENOMINATORS).toEqual(['belanja_pengadaan', 'rup_penyedia', 'rup_total', 'apbd_barang_jasa', 'apbd_barang_jasa_modal']); // prettier-ignore
  });

  for (const d of ['apbd_barang_jasa', 'apbd_barang_jasa_modal'] as const) {
    it(`${d}: per register agency (SIPD by code, SIMDA by name), exact shares, one row per agency`, async () => {
      const q = basisAgencyQuery('komitmen', d, { pdn: 0.4, umk: 0.4 }, NO_FILTERS);
      const got = (await engine.query(q.sql, q.params)).map((r) => toBasisAgencyMetric('komitmen', r));
      expect(got.map((m) => m.agencyKey).sort()).toEqual([A, B, C].map((a) => `kd:${a.kd}`).sort());
      for (const a of [A, B, C]) {
        const m = got.find((x) => x.agencyKey === `kd:${a.kd}`)!;
        expect(m.denominator).toBe(rp(den(a, d)));
        expect(m.apbdBarangJasa).toBe(rp(den(a, 'apbd_barang_jasa')));
        expect(m.apbdBarangJasaModal).toBe(rp(den(a, 'apbd_barang_jasa_modal')));
        expect(m.pdn).toBe(rp(kom(a, 'pdn')));
        expect(m.share.pdn).toBe(rp(kom(a, 'pdn')) / rp(den(a, d)));
        expect(m.share.umk).toBe(rp(kom(a, 'ukm')) / rp(den(a, d)));
      }
      const s = toBasisSummary('komitmen', (await engine.query(basisSummaryQuery('komitmen', d, { pdn: 0.4, umk: 0.4 }, NO_FILTERS).sql, basisSummaryQuery('komitmen', d, { pdn: 0.4, umk: 0.4 }, NO_FILTERS).params))[0]); // prettier-ignore
      expect(s.denominator).toBe(rp(sum([A, B, C].map((a) => den(a, d)))));
      expect(s.agenciesWithDenominator).toBe(3);
    });
  }

  it('says the SIPD lines matched by code and the SIMDA lines (own codes) by name', async () => {
    const rows = await engine.query(registerMatchQuery(NO_FILTERS).sql);
    const apbd = rows.filter((r) => r['kind'] === 'apbd_rekening');
    expect(apbd.map((r) => [r['path'], r['n'], r['total']])).toEqual([
      ['kode', sipdRows.length, rp(sum(lines.filter((l) => l.agency !== C).map((l) => l.cents)))],
      ['nama', simdaRows.length, rp(sum(lines.filter((l) => l.agency === C).map((l) => l.cents)))],
    ]);
  });
});
