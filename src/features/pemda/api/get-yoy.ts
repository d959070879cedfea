import { useQuery } from '@tanstack/react-query';
import {
  YEARS_SQL,
  basisAgencyQuery,
  pemdaRankingQuery,
  toBasisAgencyMetric,
  toPemdaRow,
  type BasisAgencyMetric,
  type PemdaRow,
} from '../../../p3dn/metrics';
import { useMetricParams, viewQueryOptions } from '../../../queries/metric-queries';

export interface YoyData {
  years: [number, number];
  agencies: [BasisAgencyMetric[], BasisAgencyMetric[]];
  pemda: [PemdaRow[], PemdaRow[]];
}

/**
 * The two years compared: the year filter's year and the one before it, else the last two loaded years; null with
 * fewer than two years.
 */
export function yearsCompared(years: readonly number[], filterYear: number | null): [number, number] | null {
  const cur = filterYear ?? years[years.length - 1];
  const prev = years.filter((y) => cur !== undefined && y < cur).pop();
  return cur !== undefined && prev !== undefined ? [prev, cur] : null;
}

const yoyOptions = viewQueryOptions(
  'yoy',
  async (engine, { basis, den, targets, filters }): Promise<YoyData | null> => {
    const years = (await engine.query(YEARS_SQL)).map((r) => Number(r['tahun']));
    const pair = yearsCompared(years, filters.tahun);
    if (!pair) return null;
    const per = async (tahun: number) => {
      const f = { ...filters, tahun };
      const a = basisAgencyQuery(basis, den, targets, f);
      const p = pemdaRankingQuery(basis, den, targets, f);
      return {
        agencies: (await engine.query(a.sql, a.params)).map((r) => toBasisAgencyMetric(basis, r)),
        pemda: (await engine.query(p.sql, p.params)).map(toPemdaRow),
      };
    };
    const [a, b] = [await per(pair[0]), await per(pair[1])];
    return { years: pair, agencies: [a.agencies, b.agencies], pemda: [a.pemda, b.pemda] };
  },
);

/** Each agency's and each Pemda's share in two fiscal years (null: fewer than two years loaded). */
export function useYearOverYear() {
  return useQuery(yoyOptions(...useMetricParams()));
}
