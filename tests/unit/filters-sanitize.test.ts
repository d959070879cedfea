import { describe, expect, it } from 'vitest';
import {
  activeFilters,
  dropUnknownFilters,
  type FilterValues,
} from '../../src/features/filters/lib/sanitize';
import { NO_FILTERS } from '../../src/p3dn/metrics';
import { decodeView, encodeView } from '../../src/stores/view-url';
import { useViewStore } from '../../src/stores/view-store';

const VALUES: FilterValues = {
  tahun: [2024, 2025],
  agency: ['kd:1', 'kd:2'],
  metode: ['Tender'],
  jenis: ['Barang'],
  sumberDana: ['APBD'],
  source: ['tokodaring'],
  pemda: ['klpd:D101', 'klpd:D202'],
};

describe('filters against the loaded data', () => {
  it('drops only the values the data does not have, and says which', () => {
    const f = {
      ...NO_FILTERS,
      tahun: 2023,
      agency: 'kd:1',
      metode: 'Kontes',
      pemda: 'klpd:D999',
      source: 'tokodaring',
    };
    const r = dropUnknownFilters(f, VALUES);
    expect(r.dropped).toEqual(['tahun', 'metode', 'pemda']);
    expect(r.filters).toEqual({ ...NO_FILTERS, agency: 'kd:1', source: 'tokodaring' });
    expect(activeFilters(r.filters)).toEqual(['agency', 'source']);
  });

  it('keeps every known value, and a filter set without a Pemda (an older saved view) as it is', () => {
    const f = {
      tahun: 2025,
      agency: 'kd:2',
      metode: 'Tender',
      jenis: 'Barang',
      sumberDana: 'APBD',
      source: null,
    };
    const r = dropUnknownFilters(f, VALUES);
    expect(r.dropped).toEqual([]);
    expect(r.filters).toEqual({ ...f, pemda: null });
    expect(activeFilters(NO_FILTERS)).toEqual([]);
  });

  it('carries the Pemda filter in a shared link, and an unset one not at all', () => {
    const s = useViewStore.getState();
    const withPemda = encodeView({ ...s, filters: { ...NO_FILTERS, pemda: 'klpd:D202', tahun: 2025 } });
    const back = decodeView(new URLSearchParams(withPemda.toString()));
    expect(back?.filters).toEqual({ ...NO_FILTERS, pemda: 'klpd:D202', tahun: 2025 });
    const without = encodeView({ ...s, filters: { ...NO_FILTERS, tahun: 2025, pemda: undefined } });
    expect(new URLSearchParams(without.toString()).get('f')).toBe('tahun:2025');
  });
});
