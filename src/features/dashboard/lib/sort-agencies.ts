import type { Kpi } from '../../../p3dn/metrics';
import type { BasisAgencyMetric as AgencyMetric } from '../../../p3dn/realisasi-metrics';
import type { Sort, SortKey } from '../../../stores/view-store';

function sortValue(m: AgencyMetric, kpi: Kpi, key: SortKey): number | string | null {
  switch (key) {
    case 'name':
      return m.name;
    case 'numerator':
      return m[kpi];
    case 'denominator':
      return m.denominatorKpi[kpi];
    case 'share':
      return m.share[kpi];
    case 'gap':
      return m.gap[kpi];
  }
}

/** Sorts with agencies that have no value (no denominator) always last, whatever the direction. */
export function sortAgencies(rows: readonly AgencyMetric[], kpi: Kpi, sort: Sort): AgencyMetric[] {
  const dir = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, kpi, sort.key);
    const vb = sortValue(b, kpi, sort.key);
    if (va === null && vb === null) return a.name.localeCompare(b.name);
    if (va === null) return 1;
    if (vb === null) return -1;
    const c =
      typeof va === 'string' && typeof vb === 'string' ? va.localeCompare(vb) : Number(va) - Number(vb);
    return c * dir || a.name.localeCompare(b.name);
  });
}
