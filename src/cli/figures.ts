/**
 * The report's figures, per Pemda × agency and per Pemda, on any Engine, computed by the app's own queries (no SQL
 * of the CLI's): the agencies by `basisAgencyQuery` (the dashboard's agency table), the Pemda by
 * `pemdaRankingQuery` (the dashboard's Pemda ranking), both with `money: 'exact'`, so rupiah arrive as DuckDB's
 * exact DECIMAL text (gaps rounded to the cent) instead of the dashboard's DOUBLE; shares are the same DOUBLE.
 *
 * Pemda: the agency register's (`pemda_key`, named by `pemda_dim`), as in the app; how each agency's Pemda is
 * known comes from the register too (`AGENCY_PEMDA_SQL`, `PemdaPath`).
 */
import { bool, num, numOrNull, str, text } from '../engine/cells';
import type { Sql } from '../engine/sql';
import type { Engine, Row } from '../engine/types';
import { AGENCY_PEMDA_SQL, UNKNOWN_PEMDA, type PemdaPath } from '../p3dn/agency';
import {
  NO_FILTERS,
  basisAgencyQuery,
  pemdaRankingQuery,
  type Basis,
  type Denominator,
  type Kpi,
  type Targets,
} from '../p3dn/metrics';

export interface ReportOptions {
  basis: Basis;
  denominator: Denominator;
  targets: Targets;
}

export interface AgencyFigures {
  /** The register's Pemda key (`klpd:<kd_klpd>`, `pemda:<NAME>`, `tanpa_pemda`) and name (null: none known). */
  pemdaKey: string;
  pemda: string | null;
  /** How the agency's Pemda is known: the strongest path of its identities; null: not in the register. */
  pemdaPath: PemdaPath | null;
  agencyKey: string;
  kode: string;
  nama: string;
  /** Exact decimal text (rupiah, 2 decimals). */
  numerator: Record<Kpi, string>;
  /** The basis' denominator per KPI (komitmen, realisasi: the same; capaian: that KPI's komitmen); null: none. */
  denominatorKpi: Record<Kpi, string | null>;
  denominator: string | null;
  /** Percent, from the app's share (DOUBLE); null: no denominator. */
  sharePct: Record<Kpi, number | null>;
  gap: Record<Kpi, string | null>;
  meets: Record<Kpi, boolean | null>;
  komitmen: Record<Kpi, string>;
  realisasi: Record<Kpi, string>;
  rupPenyedia: string;
  rupSwakelola: string;
  belanjaPengadaan: string | null;
  realisasiTotal: string;
  packages: number;
  swakelola: number;
  transactions: number;
}

export interface PemdaFigures {
  pemdaKey: string;
  /** The register's name of the Pemda; null: a Pemda known only by its kd_klpd, or the unknown-Pemda bucket. */
  pemda: string | null;
  agencies: number;
  agenciesWithDenominator: Record<Kpi, number>;
  agenciesMeeting: Record<Kpi, number>;
  /** Σ numerator of the agencies with a denominator (capaian: of all agencies), exact. */
  numerator: Record<Kpi, string>;
  numeratorWithoutDenominator: Record<Kpi, string>;
  denominator: Record<Kpi, string | null>;
  sharePct: Record<Kpi, number | null>;
  gap: Record<Kpi, string | null>;
}

const perKpi = <T>(fn: (k: Kpi) => T): Record<Kpi, T> => ({ pdn: fn('pdn'), umk: fn('umk') });
/** Exact decimal text (the query's VARCHAR), or null (no value). */
const dec = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const pct = (v: Row[string] | undefined): number | null => {
  const s = numOrNull(v);
  return s === null ? null : s * 100;
};
const args = (q: Sql) => [q.sql, q.params] as const;
/** Code-unit order (as DuckDB's default collation), so the order does not depend on the machine's locale. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Both tables of figures, from the app's agency and Pemda ranking queries over every loaded row. */
export async function reportFigures(
  engine: Engine,
  o: ReportOptions,
): Promise<{ agencies: AgencyFigures[]; pemda: PemdaFigures[] }> {
  return { agencies: await agencyFigures(engine, o), pemda: await pemdaFigures(engine, o) };
}

async function agencyFigures(engine: Engine, o: ReportOptions): Promise<AgencyFigures[]> {
  const q = basisAgencyQuery(o.basis, o.denominator, o.targets, NO_FILTERS, 'exact');
  const paths = new Map(
    (await engine.query(AGENCY_PEMDA_SQL)).map((r) => [String(r['agency_key']), str(r['pemda_path'])]),
  );
  const rows = (await engine.query(...args(q))).map((r): AgencyFigures => ({
    pemdaKey: String(r['pemda_key']),
    pemda: str(r['pemda']),
    pemdaPath: (paths.get(String(r['agency_key'])) ?? null) as PemdaPath | null,
    agencyKey: String(r['agency_key']),
    kode: text(r['kode']),
    nama: text(r['nama']),
    numerator: perKpi((k) => String(r[k])),
    denominatorKpi: perKpi((k) => dec(r[`${k}_den`])),
    denominator: o.basis === 'capaian' ? null : dec(r['den']),
    sharePct: perKpi((k) => pct(r[`${k}_share`])),
    gap: perKpi((k) => dec(r[`${k}_gap`])),
    meets: perKpi((k) => bool(r[`${k}_meets`])),
    komitmen: perKpi((k) => String(r[`${k}_komitmen`])),
    realisasi: perKpi((k) => String(r[`${k}_realisasi`])),
    rupPenyedia: String(r['rup_penyedia']),
    rupSwakelola: String(r['rup_swakelola']),
    belanjaPengadaan: dec(r['belanja_pengadaan']),
    realisasiTotal: String(r['r_total']),
    packages: num(r['n_paket']),
    swakelola: num(r['n_swakelola']),
    transactions: num(r['n_trx']),
  }));
  // By Pemda (the unknown-Pemda bucket last), then agency name: a Pemda's agencies together.
  const label = (a: AgencyFigures) => a.pemda ?? a.pemdaKey;
  return rows.sort(
    (a, b) =>
      Number(a.pemdaKey === UNKNOWN_PEMDA) - Number(b.pemdaKey === UNKNOWN_PEMDA) ||
      cmp(label(a), label(b)) ||
      cmp(a.nama, b.nama) ||
      cmp(a.agencyKey, b.agencyKey),
  );
}

async function pemdaFigures(engine: Engine, o: ReportOptions): Promise<PemdaFigures[]> {
  const q = pemdaRankingQuery(o.basis, o.denominator, o.targets, NO_FILTERS, 'exact');
  return (await engine.query(...args(q))).map((r) => ({
    pemdaKey: String(r['pemda_key']),
    pemda: str(r['pemda']),
    agencies: num(r['agencies']),
    agenciesWithDenominator: perKpi((k) => num(r[`${k}_with_den`])),
    agenciesMeeting: perKpi((k) => num(r[`${k}_meeting`])),
    numerator: perKpi((k) => String(r[k])),
    numeratorWithoutDenominator: perKpi((k) => String(r[`${k}_no_den`])),
    denominator: perKpi((k) => dec(r[`${k}_den`])),
    sharePct: perKpi((k) => pct(r[`${k}_share`])),
    gap: perKpi((k) => dec(r[`${k}_gap`])),
  }));
}
