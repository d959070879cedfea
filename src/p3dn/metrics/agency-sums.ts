/**
 * The sums behind every agency figure, over `cube_base` (cube.ts: every source's cube rows in one table, `src`
 * telling them apart), pre-added by the cube build into `cube_agency_dims` (per agency, Pemda, year and the
 * filtered dimensions) and `cube_agency_year` (per agency, Pemda and year), which the figures read and add up
 * again (basis.ts `baseSql`).
 */

/** Σ of `e` over the rows of source `src` (and `cond`): NULL when the agency has none. */
const S = (e: string, src: string, cond = '') =>
  `sum(${e}) FILTER (WHERE src = '${src}'${cond ? ` AND ${cond}` : ''})`;
/** The same, 0 when none. */
const Z = (e: string, src: string, cond = '') => `coalesce(${S(e, src, cond)}, 0)`;

interface AgencySum {
  name: string;
  /** Its SQL over `cube_base` rows. */
  expr: string;
  /** Rows behind (a BIGINT count) rather than rupiah. */
  count?: boolean;
  /** Only the agency figures need it, not the totals (`lean`). */
  detail?: boolean;
}

const count = (name: string, src: string): AgencySum => ({
  name,
  expr: `CAST(${Z('n', src)} AS BIGINT)`,
  count: true,
  detail: true,
});

/** In the order the agency figures select them. */
const AGENCY_SUMS: readonly AgencySum[] = [
  count('pen_n', 'pen'),
  count('swa_n', 'swa'),
  count('n_trx', 'rx'),
  ...(['pdn', 'umk'] as const).flatMap((k) =>
    (['nilai', 'rup'] as const).map((v) => ({
      name: `${k}_${v}`,
      expr: Z('amount', 'rx', `${k}_from = '${v}'`),
      detail: true,
    })),
  ),
  { name: 'pen_pagu', expr: S('amount', 'pen') },
  { name: 'pen_pdn', expr: Z('amount', 'pen', 'is_pdn') },
  { name: 'pen_umk', expr: Z('amount', 'pen', 'is_ukm') },
  { name: 'swa_pagu', expr: S('amount', 'swa') },
  { name: 'str_bp', expr: S('amount', 'str') },
  // APBD budget lines by spending group, whatever code set (5.1.02 / SIMDA 5.2.2, modal 5.2 / SIMDA 5.2.3).
  { name: 'ap_bj', expr: S('amount', 'ap', "kelompok = 'barang_jasa'") },
  { name: 'ap_bjm', expr: S('amount', 'ap', "kelompok IN ('barang_jasa', 'modal')") },
  { name: 'r_total', expr: Z('amount', 'rx') },
  { name: 'r_pdn', expr: Z('pdn_part', 'rx') },
  { name: 'r_umk', expr: Z('umk_part', 'rx') },
  { name: 'pdn_tanpa', expr: Z('amount', 'rx', "pdn_from = 'tanpa'") },
  { name: 'umk_tanpa', expr: Z('amount', 'rx', "umk_from = 'tanpa'") },
];

/**
 * The sums over `cube_base` rows (`pivoted` false: the cube build), or adding up the pre-added sums of
 * `cube_agency_dims` / `cube_agency_year` (the `a` CTE of the figures) — the same exact value: a count or a
 * 0-when-none sum adds up, a NULL-when-none sum stays NULL only when every pre-added row's is.
 */
export function agencySumsSql(lean: boolean, pivoted: boolean): string {
  return AGENCY_SUMS.filter((s) => !(lean && s.detail))
    .map((s) =>
      !pivoted
        ? `${s.expr} AS ${s.name}`
        : s.count
          ? `CAST(sum(${s.name}) AS BIGINT) AS ${s.name}`
          : `sum(${s.name}) AS ${s.name}`,
    )
    .join(',\n      ');
}
