/**
 * schema/: the dataset's tables and the canonical views (one per canonical table, over the loaded files' own
 * tables), and `createSchema`, the one bootstrap every engine runs: macros, tables, agency maps, views.
 */
import type { Engine } from '../../engine/types';
import { AGENCY_TABLES_SQL, AGENCY_VIEWS_SQL } from '../agency/dimension';
import { REALISASI_VIEW_SQL } from '../agency/realisasi-x';
import { ALL_MACROS_SQL } from '../macros';
import { refreshCubes } from '../metrics/cube';
import { datasetTablesSql } from './tables';

/** Create everything the core needs on a fresh engine, in order. Idempotent. */
export async function createSchema(engine: Engine): Promise<void> {
  await engine.exec(ALL_MACROS_SQL);
  // The register's tables first: the canonical views join its identity map.
  await engine.exec(AGENCY_TABLES_SQL);
  await engine.exec(datasetTablesSql());
  await engine.exec(AGENCY_VIEWS_SQL);
  await engine.exec(REALISASI_VIEW_SQL);
  // The (empty) aggregates the metric SQL reads (metrics/cube.ts).
  await refreshCubes(engine);
}

export { canonicalViewSql, dataTables, loadedSource, sqlType, tableColumns, type LoadedFile } from './tables';
export { REALISASI_COLUMNS } from './realisasi';
export { DERIVED_TABLES, isDerivedTable } from './derived';
