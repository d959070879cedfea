/**
 * metrics/: the figures (komitmen, realisasi, capaian; breakdowns, reconciliation, drill-down, APBD groups) as SQL
 * built by small pure functions (values bound by the `sql` tag; money DECIMAL until the final SELECT), and readers.
 */
export * from './types';
export {
  basisAgencyQuery,
  basisSummaryQuery,
  toBasisAgencyMetric,
  toBasisSummary,
  type BasisAgencyMetric,
  type BasisSummary,
  type MoneyOut,
} from './basis';
export * from './breakdown';
export * from './reconciliation';
export * from './facets';
export * from './drill';
export * from './metode';
export * from './apbd';
export * from './sort-agencies';
export * from './pemda';
export * from './yoy';
export { refreshCubes } from './cube';
