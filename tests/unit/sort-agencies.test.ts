import { describe, expect, it } from 'vitest';
import { sortAgencies } from '../../src/p3dn/metrics';
import type { BasisAgencyMetric } from '../../src/p3dn/metrics';

function agency(name: string, pdn: number, den: number | null): BasisAgencyMetric {
  const share = den === null ? null : pdn / den;
  return {
    agencyKey: `kd:${name}`,
    name,
    code: null,
    packages: 1,
    swakelola: 0,
    rupPenyedia: pdn,
    rupSwakelola: 0,
    belanjaPengadaan: den,
    pdn,
    umk: 0,
    denominator: den,
    share: { pdn: share, umk: den === null ? null : 0 },
    gap: { pdn: den === null ? null : Math.max(0, 0.4 * den - pdn), umk: null },
    meets: { pdn: share === null ? null : share >= 0.4, umk: null },
    basis: 'komitmen',
    transactions: 0,
    realisasiTotal: 0,
    denominatorKpi: { pdn: den, umk: den },
    komitmen: { pdn, umk: 0 },
    realisasi: { pdn: 0, umk: 0 },
    komitmenShare: { pdn: share, umk: null },
    realisasiShare: { pdn: null, umk: null },
    capaian: { pdn: null, umk: null },
    from: { pdn: { nilai: 0, rup: 0, tanpa: 0 }, umk: { nilai: 0, rup: 0, tanpa: 0 } },
  };
}

const rows = [agency('B', 10, 100), agency('A', 50, 100), agency('C', 5, null), agency('D', 30, 100)];

describe('sortAgencies', () => {
  it('sorts by share either way, agencies without a denominator always last', () => {
    expect(sortAgencies(rows, 'pdn', { key: 'share', dir: 'desc' }).map((r) => r.name)).toEqual([
      'A',
      'D',
      'B',
      'C',
    ]);
    expect(sortAgencies(rows, 'pdn', { key: 'share', dir: 'asc' }).map((r) => r.name)).toEqual([
      'B',
      'D',
      'A',
      'C',
    ]);
  });
  it('sorts by name, numerator and gap', () => {
    expect(sortAgencies(rows, 'pdn', { key: 'name', dir: 'asc' }).map((r) => r.name)).toEqual([
      'A',
      'B',
      'C',
      'D',
    ]);
    expect(sortAgencies(rows, 'pdn', { key: 'numerator', dir: 'desc' }).map((r) => r.name)).toEqual([
      'A',
      'D',
      'B',
      'C',
    ]);
    expect(sortAgencies(rows, 'pdn', { key: 'gap', dir: 'desc' }).map((r) => r.name)).toEqual([
      'B',
      'D',
      'A',
      'C',
    ]);
  });
});
