import type { BasisAgencyMetric } from './basis';
import type { AgencyMetric, Kpi } from './types';

export type SortKey = 'name' | 'numerator' | 'denominator' | 'share' | 'gap';
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

type Sortable = AgencyMetric | BasisAgencyMetric;

function sortValue(m: Sortable, kpi: Kpi, key: SortKey): number | string | null {
  switch (key) {
    case 'name':
      return m.name;
    case 'numerator':
      return m[kpi];
    case 'denominator':
      // Under a basis, each KPI has its own denominator (capaian: that KPI's komitmen).
      return 'denominatorKpi' in m ? m.denominatorKpi[kpi] : m.denominator;
    case 'share':
      return m.share[kpi];
    case 'gap':
      return m.gap[kpi];
  }
}

/**
 * The agency table's order, shared by the dashboard, the report and the exports: agencies without a value (no
 * denominator) always last, whatever the direction; ties by name.
 */
export function sortAgencies<T extends Sortable>(rows: readonly T[], kpi: Kpi, sort: Sort): T[] {
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
