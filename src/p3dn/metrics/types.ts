import type { Sql } from '../../engine/sql';

/**
 * Komitmen metrics: the share of an agency's procurement budget whose RUP penyedia packages are flagged PDN
 * (or UKM), against a target. Sums stay DECIMAL inside DuckDB and are cast to DOUBLE only in the final SELECT.
 *
 *   numerator(PDN)   = Σ pagu of counted RUP penyedia packages with status_pdn = PDN
 *   numerator(UMK-K) = Σ pagu of counted RUP penyedia packages with status_ukm = UKM
 *   denominator      = belanja_pengadaan (StrukturAnggaranPD)            [default]
 *                    | Σ pagu of counted RUP penyedia packages
 *                    | Σ pagu of counted RUP penyedia + swakelola packages
 *   share            = numerator ÷ denominator   (no denominator, or 0 → "tanpa penyebut", never 0 %)
 *   gap (rupiah)     = max(0, target × denominator − numerator)
 *
 * "Counted" = not rejected and not excluded (deleted, inactive, unannounced, duplicate kd_rup).
 *
 * This module holds the definitions and shared types; the SQL that computes them is the komitmen basis of
 * `basisAgencyQuery` / `basisSummaryQuery` in basis.ts.
 */

export type Kpi = 'pdn' | 'umk';
export const KPIS: readonly Kpi[] = ['pdn', 'umk'];

export type Denominator = 'belanja_pengadaan' | 'rup_penyedia' | 'rup_total';
export const DENOMINATORS: readonly Denominator[] = ['belanja_pengadaan', 'rup_penyedia', 'rup_total'];

export interface Targets {
  /** Fractions, 0.4 = 40 %. */
  pdn: number;
  umk: number;
}

export const DEFAULT_TARGETS: Targets = { pdn: 0.4, umk: 0.4 };
export const TARGET_PRESETS = {
  /** Everyday "40 % of APBD for local products" frame, both KPIs. */
  p40: { pdn: 0.4, umk: 0.4 },
  /** Policy target for PDN (SE Kepala LKPP 8/2023); UMK-K keeps its legal 40 %. */
  pdn95: { pdn: 0.95, umk: 0.4 },
} as const satisfies Record<string, Targets>;

export function isDenominator(v: unknown): v is Denominator {
  return typeof v === 'string' && (DENOMINATORS as readonly string[]).includes(v);
}

export function isKpi(v: unknown): v is Kpi {
  return v === 'pdn' || v === 'umk';
}

/** A metric query: SQL text and its bound parameters (built with the `sql` tag). */
export type Query = Sql;

export type Basis = 'komitmen' | 'realisasi' | 'capaian';
export const BASES: readonly Basis[] = ['komitmen', 'realisasi', 'capaian'];
export const isBasis = (v: unknown): v is Basis => v === 'komitmen' || v === 'realisasi' || v === 'capaian';

export interface Filters {
  tahun: number | null;
  agency: string | null;
  metode: string | null;
  jenis: string | null;
  sumberDana: string | null;
  source: string | null;
}
export const NO_FILTERS: Filters = {
  tahun: null,
  agency: null,
  metode: null,
  jenis: null,
  sumberDana: null,
  source: null,
};

export interface AgencyMetric {
  agencyKey: string;
  name: string;
  code: string | null;
  packages: number;
  swakelola: number;
  rupPenyedia: number;
  rupSwakelola: number;
  belanjaPengadaan: number | null;
  pdn: number;
  umk: number;
  /** null: this agency has no denominator under the chosen basis. */
  denominator: number | null;
  share: Record<Kpi, number | null>;
  gap: Record<Kpi, number | null>;
  meets: Record<Kpi, boolean | null>;
}

export interface Summary {
  agencies: number;
  agenciesWithDenominator: number;
  denominator: number | null;
  value: Record<Kpi, number>;
  valueWithoutDenominator: Record<Kpi, number>;
  share: Record<Kpi, number | null>;
  gap: Record<Kpi, number | null>;
  meeting: Record<Kpi, number>;
}
