/** Distinct values for the filter menus (materialised with the cubes: cube.ts; `years` is not a menu). */
export const FACETS_SQL = `SELECT facet, v FROM cube_facets WHERE facet <> 'years' ORDER BY 1, 2`;
