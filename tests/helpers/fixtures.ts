/**
 * Small, readable fixture builders for SIRUP exports. Expected figures in tests are computed from these
 * in-memory rows with BigInt cents, independently of the SQL under test.
 */

export const PENYEDIA_HEADERS = [
  'tahun_anggaran', 'kd_klpd', 'nama_klpd', 'jenis_klpd', 'kd_satker', 'kd_satker_str', 'nama_satker', 'kd_rup',
  'nama_paket', 'pagu', 'kd_metode_pengadaan', 'metode_pengadaan', 'kd_jenis_pengadaan', 'jenis_pengadaan',
  'status_pradipa', 'status_pdn', 'status_ukm', 'alasan_non_ukm', 'status_konsolidasi', 'tipe_paket',
  'kd_rup_swakelola', 'kd_rup_lokal', 'volume_pekerjaan', 'urarian_pekerjaan', 'spesifikasi_pekerjaan',
  'tgl_awal_pemilihan', 'tgl_akhir_pemilihan', 'tgl_awal_kontrak', 'tgl_akhir_kontrak', 'tgl_awal_pemanfaatan',
  'tgl_akhir_pemanfaatan', 'tgl_buat_paket', 'tgl_pengumuman_paket', 'nip_ppk', 'nama_ppk', 'username_ppk',
  'status_aktif_rup', 'status_delete_rup', 'status_umumkan_rup', 'status_dikecualikan', 'alasan_dikecualikan',
  'tahun_pertama', 'kode_rup_tahun_pertama', 'nomor_kontrak', 'spp_aspek_ekonomi', 'spp_aspek_sosial',
  'spp_aspek_lingkungan', '_event_date',
]; // prettier-ignore

export const SWAKELOLA_HEADERS = [
  'tahun_anggaran', 'kd_klpd', 'nama_klpd', 'jenis_klpd', 'kd_satker', 'kd_satker_str', 'nama_satker', 'kd_rup',
  'nama_paket', 'pagu', 'tipe_swakelola', 'volume_pekerjaan', 'uraian_pekerjaan', 'tgl_awal_pelaksanaan_kontrak',
  'tgl_akhir_pelaksanaan_kontrak', 'nip_ppk', 'nama_ppk', 'username_ppk', 'status_aktif_rup', 'status_delete_rup',
  'status_umumkan_rup', '_event_date',
]; // prettier-ignore

export const STRUKTUR_HEADERS = [
  'tahun_anggaran', 'kd_klpd', 'nama_klpd', 'kd_satker', 'kd_satker_str', 'nama_satker', 'belanja_operasi',
  'belanja_modal', 'belanja_btt', 'belanja_non_pengadaan', 'belanja_pengadaan', 'total_belanja',
]; // prettier-ignore

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

function csvCell(v: string, delim = ','): string {
  return /["\r\n]/.test(v) || v.includes(delim) ? `"${v.replaceAll('"', '""')}"` : v;
}

export function toCsv(headers: string[], rows: Record<string, string>[], delim = ','): string {
  const lines = [headers.map((h) => csvCell(h, delim)).join(delim)];
  for (const r of rows) lines.push(headers.map((h) => csvCell(r[h] ?? '', delim)).join(delim));
  return lines.join('\n') + '\n';
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
  return {
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
  };
}

/** Is this package counted for komitmen (announced, active, not deleted)? Written from the domain rule. */
export function counted(p: Paket): boolean {
  return (p.umumkan ?? 'Terumumkan') === 'Terumumkan' && p.aktif !== false && !p.deleted;
}

/** A tiny deterministic PRNG so fixtures are the same on every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
