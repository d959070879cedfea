import { describe, expect, it } from 'vitest';
import { URL_STATE_VERSION, parsePercentFraction } from '../../src/lib/url-state';
import { decodeView, encodeView } from '../../src/stores/view-url';
import { NO_FILTERS } from '../../src/p3dn/metrics';
import type { ViewState } from '../../src/stores/view-store';

const noop = () => undefined;
const state = (over: Partial<ViewState> = {}): ViewState => ({
  kpi: 'umk',
  denominator: 'rup_total',
  targets: { pdn: 0.95, umk: 0.375 },
  savedTargets: { pdn: 0.4, umk: 0.4 },
  sort: { key: 'gap', dir: 'asc' },
  lang: 'en',
  savedLang: 'id',
  basis: 'capaian',
  filters: { ...NO_FILTERS, tahun: 2025, metode: 'Tender Cepat', sumberDana: 'APBD;APBDP' },
  selectedAgency: 'kd:3519027',
  setBasis: noop,
  setFilter: noop,
  setFilters: noop,
  setSelectedAgency: noop,
  setKpi: noop,
  setDenominator: noop,
  setTargets: noop,
  setSort: noop,
  setLang: noop,
  ...over,
});

describe('view URL codec', () => {
  it('round-trips every field, with a version number', () => {
    const p = encodeView(state());
    expect(p.get('v')).toBe(String(URL_STATE_VERSION));
    expect(Object.fromEntries(p)).toEqual({
      v: '1',
      k: 'umk',
      d: 'rup_total',
      t: '95_37.5',
      s: 'gap.asc',
      l: 'en',
      b: 'capaian',
      f: 'tahun:2025;metode:Tender%20Cepat;sumberDana:APBD%3BAPBDP',
      a: 'kd:3519027',
    });
    const back = decodeView(new URLSearchParams(p.toString()));
    expect(back).toEqual({
      kpi: 'umk',
      denominator: 'rup_total',
      targets: { pdn: 0.95, umk: 0.375 },
      sort: { key: 'gap', dir: 'asc' },
      lang: 'en',
      basis: 'capaian',
      filters: { ...NO_FILTERS, tahun: 2025, metode: 'Tender Cepat', sumberDana: 'APBD;APBDP' },
      selectedAgency: 'kd:3519027',
    });
  });

  it('ignores a URL without a version or with another version', () => {
    expect(decodeView(new URLSearchParams('k=umk'))).toBeNull();
    expect(decodeView(new URLSearchParams('v=2&k=umk'))).toBeNull();
    expect(decodeView(new URLSearchParams('v=1.0&k=umk'))).toBeNull();
  });

  it('drops every value that does not validate, keeping the valid ones', () => {
    const bad = [
      'k=PDN', 'k=pdn;drop', 'd=belanja', 'd=__proto__', 't=40', 't=140_40', 't=-1_40', 't=40_40_40',
      't=1e2_40', 't=40.123_40', 's=share', 's=share.up', 's=constructor.asc', 's=share.asc.x', 'l=fr',
      'l=<script>', 'k=' + 'u'.repeat(5000), 'b=semua', 'f=tahun:25', 'f=warna:merah', 'f=metode:',
      'f=metode:%E0%A4%A', 'f=:x', 'a=' + 'x'.repeat(301),
    ]; // prettier-ignore
    for (const b of bad) expect(decodeView(new URLSearchParams(`v=1&${b}`)), b).toEqual({});
    expect(decodeView(new URLSearchParams('v=1&k=pdn&d=nope&l=id&zzz=1'))).toEqual({
      kpi: 'pdn',
      lang: 'id',
    });
  });

  it('reads percentages as fractions within 0..100 only', () => {
    expect(parsePercentFraction('40')).toBe(0.4);
    expect(parsePercentFraction('0')).toBe(0);
    expect(parsePercentFraction('100')).toBe(1);
    expect(parsePercentFraction('12.25')).toBe(0.1225);
    for (const t of ['', '100.01', '101', ' 40', '40 ', '4e1', '0x10', 'NaN', 'Infinity', '-0']) {
      expect(parsePercentFraction(t), t).toBeUndefined();
    }
  });
});
