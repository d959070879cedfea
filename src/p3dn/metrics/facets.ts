/** Distinct values for the filter menus (materialised with the cubes: cube.ts). */
export const FACETS_SQL = `SELECT facet, v FROM cube_facets ORDER BY 1, 2`;
