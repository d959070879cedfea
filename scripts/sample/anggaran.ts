/**
 * The budget structure per agency (RUP-StrukturAnggaranPD): belanja pengadaan set from the agency's counted RUP
 * pagu and its budget factor, split into operasi and modal, with non-pengadaan and BTT around it.
 */
import type { CsvValue } from './csv';
import { toSen } from './format';
import type { STRUKTUR_HEADERS } from './layouts';
import { KLPD, TAHUN_ANGGARAN, type AgencySpec } from './pemda';
import type { Rng } from './prng';

type StrukturColumn = (typeof STRUKTUR_HEADERS)[number];

export interface StrukturRow extends Record<StrukturColumn, CsvValue> {
  kd_satker: string;
  kd_satker_str: string;
  nama_satker: string;
  belanja_operasi: number | null;
  belanja_modal: number | null;
  belanja_btt: number | null;
  belanja_non_pengadaan: number | null;
  belanja_pengadaan: number | null;
  total_belanja: number | null;
}

interface BudgetParts {
  operasi: number;
  modal: number;
  btt: number;
  nonPengadaan: number;
}

function strukturRow(agency: AgencySpec, parts: BudgetParts | null): StrukturRow {
  const pengadaan = parts === null ? null : parts.operasi + parts.modal;
  return {
    tahun_anggaran: TAHUN_ANGGARAN,
    kd_klpd: KLPD.kd_klpd,
    nama_klpd: KLPD.nama_klpd,
    kd_satker: agency.kdSatker,
    kd_satker_str: agency.kdSatkerStr,
    nama_satker: agency.namaSatker,
    belanja_operasi: parts?.operasi ?? null,
    belanja_modal: parts?.modal ?? null,
    belanja_btt: parts?.btt ?? null,
    belanja_non_pengadaan: parts?.nonPengadaan ?? null,
    belanja_pengadaan: pengadaan,
    total_belanja: parts === null || pengadaan === null ? null : pengadaan + parts.nonPengadaan + parts.btt,
  };
}

/**
 * The agency's struktur row and the denominator its PDN/UKM targets are measured against: belanja_pengadaan, or
 * the counted RUP pagu (`countedSen`, penyedia + swakelola) when the agency has no budget structure (all money
 * fields empty). `counted` are its counted penyedia packages.
 */
export function budgetFor(
  rng: Rng,
  agency: AgencySpec,
  counted: readonly { pagu: number; jenis: readonly number[] }[],
  countedSen: number,
): { row: StrukturRow; denominatorSen: number } {
  if (agency.budgetFactor === null) return { row: strukturRow(agency, null), denominatorSen: countedSen };
  const countedRupiah = Math.round(countedSen / 100);
  const pengadaan = Math.round(countedRupiah * agency.budgetFactor) + rng.int(0, 999_999);
  const konstruksiSen = counted.filter((d) => d.jenis.includes(2)).reduce((sum, d) => sum + toSen(d.pagu), 0);
  const modalShare = Math.min(0.85, Math.max(0.04, (konstruksiSen / countedSen) * 1.05 + rng.next() * 0.06));
  const modal = Math.round(pengadaan * modalShare);
  // Belanja pegawai dominates education and health budgets.
  const [lo, hi] =
    agency.profile === 'pendidikan' ? [2.5, 4.5] : agency.mix === 'health' ? [0.8, 2] : [0.35, 1.8];
  const nonPengadaan = Math.round(pengadaan * rng.logUniform(lo, hi));
  const btt = agency.profile === 'keuangan' ? rng.int(8_000, 15_000) * 1_000_000 : 0;
  return {
    row: strukturRow(agency, { operasi: pengadaan - modal, modal, btt, nonPengadaan }),
    denominatorSen: pengadaan * 100,
  };
}
