/** Reference for tests/unit/cube.test.ts: the metric SQL as it read the rows before the cubes (main at b6d2e72), SQL unchanged, the row readers left out. */
/** Distinct values for the filter menus. */
export const FACETS_SQL = `
  SELECT 'tahun' AS facet, CAST(tahun AS VARCHAR) AS v FROM (
    SELECT tahun FROM rup_penyedia UNION SELECT tahun FROM realisasi_x UNION SELECT tahun FROM struktur_anggaran)
    WHERE tahun IS NOT NULL
  UNION SELECT 'metode', metode FROM rup_penyedia WHERE metode IS NOT NULL AND exclusion IS NULL
  UNION SELECT 'metode', metode_x FROM realisasi_x WHERE metode_x IS NOT NULL
  UNION SELECT 'jenis', split_part(jenis, ';', 1) FROM rup_penyedia WHERE jenis IS NOT NULL AND exclusion IS NULL
  UNION SELECT 'jenis', jenis_x FROM realisasi_x WHERE jenis_x IS NOT NULL
  UNION SELECT 'sumberDana', sumber_dana FROM realisasi_x WHERE sumber_dana IS NOT NULL
  UNION SELECT 'source', source FROM realisasi_x
  ORDER BY 1, 2`;

/** The years compared year over year (src/p3dn/metrics/yoy.ts at b6d2e72). */
export const YEARS_SQL = `SELECT DISTINCT tahun FROM (
    SELECT tahun FROM rup_penyedia UNION SELECT tahun FROM struktur_anggaran UNION SELECT tahun FROM apbd_rekening
    UNION SELECT tahun FROM realisasi_x) WHERE tahun IS NOT NULL ORDER BY tahun`;
