/**
 * Small, readable fixture builders for SIRUP exports. Expected figures in tests are computed from these
 * in-memory rows with BigInt cents, independently of the SQL under test. Header layouts, the CSV writer and the
 * PRNG are the sample generator's: scripts/sample/{layouts,csv,prng}.ts.
 */
import type { PENYEDIA_HEADERS } from '../../scripts/sample/layouts';

export interface Agency {
  kd: string;
  str: string;
  nama: string;
}

export interface Paket {
  agency: Agency;
  kdRup: string;
  /** Rupiah in cents, exact. */
  cents: bigint;
  pdn: boolean;
  ukm: boolean;
  aktif?: boolean;
  deleted?: boolean;
  umumkan?: string;
  /** Override the pagu text as written to the file. */
  paguText?: string;
}

/** Cents -> plain API text (`1234.5` -> `1234.50`). */
export function centsText(c: bigint): string {
  const neg = c < 0n;
  const a = neg ? -c : c;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}

/** Cents -> Indonesian locale text (`1.234.567,89`). */
export function centsTextId(c: bigint): string {
  const whole = (c / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${whole},${String(c % 100n).padStart(2, '0')}`;
}

export function penyediaRow(p: Paket): Record<string, string> {
  const row = {
    tahun_anggaran: '2025',
    kd_klpd: 'D999',
    nama_klpd: 'Kab. Uji',
    jenis_klpd: 'Kabupaten',
    kd_satker: p.agency.kd,
    kd_satker_str: p.agency.str,
    nama_satker: p.agency.nama,
    kd_rup: p.kdRup,
    nama_paket: `Paket ${p.kdRup}, "uji"`,
    pagu: p.paguText ?? centsText(p.cents),
    kd_metode_pengadaan: '8',
    metode_pengadaan: 'Pengadaan Langsung',
    kd_jenis_pengadaan: '1',
    jenis_pengadaan: 'Barang',
    status_pdn: p.pdn ? 'PDN' : 'Non-PDN',
    status_ukm: p.ukm ? 'UKM' : 'Non-UKM',
    alasan_non_ukm: p.ukm ? '' : 'Kompetensi tidak sesuai dengan usaha kecil',
    status_aktif_rup: p.aktif === false ? 'false' : 'true',
    status_delete_rup: p.deleted ? 'true' : 'false',
    status_umumkan_rup: p.umumkan ?? 'Terumumkan',
    tgl_buat_paket: '2025-01-04 22:31:51',
  } satisfies Partial<Record<(typeof PENYEDIA_HEADERS)[number], string>>;
  return row;
}

/** Is this package counted for komitmen (announced, active, not deleted)? Written from the domain rule. */
export function counted(p: Paket): boolean {
  return (p.umumkan ?? 'Terumumkan') === 'Terumumkan' && p.aktif !== false && !p.deleted;
}
